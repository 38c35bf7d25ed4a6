"""The one sitemap of fixed pages: each app lists its pages by URL name."""

from collections.abc import Callable
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse


def newest(*rows: Callable[[], QuerySet], field: str = "updated_at") -> Callable[[], datetime | None]:
    """When the newest of the `rows` changed: the `lastmod` of a page that shows them, e.g.
    `newest(Story.objects.published)` for the gallery. Each is a function that returns a queryset,
    called when the sitemap is built (so "published" means published then, not at import)."""

    def lastmod() -> datetime | None:
        times = [queryset().order_by().aggregate(newest=Max(field))["newest"] for queryset in rows]
        return max((time for time in times if time is not None), default=None)

    return lastmod


class StaticViewSitemap(Sitemap):
    """Pages that exist once (overviews, legal pages), e.g.
    `StaticViewSitemap(["stories:list", "stories:explainer_list"], priority=0.8)`; `lastmod`
    maps a URL name to a function that tells when its page last changed (see `newest()`);
    a page without one is listed without `lastmod`."""

    def __init__(
        self,
        url_names: list[str],
        *,
        priority: float = 0.8,
        changefreq: str = "weekly",
        lastmod: dict[str, Callable[[], datetime | None]] | None = None,
    ):
        super().__init__()
        self.url_names = url_names
        self.priority = priority
        self.changefreq = changefreq
        self.changed = lastmod or {}

    def items(self) -> list[str]:
        return self.url_names

    def location(self, item: str) -> str:
        return reverse(item)

    def lastmod(self, item: str) -> datetime | None:
        changed = self.changed.get(item)
        return changed() if changed else None
