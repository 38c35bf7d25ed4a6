import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from backup import archive, crypto, making, restoring


class Command(BaseCommand):
    help = (
        "Stellt ein Archiv von `manage.py backup` in eine leere, migrierte Website wieder her "
        "(prüft vorher jede Datei und jede Zeilenzahl; alles oder nichts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Pfad des Archivs (.tar oder .tar.enc)")
        parser.add_argument(
            "--replace",
            "--force",
            action="store_true",
            help="Auch in eine Website mit Inhalten: ersetzt alle Zeilen und Dateien.",
        )
        parser.add_argument("--database", default="default", help="Datenbank-Alias (Standard: default)")

    def handle(self, *args, **options):
        started = time.monotonic()
        try:
            key = making.key_from_environment()
            manifest = restoring.restore(
                Path(options["archive"]), key, replace=options["replace"], using=options["database"]
            )
        except (restoring.RestoreError, archive.ArchiveError, crypto.CryptoError) as error:
            raise CommandError(f"{error} {_('Nichts wurde verändert.')}") from error
        except restoring.SwapError as error:
            raise CommandError(str(error)) from error
        rows = sum(entry["rows"] for entry in manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wiederhergestellt: {rows} Zeilen, {len(manifest['files'])} Dateien vom {manifest['created_at']} "
                f"({time.monotonic() - started:.1f} s)."
            )
        )
