"""The second factor (django-otp): staff set up an authenticator app in the admin and get
recovery codes once; the login asks for a code after the password; with DJANGO_REQUIRE_2FA=true
the central team and administrators cannot use the admin without one."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.conftest import PASSWORD, current_code, with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETUP = "/admin/zwei-faktor/"
WRONG = "Der Code ist falsch oder abgelaufen"


def password_step(client, username, next_url=None):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/admin/login/", data)


def test_staff_set_up_the_app_with_a_code_and_see_ten_recovery_codes_once(client, kommune_editor):
    client.force_login(kommune_editor)
    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="/admin/zwei-faktor/qr.svg"' in html and "Einrichten" in html
    qr = client.get("/admin/zwei-faktor/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and "no-store" in qr["Cache-Control"]
    assert qr.content.lstrip().startswith(b"<?xml") and b"<svg" in qr.content
    device = TOTPDevice.objects.get(user=kommune_editor, confirmed=False)

    response = client.post(SETUP, {"code": current_code(device)})
    assert response.status_code == 200
    assert "Die Zwei-Faktor-Anmeldung ist eingerichtet" in response.content.decode()
    codes = list(response.context["codes"])
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(code in response.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert sorted(StaticToken.objects.filter(device__user=kommune_editor).values_list("token", flat=True)) == sorted(
        codes
    )
    # Shown once: the page now offers to replace the app, never the codes again.
    again = client.get(SETUP).content.decode()
    assert not any(code in again for code in codes) and "bereits eine Authenticator-App" in again


def test_a_wrong_code_does_not_confirm_the_app(client, kommune_editor):
    client.force_login(kommune_editor)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert not TOTPDevice.objects.filter(user=kommune_editor, confirmed=True).exists()
    assert not StaticToken.objects.exists()


def test_login_with_a_second_factor_asks_for_the_app_code(client, central):
    device = with_second_factor(central)
    response = password_step(client, "zentrale", next_url="/admin/press/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/code/"
    assert "_auth_user_id" not in client.session  # not signed in before the code
    page = client.get("/admin/login/code/").content.decode()
    assert '<html lang="de"' in page and "Authenticator-App" in page
    response = client.post("/admin/login/code/", {"code": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/admin/press/"
    assert client.session["_auth_user_id"] == str(central.pk)
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_in_german(client, central):
    with_second_factor(central)
    password_step(client, "zentrale")
    response = client.post("/admin/login/code/", {"code": "123456"})
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, central):
    with_second_factor(central, recovery=["abcdefgh23", "zyxwvuts98"])
    password_step(client, "zentrale")
    assert client.post("/admin/login/code/", {"code": "ABCD EFGH 23"}).status_code == 302
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["zyxwvuts98"]
    client.logout()
    password_step(client, "zentrale")
    response = client.post("/admin/login/code/", {"code": "abcdefgh23"})
    assert response.status_code == 200 and WRONG in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_code_step_without_a_password_step_goes_back_to_the_login(client):
    assert client.get("/admin/login/code/")["Location"] == "/admin/login/"
    assert client.post("/admin/login/code/", {"code": "123456"})["Location"] == "/admin/login/"


def test_without_a_second_factor_the_password_alone_signs_in(client, kommune_editor):
    response = password_step(client, "redaktion-dueren")
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


def test_when_required_the_central_team_is_sent_to_the_setup_page(client, central, required):
    client.force_login(central)
    for path in ["/admin/", "/admin/press/pressrelease/", "/admin/auth/user/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == SETUP, path
    page = client.get(SETUP)
    assert page.status_code == 200
    assert "Ihr Konto braucht eine Zwei-Faktor-Anmeldung" in page.content.decode()
    device = TOTPDevice.objects.get(user=central)
    client.post(SETUP, {"code": current_code(device)})
    assert client.get("/admin/").status_code == 200


def test_when_required_an_administrator_needs_it_too(client, required):
    admin = UserFactory(username="admin", is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/")["Location"] == SETUP


def test_when_required_a_kommune_editor_still_works_without(client, kommune_editor, required):
    client.force_login(kommune_editor)
    assert client.get("/admin/").status_code == 200


def test_not_required_by_default_for_the_central_team(client, central, settings):
    assert settings.REQUIRE_2FA is False
    client.force_login(central)
    assert client.get("/admin/").status_code == 200


def test_when_required_a_session_without_the_code_must_sign_in_again(client, central, required):
    with_second_factor(central)
    client.force_login(central)  # a session that never passed the code step
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/?next=")
    assert "_auth_user_id" not in client.session


def test_when_required_the_two_step_login_opens_the_admin(client, central, required):
    device = with_second_factor(central)
    password_step(client, "zentrale")
    client.post("/admin/login/code/", {"code": current_code(device)})
    assert client.get("/admin/").status_code == 200


def test_after_wrong_codes_even_the_right_one_waits_and_the_message_says_so(client, central):
    device = with_second_factor(central)
    password_step(client, "zentrale")
    client.post("/admin/login/code/", {"code": "111111"})
    response = client.post("/admin/login/code/", {"code": current_code(device)})
    assert response.status_code == 200
    assert "müssen Sie vor dem nächsten Versuch etwas warten" in response.content.decode()
    assert "_auth_user_id" not in client.session
