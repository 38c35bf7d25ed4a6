"""The central team resets another editor's second factor (a lost phone) in the admin, after a
confirmation, logged with who, whom and when; Kommune editors cannot, and only administrators
reset an administrator's."""

import logging

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecondFactorReset
from tests.accounts.conftest import PASSWORD, with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/zwei-faktor/zuruecksetzen/"


@pytest.fixture(autouse=True)
def quick_hashes(settings):
    """The tests log in often: a fast hasher (the rules tested here do not depend on it)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def confirm_url(user) -> str:
    return f"{LIST}{user.pk}/"


def devices(user) -> int:
    return TOTPDevice.objects.filter(user=user).count() + StaticDevice.objects.filter(user=user).count()


def test_the_central_team_resets_an_editors_second_factor_after_confirming_it(client, central, kommune_editor, caplog):
    with_second_factor(kommune_editor)
    client.force_login(central)
    listing = client.get(LIST).content.decode()
    assert "redaktion-dueren" in listing and f'href="{confirm_url(kommune_editor)}"' in listing
    page = client.get(confirm_url(kommune_editor))
    assert page.status_code == 200
    html = page.content.decode()
    assert "redaktion-dueren" in html and "Zwei-Faktor-Anmeldung zurücksetzen" in html
    assert devices(kommune_editor) == 2  # a GET changes nothing

    with caplog.at_level(logging.INFO, logger="accounts.login"):
        response = client.post(confirm_url(kommune_editor), REMOTE_ADDR="192.0.2.44")
    assert response.status_code == 302 and response["Location"] == LIST
    assert devices(kommune_editor) == 0
    entry = SecondFactorReset.objects.get()
    assert (entry.by_username, entry.username) == ("zentrale", "redaktion-dueren")
    assert entry.created_at is not None
    assert any(
        "second factor reset" in r.getMessage()
        and "'zentrale'" in r.getMessage()
        and "'redaktion-dueren'" in r.getMessage()
        and "192.0.2.44" in r.getMessage()
        for r in caplog.records
    )
    assert "zurückgesetzt" in client.get(LIST).content.decode()
    # The central team reads the log in the admin.
    log_page = client.get("/admin/accounts/secondfactorreset/")
    assert log_page.status_code == 200 and "redaktion-dueren" in log_page.content.decode()


def test_after_the_reset_the_login_asks_no_code_and_a_required_factor_is_set_up_again(client, central, settings):
    settings.REQUIRE_2FA = True
    colleague = UserFactory(username="kollegin", is_superuser=False)
    colleague.groups.add(*central.groups.all())
    with_second_factor(colleague)
    with_second_factor(central)
    client.force_login(central)
    # Signed in without the code would be refused: mark the session verified as the code step does.
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=central).persistent_id
    session.save()
    assert client.post(confirm_url(colleague)).status_code == 302
    client.logout()

    response = client.post("/admin/login/", {"username": "kollegin", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == "/admin/zwei-faktor/"


def test_a_kommune_editor_can_neither_open_nor_use_the_reset(client, central, kommune_editor):
    with_second_factor(central)
    client.force_login(kommune_editor)
    assert client.get(LIST).status_code == 403
    assert client.get(confirm_url(central)).status_code == 403
    assert client.post(confirm_url(central)).status_code == 403
    assert devices(central) == 2
    assert not SecondFactorReset.objects.exists()
    assert client.get("/admin/accounts/secondfactorreset/").status_code == 403


def test_the_central_team_cannot_reset_an_administrators_factor(client, central):
    admin = UserFactory(username="administratorin", is_superuser=True)
    with_second_factor(admin)
    client.force_login(central)
    assert "administratorin" not in client.get(LIST).content.decode()
    assert client.get(confirm_url(admin)).status_code == 404
    assert client.post(confirm_url(admin)).status_code == 404
    assert devices(admin) == 2
    assert not SecondFactorReset.objects.exists()


def test_an_administrator_resets_another_administrators_factor(client):
    first = UserFactory(username="admin-eins", is_superuser=True)
    second = UserFactory(username="admin-zwei", is_superuser=True)
    with_second_factor(second)
    client.force_login(first)
    assert client.post(confirm_url(second)).status_code == 302
    assert devices(second) == 0


@pytest.mark.parametrize("who", ["nobody", "self", "not staff"])
def test_missing_own_and_non_staff_accounts_answer_404(client, central, who):
    target = {
        "nobody": None,
        "self": central,
        "not staff": UserFactory(username="besucher", is_staff=False),
    }[who]
    if target is not None:
        with_second_factor(target)
    client.force_login(central)
    url = f"{LIST}999999/" if target is None else confirm_url(target)
    assert client.post(url).status_code == 404
    if target is not None:
        assert devices(target) == 2
