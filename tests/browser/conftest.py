"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against live_server.

Playwright's own browser download does not work on our machines, so the launch points at
the system binary. Without Chromium the tests skip locally with a clear reason, but in CI
(CI or CI_REQUIRE_BROWSER set) they fail: browser tests never silently skip there.

Every page a test opens is watched: a request to any host other than the live server, a
Content-Security-Policy violation or a JavaScript error fails the test.
"""

import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest
from django.test import testcases

# Django's live server answers MEDIA_URL itself (django.views.static.serve, with an
# "inline; filename=<stored name>" header). Browsers must get what visitors get: the site's own
# mediafiles/serving.py (publication check, Range, headers), so the live server passes media through.
#
# The live server is threaded, and on SQLite every thread shares the test's one in-memory
# connection. A browser asks for a page's script, images and video at once, and two threads in
# the same sqlite3 connection fail with "bad parameter or other API misuse" (a 500 that CI met
# as a script served as HTML). So the site handles one request at a time; the response body
# (a file, a video range) is still sent outside the lock.
_one_request_at_a_time = threading.Lock()


def _serialized(application):
    def serialized_application(environ, start_response):
        with _one_request_at_a_time:
            return application(environ, start_response)

    return serialized_application


testcases._MediaFilesHandler = _serialized

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _browser_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("CI_REQUIRE_BROWSER"))


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (see README)."
        if _browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1366, "height": 900}}


class PageProblems:
    """What went wrong while a test's page was open."""

    def __init__(self, allowed_origin: str):
        self.allowed_origin = allowed_origin
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def on_request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.allowed_origin:
            self.foreign_requests.append(request.url)

    def on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def on_page_error(self, error) -> None:
        self.page_errors.append(str(error))

    def assert_clean(self) -> None:
        assert not self.foreign_requests, f"requests to other hosts: {self.foreign_requests}"
        csp = [m for m in self.console_errors if "Content Security Policy" in m or "Refused to" in m]
        assert not csp, f"Content-Security-Policy violations: {csp}"
        assert not self.page_errors, f"JavaScript errors: {self.page_errors}"


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows(django_db_setup):
    """The rows migrations loaded, as serialized when the test database was made.

    Once Playwright has started, test code runs in another context, where Django's
    `connections` hands out new connection objects without `_test_serialized_contents`;
    serialized rollback then silently restores nothing (and the second browser test finds
    no Kommunen). Taken here, before Playwright starts, and handed on by `site`.
    """
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture
def _restorable_connections(_migrated_rows):
    from django.db import connections

    for alias, contents in _migrated_rows.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def site(live_server, page, _restorable_connections, django_db_serialized_rollback):
    """The live site and a watched page: `site.open(path)`, `site.page`, `site.url(path)`.

    Serialized rollback restores the rows that migrations load (the 104 Kommunen, the
    Leitbild) after each test, which a transactional live-server test would otherwise flush.
    """

    class Site:
        def __init__(self):
            self.page = page
            self.base = live_server.url
            self.problems = PageProblems(self.base)
            page.on("request", self.problems.on_request)
            page.on("console", self.problems.on_console)
            page.on("pageerror", self.problems.on_page_error)

        def url(self, path: str) -> str:
            return self.base + path

        def open(self, path: str, status: int = 200):
            response = page.goto(self.url(path), wait_until="load")
            assert response is not None and response.status == status, (
                f"{path} answered {response.status if response else None}, expected {status}"
            )
            return response

    site = Site()
    yield site
    site.problems.assert_clean()
