"""Fixtures for every test: isolated media storage and caches, users, a query helper."""

import pytest
from django.db import connections

from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Make the serialized test data (the rows migrations load) reach every connection object.

    Django keeps them on the connection object that created the test database. Once
    Playwright's event loop runs in the main thread (browser tests), asgiref hands out a
    different connection object there, so a live-server test's serialized rollback found
    nothing to restore and the 104 Kommunen etc. were gone after the first flush, whenever
    a database test had run before the browser tests. Keeping the data on the backend
    class lets every connection object of that backend restore it.
    """
    with django_db_blocker.unblock():
        wrapper = connections["default"]
    contents = getattr(wrapper, "_test_serialized_contents", None)
    if contents is not None:
        type(wrapper)._test_serialized_contents = contents
    yield
    if contents is not None:
        del type(wrapper)._test_serialized_contents


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Every test gets its own MEDIA_ROOT and empty per-process caches.

    Under PostgreSQL CI the configured cache is Redis, shared by parallel workers; tests
    that need Redis itself say so explicitly (tests/test_infrastructure.py).
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"t-{tmp_path.name}"},
        "imagekit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"ik-{tmp_path.name}",
            "TIMEOUT": None,
        },
    }
    yield


@pytest.fixture
def admin_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
