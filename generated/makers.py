"""The registry of generated products and the one way each is made.

An app registers a `Maker` for each product in its `tasks.py`: a key, a function that
returns the product's inputs (`Source`: a digest of everything that shapes it, and a
render function) or None when there is nothing to make, and the task that calls `make(key)`.
A product made once per row (the share card of each story) is a `Family`: its source takes
the row's id, its task too (`make_member(prefix, ident)`), and each member is stored under
the key `<prefix>-<ident>`.

`make(key)` is idempotent, as tasks may run more than once (at-least-once delivery): when
the stored file already has the current digest nothing happens; otherwise the product is
rendered, stored under a new name, the row switched to it, and the old file deleted from
storage after the commit. Nothing here runs in a request.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.db.models import CharField, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from generated.models import GeneratedFile

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    digest: str
    render: Callable[[], bytes]


@dataclass(frozen=True)
class Maker:
    key: str
    filename: str
    source: Callable[[], Source | None]
    task: object  # a django.tasks Task that calls make(key)


@dataclass(frozen=True)
class Family:
    prefix: str
    filename: str
    source: Callable[[str], Source | None]
    members: Callable[[], Iterable]  # the ids that should have a product now
    task: object  # a django.tasks Task(ident) that calls make_member(prefix, ident)

    def key(self, ident) -> str:
        return f"{self.prefix}-{ident}"


REGISTRY: dict[str, Maker] = {}
FAMILIES: dict[str, Family] = {}


def register(maker: Maker) -> Maker:
    REGISTRY[maker.key] = maker
    return maker


def register_family(family: Family) -> Family:
    FAMILIES[family.prefix] = family
    return family


def current(key: str) -> GeneratedFile | None:
    return GeneratedFile.objects.filter(key=key).first()


def sizes(*keys: str) -> dict[str, int]:
    """The stored sizes of these products in one query; products not made yet are missing."""
    return dict(GeneratedFile.objects.filter(key__in=keys).values_list("key", "size"))


def size_subquery(key: str) -> Subquery:
    """The stored size of product `key` as a subquery, to annotate onto another query."""
    return Subquery(GeneratedFile.objects.filter(key=key).values("size")[:1])


def path_subquery(prefix: str, ident) -> Subquery:
    """The stored path of family member `ident` (an expression such as OuterRef("pk")) as a
    subquery: a page learns where its product is without a query of its own."""
    key = Concat(Value(f"{prefix}-"), Cast(ident, output_field=CharField()), output_field=CharField())
    return Subquery(GeneratedFile.objects.filter(key=key).values("path")[:1])


def make(key: str) -> GeneratedFile | None:
    """Make the product `key` if its inputs changed; returns the current row."""
    maker = REGISTRY[key]
    return _make(key, maker.filename, maker.source)


def make_member(prefix: str, ident) -> GeneratedFile | None:
    """Make the product of row `ident` of family `prefix` if its inputs changed."""
    family = FAMILIES[prefix]
    key = family.key(ident)
    stem, _dot, suffix = family.filename.rpartition(".")
    return _make(key, f"{stem}-{ident}.{suffix}", lambda: family.source(str(ident)))


def _make(key: str, filename: str, source_of: Callable[[], Source | None]) -> GeneratedFile | None:
    source = source_of()
    stored = current(key)
    if source is None:
        if stored is not None:
            _delete(stored)
        return None
    if stored is not None and stored.digest == source.digest and stored.path and _exists(stored.path):
        return stored
    content = source.render()
    stem, _dot, suffix = filename.rpartition(".")
    name = default_storage.save(f"generated/{stem}-{source.digest[:12]}.{suffix}", ContentFile(content))
    with transaction.atomic():
        row, created = GeneratedFile.objects.select_for_update().get_or_create(
            key=key,
            defaults={"path": name, "digest": source.digest, "size": len(content), "made_at": timezone.now()},
        )
        if not created:
            old_name = row.path
            row.path, row.digest, row.size, row.made_at = name, source.digest, len(content), timezone.now()
            row.save()
            if old_name and old_name != name:
                transaction.on_commit(lambda: default_storage.delete(old_name))
    logger.info("Made %s (%s bytes)", key, len(content))
    return row


def _exists(name: str) -> bool:
    try:
        return default_storage.exists(name)
    except OSError:
        return False


def _delete(stored: GeneratedFile) -> None:
    name = stored.path
    stored.delete()
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def enqueue(key: str) -> None:
    """Queue the product's task once the current transaction commits (or at once outside one)."""
    task = REGISTRY[key].task
    transaction.on_commit(lambda: task.enqueue())


def enqueue_member(prefix: str, ident) -> None:
    """Queue the task of family member `ident` once the current transaction commits."""
    task = FAMILIES[prefix].task
    transaction.on_commit(lambda: task.enqueue(str(ident)))


def _family_idents(family: Family) -> list[str]:
    """The members that should have a product, and those stored that should not any more."""
    idents = [str(ident) for ident in family.members()]
    stored = GeneratedFile.objects.filter(key__startswith=f"{family.prefix}-").values_list("key", flat=True)
    wanted = set(idents)
    return idents + sorted({key.removeprefix(f"{family.prefix}-") for key in stored} - wanted)


def enqueue_all() -> None:
    for key in REGISTRY:
        enqueue(key)
    for prefix, family in FAMILIES.items():
        for ident in _family_idents(family):
            enqueue_member(prefix, ident)


def make_all() -> list[str]:
    """Every product, made now in this process (manage.py make_generated_files --now)."""
    made = []
    for key in REGISTRY:
        make(key)
        made.append(key)
    for prefix, family in FAMILIES.items():
        for ident in _family_idents(family):
            make_member(prefix, ident)
        made.append(f"{prefix}-*")
    return made


def enqueue_after_migrate(sender, using="default", **kwargs) -> None:
    try:
        enqueue_all()
    except DatabaseError:
        # A partial `migrate <app>` before the task queue's own tables exist (an upgrade step by
        # step): the full `migrate` that follows queues them.
        logger.info("generated files: task queue not migrated yet, nothing queued")
