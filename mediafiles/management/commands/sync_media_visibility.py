"""Make the media bucket's objects public or private as their rows are now (S3 mode).

The same run as the task queued after every content change and at every scheduled moment
(mediafiles/visibility.py). `--all` sets every protected object again, also those whose
visibility is remembered as right: once after switching a bucket whose objects were all
public-read to this mode, after restoring a bucket, or as a weekly safety net.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mediafiles import visibility


class Command(BaseCommand):
    help = _("Macht Dateien im Medien-Bucket öffentlich oder privat, wie es ihre Inhalte jetzt verlangen.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help=_("Jede geschützte Datei neu setzen, auch wenn sie schon stimmt.")
        )

    def handle(self, *args, **options):
        if not visibility.active():
            raise CommandError(_("Die Medien liegen nicht in einem S3-Bucket (DJANGO_S3_BUCKET ist leer)."))
        changed = visibility.sync(force=options["all"])
        self.stdout.write(
            ngettext("%(count)d Datei neu gesetzt.", "%(count)d Dateien neu gesetzt.", changed) % {"count": changed}
        )
