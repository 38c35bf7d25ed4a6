"""The PostgreSQL pass of .ci/run runs only tests marked `engine` (tests/conftest.py, README "Tests").
These tests keep that selection from losing what must run on PostgreSQL."""

from pathlib import Path

import pytest

from tests.conftest import _depends_on_the_engine

TESTS = Path(__file__).resolve().parent


class Item:
    """What the selection reads of a collected test."""

    def __init__(self, path: str, function=None, fixturenames=(), transaction=False):
        self.fspath = TESTS / path
        self.function = function
        self.fixturenames = list(fixturenames)
        self._marker = pytest.mark.django_db(transaction=True).mark if transaction else None

    def get_closest_marker(self, name):
        return self._marker if name == "django_db" else None


def plain():
    assert 1 + 1 == 2


def counts(client):
    from tests.helpers import count_queries

    with count_queries() as queries:
        client.get("/")
    return queries


def uses_a_helper_that_counts(client):
    assert counts(client)


def asks_the_vendor():
    from django.db import connection

    return connection.vendor == "postgresql"


@pytest.mark.parametrize(
    "path",
    [
        "test_several_servers.py",
        "test_pg_restart.py",
        "test_query_budgets.py",
        "upgrade/test_upgrade.py",
        "search/test_search.py",
        "search/test_german.py",
        "shared/test_pagecache.py",
        "test_infrastructure.py",
        "stories/test_draft_on_live.py",
        "editorial/test_history.py",
    ],
)
def test_what_must_run_on_postgresql_is_selected_by_its_file(path):
    assert (TESTS / path).exists(), f"{path} moved: update ENGINE_PATHS in tests/conftest.py"
    assert _depends_on_the_engine(Item(path, function=plain))


def test_query_budgets_raw_sql_and_transactions_are_selected_wherever_they_are():
    assert _depends_on_the_engine(Item("campaign/test_home.py", plain, ["client", "django_assert_max_num_queries"]))
    assert _depends_on_the_engine(Item("campaign/test_home.py", plain, ["django_assert_num_queries"]))
    assert _depends_on_the_engine(Item("campaign/test_home.py", counts))
    assert _depends_on_the_engine(Item("campaign/test_home.py", uses_a_helper_that_counts))
    assert _depends_on_the_engine(Item("campaign/test_home.py", asks_the_vendor))
    assert _depends_on_the_engine(Item("campaign/test_home.py", plain, transaction=True))


def test_a_test_that_does_not_touch_the_engine_is_left_to_sqlite():
    assert not _depends_on_the_engine(Item("campaign/test_home.py", plain, ["client", "db"]))
    assert not _depends_on_the_engine(Item("browser/test_frame.py", plain, ["site", "live_server"]))


def test_the_marker_is_set_on_collected_tests(request):
    marked = [item for item in request.session.items if item.get_closest_marker("engine")]
    assert request.node in marked or not _depends_on_the_engine(request.node)
    here = [item for item in request.session.items if item.fspath == request.node.fspath]
    assert all(bool(item.get_closest_marker("engine")) == _depends_on_the_engine(item) for item in here)
