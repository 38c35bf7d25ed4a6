"""The site search: an index of findable pages (SearchEntry) and the query over it.

The content apps declare what they contribute in `<app>/search_index.py` (`SEARCH_INDEX`, a
list of shared.search.Searchable); `searchables()` collects them in INSTALLED_APPS order.
Saving or deleting a row updates its entry (post_save/post_delete, connected in
SearchConfig.ready()); the whole index is rebuilt after every `migrate` (so rows from data
migrations are found) and by `manage.py rebuild_search_index`.

Published rows and rows scheduled for later are indexed with their publication window, and
the query only finds entries whose window holds now: a scheduled item appears on time
without a rebuild, and an expired one disappears.
"""

import re
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.text import Truncator

from search.models import SearchEntry
from shared.search import Document, Searchable, fold, plain

EXCERPT_WORDS = 30
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Control characters (PostgreSQL refuses NUL in text) and anything that is not a letter,
# digit or one of a few joiners separates terms.
TERM_SEPARATOR = re.compile(r"[^\w\-@./]+|_+")


@cache
def searchables() -> dict[str, Searchable]:
    """model label (lower case) → its declaration, from every installed app's search_index.py."""
    found: dict[str, Searchable] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.search_index"
        if config.name.startswith("django.") or find_spec(module_name) is None:
            continue
        for searchable in import_module(module_name).SEARCH_INDEX:
            found[searchable.model.lower()] = searchable
    return found


def parts() -> dict[str, str]:
    """Label of a part model (a chapter's commitment) → the foreign key naming its page's row."""
    return {label: fk for searchable in searchables().values() for label, fk in searchable.parts.items()}


def kinds() -> list[tuple[str, str]]:
    """(kind, label) of every result group, in the order the results page shows them."""
    ordered = sorted(searchables().values(), key=lambda searchable: searchable.order)
    return list(dict.fromkeys((searchable.kind, str(searchable.label)) for searchable in ordered))


def query_terms(query: str) -> list[str]:
    """The folded terms of a query; punctuation and control characters are dropped."""
    terms = [term.strip("-./@") for term in TERM_SEPARATOR.split(fold(query))]
    unique = list(dict.fromkeys(term for term in terms if term))
    return unique[:MAX_TERMS]


def source_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def as_entry(searchable: Searchable, document: Document) -> SearchEntry:
    title = plain(document.title)
    return SearchEntry(
        kind=searchable.kind,
        kind_order=searchable.order,
        source=source_key(document.row),
        title=title[:300],
        url=document.url,
        excerpt=Truncator(plain(document.excerpt)).words(EXCERPT_WORDS),
        folded_title=fold(title),
        folded_text=fold(" ".join(plain(part) for part in [title, *document.text] if part)),
        visible_from=document.visible_from,
        visible_until=document.visible_until,
    )


def entries(searchable: Searchable, queryset) -> list[SearchEntry]:
    return [as_entry(searchable, document) for document in searchable.documents(queryset)]


# --- Keeping the index current -----------------------------------------------------------


def index_object(obj: models.Model) -> None:
    """Create, update or remove the entry of one row, as its published state says."""
    searchable = searchables()[obj._meta.label_lower]
    key = source_key(obj)
    found = entries(searchable, searchable.rows().filter(pk=obj.pk))
    if found:
        entry = found[0]
        fields = {f.name: getattr(entry, f.name) for f in SearchEntry._meta.concrete_fields if f.name != "id"}
        SearchEntry.objects.update_or_create(source=key, defaults=fields)
    else:
        SearchEntry.objects.filter(source=key).delete()


def rebuild(using: str = DEFAULT_DB_ALIAS) -> int:
    """Replace the whole index with entries for every findable row; returns their number."""
    new = [
        entry for searchable in searchables().values() for entry in entries(searchable, searchable.rows().using(using))
    ]
    SearchEntry.objects.using(using).all().delete()
    SearchEntry.objects.using(using).bulk_create(new, batch_size=500)
    return len(new)


def on_save(sender, instance, raw=False, **kwargs) -> None:
    # raw saves come from fixtures and serialized rollback, which restore the index themselves.
    if raw:
        return
    index_object(instance)


def on_delete(sender, instance, **kwargs) -> None:
    SearchEntry.objects.filter(source=source_key(instance)).delete()


def on_part_change(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    parent = getattr(instance, parts()[instance._meta.label_lower], None)
    if parent is not None:
        index_object(parent)


def on_part_delete(sender, instance, **kwargs) -> None:
    # The parent may be going too (cascade); then its own post_delete removes the entry.
    field = instance._meta.get_field(parts()[instance._meta.label_lower])
    parent = field.related_model._default_manager.filter(pk=getattr(instance, field.attname)).first()
    if parent is not None:
        index_object(parent)


def rebuild_after_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    """Rebuild the index once all apps are migrated, so data-migration rows are found."""
    if not router.allow_migrate_model(using, SearchEntry):
        return
    tables = set(connections[using].introspection.table_names())
    needed = [SearchEntry, *(apps.get_model(label) for label in searchables())]
    if not all(model._meta.db_table in tables for model in needed):
        return
    rebuild(using)


def connect_signals() -> None:
    for label in searchables():
        models.signals.post_save.connect(on_save, sender=label, dispatch_uid=f"search-save-{label}")
        models.signals.post_delete.connect(on_delete, sender=label, dispatch_uid=f"search-delete-{label}")
    for label in parts():
        models.signals.post_save.connect(on_part_change, sender=label, dispatch_uid=f"search-save-{label}")
        models.signals.post_delete.connect(on_part_delete, sender=label, dispatch_uid=f"search-delete-{label}")


# --- The query ---------------------------------------------------------------------------


@dataclass
class SearchResults:
    entries: list[SearchEntry]
    counts: list[tuple[str, str, int]]  # (kind, label, count) for kinds with hits
    total: int


def search(terms: list[str], offset: int, limit: int) -> SearchResults:
    """Entries matching every term (AND): one query for the counts by kind, one for the page."""
    if not terms:
        return SearchResults([], [], 0)
    now = timezone.now()
    matching = SearchEntry.objects.filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=now),
        Q(visible_until__isnull=True) | Q(visible_until__gt=now),
        *(Q(folded_text__contains=term) for term in terms),
    )
    by_kind = dict(matching.order_by().values_list("kind").annotate(n=Count("pk")))
    counts = [(kind, label, by_kind[kind]) for kind, label in kinds() if by_kind.get(kind)]
    total = sum(by_kind.values())
    if offset >= total:
        return SearchResults([], counts, total)
    title_hit = Q()
    for term in terms:
        title_hit &= Q(folded_title__contains=term)
    page = matching.annotate(
        title_rank=Case(When(title_hit, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("title_rank", "kind_order", "title", "pk")[offset : offset + limit]
    return SearchResults(list(page), counts, total)
