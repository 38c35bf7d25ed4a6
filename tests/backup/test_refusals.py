"""What restore refuses, with a German message and nothing changed: a damaged, cut-off or changed
archive, a wrong key, another migration state, a site or folder that already has content, and a
database that fails while loading."""

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from backup import database
from tests.backup.sample_site import PDF, file_hashes
from tests.backup.test_round_trip import KEY, environment, make_backup, site_state
from tests.factories import PhotoFactory, StoryFactory, give_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_site():
    story = StoryFactory(name="Erika Beispiel", slug="erika-beispiel", consent=False)
    give_consent(story, document=ContentFile(PDF, name="einwilligung.pdf"))
    PhotoFactory(story=story)
    return story


def members(archive: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(archive) as tar:
        return [(member, tar.extractfile(member).read()) for member in tar.getmembers()]


def rewrite(archive: Path, change) -> None:
    """Write the archive again with change(name, data) -> data applied to each member."""
    items = members(archive)
    with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as tar:
        for member, data in items:
            data = change(member.name, data)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def flip_byte_in_photo(archive):
    def change(name, data):
        if name.startswith("media/") and name.endswith(".jpg"):
            return data[:100] + bytes([data[100] ^ 1]) + data[101:]
        return data

    rewrite(archive, change)


def cut_off(archive):
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])


def change_manifest(field):
    def damage(archive):
        def change(name, data):
            if name != "manifest.json":
                return data
            manifest = json.loads(data)
            if field == "rows":
                manifest["tables"]["stories.Story"]["rows"] += 1
            elif field == "migrations":
                manifest["migrations"].pop()
            return json.dumps(manifest).encode()

        rewrite(archive, change)

    return damage


def flip_byte_sealed(archive):
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 1
    archive.write_bytes(bytes(data))


def drop_last_chunk_sealed(archive):
    archive.write_bytes(archive.read_bytes()[:-200])


@pytest.mark.parametrize(
    ("damage", "encrypted", "message"),
    [
        (flip_byte_in_photo, False, "passt nicht zu seinem Verzeichnis.*Prüfsumme falsch"),
        (cut_off, False, "beschädigt oder abgeschnitten|kein Verzeichnis"),
        (change_manifest("rows"), False, "Das Archiv ist beschädigt: stories.Story hat"),
        (change_manifest("migrations"), False, "anders migriert"),
        # one chunk only (a small site): its damage cannot be told from a wrong key
        (flip_byte_sealed, True, "oder beschädigtes Archiv|beschädigt oder verändert"),
        (drop_last_chunk_sealed, True, "abgeschnitten"),
    ],
    ids=["flipped-byte", "cut-off", "row-count", "migrations", "sealed-flipped-byte", "sealed-cut-off"],
)
def test_damaged_archive_is_refused_and_nothing_is_changed(tmp_path, small_site, damage, encrypted, message):
    archive = make_backup(tmp_path, key=KEY if encrypted else None)
    damage(archive)
    before = site_state()
    with (
        environment(DJANGO_BACKUP_KEY=KEY if encrypted else None),
        pytest.raises(CommandError, match=message) as refused,
    ):
        # --replace: even a site that may be overwritten is left as it was.
        call_command("restore", str(archive), replace=True)
    assert str(refused.value).endswith("Nichts wurde verändert.")
    assert site_state() == before


def test_damaged_archive_leaves_a_fresh_site_empty(tmp_path, small_site, target):
    archive = make_backup(tmp_path)
    flip_byte_in_photo(archive)
    done = target.restore(archive)
    assert done.returncode != 0
    assert "Prüfsumme falsch" in done.stderr and "Nichts wurde verändert" in done.stderr
    assert "Traceback" not in done.stderr
    assert target.rows(small_site.__class__) == []
    assert not target.media.exists() and not target.consent.exists()
    assert [p.name for p in target.folder.iterdir() if p.name.startswith(".")] == []


