"""What the site's RSS 2.0 and Atom 1.0 feeds share (built on django.contrib.syndication).

Each app subclasses `SiteFeed` for RSS 2.0 and adds an Atom variant with `atom_feed()`;
templates/includes/feed_links.html announces them in every page's <head>.

Feed readers render an item's description (RSS <description>, Atom <summary type="html">) as
HTML, so a feed never hands them a field as it was typed: a plain-text field (`item_text`) is
escaped, a rich-text field (`item_html`) passes the rich-text sanitizer once more. Titles are
plain text in both formats and stay so.

A feed is the same bytes from every worker (its ETag is a hash of them, shared/pagecache.py):
an empty feed's date is the page cache generation's start, not the moment it was rendered.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from shared import pagecache
from shared.richtext import sanitize

FEED_LENGTH = 20


class SiteFeed(Feed):
    """RSS 2.0 in German; every item's GUID is its permanent, absolute address."""

    feed_type = Rss201rev2Feed
    language = "de"
    item_guid_is_permalink = True

    def author_name(self) -> str:
        return str(settings.SITE_NAME)

    def item_text(self, item) -> str | None:
        """The item's summary as plain text (a teaser, a lead); subclasses name it here."""
        return None

    def item_html(self, item) -> str | None:
        """Or the item's summary from a rich-text field."""
        return None

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        if not feed.items:
            # Django dates a feed without items "now" (its <updated>/<lastBuildDate> and the
            # Last-Modified header): every render, every worker another date, another ETag.
            # Nothing in it changed since the page cache's generation began.
            began = datetime.fromtimestamp(int(pagecache.generation()[2]), tz=UTC)
            feed.latest_post_date = lambda: began
        return feed

    def item_description(self, item) -> str:
        html = self.item_html(item)
        if html is not None:
            return sanitize(html)
        return escape(self.item_text(item) or "")


def atom_feed(feed_class: type[SiteFeed]) -> type[SiteFeed]:
    """The same feed as Atom 1.0 (the RSS description becomes the Atom subtitle)."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description, "__module__": feed_class.__module__},
    )
