"""The source the Leitbild tests compare against, and how they read a rendered page.

The source is the verbatim copy in docs/sources/data/ (the project never reads it at run time)."""

import json
from functools import cache
from html.parser import HTMLParser

from tests.sources import DATA

LEITBILD_JSON = DATA / "leitbild.json"


@cache
def source() -> dict:
    return json.loads(LEITBILD_JSON.read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    return " ".join(text.split())


class _MainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main" or self.depth:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.chunks.append(data)


def main_text(html: str) -> str:
    """The visible text inside <main>, whitespace collapsed (elements separated by a space)."""
    parser = _MainText()
    parser.feed(html)
    return normalize(" ".join(parser.chunks))


def pdf_text(reader) -> str:
    """The PDF's text with all whitespace removed: a line may break after "/" or "-"
    without a space, and text extraction cannot tell that from a space. Every other
    character must still match, in order."""
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def assert_in_order(text: str, passages: list[str], *, ignore_whitespace: bool = False) -> None:
    """Every passage occurs in `text`, word for word, each after the one before."""
    position = 0
    for passage in passages:
        wanted = "".join(passage.split()) if ignore_whitespace else normalize(passage)
        found = text.find(wanted, position)
        assert found >= 0, f"missing or out of order: {passage!r}"
        position = found + len(wanted)


def overview_passages() -> list[str]:
    data = source()
    preamble = data["preamble"]
    passages = [data["title"], data["edition"], *data["publishers"], preamble["title"], *preamble["bullets"]]
    passages += [preamble["future"]["title"], *preamble["future"]["paragraphs"]]
    passages += [chapter["title"] for chapter in data["chapters"]]
    closing = data["closing"]
    passages += [closing["title"], *closing["intro"], closing["commitments_lead"], *closing["commitments"]]
    return passages


def chapter_passages(chapter: dict) -> list[str]:
    return [chapter["title"], *chapter["intro"], chapter["commitments_lead"], *chapter["commitments"]]
