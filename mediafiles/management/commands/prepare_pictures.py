"""Prepare every picture still waiting for the task worker, now, in this process.

For a queue that was lost or a worker that was down for long (mediafiles/image_preparation.py):
`manage.py prepare_pictures` makes the clean copy and renditions of each upload in `image-sources/`
and switches its rows, as the task would. `manage.py generateimages` does not do this (it would make
renditions of the upload itself); run this first.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models

from mediafiles.image_preparation import prepare
from mediafiles.images import INCOMING_FOLDER, RENDITION_WIDTHS, rendition_name


class Command(BaseCommand):
    help = "Bereitet alle großen Bilder auf, die noch auf den Task-Worker warten."

    def handle(self, *args, **options):
        prepared = 0
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.FileField):
                    continue
                if not hasattr(model, rendition_name(field.name, "jpeg", RENDITION_WIDTHS[0])):
                    continue
                waiting = model._default_manager.filter(**{f"{field.attname}__contains": f"/{INCOMING_FOLDER}/"})
                for row in waiting.order_by("pk"):
                    prepared += prepare(row, field.name)
        self.stdout.write(f"{prepared} Bild(er) aufbereitet.")
