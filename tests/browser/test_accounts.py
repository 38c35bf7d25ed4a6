"""The login defence and the second factor in the browser: the lockout page, the code step, the
setup page and the recovery codes pass axe-core (WCAG 2.1 AA) under the strict CSP."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD, current_code, with_second_factor
from tests.browser.axe import axe_violations, format_violations
from tests.factories import UserFactory


def no_violations(page, what: str) -> list[str]:
    violations = axe_violations(page)
    return [f"{what}\n{format_violations(violations)}"] if violations else []


def password_step(site, username: str, password: str = PASSWORD) -> None:
    site.page.fill("#id_username", username)
    site.page.fill("#id_password", password)
    site.page.click("input[type=submit]")
    site.page.wait_for_load_state("load")


def test_the_lockout_page_explains_in_german_and_passes_axe(site):
    UserFactory(username="redakteurin")
    site.open("/admin/login/")
    for _ in range(4):
        password_step(site, "redakteurin", "falsch")
        site.page.wait_for_selector(".errornote")
    password_step(site, "redakteurin", "falsch")
    site.page.wait_for_selector("text=Anmeldung vorübergehend gesperrt")
    assert "Zentrale Redaktion" in site.page.content()
    assert site.page.locator("html").get_attribute("lang") == "de"
    assert no_violations(site.page, "lockout") == []


def test_the_code_step_signs_in_and_passes_axe(site):
    user = UserFactory(username="zentrale", is_superuser=True)
    device = with_second_factor(user)
    site.open("/admin/login/?next=/admin/")
    password_step(site, "zentrale")
    site.page.wait_for_selector("#id_code")
    found = no_violations(site.page, "code step")
    site.page.fill("#id_code", "000000")
    site.page.click("input[type=submit]")
    site.page.wait_for_selector(".errornote")
    assert "Der Code ist falsch" in site.page.locator(".errornote").inner_text()
    found += no_violations(site.page, "code step with error")
    # django-otp makes the next try wait a second after a wrong code (tests/accounts/test_two_factor.py).
    device.throttle_reset()
    site.page.fill("#id_code", current_code(device))
    site.page.click("input[type=submit]")
    site.page.wait_for_url(site.url("/admin/"))
    assert found == []


def test_setting_up_the_app_and_the_recovery_codes_pass_axe(site):
    UserFactory(username="zentrale", is_superuser=True)
    site.open("/admin/login/?next=/admin/")
    password_step(site, "zentrale")
    site.page.wait_for_url(site.url("/admin/"))
    site.page.get_by_role("link", name="Zwei-Faktor-Anmeldung").click()
    site.page.wait_for_selector("img.two-factor-qr")
    # Loaded (or failed): a broken QR code still fails the assertion below.
    site.page.wait_for_function("() => document.querySelector('img.two-factor-qr').complete")
    assert site.page.evaluate("() => document.querySelector('img.two-factor-qr').naturalWidth") > 0
    found = no_violations(site.page, "setup")
    device = TOTPDevice.objects.get(user__username="zentrale", confirmed=False)
    site.page.fill("#id_code", current_code(device))
    site.page.click("input[type=submit]")
    site.page.wait_for_selector(".recovery-codes")
    assert site.page.locator(".recovery-codes li").count() == 10
    found += no_violations(site.page, "recovery codes")
    assert found == []
