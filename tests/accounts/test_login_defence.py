"""Login defence (django-axes): 5 wrong passwords lock one username at one address, never the
address as a whole or the account everywhere; the central team unlocks in the admin; every
login is logged without the password."""

import logging

import pytest
from axes.models import AccessAttempt

from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password, address="192.0.2.10", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def fail_five_times(client, username="redakteurin", address="192.0.2.10", **headers):
    return [attempt(client, username, "falsch", address, **headers).status_code for _ in range(5)]


def test_five_wrong_passwords_lock_the_account_at_that_address_with_a_german_429(client):
    UserFactory(username="redakteurin")
    assert fail_five_times(client) == [200, 200, 200, 200, 429]
    response = attempt(client, "redakteurin", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "Warten Sie 30 Minuten" in html and "Zentrale Redaktion" in html
    assert "_auth_user_id" not in client.session


def test_another_username_from_the_same_address_still_signs_in(client):
    UserFactory(username="redakteurin")
    UserFactory(username="kollege")
    fail_five_times(client)
    assert attempt(client, "kollege", PASSWORD).status_code == 302


def test_the_same_username_from_another_address_still_signs_in(client):
    UserFactory(username="redakteurin")
    fail_five_times(client, address="192.0.2.10")
    assert attempt(client, "redakteurin", PASSWORD, address="198.51.100.7").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_counts_and_cannot_be_forged(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="redakteurin")
    proxy = "10.0.0.1"
    fail_five_times(client, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
    # Another client behind the same proxy is not locked ...
    assert attempt(client, "redakteurin", PASSWORD, proxy, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 302
    client.logout()
    # ... and the locked one cannot escape by putting an address of its own in front.
    forged = "198.51.100.1, 203.0.113.5"
    assert attempt(client, "redakteurin", PASSWORD, proxy, HTTP_X_FORWARDED_FOR=forged).status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.1"),  # no proxy trusted: the header is the client's own text
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1, 203.0.113.5", "203.0.113.5"),
        (2, "198.51.100.1, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, "", "10.0.0.1"),  # a proxy that sent nothing: its own address, never None
        (1, "kein-ip", "10.0.0.1"),
    ],
)
def test_the_client_address_is_taken_from_the_right_of_x_forwarded_for(settings, rf, count, forwarded, expected):
    from shared.addresses import client_address as client_ip

    settings.TRUSTED_PROXY_COUNT = count
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="10.0.0.1")
    assert client_ip(request) == expected


def test_the_central_team_unlocks_in_the_admin(client, central):
    UserFactory(username="redakteurin")
    fail_five_times(client)
    lock = AccessAttempt.objects.get(username="redakteurin")
    admin = client.__class__()
    admin.force_login(central)
    assert admin.get("/admin/axes/accessattempt/").status_code == 200
    response = admin.post(f"/admin/axes/accessattempt/{lock.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert attempt(client, "redakteurin", PASSWORD).status_code == 302


def test_a_kommune_editor_cannot_see_or_lift_locks(client, kommune_editor):
    client.force_login(kommune_editor)
    assert client.get("/admin/axes/accessattempt/").status_code == 403


def test_failed_and_successful_logins_are_logged_without_the_password(client, caplog):
    UserFactory(username="redakteurin")
    with caplog.at_level(logging.INFO, logger="accounts.login"):
        attempt(client, "redakteurin", "geheim-und-falsch")
        attempt(client, "redakteurin", PASSWORD)
    records = [r.getMessage() for r in caplog.records if r.name == "accounts.login"]
    assert records == [
        "login failed: username='redakteurin' address=192.0.2.10",
        "login succeeded: username='redakteurin' address=192.0.2.10",
    ]
    assert "geheim-und-falsch" not in caplog.text and PASSWORD not in caplog.text


def test_the_lockout_is_logged(client, caplog):
    UserFactory(username="redakteurin")
    with caplog.at_level(logging.WARNING, logger="accounts.login"):
        fail_five_times(client)
    assert "login locked out: username='redakteurin' address=192.0.2.10" in caplog.text
