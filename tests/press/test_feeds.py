"""The feeds validate as RSS 2.0 and Atom 1.0: a strict structural check of what the specs
require (RSS 2.0 specification; Atom per RFC 4287) plus feedparser, which must report no
error ("bozo"). Only published items, newest first, absolute addresses, German, unique ids.

There is no maintained offline feed validator on PyPI; these checks stand in for one.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

import feedparser
import pytest
from django.utils import timezone

from press.models import PressRelease
from shared.publication import Status, start_of_day
from tests.factories import PressReleaseFactory, StoryFactory, topic

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FEEDS = {
    "press": ("/presse/feed/", "/presse/feed/atom/"),
    "stories": ("/geschichten/feed/", "/geschichten/feed/atom/"),
    "jobcenter": ("/jobcenter/kreis-dueren/feed/", "/jobcenter/kreis-dueren/feed/atom/"),
}


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch(client, url: str, content_type: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return response.content


def assert_valid_rss(content: bytes) -> list[ET.Element]:
    """RSS 2.0: <rss version="2.0"><channel> with title, link, description; each item a title
    or description, RFC 822 dates, a unique guid. Returns the items."""
    root = ET.fromstring(content)  # noqa: S314 (our own feed)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        element = channel.find(required)
        assert element is not None and (element.text or "").strip(), f"channel without {required}"
    assert absolute(channel.findtext("link"))
    assert channel.findtext("language") == "de"
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and absolute(self_link.get("href"))
    for date_field in ("lastBuildDate", "pubDate"):
        if channel.find(date_field) is not None:
            parsedate_to_datetime(channel.findtext(date_field))
    items = channel.findall("item")
    guids = []
    for item in items:
        assert (item.findtext("title") or item.findtext("description") or "").strip()
        assert absolute(item.findtext("link"))
        date = parsedate_to_datetime(item.findtext("pubDate"))
        assert date.tzinfo is not None
        guid = item.find("guid")
        assert guid is not None and guid.text
        if guid.get("isPermaLink", "true") == "true":
            assert absolute(guid.text)
        guids.append(guid.text)
    assert len(guids) == len(set(guids)), "guids are not unique"
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True), "not newest first"
    return items


def assert_valid_atom(content: bytes) -> list[ET.Element]:
    """Atom 1.0 (RFC 4287): feed id, title, updated, author (or one per entry), link
    rel=self and rel=alternate; each entry id, title, updated, link rel=alternate; RFC 3339
    dates; unique ids. Returns the entries."""
    root = ET.fromstring(content)  # noqa: S314 (our own feed)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    for required in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{required}")) == 1, f"feed needs exactly one {required}"
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    assert absolute(root.findtext(f"{ATOM}id"))
    links = {link.get("rel", "alternate"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert absolute(links["self"]) and absolute(links["alternate"])
    entries = root.findall(f"{ATOM}entry")
    feed_author = root.find(f"{ATOM}author/{ATOM}name")
    ids = []
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, f"entry needs exactly one {required}"
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        published = entry.findtext(f"{ATOM}published")
        assert published is None or RFC3339.match(published)
        assert absolute(entry.findtext(f"{ATOM}id"))
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1 and absolute(alternate[0].get("href"))
        assert feed_author is not None or entry.find(f"{ATOM}author/{ATOM}name") is not None
        summary = entry.find(f"{ATOM}summary")
        assert summary is None or summary.get("type") in (None, "text", "html")
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "entry ids are not unique"
    return entries


def assert_feedparser_accepts(content: bytes, version: str):
    parsed = feedparser.parse(content)
    assert not parsed.bozo, f"feedparser: {parsed.get('bozo_exception')}"
    assert parsed.version == version
    return parsed


def build_press():
    PressReleaseFactory(number="001/2024", date=datetime.date(2024, 1, 10), title="Erste Mitteilung")
    PressReleaseFactory(number="002/2024", date=datetime.date(2024, 2, 10), title="Zweite <Mitteilung> & mehr")
    PressReleaseFactory(number="", date=datetime.date(2023, 5, 1), title="Ohne Nummer", is_joint=False)
    PressReleaseFactory(number="003/2024", title="Entwurf", status=Status.DRAFT)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    PressReleaseFactory(number=f"009/{tomorrow.year}", date=tomorrow, title="Sperrfrist")


def build_stories():
    older = StoryFactory(
        name="Erika Beispiel", quote="Ich habe wieder Arbeit.", publish_from=start_of_day(datetime.date(2024, 1, 1))
    )
    older.topics.set([topic("ausbildung")])
    StoryFactory(
        name="Max Muster", quote="Endlich eine Ausbildung.", publish_from=start_of_day(datetime.date(2024, 6, 1))
    )
    StoryFactory(name="Noch geheim", status=Status.DRAFT)


@pytest.mark.parametrize("feed", FEEDS)
def test_feeds_validate_as_rss_2_and_atom_1(client, feed):
    build_press()
    build_stories()
    rss_url, atom_url = FEEDS[feed]
    rss = fetch(client, rss_url, "application/rss+xml")
    items = assert_valid_rss(rss)
    assert_feedparser_accepts(rss, "rss20")
    atom = fetch(client, atom_url, "application/atom+xml")
    entries = assert_valid_atom(atom)
    assert_feedparser_accepts(atom, "atom10")
    assert len(items) == len(entries) == (3 if feed == "press" else 2)


@pytest.mark.parametrize("url", [url for pair in FEEDS.values() for url in pair])
def test_empty_feeds_are_valid_too(client, url):
    content = client.get(url).content
    if url.endswith("/atom/"):
        assert assert_valid_atom(content) == []
        assert_feedparser_accepts(content, "atom10")
    else:
        assert assert_valid_rss(content) == []
        assert_feedparser_accepts(content, "rss20")


def test_press_feed_lists_published_releases_newest_first_with_number_and_lead(client):
    build_press()
    parsed = feedparser.parse(client.get("/presse/feed/").content)
    assert [entry.title for entry in parsed.entries] == [
        "Nr. 002/2024: Zweite <Mitteilung> & mehr",
        "Nr. 001/2024: Erste Mitteilung",
        "Ohne Nummer",
    ]
    first = parsed.entries[0]
    release = PressRelease.objects.get(number="002/2024")
    assert first.link == f"http://testserver{release.get_absolute_url()}"
    assert first.id == first.link
    assert first.summary == release.lead
    assert first.published == "Sat, 10 Feb 2024 00:00:00 +0100"  # the day begins in Germany
    assert parsed.feed.link == "http://testserver/presse/"
    assert parsed.feed.language == "de"


def test_press_atom_feed_names_the_issuers_and_the_update(client):
    build_press()
    parsed = feedparser.parse(client.get("/presse/feed/atom/").content)
    assert parsed.feed.title == "Pressemitteilungen – Kommunale Jobcenter"
    first = parsed.entries[0]
    assert first.author == "Deutscher Landkreistag, Deutscher Städtetag"
    assert first.published == "2024-02-10T00:00:00+01:00"
    assert first.updated_parsed >= first.published_parsed


def test_story_feed_lists_published_stories_with_their_jobcenter_and_topics(client):
    build_stories()
    parsed = feedparser.parse(client.get("/geschichten/feed/atom/").content)
    assert [entry.title for entry in parsed.entries] == [
        "Max Muster: „Endlich eine Ausbildung.“",
        "Erika Beispiel: „Ich habe wieder Arbeit.“",
    ]
    second = parsed.entries[1]
    assert second.link.startswith("http://testserver/geschichten/")
    assert second.author == "Jobcenter Kreis Düren"
    assert [tag.term for tag in second.tags] == [topic("ausbildung").name]
    assert second.summary == "Eine Geschichte für die Tests."


def test_feeds_are_not_taken_for_a_release_or_a_story(client):
    StoryFactory(slug="feed")  # a story cannot hide the feed
    assert client.get("/geschichten/feed/")["Content-Type"].startswith("application/rss+xml")
    assert client.get("/presse/feed/")["Content-Type"].startswith("application/rss+xml")


def test_the_checks_catch_broken_feeds():
    """The structural checks fail on what the specs forbid (so they can fail at all)."""
    good_rss = (
        b'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>'
        b"<link>http://x.example/</link><description>D</description><language>de</language>"
        b'<atom:link rel="self" href="http://x.example/feed/"/>'
        b"<item><title>A</title><link>http://x.example/a/</link><pubDate>Sat, 10 Feb 2024 00:00:00 +0100</pubDate>"
        b"<guid>http://x.example/a/</guid></item></channel></rss>"
    )
    assert_valid_rss(good_rss)
    with pytest.raises(AssertionError):
        assert_valid_rss(good_rss.replace(b"<description>D</description>", b""))
    with pytest.raises((AssertionError, TypeError, ValueError)):
        assert_valid_rss(good_rss.replace(b"Sat, 10 Feb 2024 00:00:00 +0100", b"10.02.2024"))
    with pytest.raises(AssertionError):
        assert_valid_rss(good_rss.replace(b"<link>http://x.example/a/</link>", b"<link>/a/</link>"))
    good_atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><id>http://x.example/</id><title>T</title>'
        b"<updated>2024-02-10T00:00:00+01:00</updated><author><name>N</name></author>"
        b'<link rel="self" href="http://x.example/feed/"/><link rel="alternate" href="http://x.example/"/>'
        b"<entry><id>http://x.example/a/</id><title>A</title><updated>2024-02-10T00:00:00Z</updated>"
        b'<link rel="alternate" href="http://x.example/a/"/></entry></feed>'
    )
    assert_valid_atom(good_atom)
    with pytest.raises(AssertionError):
        assert_valid_atom(good_atom.replace(b"<updated>2024-02-10T00:00:00Z</updated>", b""))
    with pytest.raises(AssertionError):
        assert_valid_atom(good_atom.replace(b"<author><name>N</name></author>", b""))
    with pytest.raises(AssertionError):
        assert_valid_atom(good_atom.replace(b"2024-02-10T00:00:00Z", b"10.02.2024"))


EVIL = "<img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    """What an HTML reader makes of a feed's HTML field: its elements and its text."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], ""
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def assert_text_only(element: ET.Element, html: bool):
    assert len(element) == 0, "an XML element inside"
    if html:  # RSS description, Atom summary type="html": readers render it as HTML
        parsed = _Tags(element.text)
        assert parsed.tags == [], f"live markup in {element.tag}: {element.text}"
        assert EVIL in parsed.text
    else:  # a title: plain text
        assert EVIL in element.text


