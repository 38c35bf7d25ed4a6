"""One migrated SQLite database per state of the code, copied instead of migrated again.

Migrating an empty database runs every migration (~130, ~16 s of CPU: Django renders the model
states again and again). A test run needs that database many times: once per xdist worker, once
per gunicorn test that starts the site in its own processes (tests/test_serving.py,
tests/generated/test_worker_beside_gunicorn.py, ...), and again after each transactional
(browser) test, which Django otherwise flushes and refills from serialized rows (~1 s each).

So `template()` migrates a database file once, `var/test-db/<key>.sqlite3`, under a file lock
(parallel workers wait for the first), and everything else copies it:
- `restore(connection)` copies it into the worker's in-memory test database (SQLite's backup
  API, milliseconds): at set-up (tests/conftest.py) and after each transactional test;
- `copy_to(path)` gives a gunicorn test its own migrated database file.

The key is a hash of what a migration can read: every Python, JSON, CSV and TOML file of the
project outside tests/, docs/ and the static and vendored trees (data migrations import app code),
requirements, Python's and Django's versions. Any change of code therefore migrates afresh, as
before; a run on unchanged code (the next `make test`, another subset) reuses the file.
`TEST_DB_TEMPLATE=0` switches all of this off (migrate per worker, flush and reload as Django does).
Only SQLite uses it: on PostgreSQL Django's own machinery runs unchanged.
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "test-db"
KEEP = 4  # templates of other code states kept (other branches); older ones are removed
_SKIP_DIRS = {
    ".git",
    ".venv",
    "node_modules",
    "tests",
    "docs",
    "static",
    "staticfiles",
    "vendor",
    "var",
    "bench",
    "media",
    "private",
    "test-artifacts",
    "locale",
    "__pycache__",
    ".ruff_cache",
    ".pytest_cache",
}
_SUFFIXES = {".py", ".json", ".csv", ".toml", ".txt"}

_memo: dict[str, Path] = {}


def enabled() -> bool:
    return os.environ.get("TEST_DB_TEMPLATE", "1") != "0"


def key() -> str:
    """The hash of everything migrating an empty database can read."""
    import django

    digest = hashlib.sha256(f"{sys.version}|{django.__version__}".encode())
    digest.update(f"|{os.environ.get('DJANGO_TASKS_BACKEND', '')}".encode())  # changes INSTALLED_APPS
    for directory, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if os.path.splitext(name)[1] in _SUFFIXES:
                path = Path(directory, name)
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def template() -> Path:
    """The migrated database file for the current code, made once (by whichever process asks first)."""
    if "path" in _memo:
        return _memo["path"]
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{key()}.sqlite3"
    with open(CACHE / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second worker waits here while the first migrates
        if not path.exists():
            _migrate_into(path)
            _remove_old(path)
    _memo["path"] = path
    return path


def _migrate_into(path: Path) -> None:
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{partial}",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "test-only-secret-key"),
    }
    env.pop("REDIS_URL", None)  # the page-cache stamp of a migrate must not reach a shared Redis
    scratch = Path(tempfile.mkdtemp(prefix="test-db-"))
    env |= {
        "MEDIA_ROOT": str(scratch / "media"),
        "DJANGO_CONSENT_ROOT": str(scratch / "private"),
        "DJANGO_PAGE_CACHE_STAMP": str(scratch / "stamp"),
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--run-syncdb", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    shutil.rmtree(scratch, ignore_errors=True)
    if done.returncode:
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"migrating the test database template failed:\n{done.stdout}\n{done.stderr}")
    self_contained(partial)
    os.replace(partial, path)


def self_contained(path: Path) -> None:
    """One self-contained database file (no -wal beside it), so that a plain copy is complete."""
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    db.close()


def _remove_old(current: Path) -> None:
    others = sorted((p for p in CACHE.glob("*.sqlite3") if p != current), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP:]:
        old.unlink(missing_ok=True)


def copy_to(path: Path | str) -> Path:
    """A migrated database file of its own at `path` (for a site started in other processes)."""
    shutil.copyfile(template(), path)
    return Path(path)


def restore(connection) -> None:
    """Make `connection`'s database (SQLite) an exact copy of the template: every table, row and
    sequence as right after `migrate`."""
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{template()}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def usable(connection) -> bool:
    """True for the SQLite in-memory test database this module can fill."""
    return (
        enabled()
        and connection.vendor == "sqlite"
        and connection.creation.is_in_memory_db(connection.creation._get_test_db_name())
    )
