from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kampagne")

    def ready(self):
        from shared.files import connect_cleanup

        # No leftovers: deleting a row, or replacing one of its files, deletes the old file and
        # its renditions after the commit, for every model of the site (shared/files.py).
        connect_cleanup()

        from shared import pagecache

        # Every change of what a public page shows renews the page cache (shared/pagecache.py).
        pagecache.connect()