@pytest.mark.parametrize("feed", FEEDS)
def test_markup_typed_into_plain_text_fields_reaches_feed_readers_as_text(client, feed):
    StoryFactory(name="Eva", quote=f"Zitat {EVIL}", teaser=f"Kurz {EVIL} & gut")
    PressReleaseFactory(number="001/2024", title=f"Titel {EVIL}", lead=f"Vorspann {EVIL} & mehr")
    rss_url, atom_url = FEEDS[feed]
    rss = fetch(client, rss_url, "application/rss+xml")
    (item,) = assert_valid_rss(rss)
    assert_text_only(item.find("title"), html=False)
    assert_text_only(item.find("description"), html=True)
    assert _Tags(item.find("description").text).text.endswith("& mehr" if feed == "press" else "& gut")
    atom = fetch(client, atom_url, "application/atom+xml")
    (entry,) = assert_valid_atom(atom)
    assert entry.find(f"{ATOM}title").get("type", "text") == "text"
    assert_text_only(entry.find(f"{ATOM}title"), html=False)
    summary = entry.find(f"{ATOM}summary")
    assert_text_only(summary, html=summary.get("type") == "html")


def test_a_feed_of_rich_text_carries_only_the_sanitised_html():
    from shared.feeds import SiteFeed

    class RichFeed(SiteFeed):
        def item_html(self, item):
            return item

    html = RichFeed().item_description(f'<p onclick="x()">Gut {EVIL}<script>alert(2)</script><strong>!</strong></p>')
    assert _Tags(html).tags == ["p", "strong"]
    assert "onclick" not in html and "onerror" not in html and "alert(2)" not in html
