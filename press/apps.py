from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Presse")

    def ready(self):
        # The PDF is remade by a background task when the content changes.
        from press import tasks

        tasks.connect_signals()

        # Files of an unpublished press-kit item answer 404 to visitors (mediafiles/access.py).
        from mediafiles.access import protect
        from press.models import PressKitItem

        protect(PressKitItem, ["file", "preview"], folder="presse/")

        # A big photo prepared by the task worker: its size and pixel size are read again.
        from mediafiles.image_preparation import picture_prepared
        from press.models import file_prepared

        picture_prepared.connect(file_prepared, sender=PressKitItem, dispatch_uid="press-kit-file-prepared")
