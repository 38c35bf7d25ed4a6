"""Content built once, then restored in milliseconds (issue 26: a suite that keeps the team fast).

Many tests read the same content: the newsroom of the press demo, the campaign's look, the whole
demo site. Building it costs seconds each time (pictures drawn and resized, PDFs, search index);
restoring a copy of the database costs milliseconds. Two kinds of copies:

- `built(name, build)`: the first test of a worker process that asks runs `build()` on its own
  (empty, migrated) test database, and the database (SQLite's backup API into memory), its media
  and consent files are kept for the process; every later test asking for the same name gets that
  state copied in instead of building it again. What `build()` returned is handed back as a
  pickled copy (model instances keep their primary keys, so they stay valid).
- `demo()`: the database, media and consent files after `manage.py load_demo`, made once per
  state of the code in `var/test-db/` (like tests/dbtemplate.py's migrated template, under a file
  lock, in a process of its own) and copied in by every test that needs the demo site;
  `demo_files(folder)` gives a site started in other processes (gunicorn) its own copy.

Only on the SQLite in-memory test database (tests/dbtemplate.py `usable`). Elsewhere (the
PostgreSQL pass) `built` simply runs `build()` and `demo()` runs `load_demo` in the process, as
the tests did before. A restore needs a database outside a transaction, so tests that use it are
transactional (`django_db(transaction=True)`, or live-server browser tests): their teardown copies
the migrated template back in (tests/conftest.py), so no content reaches the next test.

Files are hard links into the kept copy (`os.link`), never written in place: Django's storage
writes new files and deletes by unlinking, so a test cannot change the kept copy.
"""

import fcntl
import hashlib
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests import dbtemplate

_kept: dict[str, tuple[sqlite3.Connection, Path, bytes]] = {}


def _connection():
    from django.db import connection

    return connection


def _usable(connection) -> bool:
    return dbtemplate.usable(connection)


def _link_tree(source: Path, target: Path) -> None:
    """`target` gets every file of `source` (hard links; a copy across file systems)."""
    if not source.is_dir():
        return

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)


def _folders() -> tuple[Path, Path]:
    from django.conf import settings

    return Path(settings.MEDIA_ROOT), Path(settings.CONSENT_ROOT)


def _outside_a_transaction(connection) -> None:
    if connection.in_atomic_block:
        raise RuntimeError(
            "a snapshot is copied into the database outside a transaction: "
            "mark the test django_db(transaction=True) (or use a live-server browser test)"
        )


def built(name: str, build: Callable[[], object]):
    """The state `build()` makes, built once per worker process and copied in afterwards."""
    connection = _connection()
    if not _usable(connection):
        return build()
    _outside_a_transaction(connection)
    media, private = _folders()
    kept = _kept.get(name)
    if kept is None:
        result = build()
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(memory)
        store = Path(tempfile.mkdtemp(prefix=f"snapshot-{name}-"))
        _link_tree(media, store / "media")
        _link_tree(private, store / "private")
        _kept[name] = (memory, store, pickle.dumps(result))
        return result
    memory, store, result = kept
    connection.ensure_connection()
    memory.backup(connection.connection)
    _link_tree(store / "media", media)
    _link_tree(store / "private", private)
    return pickle.loads(result)  # noqa: S301 (our own bytes, pickled above in this process)


# The demo site, once per state of the code (and of the demo's pictures, videos and texts).

_SKIP = dbtemplate._SKIP_DIRS - {"static"}


def demo_key() -> str:
    """The migrated template's key plus every file `load_demo` can read (pictures, videos, fonts)."""
    digest = hashlib.sha256(dbtemplate.key().encode())
    for directory, dirs, files in os.walk(dbtemplate.ROOT):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith("."))
        for file in sorted(files):
            path = Path(directory, file)
            if path.suffix in (".pyc", ".mo", ".po", ".md"):
                continue
            stat = path.stat()
            digest.update(f"{path.relative_to(dbtemplate.ROOT)}\0{stat.st_size}\0".encode())
            if path.suffix not in dbtemplate._SUFFIXES:  # those are in key() already
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


_demo_memo: dict[str, Path] = {}


def demo_folder() -> Path:
    """`var/test-db/demo-<key>/` with db.sqlite3, media/ and private/ after `load_demo`."""
    if "path" in _demo_memo:
        return _demo_memo["path"]
    dbtemplate.CACHE.mkdir(parents=True, exist_ok=True)
    folder = dbtemplate.CACHE / f"demo-{demo_key()}"
    with open(dbtemplate.CACHE / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "done").exists():
            _load_demo_into(folder)
            for old in sorted(dbtemplate.CACHE.glob("demo-*"), key=lambda p: p.stat().st_mtime)[: -dbtemplate.KEEP]:
                if old != folder and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
    _demo_memo["path"] = folder
    return folder


