from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeitbildConfig(AppConfig):
    name = "leitbild"
    verbose_name = _("Leitbild 2030")

    def ready(self):
        # The PDF is remade by a background task when the content changes.
        from leitbild import tasks

        tasks.connect_signals()
