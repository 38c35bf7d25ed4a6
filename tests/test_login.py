"""Signing in: the only login is the admin's (no django.contrib.auth.urls); it ends on the admin index."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_login_without_next_lands_on_the_admin_index(client):
    UserFactory(username="redakteurin", is_staff=True)
    response = client.post("/admin/login/", {"username": "redakteurin", "password": "ein-langes-testpasswort"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_the_login_settings_name_pages_that_exist(client):
    assert resolve_url(settings.LOGIN_REDIRECT_URL) == "/admin/"
    assert resolve_url(settings.LOGIN_URL) == "/admin/login/"
    assert client.get("/accounts/login/").status_code == 404  # django.contrib.auth.urls is not included
