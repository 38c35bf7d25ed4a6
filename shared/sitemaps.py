"""The one sitemap of fixed pages: each app lists its pages by URL name."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticViewSitemap(Sitemap):
    """Pages that exist once (overviews, legal pages), e.g.
    `StaticViewSitemap(["stories:list", "stories:explainer_list"], priority=0.8)`."""

    def __init__(self, url_names: list[str], *, priority: float = 0.8, changefreq: str = "weekly"):
        super().__init__()
        self.url_names = url_names
        self.priority = priority
        self.changefreq = changefreq

    def items(self) -> list[str]:
        return self.url_names

    def location(self, item: str) -> str:
        return reverse(item)