def test_failure_while_loading_rolls_back_the_database_and_the_folders(tmp_path, small_site, target):
    """Hashes and counts right, but a photo points at a story that is not there: the database refuses
    it at the commit; nothing is left of the restore."""

    def orphan(name, data):
        if name != "database/stories.Photo.jsonl.gz":
            return data
        header, *rows = gzip.decompress(data).decode().splitlines()
        column = json.loads(header).index("story_id")
        changed = []
        for line in rows:
            row = json.loads(line)
            row[column] = 999_999
            changed.append(json.dumps(row))
        return gzip.compress("\n".join([header, *changed, ""]).encode())

    archive = make_backup(tmp_path)
    rewrite(archive, orphan)
    items = members(archive)
    manifest = json.loads({m.name: d for m, d in items}["manifest.json"])
    body = {m.name: d for m, d in items}["database/stories.Photo.jsonl.gz"]
    manifest["tables"]["stories.Photo"].update(sha256=hashlib.sha256(body).hexdigest(), size=len(body))
    rewrite(archive, lambda name, data: json.dumps(manifest).encode() if name == "manifest.json" else data)

    done = target.restore(archive)

    assert done.returncode != 0
    assert "Die Datenbank konnte nicht geladen werden" in done.stderr, done.stderr
    assert target.rows(small_site.__class__) == []
    assert not target.media.exists() and not target.consent.exists()
    assert [p.name for p in target.folder.iterdir() if p.name.startswith(".")] == []


def test_site_with_content_is_refused_without_replace(tmp_path, small_site):
    archive = make_backup(tmp_path)
    before = site_state()
    with pytest.raises(CommandError, match=r"Die Website ist nicht leer .*--replace"):
        call_command("restore", str(archive))
    assert site_state() == before


def test_folder_with_files_is_refused_without_replace(tmp_path):
    archive = make_backup(tmp_path)  # a fresh site: only what migrate made
    (Path(settings.MEDIA_ROOT) / "alt.jpg").write_bytes(b"jpg")
    with pytest.raises(CommandError, match="enthält schon Dateien"):
        call_command("restore", str(archive))
    assert file_hashes(Path(settings.MEDIA_ROOT)).keys() == {"alt.jpg"}


def test_a_freshly_migrated_site_counts_as_empty():
    assert database.content_tables() == []
    from django.db import connection

    if connection.vendor == "sqlite":  # the template is exactly what migrate makes (PostgreSQL may be flushed)
        filled = {label for label, count in database.counts().items() if count}
        assert filled == database.FILLED_BY_MIGRATE


def test_restore_makes_the_consent_folder_of_a_fresh_machine(tmp_path, settings):
    """A new machine has no private/ folder yet: the restore makes it (private), in this process too."""
    archive = make_backup(tmp_path)  # a fresh site: only what migrate made
    settings.CONSENT_ROOT = tmp_path / "neu" / "private" / "consent"
    settings.MEDIA_ROOT = tmp_path / "neu" / "media"
    call_command("restore", str(archive), verbosity=0)
    assert oct(settings.CONSENT_ROOT.stat().st_mode & 0o777) == "0o700"
    assert settings.MEDIA_ROOT.is_dir()
    assert database.content_tables() == []


def test_products_made_after_migrate_do_not_make_a_site_non_empty(tmp_path):
    """A new machine whose task worker already made the PDFs (rows and files in generated/) is still
    empty: the products are made again from the content."""
    from generated.models import GeneratedFile

    archive = make_backup(tmp_path)
    GeneratedFile.objects.create(
        key="leitbild-pdf", path="generated/leitbild.pdf", digest="0" * 64, size=3, made_at="2026-12-01T08:00Z"
    )
    (Path(settings.MEDIA_ROOT) / "generated").mkdir()
    (Path(settings.MEDIA_ROOT) / "generated" / "leitbild.pdf").write_bytes(b"pdf")
    call_command("restore", str(archive), verbosity=0)
    assert not GeneratedFile.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "generated").exists()
