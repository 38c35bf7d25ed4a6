from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from campaign.models import Kommune


class CampaignPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        return [
            "campaign:home",
            "campaign:kommune_list",
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


SITEMAPS = {"campaign": CampaignPagesSitemap, "jobcenter": KommuneSitemap}
