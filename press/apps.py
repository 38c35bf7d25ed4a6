from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Presse")

    def ready(self):
        # The PDF is remade by a background task when the content changes.
        from press import tasks

        tasks.connect_signals()
