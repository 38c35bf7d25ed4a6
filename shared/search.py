"""What a content app declares for the site search (/suche/), in its own `search_index.py`.

Each app that has findable pages lists them in `SEARCH_INDEX`, a list of `Searchable`s, the
way `sitemaps.py` lists sitemaps. The search app (search/) collects the lists, keeps its
index current on save and delete, and runs the queries. So a content app never imports the
search app, and renaming a field of one of its models is a change inside that app only.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import models
from django.utils.html import strip_tags

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """The one spelling both the index and the query use: "Düren" and "DUEREN" → "dueren"."""
    return " ".join(text.casefold().translate(UMLAUTS).split())


def plain(text: str) -> str:
    """Plain text from rich text or plain text, whitespace collapsed."""
    return " ".join(strip_tags(text or "").split())


@dataclass
class Document:
    """One findable page: the row it is made from, its title, address, excerpt, the texts to
    search, and the window in which it may be found (None: no limit)."""

    row: models.Model
    title: str
    url: str
    excerpt: str
    text: Iterable[str]
    visible_from: datetime.datetime | None = None
    visible_until: datetime.datetime | None = None


@dataclass(frozen=True)
class Searchable:
    """One model's contribution to the index.

    - `model`: its label, e.g. "stories.Story";
    - `kind`, `label`, `order`: the result group ("story", "Geschichte") and its place;
    - `rows()`: the rows that may be found now or later (e.g. `.released()`: published,
      scheduled ones included, since each Document carries its window);
    - `documents(queryset)`: a Document per row of the queryset, in a fixed number of queries;
    - `parts`: labels of models whose rows are part of this model's pages, with the name of
      the foreign key to it (a chapter's commitments), so their edits update the page's entry.
    """

    model: str
    kind: str
    label: str
    order: int
    rows: Callable[[], models.QuerySet]
    documents: Callable[[models.QuerySet], Iterator[Document]]
    parts: dict[str, str] = field(default_factory=dict)


def publication_window(obj) -> dict:
    """visible_from/visible_until for a Document of a Publishable row."""
    return {"visible_from": obj.publish_from, "visible_until": obj.publish_until}
