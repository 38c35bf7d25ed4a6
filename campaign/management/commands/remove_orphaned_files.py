"""Remove uploaded files that no row names any more, and renditions whose source is gone.

Deleting or replacing content removes its files by itself (mediafiles/files.py). This command
finds what is left from before that, from crashed uploads or from a restored database: it
walks MEDIA_ROOT, lists every file no live row names (and every rendition under
CACHE/images/ whose source no row names), and deletes them. `--dry-run` only lists.
Files younger than `--min-age` minutes are left alone: their row may be being saved right
now. The consent documents (CONSENT_ROOT) are never touched, even if that folder lies inside
MEDIA_ROOT. Run it weekly (README, "Uploads and leftovers").
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mediafiles.files import orphaned_files, remove_empty_folders


class Command(BaseCommand):
    help = _("Entfernt hochgeladene Dateien und Bildvarianten, die zu keinem Inhalt mehr gehören.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("Nur auflisten, nichts löschen."))
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTEN",
            help=_("Nur Dateien, die älter als so viele Minuten sind (Standard: 60)."),
        )

    def handle(self, *args, dry_run=False, min_age=60, **options):
        root = settings.MEDIA_ROOT
        orphans = orphaned_files(root, default_storage, min_age=min_age * 60, skip=[settings.CONSENT_ROOT])
        for name in orphans:
            if dry_run:
                self.stdout.write(_("Würde entfernen: %(path)s") % {"path": name})
            else:
                default_storage.delete(name)
                self.stdout.write(_("Entfernt: %(path)s") % {"path": name})
        if dry_run:
            summary = ngettext(
                "%(count)d verwaiste Datei gefunden, nichts gelöscht (--dry-run).",
                "%(count)d verwaiste Dateien gefunden, nichts gelöscht (--dry-run).",
                len(orphans),
            )
        else:
            remove_empty_folders(root)
            summary = ngettext(
                "%(count)d verwaiste Datei entfernt.", "%(count)d verwaiste Dateien entfernt.", len(orphans)
            )
        self.stdout.write(summary % {"count": len(orphans)})
