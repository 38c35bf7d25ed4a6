"""Real app servers for the scale-out tests: a fresh PostgreSQL database, gunicorn processes
started with config/gunicorn.conf.py on free loopback ports, and Django code run in a separate
process against the same database (the test process itself stays on pytest-django's database).

Used by tests/test_several_servers.py and tests/test_pg_restart.py. They need PostgreSQL in
DATABASE_URL and Redis in REDIS_URL; without them they skip, unless CI_REQUIRE_SCALE=1
(`.ci/run` sets it), which turns the skip into a failure.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
SECRET_KEY = "test-only-secret-key"  # the same as the test process, so signed form tokens match


def require_postgres_and_redis() -> tuple[str, str]:
    """DATABASE_URL (PostgreSQL) and REDIS_URL, or skip (fail when CI_REQUIRE_SCALE=1)."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")) and redis_url:
        return database_url, redis_url
    reason = "needs DATABASE_URL on PostgreSQL and REDIS_URL (the PostgreSQL run of .ci/run sets both)"
    if os.environ.get("CI_REQUIRE_SCALE") == "1":
        pytest.fail(f"CI_REQUIRE_SCALE=1 but the test {reason}")
    pytest.skip(reason)


def require_redis() -> str:
    """REDIS_URL, or skip (fail when CI_REQUIRE_SCALE=1: CI's PostgreSQL run sets both)."""
    if redis_url := os.environ.get("REDIS_URL", ""):
        return redis_url
    if os.environ.get("CI_REQUIRE_SCALE") == "1":
        pytest.fail("CI_REQUIRE_SCALE=1 but REDIS_URL is not set")
    pytest.skip("needs REDIS_URL (CI's PostgreSQL run sets it)")


def _admin_connection(database_url: str):
    import psycopg

    url = database_url.rsplit("/", 1)[0] + "/postgres"
    return psycopg.connect(url, autocommit=True)


@dataclass
class Database:
    """A database of its own on the PostgreSQL server of `base_url`, dropped by `drop()`."""

    base_url: str
    name: str = field(default_factory=lambda: f"kjc_scale_{uuid.uuid4().hex[:12]}")

    @property
    def url(self) -> str:
        return self.base_url.rsplit("/", 1)[0] + "/" + self.name

    def create(self) -> "Database":
        with _admin_connection(self.base_url) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return self

    def drop(self) -> None:
        with _admin_connection(self.base_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql: str, params=()) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url) as conn:
            return conn.execute(sql, params).fetchall()


def server_env(database_url: str, redis_url: str, media_root: Path, **extra: str) -> dict[str, str]:
    """The environment of every process of one site: only what the README lists, nothing inherited."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_HTTPS": "false",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # One prefix per site, so parallel test runs sharing one Redis do not see each other's keys.
        "DJANGO_CACHE_PREFIX": f"kjc-scale-{uuid.uuid4().hex[:8]}",
        "MEDIA_ROOT": str(media_root),
        "DJANGO_CONSENT_ROOT": str(media_root.parent / "private"),
        # The background worker (if the gunicorn hook starts one) is not what these tests look at.
        "DJANGO_TASK_WORKER": "false",
        **extra,
    }


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def run_python(env: dict[str, str], code: str) -> str:
    """Run Django code in a separate process of the site (django.setup() done); return its stdout."""
    script = "import django\ndjango.setup()\n" + code
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=PROJECT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{code}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 5, data: bytes | None = None) -> tuple[int, bytes]:
    """(status, body) of a GET (or a form POST with `data`); redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Gunicorn:
    """One gunicorn of the site with config/gunicorn.conf.py on a free loopback port."""

    def __init__(self, env: dict[str, str], log_path: Path, workers: int = 1, threads: int = 4):
        self.port = free_port()
        self.env = {**env, "HOST": "127.0.0.1", "PORT": str(self.port)}
        self.env.update(GUNICORN_WORKERS=str(workers), GUNICORN_THREADS=str(threads))
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> "Gunicorn":
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [GUNICORN, "--config", "config/gunicorn.conf.py", "config.wsgi:application"],
            env=self.env,
            cwd=PROJECT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn ended with {self.process.returncode}:\n{self.log()}")
            try:
                if get(self.url + "/health/", timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"gunicorn on {self.url} did not answer /health/ within {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""
