"""`manage.py backup`: the database snapshot first, then the folders, into one archive."""

import datetime
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.files.storage.filesystem import FileSystemStorage
from django.utils.translation import gettext as _

from backup import archive, crypto, database


class BackupError(Exception):
    """The backup cannot be made (message in German)."""


def key_from_environment() -> bytes | None:
    value = os.environ.get("DJANGO_BACKUP_KEY", "").strip()
    return crypto.parse_key(value) if value else None


def check_storages() -> None:
    """Uploads or consent documents in an S3 bucket are not in MEDIA_ROOT/CONSENT_ROOT: say so."""
    for alias in ("default", "consent"):
        if alias in settings.STORAGES and not isinstance(storages[alias], FileSystemStorage):
            raise BackupError(
                _(
                    "Die Dateien des Speichers „%(alias)s“ liegen in einem Bucket, nicht auf diesem Rechner: "
                    "sichern Sie den Bucket mit seiner Versionierung (README, Sichern und Wiederherstellen)."
                )
                % {"alias": alias}
            )


def make(target_dir: Path, key: bytes | None, using: str = "default") -> tuple[Path, dict]:
    check_storages()
    for root in (Path(settings.MEDIA_ROOT), Path(settings.CONSENT_ROOT)):
        if target_dir.resolve().is_relative_to(root.resolve()):
            raise BackupError(
                _("Der Zielordner %(target)s liegt in %(root)s: Archive gehören nicht zu den Uploads.")
                % {"target": target_dir, "root": root}
            )
    pending = database.pending_migrations(using)
    if pending:
        raise BackupError(
            _("Die Datenbank ist nicht vollständig migriert (%(pending)s): zuerst manage.py migrate.")
            % {"pending": ", ".join(pending[:3])}
        )
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix="kjc-backup-") as scratch:
        dump_dir = Path(scratch)
        tables = database.dump(dump_dir, using)
        path = archive.write(target_dir, dump_dir, tables, key, now)
    return path, tables
