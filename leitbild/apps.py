from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeitbildConfig(AppConfig):
    name = "leitbild"
    verbose_name = _("Leitbild 2030")