def _load_demo_into(folder: Path) -> None:
    partial = folder.with_name(folder.name + f".{os.getpid()}.tmp")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    dbtemplate.copy_to(partial / "db.sqlite3")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{partial / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "test-only-secret-key"),
        "MEDIA_ROOT": str(partial / "media"),
        "DJANGO_CONSENT_ROOT": str(partial / "private"),
        "DJANGO_PAGE_CACHE_STAMP": str(partial / "stamp"),
    }
    _manage(["load_demo", "--verbosity", "0"], env, partial)
    dbtemplate.self_contained(partial / "db.sqlite3")
    (partial / "stamp").unlink(missing_ok=True)
    (partial / "done").touch()
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(partial, folder)


def _manage(args: list[str], env: dict, partial: Path) -> None:
    """`manage.py <args>` in its own process (never with the shared Redis); on failure `partial` goes."""
    env = {key: value for key, value in env.items() if key != "REDIS_URL"}
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=dbtemplate.ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        shutil.rmtree(partial, ignore_errors=True)
        raise RuntimeError(f"manage.py {args[0]} for the test sites failed:\n{done.stdout}\n{done.stderr}")


def demo() -> None:
    """The demo site (`manage.py load_demo`) in this test's database and media folders."""
    connection = _connection()
    if not _usable(connection):
        from django.core.management import call_command

        call_command("load_demo", verbosity=0)
        return
    _outside_a_transaction(connection)
    folder = demo_folder()
    media, private = _folders()
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{folder / 'db.sqlite3'}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    _link_tree(folder / "media", media)
    _link_tree(folder / "private", private)


def demo_files(target: Path) -> dict[str, str]:
    """A copy of the demo site for processes of its own: `target`/db.sqlite3, media/, private/;
    returns the environment variables that point a site at it."""
    folder = demo_folder()
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(folder / "db.sqlite3", target / "db.sqlite3")
    _link_tree(folder / "media", target / "media")
    _link_tree(folder / "private", target / "private")
    return {
        "DATABASE_URL": f"sqlite:///{target / 'db.sqlite3'}",
        "MEDIA_ROOT": str(target / "media"),
        "DJANGO_CONSENT_ROOT": str(target / "private"),
    }


_static_memo: dict[str, Path] = {}


def collected_static() -> Path:
    """`collectstatic` with the production storage (hashed names, compressed copies), made once per
    state of the code in `var/test-db/static-<key>/` and shared read-only by every site a test starts
    in processes of its own (DJANGO_STATIC_ROOT)."""
    if "path" in _static_memo:
        return _static_memo["path"]
    dbtemplate.CACHE.mkdir(parents=True, exist_ok=True)
    folder = dbtemplate.CACHE / f"static-{demo_key()}"
    with open(dbtemplate.CACHE / "static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "staticfiles.json").exists():
            partial = folder.with_name(folder.name + f".{os.getpid()}.tmp")
            shutil.rmtree(partial, ignore_errors=True)
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "test-only-secret-key"),
                "DJANGO_STATIC_ROOT": str(partial),
            }
            env.pop("DJANGO_STATICFILES_STORAGE", None)  # the real, hashed, compressed storage
            _manage(["collectstatic", "--noinput", "--verbosity", "0"], env, partial)
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(partial, folder)
            for old in sorted(dbtemplate.CACHE.glob("static-*"), key=lambda p: p.stat().st_mtime)[: -dbtemplate.KEEP]:
                if old != folder and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
    _static_memo["path"] = folder
    return folder


def copied(test):
    """Marks a test that copies content in: on SQLite transactional (a copy needs a database outside
    a transaction), and `snapshot`, so that being transactional alone does not put it in the
    PostgreSQL pass (tests/conftest.py). Elsewhere (PostgreSQL) the test stays in its transaction
    and builds or loads its content itself, as before: a transactional test there would start from
    a flushed database, without the rows of data migrations (the 104 Kommunen)."""
    import pytest
    from django.conf import settings

    sqlite = "sqlite" in settings.DATABASES["default"]["ENGINE"] and dbtemplate.enabled()
    return pytest.mark.snapshot(pytest.mark.django_db(transaction=sqlite)(test))
