"""/suche/?q=…&seite=…: the site search over the index of search/index.py."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from search import query as search_query

SEARCH_PAGE_SIZE = 20


def _page_number(value: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), 10_000)


def search(request: HttpRequest) -> HttpResponse:
    """The site search /suche/?q=…&seite=…: stemmed, any word matches, all words rank first
    (search/query.py). Every input gets a German page, never an error."""
    raw_query = request.GET.get("q", "")
    # Control characters (NUL breaks PostgreSQL) never belong in a query.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in raw_query)
    query = " ".join(cleaned.split())
    trimmed = len(query) > search_query.MAX_QUERY_LENGTH
    if trimmed:
        query = query[: search_query.MAX_QUERY_LENGTH].rstrip()
    words = search_query.query_words(query)
    page = _page_number(request.GET.get("seite", "1"))
    results = search_query.search(words, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE)
    last_page = max(1, -(-results.total // SEARCH_PAGE_SIZE))
    return render(
        request,
        "search/results.html",
        {
            "query": query,
            "searched": bool(query),
            "has_terms": bool(words),
            "trimmed": trimmed,
            "max_length": search_query.MAX_QUERY_LENGTH,
            "results": results,
            "page": page,
            "last_page": last_page,
            "first_number": (page - 1) * SEARCH_PAGE_SIZE + 1,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < last_page else None,
        },
    )
