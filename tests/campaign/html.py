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


class KommunePage(HTMLParser):
    """Reads a Jobcenter page (/jobcenter/<slug>/): the main content's headings, the terms of
    its description lists, the locations in order and the markers of the location map."""

    COLLECTED = {"h1": "headings", "h2": "headings", "h3": "headings", "dt": "terms"}

    def __init__(self, html: str):
        super().__init__()
        self.headings: list[str] = []
        self.terms: list[str] = []
        self.list_numbers: list[str] = []
        self.location_ids: list[str] = []
        self.markers: list[dict] = []
        self.dots: list[tuple[float, float]] = []  # the true places of the markers, in their order
        self.map_view_box = ""
        self._open: list[tuple[str, str, list[str]]] = []  # (tag, target list, text parts)
        self.feed(html[html.index("<main") : html.index("</main>")])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = attrs.get("class", "") or ""
        if tag in self.COLLECTED:
            self._open.append((tag, self.COLLECTED[tag], []))
        elif tag == "span" and "campaign-location__number" in classes:
            self._open.append((tag, "list_numbers", []))
        elif tag == "li" and attrs.get("id", "").startswith("standort-"):
            self.location_ids.append(attrs["id"])
        elif tag == "svg" and "campaign-location-map__svg" in classes:
            self.map_view_box = attrs["viewbox"]
        elif tag == "a" and "data-map-marker" in attrs:
            self.markers.append(attrs)
        elif tag == "circle" and "campaign-location-map__dot" in classes:
            self.dots.append((float(attrs["cx"]), float(attrs["cy"])))
        elif tag == "circle" and self.markers and "campaign-location-map__badge" in classes:
            self.markers[-1]["badge"] = (float(attrs["cx"]), float(attrs["cy"]), float(attrs["r"]))

    def handle_data(self, data):
        # The marker number beside a location's name is hidden from assistive technology.
        if self._open and self._open[-1][1] == "list_numbers":
            self._open[-1][2].append(data)
            return
        for _tag, _target, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            _tag, target, parts = self._open.pop()
            getattr(self, target).append(" ".join("".join(parts).split()))
