"""The registry of generated products and the one way each is made.

An app registers a `Maker` for each product in its `tasks.py`: a key, a function that
returns the product's inputs (`Source`: a digest of everything that shapes it, and a
render function) or None when there is nothing to make, and the task that calls `make(key)`.

`make(key)` is idempotent, as tasks may run more than once (at-least-once delivery): when
the stored file already has the current digest nothing happens; otherwise the product is
rendered, stored under a new name, the row switched to it, and the old file deleted from
storage after the commit. Nothing here runs in a request.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.db.models import Subquery
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


REGISTRY: dict[str, Maker] = {}


def register(maker: Maker) -> Maker:
    REGISTRY[maker.key] = maker
    return maker


def current(key: str) -> GeneratedFile | None:
    return GeneratedFile.objects.filter(key=key).first()


def sizes(*keys: str) -> dict[str, int]:
    """The stored sizes of these products in one query; products not made yet are missing."""
    return dict(GeneratedFile.objects.filter(key__in=keys).values_list("key", "size"))


def size_subquery(key: str) -> Subquery:
    """The stored size of product `key` as a subquery, to annotate onto another query."""
    return Subquery(GeneratedFile.objects.filter(key=key).values("size")[:1])


def make(key: str) -> GeneratedFile | None:
    """Make the product `key` if its inputs changed; returns the current row."""
    maker = REGISTRY[key]
    source = maker.source()
    stored = current(key)
    if source is None:
        if stored is not None:
            _delete(stored)
        return None
    if stored is not None and stored.digest == source.digest and stored.path and _exists(stored.path):
        return stored
    content = source.render()
    stem, _dot, suffix = maker.filename.rpartition(".")
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


def enqueue_all() -> None:
    for key in REGISTRY:
        enqueue(key)


def make_all() -> list[str]:
    """Every product, made now in this process (manage.py make_generated_files --now)."""
    made = []
    for key in REGISTRY:
        make(key)
        made.append(key)
    return made


def enqueue_after_migrate(sender, using="default", **kwargs) -> None:
    try:
        enqueue_all()
    except DatabaseError:
        # A partial `migrate <app>` before the task queue's own tables exist (an upgrade step by
        # step): the full `migrate` that follows queues them.
        logger.info("generated files: task queue not migrated yet, nothing queued")
