"""Fixtures for every test: isolated media storage and caches, users, a query helper."""

import contextlib
import importlib.util
import inspect
from pathlib import Path

import pytest

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests import dbtemplate
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


# The PostgreSQL pass of .ci/run runs only the tests marked `engine` (README "Tests"): what can
# behave differently on another database engine. Marked here by where a test lives, which fixtures
# it uses and what its own code calls; any other test can say `@pytest.mark.engine` itself.
ENGINE_PATHS = (
    "search/",  # full-text search: PostgreSQL's german configuration, ranking, GIN index
    "upgrade/",  # migrations of an old database forward
    "generated/test_tasks.py",  # the task queue's rows, select_for_update
    "test_several_servers.py",  # two gunicorns on one PostgreSQL + Redis
    "test_pg_restart.py",
    "test_degrade.py",  # Redis and the task worker stopped and started: caches, task rows, select_for_update
    "test_query_budgets.py",
    "test_infrastructure.py",  # Redis caches, health check's SQL, load_demo
    "test_text_limits.py",  # PostgreSQL refuses text longer than its column, SQLite does not
    "test_robots_sitemap.py",  # the sitemap's raw SQL
    "shared/test_pagecache.py",  # the generation's raw SQL, Redis
    "stories/test_draft_on_live.py",  # select_for_update on the published story and its change
    "editorial/test_history.py",  # concurrent saves: select_for_update of the version
    "mediafiles/test_video_pipeline.py",  # select_for_update when a video is done
    "campaign/test_barrier_report_limits.py",  # concurrent reports
    "browser/test_search.py",  # search as a visitor sees it: snippets, "Meinten Sie"
    "backup/",  # every table dumped and loaded with its id sequences, the snapshot's transaction
)
ENGINE_FIXTURES = {"django_assert_num_queries", "django_assert_max_num_queries"}
ENGINE_CALLS = (
    "count_queries(",
    "CaptureQueriesContext",
    "connection.vendor",
    ".vendor ==",
    "connection.cursor",
    "select_for_update",
    "require_redis",
    "require_postgres_and_redis",
)


def _depends_on_the_engine(item) -> bool:
    path = Path(str(item.fspath)).resolve().relative_to(Path(__file__).resolve().parent).as_posix()
    if path.startswith(ENGINE_PATHS) or ENGINE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") and not item.get_closest_marker("snapshot"):
        return True
    function = getattr(item, "function", None)
    if function is None:
        return False
    # The test's own code and the module's functions it calls (one level: helpers that count queries).
    module = inspect.getmodule(function)
    helpers = [getattr(module, name, None) for name in function.__code__.co_names]
    for code in [function, *(h for h in helpers if inspect.isfunction(h) and inspect.getmodule(h) is module)]:
        try:
            source = inspect.getsource(code)
        except (OSError, TypeError):
            continue
        if any(call in source for call in ENGINE_CALLS):
            return True
    return False


def _module_scoped_fixtures(item) -> bool:
    """True when the test uses a fixture set up once per module (a gunicorn site, a fake S3 server)."""
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.values() if info else ()
    return any(d.scope in ("module", "package") for defs in definitions for d in defs)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads xdist_group into the node ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        if not item.get_closest_marker("engine") and _depends_on_the_engine(item):
            item.add_marker(pytest.mark.engine)
        # `make test` distributes with --dist loadgroup: the tests of a module that starts a site
        # once for the module run on one worker, so the site (migrate, load_demo, collectstatic,
        # gunicorn: up to a minute of CPU) is made once, not once per worker.
        if not item.get_closest_marker("xdist_group") and _module_scoped_fixtures(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
    _group_node_ids(config, items)


def _group_node_ids(config, items) -> None:
    """pytest-xdist 3.8 groups `xdist_group` tests by appending `@group` to `item._nodeid`, which
    pytest 9 no longer reads (the node id is `item._id`): without this every test was scheduled
    alone and each module-wide site was built once per worker. The same suffix, where pytest 9
    keeps it (only in xdist's workers with --dist loadgroup)."""
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import NodeId

    for item in items:
        marks = item.iter_markers("xdist_group")
        groups = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks})
        if groups and "@" not in item.nodeid.rsplit("]", 1)[-1]:
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(groups)}")


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's test databases, but on SQLite the migrated template (tests/dbtemplate.py) is
    copied in instead of migrating in every worker, and a transactional test (browser tests) ends
    by copying it in again instead of a flush plus a reload of serialized rows. On PostgreSQL
    (or with TEST_DB_TEMPLATE=0) this is pytest-django's own set-up."""
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    templated = {alias for alias in aliases if dbtemplate.usable(connections[alias])}
    with _restore_after_transactional_tests(templated):
        with django_db_blocker.unblock(), _migrate_from_template(templated):
            db_cfg = setup_databases(
                verbosity=verbosity, interactive=False, aliases=aliases, serialized_aliases=serialized - templated
            )
        yield
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=verbosity)


@contextlib.contextmanager
def _migrate_from_template(aliases):
    """Django's create_test_db calls `migrate`: for these aliases, copy the template in instead."""
    import django.core.management as management
    from django.db import connections

    original = management.call_command

    def call_command(name, *args, **options):
        if name == "migrate" and options.get("database") in aliases:
            return dbtemplate.restore(connections[options["database"]])
        return original(name, *args, **options)

    management.call_command = call_command
    try:
        yield
    finally:
        management.call_command = original


@contextlib.contextmanager
def _restore_after_transactional_tests(aliases):
    """A transactional test leaves its database exactly as migrated (rows of data migrations and
    sequences included): the template copied in, in milliseconds, instead of Django's flush."""
    from django.db import connections
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        names = list(self._databases_names(include_mirrors=False))
        if aliases and set(names) <= aliases:
            for name in names:
                dbtemplate.restore(connections[name])
        else:
            original(self)

    TransactionTestCase._fixture_teardown = _fixture_teardown
    try:
        yield
    finally:
        TransactionTestCase._fixture_teardown = original


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
    # Passwords hashed in a microsecond instead of ~0.4 s of PBKDF2 each (every editor a test makes);
    # PBKDF2 stays to check the passwords of the demo site made by load_demo in its own process.
    # The site's own hashers are Django's defaults (tests/test_settings.py).
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
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
