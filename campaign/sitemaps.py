from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Kommune, PressRelease


class CampaignPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        return [
            "campaign:home",
            "campaign:kommune_list",
            "campaign:press",
            "campaign:easy_language",
            "campaign:sign_language",
            "campaign:imprint",
            "campaign:privacy",
            "campaign:accessibility",
            "campaign:report_barrier",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class KommuneSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Kommune.objects.only("slug")


class PressReleaseSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.6

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at")

    def lastmod(self, release: PressRelease):
        return release.updated_at


SITEMAPS = {"campaign": CampaignPagesSitemap, "jobcenter": KommuneSitemap, "presse": PressReleaseSitemap}
