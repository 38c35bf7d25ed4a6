"""Sitemap building blocks: the sitemap of fixed pages (each app lists its pages by URL name) and
the base of the sitemaps that list rows.

/sitemap.xml stays inside the query budget of every public page (tests/test_query_budgets.py):
a `ModelSitemap` reads its rows in one query (no COUNT first), and a fixed page's `lastmod`,
which comes from what the page shows (`newest()`), costs nothing extra: the sitemap view
(config/sitemaps.py) opens `StaticViewSitemap.prefetched(sections)`, which reads every fixed
page's newest time in a single SELECT of subqueries."""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.dateparse import parse_datetime


class newest:
    """When the newest of the `rows` changed: the `lastmod` of a page that shows them, e.g.
    `newest(Story.objects.published)` for the gallery. Each is a function that returns a queryset,
    called when the sitemap is built (so "published" means published then, not at import)."""

    def __init__(self, *rows: Callable[[], QuerySet], field: str = "updated_at"):
        self.rows = rows
        self.field = field

    def querysets(self) -> list[QuerySet]:
        return [rows().order_by(f"-{self.field}").values(self.field)[:1] for rows in self.rows]

    def __call__(self) -> datetime | None:
        known = _known.get()
        if known is not None and self in known:
            return known[self]
        return read_newest([self])[self]


_known: ContextVar[dict | None] = ContextVar("sitemap_lastmods", default=None)


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    parsed = parse_datetime(str(value))  # SQLite hands back text from a raw SELECT
    return parsed.replace(tzinfo=UTC) if parsed and parsed.tzinfo is None else parsed


def read_newest(wanted: list[newest]) -> dict[newest, datetime | None]:
    """Every `newest` in one query: SELECT (subquery), (subquery), …"""
    parts, params, owners = [], [], []
    for each in wanted:
        for queryset in each.querysets():
            sql, query_params = queryset.query.sql_with_params()
            parts.append(f"({sql})")
            params.extend(query_params)
            owners.append(each)
    if not parts:
        return {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    found: dict[newest, datetime | None] = dict.fromkeys(wanted)
    for owner, value in zip(owners, row, strict=True):
        value = _as_datetime(value)
        if value is not None and (found[owner] is None or value > found[owner]):
            found[owner] = value
    return found


class ModelSitemap(Sitemap):
    """A sitemap of rows, read in one query: Django's paginator would COUNT them first."""

    @property
    def paginator(self):
        return Paginator(list(self._items()), self.limit)


class StaticViewSitemap(Sitemap):
    """Pages that exist once (overviews, legal pages), e.g.
    `StaticViewSitemap(["stories:list", "stories:explainer_list"], priority=0.8)`; `lastmod`
    maps a URL name to a `newest(...)` that tells when its page last changed; a page without one
    is listed without `lastmod`."""

    def __init__(
        self,
        url_names: list[str],
        *,
        priority: float = 0.8,
        changefreq: str = "weekly",
        lastmod: dict[str, newest] | None = None,
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

    @classmethod
    @contextmanager
    def prefetched(cls, sections: list["StaticViewSitemap"]):
        """While the sitemap is built: every `lastmod` of these sections, read in one query."""
        token = _known.set(read_newest([each for section in sections for each in section.changed.values()]))
        try:
            yield
        finally:
            _known.reset(token)
