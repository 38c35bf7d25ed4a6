from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kampagne")

    def ready(self) -> None:
        from campaign import search

        search.connect_signals()
        post_migrate.connect(search.rebuild_after_migrate, sender=self, dispatch_uid="search-rebuild-after-migrate")
