from django.contrib.sitemaps import Sitemap

from press.models import PressRelease
from shared.sitemaps import StaticViewSitemap


class PressReleaseSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.6

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at")

    def lastmod(self, release: PressRelease):
        return release.updated_at


SITEMAPS = {"presse-start": StaticViewSitemap(["press:newsroom"]), "presse": PressReleaseSitemap}
