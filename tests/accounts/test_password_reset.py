"""Password reset by e-mail for editors (issue 27, finding 7): the same answer whether or not the
address belongs to an account, limited per address, a link valid for an hour and only once, and
afterwards no login without the password step, the second factor and the lockout of django-axes."""

import re
import time
from datetime import datetime, timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts import password_reset
from accounts.models import ResetThrottle
from tests.accounts.conftest import PASSWORD, with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = "/admin/passwort-vergessen/"
DONE = "/admin/passwort-vergessen/gesendet/"
NEW_PASSWORD = "ein-ganz-neues-kennwort-2030"
LINK = re.compile(r"(https?://[^/\s]+)(/admin/passwort-neu/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def quick_hashes(settings):
    """The tests log in often: a fast hasher (the rules tested here do not depend on it)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def quick_answers(monkeypatch):
    """Every answer waits for a fixed time (no timing oracle); the tests of other rules wait less."""
    monkeypatch.setattr(password_reset, "ANSWER_SECONDS", 0.01)


def ask(client, email, address="192.0.2.10"):
    return client.post(FORM, {"email": email}, REMOTE_ADDR=address)


def link_in(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(2)


def set_new_password(client, path, password=NEW_PASSWORD):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].endswith("/set-password/")
    return client.post(response["Location"], {"new_password1": password, "new_password2": password})


def test_the_login_page_links_to_the_reset_in_german(client):
    html = client.get("/admin/login/").content.decode()
    assert f'<a href="{FORM}">Passwort vergessen?</a>' in html
    page = client.get(FORM)
    assert page.status_code == 200
    assert '<html lang="de"' in page.content.decode() and "E-Mail-Adresse" in page.content.decode()


def test_a_known_and_an_unknown_address_get_the_same_answer_and_only_the_editor_a_mail(client, settings):
    settings.SITE_URL = "https://www.kommunale-jobcenter.de"
    UserFactory(username="redakteurin", email="redakteurin@kreis-dueren.de")
    known = ask(client, "Redakteurin@kreis-dueren.de")
    assert len(mail.outbox) == 1
    unknown = ask(client, "niemand@kreis-dueren.de")
    assert len(mail.outbox) == 1
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == DONE
    assert client.get(DONE).content.decode().count("Wenn zu dieser Adresse ein Redaktionskonto gehört") == 1

    message = mail.outbox[0]
    assert message.to == ["redakteurin@kreis-dueren.de"]
    assert message.subject == "Neues Passwort für die Redaktion von Kommunale Jobcenter"
    assert "Benutzername: redakteurin" in message.body and "eine Stunde" in message.body
    # Absolute, from the site's own address (DJANGO_SITE_URL), never from the request's Host.
    assert LINK.search(message.body).group(1) == "https://www.kommunale-jobcenter.de"


def test_the_link_never_takes_the_requests_host(client, settings):
    """Host header poisoning: even a Host that ALLOWED_HOSTS lets through does not make the link."""
    settings.SITE_URL = "https://www.kommunale-jobcenter.de"
    settings.ALLOWED_HOSTS = ["testserver", "angreifer.example"]
    UserFactory(username="redakteurin")
    client.post(FORM, {"email": "redakteurin@example.org"}, HTTP_HOST="angreifer.example")
    assert LINK.search(mail.outbox[0].body).group(1) == "https://www.kommunale-jobcenter.de"
    assert "angreifer" not in mail.outbox[0].body


def test_the_answer_takes_the_same_fixed_time_whether_or_not_a_mail_is_sent(client, monkeypatch):
    monkeypatch.setattr(password_reset, "ANSWER_SECONDS", 0.3)
    UserFactory(username="redakteurin")
    durations = []
    for email in ["redakteurin@example.org", "niemand@example.org"]:
        start = time.monotonic()
        ask(client, email)
        durations.append(time.monotonic() - start)
    assert len(mail.outbox) == 1
    # Both wait for the fixed time; the upper bound only guards against a hang on a busy machine.
    assert all(0.3 <= duration < 1.5 for duration in durations), durations


@pytest.mark.parametrize(
    "fields",
    [{"is_active": False}, {"is_staff": False}],
    ids=["inactive", "not staff"],
)
def test_inactive_and_non_staff_accounts_get_no_mail_and_the_same_answer(client, fields):
    UserFactory(username="konto", **fields)
    response = ask(client, "konto@example.org")
    assert response.status_code == 302 and response["Location"] == DONE
    assert mail.outbox == []


def test_a_link_for_an_account_that_lost_its_staff_status_since_is_refused(client):
    user = UserFactory(username="redakteurin")
    ask(client, "redakteurin@example.org")
    user.is_staff = False
    user.save()
    page = client.get(link_in(mail.outbox[0]))
    assert page.status_code == 200 and "Dieser Link ist ungültig" in page.content.decode()


@pytest.mark.engine
def test_three_mails_per_address_and_hour_then_a_german_429_with_retry_after(client):
    UserFactory(username="redakteurin")
    answers = [ask(client, "redakteurin@example.org").status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    # Another client address asks for the same e-mail address: still limited.
    refused = ask(client, "REDAKTEURIN@example.org", address="198.51.100.7")
    assert refused.status_code == 429
    assert 3500 <= int(refused["Retry-After"]) <= 3600
    html = refused.content.decode()
    assert '<html lang="de"' in html and "Zu viele Anfragen" in html
    # An unknown address is limited in the same way (no oracle in the limit either).
    assert [ask(client, "niemand@example.org").status_code for _ in range(4)] == [302, 302, 302, 429]
    # Only keyed hashes are stored, never the addresses.
    assert not ResetThrottle.objects.filter(key__contains="@").exists()


def test_one_client_address_may_ask_for_ten_addresses_per_hour(client):
    answers = [ask(client, f"person{n}@example.org").status_code for n in range(11)]
    assert answers == [302] * 10 + [429]
    assert ask(client, "person0@example.org", address="198.51.100.7").status_code == 302


def test_the_limit_window_ends_after_an_hour(client):
    for _ in range(3):
        ask(client, "redakteurin@example.org")
    assert ask(client, "redakteurin@example.org").status_code == 429
    ResetThrottle.objects.update(window_start=datetime.now().astimezone() - timedelta(hours=1, seconds=1))
    assert ask(client, "redakteurin@example.org").status_code == 302


def test_the_link_sets_a_new_password_once_and_does_not_sign_in(client):
    user = UserFactory(username="redakteurin")
    ask(client, "redakteurin@example.org")
    path = link_in(mail.outbox[0])
    done = set_new_password(client, path)
    assert done.status_code == 302 and done["Location"] == "/admin/passwort-neu/fertig/"
    complete = client.get(done["Location"]).content.decode()
    assert "Ihr neues Passwort ist gespeichert" in complete and 'href="/admin/login/"' in complete
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Not signed in: the login is still the way in.
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    # Used: the same link again is refused.
    again = client.get(path)
    assert again.status_code == 200 and "Dieser Link ist ungültig" in again.content.decode()


def test_the_link_expires_after_an_hour(client, settings):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    user = UserFactory(username="redakteurin")
    generator = PasswordResetTokenGenerator()
    generator._now = lambda: datetime.now() - timedelta(hours=1, minutes=1)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    page = client.get(f"/admin/passwort-neu/{uid}/{generator.make_token(user)}/")
    assert page.status_code == 200 and "Dieser Link ist ungültig" in page.content.decode()


def test_after_the_reset_the_login_still_asks_for_the_second_factor(client):
    user = UserFactory(username="zentrale", email="zentrale@example.org")
    with_second_factor(user)
    ask(client, "zentrale@example.org")
    set_new_password(client, link_in(mail.outbox[0]))
    response = client.post("/admin/login/", {"username": "zentrale", "password": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/login/code/"
    assert "_auth_user_id" not in client.session


def test_a_reset_does_not_lift_a_lockout(client):
    UserFactory(username="redakteurin")
    for _ in range(5):
        client.post("/admin/login/", {"username": "redakteurin", "password": "falsch"}, REMOTE_ADDR="192.0.2.10")
    assert AccessAttempt.objects.filter(username="redakteurin").exists()
    ask(client, "redakteurin@example.org")
    set_new_password(client, link_in(mail.outbox[0]))
    response = client.post(
        "/admin/login/", {"username": "redakteurin", "password": NEW_PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_weak_new_password_is_refused_in_german(client):
    user = UserFactory(username="redakteurin")
    ask(client, "redakteurin@example.org")
    response = set_new_password(client, link_in(mail.outbox[0]), password="kurz")
    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
