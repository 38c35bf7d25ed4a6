"""Fixtures for every test: isolated media storage and caches, users, a query helper."""

import importlib.util
from pathlib import Path

import pytest

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import UserFactory, editor


def pytest_configure(config):
    """The .mo files are build products: compile them for a bare `pytest` too (only when the
    .po changed; once, in the controller, before xdist's workers start)."""
    if hasattr(config, "workerinput"):
        return
    script = Path(__file__).resolve().parent.parent / "scripts" / "compile_messages.py"
    spec = importlib.util.spec_from_file_location("compile_messages", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.compile_all()


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Every test gets its own MEDIA_ROOT, CONSENT_ROOT and empty per-process caches.

    Under PostgreSQL CI the configured cache is Redis, shared by parallel workers; tests
    that need Redis itself say so explicitly (tests/test_infrastructure.py).
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    settings.CONSENT_ROOT = tmp_path / "private"  # signed consent documents
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"t-{tmp_path.name}"},
        "imagekit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"ik-{tmp_path.name}",
            "TIMEOUT": None,
        },
        # The page cache (shared/pagecache.py) is on in every test, as on the site; each test
        # has its own, and its own generation file.
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"p-{tmp_path.name}"},
    }
    settings.PAGE_CACHE_STAMP = tmp_path / "page-cache-generation"
    yield


@pytest.fixture
def admin_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def dueren_editor(db):
    """redaktion-dueren: the Kommune editor of Kreis Düren."""
    return editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren", email="presse@kreis-dueren.example")


@pytest.fixture
def central_editor(db):
    """zentrale: a member of the central team."""
    return editor(CENTRAL_EDITORS, username="zentrale", email="redaktion@jobcenter.example")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def generated_files(db):
    """The generated products (PDFs) made now in this process, as `make_generated_files --now` does."""
    from generated import makers

    return makers.make_all()


@pytest.fixture
def immediate_tasks(settings):
    """Tasks run in the process that enqueues them (Django's ImmediateBackend)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
