"""The login defence and the second factor in the browser: the lockout page, the code step, the
setup page, the recovery codes, „Passwort vergessen?“ and the central team's reset of a second
factor pass axe-core (WCAG 2.1 AA) under the strict CSP."""

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import password_reset
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
    site.page.get_by_role("link", name="Zwei-Faktor-Anmeldung", exact=True).click()
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


WIDTHS = (1366, 390)  # a desk and a phone


def no_violations_at_both_widths(page, what: str) -> list[str]:
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        found += no_violations(page, f"{what} at {width} px")
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return found


def test_password_reset_and_second_factor_reset_pages_pass_axe(site, monkeypatch, settings):
    """Each page of „Passwort vergessen?“ (with its errors) and of the central team's reset of a
    second factor, at the width of a desk and of a phone."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # quick logins
    monkeypatch.setattr(password_reset, "ANSWER_SECONDS", 0)
    monkeypatch.setattr(password_reset, "MAILS_PER_EMAIL", 1)
    user = UserFactory(username="redakteurin")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    page = site.page
    found = []

    site.open("/admin/login/")
    found += no_violations_at_both_widths(page, "login with „Passwort vergessen?“")
    page.get_by_role("link", name="Passwort vergessen?").click()
    page.wait_for_selector("#id_email")
    found += no_violations_at_both_widths(page, "reset form")
    page.fill("#id_email", "keine-adresse")
    page.click("input[type=submit]")
    page.wait_for_selector(".errornote")
    found += no_violations_at_both_widths(page, "reset form with error")
    for expected in ["E-Mail unterwegs", "Zu viele Anfragen"]:  # the second asks once too often
        page.fill("#id_email", "redakteurin@example.org")
        page.click("input[type=submit]")
        page.wait_for_selector(f"h1:has-text('{expected}')")
        found += no_violations_at_both_widths(page, expected)
        site.open("/admin/passwort-vergessen/")

    site.open(f"/admin/passwort-neu/{uid}/{default_token_generator.make_token(user)}/")
    page.wait_for_selector("#id_new_password1")
    found += no_violations_at_both_widths(page, "new password")
    page.fill("#id_new_password1", "kurz")
    page.fill("#id_new_password2", "kurz")
    page.click("input[type=submit]")
    page.wait_for_selector(".errornote")
    found += no_violations_at_both_widths(page, "new password with errors")
    page.fill("#id_new_password1", "ein-ganz-neues-kennwort-2030")
    page.fill("#id_new_password2", "ein-ganz-neues-kennwort-2030")
    page.click("input[type=submit]")
    page.wait_for_selector("text=Ihr neues Passwort ist gespeichert")
    found += no_violations_at_both_widths(page, "new password saved")
    site.open(f"/admin/passwort-neu/{uid}/abc-def/")
    found += no_violations_at_both_widths(page, "invalid link")

    with_second_factor(user)
    UserFactory(username="zentrale", is_superuser=True)
    site.open("/admin/login/?next=/admin/")
    password_step(site, "zentrale")
    page.wait_for_url(site.url("/admin/"))
    site.open("/admin/zwei-faktor/zuruecksetzen/")
    found += no_violations_at_both_widths(page, "accounts with a second factor")
    page.get_by_role("link", name="redakteurin").click()
    page.wait_for_selector("text=Ja, Zwei-Faktor-Anmeldung zurücksetzen")
    found += no_violations_at_both_widths(page, "confirm the reset")
    page.click("input[type=submit]")
    page.wait_for_selector(".messagelist")
    assert "ist zurückgesetzt" in page.locator(".messagelist").inner_text()
    site.open("/admin/accounts/secondfactorreset/")
    found += no_violations_at_both_widths(page, "log of resets")
    assert found == []
