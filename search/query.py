"""The query over the index of search/index.py: any word matches, all words rank first.

PostgreSQL matches the entries' tsvector with `german` queries (each word as written and
folded) and ranks by the number of words found, then ts_rank; SQLite matches the same stems
(search/stemming.py) in the `stems` column and ranks by words found, then words found in the
title. Only entries whose window holds now are found. Two queries per results page (the
counts by kind, the page), one more only when nothing was found (the "Meinten Sie" word).
"""

import difflib
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search import stemming
from search.index import kinds
from search.models import SearchEntry
from shared.search import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
SNIPPET_WORDS = 30
SNIPPET_LEAD = 8
# "Meinten Sie": only for words this long, and only the first few of a query.
SUGGEST_MIN_LENGTH = 4
SUGGEST_MAX_WORDS = 3
SUGGEST_CUTOFF = 0.8


def query_words(query: str) -> list[str]:
    """The searchable words of a query, lower case, in order: no punctuation, no stop words."""
    unique = dict.fromkeys(word for word in stemming.words(query) if stemming.variants(word))
    return list(unique)[:MAX_TERMS]


@dataclass
class SearchResults:
    entries: list[SearchEntry]
    counts: list[tuple[str, str, int]]  # (kind, label, count) for kinds with hits
    total: int
    suggestion: str = ""
    stems: frozenset[str] = field(default_factory=frozenset)


def visible() -> QuerySet:
    now = timezone.now()
    return SearchEntry.objects.filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=now),
        Q(visible_until__isnull=True) | Q(visible_until__gt=now),
    )


def _count(conditions: list[Q]) -> Case | Value:
    """How many of the conditions hold, as an SQL expression."""
    terms = [
        Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()) for condition in conditions
    ]
    return reduce(operator.add, terms)


def _ranked_postgresql(matching: QuerySet, words: list[str]) -> tuple[QuerySet, list[str]]:
    per_word = [
        reduce(operator.or_, (SearchQuery(spelling, config="german") for spelling in dict.fromkeys((word, fold(word)))))
        for word in words
    ]
    anything = reduce(operator.or_, per_word)
    matching = matching.filter(vector=anything).alias(
        found=_count([Q(vector=query) for query in per_word]),
        rank=SearchRank(F("vector"), anything),
    )
    return matching, ["-found", "-rank"]


def _ranked_sqlite(matching: QuerySet, words: list[str]) -> tuple[QuerySet, list[str]]:
    def has(column: str, word: str) -> Q:
        return reduce(operator.or_, (Q(**{f"{column}__contains": f" {stem} "}) for stem in stemming.variants(word)))

    per_word = [has("stems", word) for word in words]
    matching = matching.filter(reduce(operator.or_, per_word)).alias(
        found=_count(per_word),
        in_title=_count([has("title_stems", word) for word in words]),
    )
    return matching, ["-found", "-in_title"]


def search(words: list[str], offset: int, limit: int) -> SearchResults:
    """Entries with any of the words; those with more of them first (see module docstring)."""
    if not words:
        return SearchResults([], [], 0)
    ranked = _ranked_postgresql if connection.vendor == "postgresql" else _ranked_sqlite
    matching, order = ranked(visible(), words)
    wanted = frozenset().union(*(stemming.variants(word) for word in words))
    by_kind = dict(matching.order_by().values_list("kind").annotate(n=Count("pk")))
    counts = [(kind, label, by_kind[kind]) for kind, label in kinds() if by_kind.get(kind)]
    total = sum(by_kind.values())
    if not total:
        return SearchResults([], [], 0, suggestion=suggest(words), stems=wanted)
    if offset >= total:
        return SearchResults([], counts, total, stems=wanted)
    page = list(
        matching.only("kind", "title", "url", "excerpt", "text").order_by(*order, "kind_order", "title", "pk")[
            offset : offset + limit
        ]
    )
    labels = dict(kinds())
    for entry in page:
        entry.label = labels.get(entry.kind, "")
        entry.title_html = snippet(entry.title, wanted, whole=True) or escape(entry.title)
        entry.snippet = snippet(entry.text, wanted) or snippet(entry.excerpt, wanted, whole=True)
    return SearchResults(page, counts, total, stems=wanted)


def snippet(text: str, wanted: frozenset[str], whole: bool = False) -> SafeString:
    """Safe HTML: a window of the text around its first word with a wanted stem, every such
    word in <mark>; the text is escaped first, so nothing in it is ever markup. Empty when no
    word matches. `whole`: the whole text (an excerpt), not a window."""
    spans = list(stemming.WORD.finditer(text))
    hits = {i for i, span in enumerate(spans) if stemming.variants(span.group().lower()) & wanted}
    if not hits:
        return mark_safe("")
    start, end = 0, len(spans)
    if not whole:
        start = max(0, min(hits) - SNIPPET_LEAD)
        end = min(len(spans), start + SNIPPET_WORDS)
    out = ["… " if start else ""]
    position = spans[start].start() if start else 0
    for i in range(start, end):
        span = spans[i]
        out.append(escape(text[position : span.start()]))
        word = escape(span.group())
        out.append(f"<mark>{word}</mark>" if i in hits else word)
        position = span.end()
    out.append(escape(text[position:]) if end == len(spans) else " …")
    return mark_safe("".join(out))


def suggest(words: list[str]) -> str:
    """A near spelling made of words that visible pages contain ("Ausbilung" → "Ausbildung", as
    the pages write it), or "" when none is close. Read only when a query found nothing."""
    written: dict[str, str] = {}
    for title, text in visible().values_list("title", "text"):
        for match in stemming.WORD.finditer(f"{title} {text}"):
            word = match.group()
            if len(word) >= SUGGEST_MIN_LENGTH:
                written.setdefault(word.lower(), word)
    vocabulary = set(written) - stemming.STOP_WORDS
    changed = False
    suggested = []
    for i, word in enumerate(words):
        if i < SUGGEST_MAX_WORDS and len(word) >= SUGGEST_MIN_LENGTH and word not in vocabulary:
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=SUGGEST_CUTOFF)
            if close:
                suggested.append(written[close[0]])
                changed = True
                continue
        suggested.append(word)
    return " ".join(suggested) if changed else ""
