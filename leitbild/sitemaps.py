from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from leitbild.models import Chapter


class LeitbildSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self) -> list[str]:
        return ["leitbild:overview", "leitbild:pdf"]

    def location(self, item: str) -> str:
        return reverse(item)


class ChapterSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Chapter.objects.numbered()


SITEMAPS = {"leitbild": LeitbildSitemap, "leitbild-kapitel": ChapterSitemap}
