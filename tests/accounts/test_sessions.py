"""Admin sessions end after 30 minutes without a request and when the browser closes; a visitor
still gets no cookie."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_session_cookie_ends_with_the_browser_and_the_session_after_30_idle_minutes(client, settings):
    assert settings.SESSION_COOKIE_AGE == 1800 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    UserFactory(username="redakteurin")
    response = client.post("/admin/login/", {"username": "redakteurin", "password": PASSWORD})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    session = Session.objects.get()
    assert timedelta(minutes=29) < session.expire_date - timezone.now() <= timedelta(minutes=30)


def test_each_request_moves_the_idle_limit_on(client):
    UserFactory(username="redakteurin")
    client.post("/admin/login/", {"username": "redakteurin", "password": PASSWORD})
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get("/admin/").status_code == 200
    assert Session.objects.get().expire_date - timezone.now() > timedelta(minutes=29)


def test_after_30_idle_minutes_the_admin_asks_for_the_login_again(client):
    UserFactory(username="redakteurin")
    client.post("/admin/login/", {"username": "redakteurin", "password": PASSWORD})
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_visitor_gets_no_cookie(client):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies
