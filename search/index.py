"""The site search: an index of findable pages (SearchEntry) and the query over it.

The content apps declare what they contribute in `<app>/search_index.py` (`SEARCH_INDEX`, a
list of shared.search.Searchable); `searchables()` collects them in INSTALLED_APPS order.
Saving or deleting a row updates its entry (post_save/post_delete, connected in
SearchConfig.ready()); the whole index is rebuilt after every `migrate` (so rows from data
migrations are found) and by `manage.py rebuild_search_index`.

Published rows and rows scheduled for later are indexed with their publication window, and
the query (search/query.py) only finds entries whose window holds now: a scheduled item
appears on time without a rebuild, and an expired one disappears.

Each entry carries the stems of its words (search/stemming.py) for SQLite and, on
PostgreSQL, a tsvector made by the database's `german` configuration from the same text in
both spellings (as written and folded).
"""

import html
import re
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.db.models import Value
from django.utils import translation
from django.utils.text import Truncator

from search import stemming
from search.models import SearchEntry
from shared.search import Document, Searchable, fold, plain

EXCERPT_WORDS = 30


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


def source_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


# The end of a block of rich text: a space, so "…lang.</p><p>Eine…" does not read "lang.Eine".
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|figcaption|td|th)>|<br\s*/?>", re.IGNORECASE)


def clean(text: str) -> str:
    """Plain text, entities decoded (the page escapes it once), without control characters
    (PostgreSQL refuses NUL in text)."""
    text = plain(BLOCK_END.sub(" ", text or ""))
    return " ".join("".join(ch if ch.isprintable() else " " for ch in html.unescape(text)).split())


def as_entry(searchable: Searchable, document: Document) -> SearchEntry:
    title = clean(document.title)
    text = " ".join(clean(part) for part in document.text if part)
    return SearchEntry(
        kind=searchable.kind,
        kind_order=searchable.order,
        source=source_key(document.row),
        title=title[:300],
        url=document.url,
        excerpt=Truncator(clean(document.excerpt)).words(EXCERPT_WORDS),
        text=text,
        folded_title=fold(title),
        folded_text=fold(f"{title} {text}"),
        title_stems=stemming.stems(title),
        stems=stemming.stems(f"{title} {text}"),
        visible_from=document.visible_from,
        visible_until=document.visible_until,
    )


def vector(entry: SearchEntry) -> SearchVector:
    """The entry's tsvector by PostgreSQL's `german` configuration: the title (weight A) and the
    text (weight B), each as written and folded. PostgreSQL gets the words that
    search/stemming.py sees, joined by spaces, so that its parser reads no path, address or
    hyphenated compound differently from the SQLite side."""
    title = " ".join(stemming.words(entry.title))
    text = " ".join(stemming.words(entry.text))
    return SearchVector(Value(title), Value(fold(title)), config="german", weight="A") + SearchVector(
        Value(text), Value(fold(text)), config="german", weight="B"
    )


def fill_vectors(saved: list[SearchEntry], using: str = DEFAULT_DB_ALIAS) -> None:
    """On PostgreSQL, (re)make the tsvector of these saved entries. SQLite has the stems."""
    if connections[using].vendor != "postgresql" or not saved:
        return
    for entry in saved:
        entry.vector = vector(entry)
    SearchEntry.objects.using(using).bulk_update(saved, ["vector"], batch_size=200)


def entries(searchable: Searchable, queryset) -> list[SearchEntry]:
    # The index is German (config="german"): translated fields give their German text, whatever
    # language the saving request or command has.
    with translation.override(settings.LANGUAGE_CODE):
        return [as_entry(searchable, document) for document in searchable.documents(queryset)]


# --- Keeping the index current -----------------------------------------------------------


def index_object(obj: models.Model) -> None:
    """Create, update or remove the entry of one row, as its published state says."""
    searchable = searchables()[obj._meta.label_lower]
    key = source_key(obj)
    found = entries(searchable, searchable.rows().filter(pk=obj.pk))
    if found:
        entry = found[0]
        fields = {
            f.name: getattr(entry, f.name) for f in SearchEntry._meta.concrete_fields if f.name not in ("id", "vector")
        }
        saved, _created = SearchEntry.objects.update_or_create(source=key, defaults=fields)
        fill_vectors([saved])
    else:
        SearchEntry.objects.filter(source=key).delete()


def rebuild(using: str = DEFAULT_DB_ALIAS) -> int:
    """Replace the whole index with entries for every findable row; returns their number."""
    new = [
        entry for searchable in searchables().values() for entry in entries(searchable, searchable.rows().using(using))
    ]
    SearchEntry.objects.using(using).all().delete()
    SearchEntry.objects.using(using).bulk_create(new, batch_size=500)
    fill_vectors(new, using)
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
