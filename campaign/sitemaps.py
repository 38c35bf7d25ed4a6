from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CampaignPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        return ["campaign:home"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"campaign": CampaignPagesSitemap}
