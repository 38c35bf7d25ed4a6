"""Query budgets: every public page runs at most BUDGET queries on a cache miss, and the same
number with 10, 300 and 1,000 stories (issue 13).

The URLs are the sitemap's plus the pages the sitemap does not list (a second gallery page,
a search, the feeds). The page cache, where it exists, is switched off so every request is
a miss.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from campaign.models import Kommune
from stories.models import Story
from stories.views import STORIES_PER_PAGE
from tests.factories import PhotoFactory, StoryFactory, many_stories, topic
from tests.helpers import count_queries
from tests.press.helpers import shared_pdf_renderings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_pdf_renderings")]
__all__ = ["shared_pdf_renderings"]

BUDGET = 8

FIXED_URLS = [
    "/",
    "/geschichten/",
    "/geschichten/?seite=2",
    "/geschichten/erste-geschichte/",
    "/leitbild/",
    "/jobcenter/",
    "/jobcenter/kreis-dueren/",
    "/presse/",
    "/suche/?q=Ausbildung",
    "/suche/?q=Ausbildung+Schlosser&seite=2",
    "/suche/?q=Ausbilung",
    "/geschichten/feed/",
    "/geschichten/feed/atom/",
    "/presse/feed/",
    "/presse/feed/atom/",
    "/jobcenter/kreis-dueren/feed/",
    "/jobcenter/kreis-dueren/feed/atom/",
    "/jobcenter/kreis-dueren/karte/",
    "/geschichten/erste-geschichte/karte/",
    "/presse/einbinden/",
    "/presse/einbinden/?jobcenter=kreis-dueren",
    "/presse/einbinden/?geschichte=erste-geschichte",
    "/impressum/",
    "/barrierefreiheit/",
    "/sitemap.xml",
    # The English interface (issue 14): the same views under /en/.
    "/en/",
    "/en/geschichten/",
    "/en/geschichten/erste-geschichte/",
    "/en/jobcenter/kreis-dueren/",
    "/en/leitbild/",
    "/robots.txt",
]

# Pages allowed over BUDGET for now: URL -> the most queries allowed. Empty is the goal; an
# entry whose page is back within BUDGET fails the test, so it gets removed.
KNOWN_OVER: dict[str, int] = {}  # pages allowed over the budget, with the reason (none today)


def sitemap_paths(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())}


def sections(paths: set[str]) -> list[str]:
    """One URL per sitemap section shape (first two path segments), so that 1,000 story
    pages are sampled by one, not fetched one by one."""
    chosen: dict[tuple, str] = {}
    for path in sorted(paths):
        parts = [p for p in path.split("/") if p]
        key = (tuple(parts[:1]), len(parts))
        chosen.setdefault(key, path)
    return sorted(chosen.values())


def grow_to(count: int, photo) -> None:
    missing = count - Story.objects.published().count()
    if missing > 0:
        many_stories(missing, kommunen=list(Kommune.objects.all()), photo_source=photo)
    assert Story.objects.published().count() == count


SECOND_PAGE = "/geschichten/?seite=2"


def measure(client, urls: list[str]) -> dict[str, int]:
    """Queries per URL; with too few stories for a second gallery page that page is left out."""
    has_second_page = Story.objects.published().count() > STORIES_PER_PAGE
    return {url: count_queries(client, url) for url in urls if has_second_page or url != SECOND_PAGE}


@override_settings(PAGE_CACHE_ENABLED=False)
def test_every_public_page_stays_within_its_query_budget_with_10_300_and_1000_stories(client):
    photo = PhotoFactory(story=StoryFactory(slug="erste-geschichte"))
    photo.story.topics.set([topic("ausbildung")])
    grow_to(10, photo)
    urls = sorted(set(FIXED_URLS) | set(sections(sitemap_paths(client))))
    assert any(u.startswith("/leitbild/") and u != "/leitbild/" for u in urls), "a chapter must be measured"

    by_size = {}
    for count in (10, 300, 1000):
        grow_to(count, photo)
        by_size[count] = measure(client, urls)

    assert by_size[300] == by_size[1000]
    assert by_size[10] == {url: n for url, n in by_size[300].items() if url != SECOND_PAGE}
    assert by_size[300][SECOND_PAGE] == by_size[300]["/geschichten/"]
    over = {url: n for url, n in by_size[1000].items() if n > KNOWN_OVER.get(url, BUDGET)}
    assert over == {}, f"over the budget of {BUDGET} queries: {over}"
    stale = [url for url in KNOWN_OVER if by_size[1000][url] <= BUDGET]
    assert stale == [], f"back within the budget, remove from KNOWN_OVER: {stale}"
