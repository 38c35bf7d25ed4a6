"""`manage.py build_share_card`: draws the campaign's share card (static/img/share-card.jpg),
the image every page without a card of its own shows when it is shared. The file is committed;
run this again when the campaign's name or claim or the drawing (mediafiles/sharecards.py) changes."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from mediafiles import sharecards
from shared.structured_data import CAMPAIGN_CARD


class Command(BaseCommand):
    help = "Zeichnet das Teilen-Bild der Kampagne (static/img/share-card.jpg)."

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            content = sharecards.render_card(
                quote=str(settings.SITE_CLAIM),
                name="",
                line=str(
                    translation.gettext(
                        "Die 104 kommunalen Jobcenter: Erfolgsgeschichten, das Leitbild 2030 "
                        "und das Jobcenter in Ihrer Nähe."
                    )
                ),
                campaign=str(settings.SITE_NAME),
                quoted=False,
                claim=str(
                    translation.gettext("Eine Kampagne des Deutschen Landkreistages und des Deutschen Städtetages.")
                ),
            )
        target = Path(settings.BASE_DIR) / "static" / CAMPAIGN_CARD
        target.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"{target.relative_to(settings.BASE_DIR)}: {len(content)} Bytes"))
