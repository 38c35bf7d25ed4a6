"""The site search: an index of findable pages (campaign.SearchEntry) and the query over it.

Each searchable model gives entries through a small "source" function. Saving or deleting
a row updates its entry (post_save/post_delete, connected in CampaignConfig.ready()); the
whole index is rebuilt after every `migrate` (so rows from data migrations are found) and by
`manage.py rebuild_search_index`.

Only what the models' own `.published()` querysets return is indexed. An item whose
publication date lies in the future is therefore not in the index; it appears with the next
save of the item or the next rebuild (run `rebuild_search_index` daily, e.g. from cron).
`visible_from` keeps the date so the query never shows an entry before its day.
"""

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from campaign.models import SearchEntry, SearchKind

UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
KIND_ORDER = {kind: position for position, kind in enumerate(SearchKind.values)}
EXCERPT_WORDS = 30
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Control characters (PostgreSQL refuses NUL in text) and anything that is not a letter,
# digit or one of a few joiners separates terms.
TERM_SEPARATOR = re.compile(r"[^\w\-@./]+|_+")


def fold(text: str) -> str:
    """The one spelling both the index and the query use: "Düren" and "DUEREN" → "dueren"."""
    return " ".join(text.casefold().translate(UMLAUTS).split())


def plain(text: str) -> str:
    """Plain text from rich text or plain text, whitespace collapsed."""
    return " ".join(strip_tags(text or "").split())


def query_terms(query: str) -> list[str]:
    """The folded terms of a query; punctuation and control characters are dropped."""
    terms = [term.strip("-./@") for term in TERM_SEPARATOR.split(fold(query))]
    unique = list(dict.fromkeys(term for term in terms if term))
    return unique[:MAX_TERMS]


@dataclass
class Document:
    kind: str
    source: str
    title: str
    url: str
    excerpt: str
    text: Iterable[str]
    visible_from: datetime.date | None = None

    def as_entry(self) -> SearchEntry:
        title = plain(self.title)
        return SearchEntry(
            kind=self.kind,
            kind_order=KIND_ORDER[self.kind],
            source=self.source,
            title=title[:300],
            url=self.url,
            excerpt=Truncator(plain(self.excerpt)).words(EXCERPT_WORDS),
            folded_title=fold(title),
            folded_text=fold(" ".join(plain(part) for part in [title, *self.text] if part)),
            visible_from=self.visible_from,
        )


def source_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


# --- Sources: one function per searchable model, each over its published() rows ----------


def story_documents(queryset) -> Iterator[Document]:
    for story in queryset.select_related("kommune"):
        yield Document(
            SearchKind.STORY,
            source_key(story),
            f"{story.name}: „{story.quote}“",
            story.get_absolute_url(),
            story.teaser,
            [story.role, story.teaser, story.body, story.kommune.name],
            story.published_at,
        )


def explainer_documents(queryset) -> Iterator[Document]:
    for video in queryset:
        yield Document(
            SearchKind.EXPLAINER,
            source_key(video),
            video.title,
            video.get_absolute_url(),
            video.teaser,
            [video.teaser, video.body],
            video.published_at,
        )


def kommune_documents(queryset) -> Iterator[Document]:
    for kommune in queryset:
        address = " ".join(kommune.address.split())
        yield Document(
            SearchKind.KOMMUNE,
            source_key(kommune),
            kommune.name,
            kommune.get_absolute_url(),
            f"{kommune.display_jobcenter_name}, {kommune.get_land_display()}" + (f". {address}" if address else ""),
            [kommune.jobcenter_name, kommune.get_kind_display(), kommune.get_land_display(), address],
        )


def leitbild_documents(queryset) -> Iterator[Document]:
    for leitbild in queryset.prefetch_related("points"):
        yield Document(
            SearchKind.LEITBILD,
            source_key(leitbild),
            leitbild.title,
            leitbild.get_absolute_url(),
            leitbild.description,
            [
                leitbild.description,
                leitbild.preamble_title,
                *(point.text for point in leitbild.points.all()),
                leitbild.future_title,
                leitbild.future_text,
            ],
        )


def chapter_documents(queryset) -> Iterator[Document]:
    for chapter in queryset.prefetch_related("commitments"):
        yield Document(
            SearchKind.LEITBILD,
            source_key(chapter),
            chapter.title,
            chapter.get_absolute_url(),
            chapter.short_lead(),
            [
                chapter.lead,
                chapter.intro,
                chapter.commitments_lead,
                *(commitment.text for commitment in chapter.commitments.all()),
            ],
        )


