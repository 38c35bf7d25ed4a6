"""Helpers for the newsroom tests: the demo loader, the press kit read from the page, and
PDF renderings shared between tests.

`shared_pdf_renderings` keeps each real WeasyPrint rendering (the Leitbild PDF, the
key-figures sheet) for the test session, keyed by its HTML, and makes the generated files
(generated/makers.py) before the test: every test gets real stored PDFs, but the same
document is not rendered again for each test's empty media folder.
"""

import io
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

import pytest
from django.core.management.base import BaseCommand

from generated import makers
from leitbild import pdf as leitbild_pdf
from press import demo as press_demo
from press import pdf as press_pdf
from tests import snapshots

_RENDERINGS: dict[tuple[str, str], bytes] = {}


@pytest.fixture
def shared_pdf_renderings(monkeypatch) -> list[str]:
    """Real renderings, made once per session per document; returns the names rendered now."""
    rendered_now: list[str] = []
    for module in (leitbild_pdf, press_pdf):
        original = module.render_pdf

        def render(html, original=original, name=module.__name__):
            key = (name, html)
            if key not in _RENDERINGS:
                _RENDERINGS[key] = original(html)
            rendered_now.append(name)
            return _RENDERINGS[key]

        monkeypatch.setattr(module, "render_pdf", render)
    makers.make_all()
    rendered_now.clear()
    return rendered_now


def load_press_demo() -> str:
    """Run the newsroom's part of `load_demo`; returns what it reported."""
    command = BaseCommand(stdout=io.StringIO())
    press_demo.load(command, {})
    return command.stdout.getvalue()


def newsroom_demo() -> str:
    """The newsroom's part of `load_demo`, run once per worker and copied in after
    (tests/snapshots.py; the test must be marked `@snapshots.copied`)."""
    return snapshots.built("press-demo", load_press_demo)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unescape(text)).strip()


class TextOf(HTMLParser):
    """The visible text of a page's <main>, whitespace folded."""

    def __init__(self, html: str):
        super().__init__()
        self.parts: list[str] = []
        self._in_main = 0
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._in_main += 1
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main -= 1
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_main and not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return normalize(" ".join(self.parts))


def main_text(html: str) -> str:
    return TextOf(html).text


@dataclass
class KitItem:
    """One entry of the press kit as a visitor sees it."""

    title: str = ""
    credit: str = ""
    terms: str = ""
    file: str = ""
    href: str = ""
    download: str | None = None
    image_alt: str | None = None
    texts: dict = field(default_factory=dict)


class KitPage(HTMLParser):
    """Reads the kit entries (li.campaign-kit__item) of /presse/ or a release page."""

    FIELDS = {
        "campaign-kit__title": "title",
        "campaign-kit__credit": "credit",
        "campaign-kit__terms": "terms",
        "campaign-kit__file": "file",
    }

    def __init__(self, html: str):
        super().__init__()
        self.items: list[KitItem] = []
        self._item: KitItem | None = None
        self._depth = 0
        self._field: str | None = None
        self._field_tag: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "li" and "campaign-kit__item" in classes:
            self._item = KitItem()
            self._depth = 0
        if self._item is None:
            return
        if tag == "li":
            self._depth += 1
        for css_class, name in self.FIELDS.items():
            if css_class in classes:
                self._field, self._field_tag = name, tag
        if tag == "a" and "campaign-kit__download" in classes:
            self._item.href = attrs["href"]
            self._item.download = attrs.get("download")
        if tag == "img" and self._item.image_alt is None:
            self._item.image_alt = attrs.get("alt")

    def handle_endtag(self, tag):
        if self._item is None:
            return
        if tag == self._field_tag:
            self._field = self._field_tag = None
        if tag == "li":
            self._depth -= 1
            if self._depth == 0:
                for name in self.FIELDS.values():
                    setattr(self._item, name, normalize(getattr(self._item, name)))
                self.items.append(self._item)
                self._item = None

    def handle_data(self, data):
        if self._item is not None and self._field:
            setattr(self._item, self._field, getattr(self._item, self._field) + data)

    def by_title(self, title: str) -> KitItem:
        matches = [item for item in self.items if item.title == title]
        assert len(matches) == 1, f"{title!r} not once in the kit: {[item.title for item in self.items]}"
        return matches[0]
