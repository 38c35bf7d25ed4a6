from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from stories.models import ExplainerVideo, Story


class StoriesIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> list[str]:
        return ["stories:list", "stories:explainer_list"]

    def location(self, item: str) -> str:
        return reverse(item)


class StorySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Story.objects.published().only("slug", "updated_at")

    def lastmod(self, story: Story):
        return story.updated_at


class ExplainerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ExplainerVideo.objects.published().only("slug")


SITEMAPS = {"geschichten": StoriesIndexSitemap, "geschichte": StorySitemap, "erklaervideo": ExplainerSitemap}
