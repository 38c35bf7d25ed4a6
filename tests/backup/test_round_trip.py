"""manage.py backup → manage.py restore into a fresh database and fresh folders: every row of every
table and every file (hash and mode) as it was, on SQLite and on PostgreSQL."""

import base64
import contextlib
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from backup import database
from tests.backup.sample_site import build_site, file_hashes, source_rows

pytestmark = pytest.mark.django_db
KEY = base64.urlsafe_b64encode(bytes(range(32))).decode()


@contextlib.contextmanager
def environment(DJANGO_BACKUP_KEY=None):
    old = os.environ.pop("DJANGO_BACKUP_KEY", None)
    if DJANGO_BACKUP_KEY:
        os.environ["DJANGO_BACKUP_KEY"] = DJANGO_BACKUP_KEY
    try:
        yield
    finally:
        os.environ.pop("DJANGO_BACKUP_KEY", None)
        if old is not None:
            os.environ["DJANGO_BACKUP_KEY"] = old


def make_backup(tmp_path, key=None) -> Path:
    with environment(DJANGO_BACKUP_KEY=key):
        call_command("backup", directory=str(tmp_path / "archives"))
    (archive,) = (tmp_path / "archives").iterdir()
    return archive


def site_state() -> tuple:
    """Every row count and every file of this (source) site."""
    return (
        database.counts(),
        file_hashes(Path(settings.MEDIA_ROOT)),
        file_hashes(Path(settings.CONSENT_ROOT)),
        sorted(p.name for p in Path(settings.MEDIA_ROOT).parent.iterdir()),
    )


def assert_restored(target) -> None:
    differing = []
    for model in database.backed_up_models():
        if source_rows(model) != target.rows(model):
            differing.append(model._meta.label)
    assert differing == []
    # Each id sequence goes on where the old site's stood (never back to an id a deleted row had,
    # whose history is still there), or past the highest id where a data migration left it behind.
    sequences = database.next_ids("default")
    restored = target.next_ids()
    assert [table for table, next_id in sequences.items() if restored.get(table, 0) < next_id] == []
    assert file_hashes(target.media) == file_hashes(Path(settings.MEDIA_ROOT))
    assert file_hashes(target.consent) == file_hashes(Path(settings.CONSENT_ROOT))
    assert oct(target.consent.stat().st_mode & 0o777) == "0o700"


def test_restore_brings_back_every_row_and_every_file(tmp_path, target):
    site = build_site()
    archive = make_backup(tmp_path)
    assert archive.name.startswith("kjc-backup-") and archive.name.endswith("Z.tar")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    done = target.restore(archive)

    assert done.returncode == 0, done.stderr
    assert "Wiederhergestellt" in done.stdout
    assert_restored(target)
    assert (target.consent / site["consent"].document.name).read_bytes().startswith(b"%PDF")
    # Nothing of the staging folders is left beside the roots.
    assert [p.name for p in target.media.parent.iterdir() if p.name.startswith(".")] == []
    assert sorted(p.name for p in target.consent.parent.iterdir()) == ["consent"]


def test_encrypted_archive_round_trip_and_wrong_key(tmp_path, target):
    build_site()
    archive = make_backup(tmp_path, key=KEY)
    assert archive.name.endswith(".tar.enc")
    body = archive.read_bytes()
    assert b"Erika Beispiel" not in body and b"%PDF" not in body and b"manifest" not in body

    # Refused before anything is touched, even when told to replace this (live) site.
    before = site_state()
    for key, message in [
        (base64.urlsafe_b64encode(b"x" * 32).decode(), "Falscher Schlüssel"),
        (None, "verschlüsselt, aber DJANGO_BACKUP_KEY ist nicht gesetzt"),
    ]:
        with environment(DJANGO_BACKUP_KEY=key), pytest.raises(CommandError, match=message) as refused:
            call_command("restore", str(archive), replace=True)
        assert "Nichts wurde verändert" in str(refused.value)
        assert site_state() == before

    done = target.restore(archive, DJANGO_BACKUP_KEY=KEY)
    assert done.returncode == 0, done.stderr
    assert_restored(target)
