"""Small HTML helpers for the campaign tests (standard library only)."""

from html.parser import HTMLParser


class ListPage(HTMLParser):
    """Reads /jobcenter/: the Land sections, their visible Kommune links, the map links."""

    def __init__(self, html: str):
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.map_links: dict[str, str] = {}
        self.map_badges: list[str] = []
        self._section: str | None = None
        self._item_hidden = False
        self._in_link: dict | None = None
        self._in_badge_text = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "data-land" in attrs:
            self._section = attrs["data-land"]
            self.sections[self._section] = {"hidden": "hidden" in attrs, "links": [], "hidden_links": []}
        elif tag == "li" and "data-search" in attrs:
            self._item_hidden = "hidden" in attrs
        elif tag == "a" and self._section and attrs.get("href", "").startswith("/jobcenter/"):
            self._in_link = {"href": attrs["href"], "text": ""}
        elif tag == "a" and "data-map-land" in attrs:
            self.map_links[attrs["data-map-land"]] = attrs
        elif tag == "text":
            self._in_badge_text = True

    def handle_data(self, data):
        if self._in_link is not None:
            self._in_link["text"] += data
        if self._in_badge_text:
            self.map_badges.append(data.strip())

    def handle_endtag(self, tag):
        if tag == "a" and self._in_link is not None and self._section:
            key = "hidden_links" if self._item_hidden else "links"
            self.sections[self._section][key].append((self._in_link["text"].strip(), self._in_link["href"]))
            self._in_link = None
        elif tag == "section":
            self._section = None
        elif tag == "text":
            self._in_badge_text = False

    def visible_names(self) -> dict[str, list[str]]:
        """{land: [names]} of what a visitor sees (sections and items without `hidden`)."""
        return {
            land: [name for name, _href in section["links"]]
            for land, section in self.sections.items()
            if not section["hidden"] and section["links"]
        }
