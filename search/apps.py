from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self) -> None:
        from search import index

        index.connect_signals()
        # After every app's migrations, so that rows from data migrations are found.
        post_migrate.connect(index.rebuild_after_migrate, sender=self, dispatch_uid="search-rebuild-after-migrate")
