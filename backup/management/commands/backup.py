import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backup import crypto, making


class Command(BaseCommand):
    help = (
        "Schreibt ein Archiv mit Datenbank, Uploads (MEDIA_ROOT) und Einwilligungsdokumenten (CONSENT_ROOT); "
        "mit DJANGO_BACKUP_KEY verschlüsselt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", dest="directory", help="Zielordner (Standard: DJANGO_BACKUP_DIR, sonst ./backups)")
        parser.add_argument("--database", default="default", help="Datenbank-Alias (Standard: default)")

    def handle(self, *args, directory=None, database="default", **options):
        target = Path(directory or settings.BACKUP_DIR)
        started = time.monotonic()
        try:
            key = making.key_from_environment()
            path, tables = making.make(target, key, database)
        except (making.BackupError, crypto.CryptoError) as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                _("Das Archiv konnte nicht geschrieben werden (%(error)s); es wurde keines angelegt.")
                % {"error": error}
            ) from error
        if options["verbosity"] < 1:
            return  # cron: silent unless something failed
        rows = sum(entry["rows"] for entry in tables["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Gesichert: {path} ({path.stat().st_size / 1e6:.1f} MB, {rows} Zeilen, "
                f"{'verschlüsselt' if key else 'unverschlüsselt'}, {time.monotonic() - started:.1f} s)"
            )
        )
