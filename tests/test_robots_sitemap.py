"""/robots.txt names the sitemap; the sitemap lists every public page, the content pages with
their lastmod (stories, chapters, all 104 Jobcenter pages, releases, explainer videos)."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from campaign.models import ContentPage, Kommune, PageKey
from leitbild.models import Chapter
from shared import pagecache
from stories.models import Story
from tests.factories import PressReleaseFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_robots_txt_names_the_absolute_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /vorschau/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def entries(client) -> dict[str, str | None]:
    xml = client.get("/sitemap.xml").content.decode()
    found = {}
    for url in re.findall(r"<url>(.*?)</url>", xml, re.S):
        loc = re.search(r"<loc>([^<]+)</loc>", url).group(1).removeprefix("http://testserver")
        lastmod = re.search(r"<lastmod>([^<]+)</lastmod>", url)
        found[loc] = lastmod.group(1) if lastmod else None
    return found


def test_sitemap_lists_content_pages_with_lastmod(client):
    story = StoryFactory(slug="im-sitemap")
    release = PressReleaseFactory(slug="mitteilung")

    found = entries(client)

    jobcenter = {loc: mod for loc, mod in found.items() if re.fullmatch(r"/jobcenter/[^/]+/", loc)}
    assert len(jobcenter) == Kommune.objects.count() == 104
    assert all(jobcenter.values()), [loc for loc, mod in jobcenter.items() if not mod]
    chapters = [chapter.get_absolute_url() for chapter in Chapter.objects.numbered()]
    assert chapters and all(found[url] for url in chapters)
    assert found[story.get_absolute_url()] == timezone.localdate(story.updated_at).isoformat()
    assert found[release.get_absolute_url()] == timezone.localdate(release.updated_at).isoformat()
    for value in filter(None, found.values()):
        datetime.fromisoformat(value)


def test_a_jobcenter_page_changes_with_its_newest_published_story(client):
    Kommune.objects.filter(slug="kreis-dueren").update(updated_at=datetime(2025, 1, 2, 12, 0).astimezone())
    assert entries(client)["/jobcenter/kreis-dueren/"] == "2025-01-02"

    story = StoryFactory(slug="neu-in-dueren")

    assert entries(client)["/jobcenter/kreis-dueren/"] == timezone.localdate(story.updated_at).isoformat()


def test_fixed_pages_have_the_lastmod_of_what_they_show(client):
    old = datetime(2025, 3, 4, 12, 0).astimezone()
    StoryFactory(slug="alt")
    Story.objects.update(updated_at=old)
    ContentPage.objects.filter(key=PageKey.IMPRINT).update(updated_at=old)
    StoryFactory(slug="morgen", publish_from=timezone.now() + timedelta(days=1))  # not shown yet: not counted
    release = PressReleaseFactory(slug="fuer-die-presse")
    pagecache.renew()

    found = entries(client)

    fixed = ["/", "/geschichten/", "/jobcenter/", "/impressum/", "/datenschutz/", "/leitbild/", "/presse/"]
    assert all(found[url] for url in fixed), {url: found.get(url) for url in fixed}
    assert found["/impressum/"] == "2025-03-04"
    assert found["/geschichten/"] == "2025-03-04"
    assert found["/presse/"] == release.updated_at.date().isoformat()

    shown = StoryFactory(slug="heute")
    pagecache.renew()
    assert entries(client)["/geschichten/"] == shown.updated_at.date().isoformat()
