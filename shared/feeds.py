"""What the site's RSS 2.0 and Atom 1.0 feeds share (built on django.contrib.syndication).

Each app subclasses `SiteFeed` for RSS 2.0 and adds an Atom variant with `atom_feed()`;
templates/includes/feed_links.html announces them in every page's <head>.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20


class SiteFeed(Feed):
    """RSS 2.0 in German; every item's GUID is its permanent, absolute address."""

    feed_type = Rss201rev2Feed
    language = "de"
    item_guid_is_permalink = True

    def author_name(self) -> str:
        return str(settings.SITE_NAME)


def atom_feed(feed_class: type[SiteFeed]) -> type[SiteFeed]:
    """The same feed as Atom 1.0 (the RSS description becomes the Atom subtitle)."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description, "__module__": feed_class.__module__},
    )
