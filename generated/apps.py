from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class GeneratedConfig(AppConfig):
    name = "generated"
    verbose_name = _("Erzeugte Dateien")

    def ready(self):
        from generated import makers

        # After every migrate (a deploy, a fresh database): make sure each product gets made.
        post_migrate.connect(makers.enqueue_after_migrate, sender=self)
