"""/jobcenter/<slug>/feed/ and /feed/atom/: one Jobcenter's published stories, nobody else's.
(Their validity as RSS 2.0 and Atom 1.0 is checked with the site's other feeds, tests/press/test_feeds.py.)"""

import datetime

import feedparser
import pytest

from campaign.models import Kommune
from shared.publication import Status, start_of_day
from tests.factories import StoryFactory, kommune

pytestmark = pytest.mark.django_db


def test_dueren_feed_lists_duerens_published_stories_newest_first(client):
    StoryFactory(
        name="Erika Düren", kommune=kommune("kreis-dueren"), publish_from=start_of_day(datetime.date(2024, 1, 1))
    )
    StoryFactory(
        name="Max Düren", kommune=kommune("kreis-dueren"), publish_from=start_of_day(datetime.date(2024, 6, 1))
    )
    StoryFactory(name="Aus Jena", kommune=kommune("stadt-jena"))
    StoryFactory(name="Entwurf Düren", kommune=kommune("kreis-dueren"), status=Status.DRAFT)
    StoryFactory(name="Ohne Einwilligung", kommune=kommune("kreis-dueren"), consent=False)

    for url in ("/jobcenter/kreis-dueren/feed/", "/jobcenter/kreis-dueren/feed/atom/"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo
        assert [entry.title.split(":")[0] for entry in parsed.entries] == ["Max Düren", "Erika Düren"]
        assert parsed.feed.title == "Geschichten aus Kreis Düren – Kommunale Jobcenter"
        assert "(Jobcenter Kreis Düren)" in (parsed.feed.get("subtitle") or parsed.feed.get("description"))
        assert parsed.feed.link == "http://testserver/jobcenter/kreis-dueren/"


def test_feed_of_a_jobcenter_without_stories_is_empty_and_of_an_unknown_one_is_404(client):
    StoryFactory(kommune=kommune("kreis-dueren"))
    assert feedparser.parse(client.get("/jobcenter/stadt-jena/feed/").content).entries == []
    assert client.get("/jobcenter/gibt-es-nicht/feed/").status_code == 404


def test_feed_title_uses_the_approved_jobcenter_name_while_a_change_waits(client):
    duren = kommune("kreis-dueren")
    duren.jobcenter_name = "Jobcenter Rur"
    duren.save()
    duren.jobcenter_name = "Noch nicht freigegeben"
    duren.status = Status.REVIEW
    duren.save()
    feed = feedparser.parse(client.get("/jobcenter/kreis-dueren/feed/").content).feed
    assert "(Jobcenter Rur)" in feed.description and "freigegeben" not in feed.description
    assert Kommune.objects.get(pk=duren.pk).jobcenter_name == "Noch nicht freigegeben"


def test_jobcenter_page_announces_and_links_its_feeds(client):
    html = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/jobcenter/kreis-dueren/feed/"' in html
    assert 'href="/jobcenter/kreis-dueren/feed/atom/"' in html
    assert 'href="/presse/einbinden/?jobcenter=kreis-dueren#code"' in html