def press_documents(queryset) -> Iterator[Document]:
    for release in queryset:
        yield Document(
            SearchKind.PRESS,
            source_key(release),
            release.title,
            release.get_absolute_url(),
            release.lead,
            [release.number, release.lead, release.body, release.issuers],
            release.date,
        )


def page_documents(queryset) -> Iterator[Document]:
    for page in queryset:
        yield Document(
            SearchKind.PAGE,
            source_key(page),
            page.title,
            page.get_absolute_url(),
            page.intro or page.body,
            [page.intro, page.body],
        )


def _published(label: str):
    return lambda: apps.get_model(label).objects.published()


def _all(label: str):
    return lambda: apps.get_model(label).objects.all()


# model label → (rows that may be found, documents for them)
SOURCES = {
    "stories.story": (_published("stories.Story"), story_documents),
    "stories.explainervideo": (_published("stories.ExplainerVideo"), explainer_documents),
    "campaign.kommune": (_all("campaign.Kommune"), kommune_documents),
    "leitbild.leitbild": (_all("leitbild.Leitbild"), leitbild_documents),
    "leitbild.chapter": (_all("leitbild.Chapter"), chapter_documents),
    "campaign.pressrelease": (_published("campaign.PressRelease"), press_documents),
    "campaign.contentpage": (_published("campaign.ContentPage"), page_documents),
}
# Rows that are part of another row's entry: label → the attribute naming that row.
PARTS = {
    "leitbild.preamblepoint": "leitbild",
    "leitbild.commitment": "chapter",
}


# --- Keeping the index current -----------------------------------------------------------


def index_object(obj: models.Model) -> None:
    """Create, update or remove the entry of one row, as its published state says."""
    label = obj._meta.label_lower
    rows, documents = SOURCES[label]
    key = source_key(obj)
    found = list(documents(rows().filter(pk=obj.pk)))
    if found:
        entry = found[0].as_entry()
        fields = {f.name: getattr(entry, f.name) for f in SearchEntry._meta.concrete_fields if f.name != "id"}
        SearchEntry.objects.update_or_create(source=key, defaults=fields)
    else:
        SearchEntry.objects.filter(source=key).delete()


def rebuild(using: str = DEFAULT_DB_ALIAS) -> int:
    """Replace the whole index with entries for every findable row; returns their number."""
    entries = [
        document.as_entry() for rows, documents in SOURCES.values() for document in documents(rows().using(using))
    ]
    SearchEntry.objects.using(using).all().delete()
    SearchEntry.objects.using(using).bulk_create(entries, batch_size=500)
    return len(entries)


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
    parent = getattr(instance, PARTS[instance._meta.label_lower], None)
    if parent is not None:
        index_object(parent)


def on_part_delete(sender, instance, **kwargs) -> None:
    # The parent may be going too (cascade); then its own post_delete removes the entry.
    label = instance._meta.label_lower
    field = instance._meta.get_field(PARTS[label])
    parent_model = field.related_model
    parent_id = getattr(instance, field.attname)
    parent = parent_model._default_manager.filter(pk=parent_id).first()
    if parent is not None:
        index_object(parent)


def rebuild_after_migrate(sender, using=DEFAULT_DB_ALIAS, plan=None, **kwargs) -> None:
    """Rebuild the index once all apps are migrated, so data-migration rows are found."""
    if not router.allow_migrate_model(using, SearchEntry):
        return
    tables = set(connections[using].introspection.table_names())
    needed = [SearchEntry, *(apps.get_model(label) for label in SOURCES)]
    if not all(model._meta.db_table in tables for model in needed):
        return
    rebuild(using)


def connect_signals() -> None:
    for label in SOURCES:
        models.signals.post_save.connect(on_save, sender=label, dispatch_uid=f"search-save-{label}")
        models.signals.post_delete.connect(on_delete, sender=label, dispatch_uid=f"search-delete-{label}")
    for label in PARTS:
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
    matching = SearchEntry.objects.filter(
        Q(visible_from__isnull=True) | Q(visible_from__lte=timezone.localdate()),
        *(Q(folded_text__contains=term) for term in terms),
    )
    by_kind = dict(matching.order_by().values_list("kind").annotate(n=Count("pk")))
    counts = [(kind.value, kind.label, by_kind[kind.value]) for kind in SearchKind if by_kind.get(kind.value)]
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
