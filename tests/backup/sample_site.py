"""A small site with rows in every content app and files in both folders, made with the factories,
and the means to compare it with a restored copy: every row of every table, every file's hash and mode."""

import datetime
import hashlib
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from backup import database
from campaign.models import BarrierReport, Kommune, Location
from editorial.models import AuditEntry
from generated.models import GeneratedFile
from tests import dbtemplate
from tests.factories import (
    ExplainerVideoFactory,
    PhotoFactory,
    PressCoverageFactory,
    PressKitItemFactory,
    PressReleaseFactory,
    StoryFactory,
    UserFactory,
    give_consent,
    topic,
)

ROOT = Path(__file__).resolve().parent.parent.parent
PDF = b"%PDF-1.4\n% Einwilligung von Erika Beispiel, unterschrieben\n%%EOF\n"
CONTENT_APPS = ("campaign", "stories", "leitbild", "press", "consent", "search", "editorial", "generated")


def build_site() -> dict:
    """Rows in every content app, files in MEDIA_ROOT and CONSENT_ROOT; returns a few of them."""
    user = UserFactory(username="zentrale-test", is_superuser=True)
    user.groups.add(Group.objects.first())
    user.user_permissions.add(Permission.objects.first())
    TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)
    story = StoryFactory(name="Erika Beispiel", slug="erika-beispiel", consent=False)
    story.topics.add(topic())
    consent = give_consent(story, document=ContentFile(PDF, name="einwilligung.pdf"))
    PhotoFactory(story=story)
    StoryFactory(name="Zweite Person", slug="zweite-person", status="draft")
    ExplainerVideoFactory()  # real WebM, MP4, captions and poster with renditions
    release = PressReleaseFactory()
    PressCoverageFactory()
    kit = PressKitItemFactory()
    release.downloads.add(kit)
    kommune = Kommune.objects.get(slug="kreis-dueren")
    Location.objects.create(
        kommune=kommune, name="Hauptstelle", kind="main", street="Bismarckstraße 16", postcode="52351", city="Düren"
    )
    BarrierReport.objects.create(description="Der Kontrast ist zu schwach.", location="/geschichten/")
    AuditEntry.objects.create(
        user=user,
        username=user.username,
        action="published",
        content_type=ContentType.objects.get_for_model(story),
        object_id=str(story.pk),
        object_repr=str(story),
        kommune=kommune,
    )
    GeneratedFile.objects.create(
        key="leitbild-pdf",
        path="generated/leitbild.pdf",
        digest="0" * 64,
        size=3,
        made_at=datetime.datetime(2026, 12, 1, 8, 0, 0, 123456, tzinfo=datetime.UTC),
    )
    (Path(settings.MEDIA_ROOT) / "generated").mkdir(exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "generated" / "leitbild.pdf").write_bytes(b"pdf")
    # The consent documents are private: the restore must keep their modes.
    document = Path(settings.CONSENT_ROOT) / consent.document.name
    document.chmod(0o600)
    document.parent.chmod(0o700)
    Path(settings.CONSENT_ROOT).chmod(0o700)
    counts = database.counts()
    empty = [app for app in CONTENT_APPS if not any(n for label, n in counts.items() if label.startswith(f"{app}."))]
    assert empty == [], f"no rows in {empty}"
    return {"story": story, "consent": consent, "user": user}


def file_hashes(root: Path) -> dict[str, tuple[str, str]]:
    """Every file below root: its SHA-256 and mode; and every folder's mode."""
    result = {}
    if not root.exists():
        return result
    for directory, dirs, files in os.walk(root):
        for name in dirs:
            path = Path(directory, name)
            result[path.relative_to(root).as_posix() + "/"] = ("", oct(stat.S_IMODE(path.stat().st_mode)))
        for name in files:
            path = Path(directory, name)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            result[path.relative_to(root).as_posix()] = (digest, oct(stat.S_IMODE(path.stat().st_mode)))
    return result


def _order(model) -> str:
    return connection.ops.quote_name(model._meta.pk.column)


def source_rows(model) -> list:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT t::text FROM {table} t ORDER BY {_order(model)}")  # noqa: S608
        else:
            cursor.execute(f"SELECT * FROM {table} ORDER BY {_order(model)}")  # noqa: S608
        return [tuple(row) for row in cursor.fetchall()]


class Target:
    """A migrated database of its own (SQLite: a copy of the test template; PostgreSQL: a new database
    copied from the test database) with fresh folders, restored into by a separate process."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.media = folder / "media"
        self.consent = folder / "private" / "consent"
        (folder / "private").mkdir(parents=True)
        if connection.vendor == "sqlite":
            self.path = dbtemplate.copy_to(folder / "target.sqlite3")
            self.url = f"sqlite:///{self.path}"
            self.name = None
        else:
            self.name = f"backup_t_{uuid.uuid4().hex[:10]}"
            self.url = None  # made by create()

    def environment(self, **extra) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
            "DJANGO_CONSENT_ROOT": str(self.consent),
            "DJANGO_PAGE_CACHE_STAMP": str(self.folder / "stamp"),
            "DJANGO_SECRET_KEY": "test-only-secret-key",
            **extra,
        }
        env.pop("REDIS_URL", None)
        env.pop("DJANGO_BACKUP_KEY", None) if "DJANGO_BACKUP_KEY" not in extra else None
        return env

    def restore(self, archive: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", "restore", str(archive), *args],
            cwd=ROOT,
            env=self.environment(**env),
            capture_output=True,
            text=True,
            check=False,
        )

    def rows(self, model) -> list:
        table = connection.ops.quote_name(model._meta.db_table)
        order = _order(model)
        if connection.vendor == "sqlite":
            import sqlite3

            db = sqlite3.connect(self.path, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
            try:
                return [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}")]  # noqa: S608
            finally:
                db.close()
        import psycopg

        with psycopg.connect(self.url) as db:
            db.execute("SET TIME ZONE 'UTC'")
            return [tuple(row) for row in db.execute(f"SELECT t::text FROM {table} t ORDER BY {order}")]  # noqa: S608

    def next_ids(self) -> dict:
        if connection.vendor == "sqlite":
            import sqlite3

            db = sqlite3.connect(self.path)
            try:
                return {name: seq + 1 for name, seq in db.execute("SELECT name, seq FROM sqlite_sequence")}
            finally:
                db.close()
        import psycopg

        result = {}
        with psycopg.connect(self.url) as db:
            for model in database.backed_up_models():
                spec = database._sequence_table_column(model)
                if spec:
                    (sequence,) = db.execute("SELECT pg_get_serial_sequence(%s, %s)", spec).fetchone()
                    last, called = db.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()  # noqa: S608
                    result[spec[0]] = last + 1 if called else last
        return result
