from press.models import PressKitItem, PressRelease
from shared.sitemaps import ModelSitemap, StaticViewSitemap, newest


class PressReleaseSitemap(ModelSitemap):
    changefreq = "yearly"
    priority = 0.6

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at")

    def lastmod(self, release: PressRelease):
        return release.updated_at


SITEMAPS = {
    "presse-start": StaticViewSitemap(
        ["press:newsroom"],
        lastmod={"press:newsroom": newest(PressRelease.objects.published, PressKitItem.objects.published)},
    ),
    "presse": PressReleaseSitemap,
}
