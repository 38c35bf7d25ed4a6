"""Which objects of the media bucket visitors may read (S3 mode), kept true when content changes.

With DJANGO_S3_BUCKET the bucket (or a CDN in front of it) serves /media/ files with no Python,
so the rule of mediafiles/access.py — files that only unpublished rows use are not for
visitors — has to live in the bucket itself: per object, public or private
(mediafiles/s3.py writes and changes it). Object names never change; only who may read them.

- **On write** (`on_write`): a new upload in a protected folder (`access.PROTECTED`) is
  private (no row is public with it yet); a rendition under `CACHE/images/<source stem>/` is
  as public as its source is for visitors now; a video's uploaded original (`video-sources/`)
  is always private; every other file (pages, Leichte Sprache, …) is public.
- **On change** (`sync`): every file a row names in a protected folder is compared with
  `visitor_audience(name)`; an object whose visibility differs from the one last set (kept
  in the "default" cache, `STATE_PREFIX`) is turned public or private together with all its
  renditions. Only changed objects cost requests to the bucket. Idempotent: a task run twice,
  or a lost memory (another cache, a flushed Redis), only sets again what is already set.
- **When** it runs: a task (`sync_task`) queued after the commit of every save or delete of a
  content row (the apps of PAGE_CACHE_CONTENT_APPS, as the page cache), and at the moment the
  page cache's generation is due to be renewed by time alone (shared/pagecache.py: the next
  publish_from/publish_until/visible_* moment or midnight, when consents end): each run queues
  the next one for that moment. A run whose generation was already synced does nothing.
  `manage.py sync_media_visibility [--all]` does the same by hand (`--all` sets every object
  again, e.g. after switching an existing public bucket to this mode).

Between a commit and the task's run (seconds, the worker's queue) a newly published file is
still private (a visitor sees no picture yet) and a newly unpublished one still public. Pages
never hold a signed address: `storage.url()` signs only what `visitor_audience` hides, and
visitors' pages show only published files.
"""

from __future__ import annotations

import logging
import re
import time
from datetime import UTC, datetime

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.tasks import task
from django.utils import timezone

from mediafiles import access
from mediafiles.files import CACHE_PREFIX, file_fields, is_live_model
from shared import pagecache

logger = logging.getLogger(__name__)

BACKEND = "mediafiles.s3.VisibilityS3Storage"  # config/storage.py names it by this string
PUBLIC, HIDDEN = "public", "hidden"
STATE_CACHE = "default"
STATE_PREFIX = "media-visibility:"
SYNCED_KEY = f"{STATE_PREFIX}synced-generation"
# Known visibility is a memory, not the truth: forgetting it after a month costs one request.
STATE_TIMEOUT = 30 * 86400


def active() -> bool:
    """True when uploads go to the bucket of mediafiles/s3.py (read per call: tests switch it)."""
    return settings.STORAGES.get("default", {}).get("BACKEND") == BACKEND


def visitor_audience(name: str) -> str:
    """PUBLIC or HIDDEN: what a visitor without session or preview link gets for the file `name`
    (mediafiles/access.py: kept per process under the page cache's generation)."""
    return access.visitor_audience(name)


def protected_folders() -> tuple[str, ...]:
    """The folders of the file fields registered with `access.protect`."""
    return tuple(dict.fromkeys(entry.folder for entry in access.PROTECTED if entry.folder))


def made_patterns() -> list[re.Pattern]:
    """Names of files made for a publishable row (`access.protect_made`: a story's share card)."""
    return [entry.pattern for entry in access.PROTECTED if getattr(entry, "pattern", None) is not None]


def _made(name: str) -> bool:
    return any(pattern.search(name) for pattern in made_patterns())


def _literal_prefix(pattern: re.Pattern) -> str:
    """The fixed start of a pattern ("^generated/teilen-(\\d+)…" → "generated/teilen-"), to list."""
    text = pattern.pattern.removeprefix("^")
    end = next((i for i, char in enumerate(text) if char in "\\.^$*+?{}[]|()"), len(text))
    return text[:end]


def on_write(name: str) -> str:
    """The visibility an object gets when it is written."""
    folders = protected_folders()
    if name.startswith(CACHE_PREFIX):
        source_stem = name[len(CACHE_PREFIX) :].rsplit("/", 1)[0]
        return visitor_audience(name) if source_stem.startswith(folders) else PUBLIC
    if access.never_served(name):
        return HIDDEN
    if _made(name):
        return visitor_audience(name)  # its row exists: the file is made for it
    return HIDDEN if name.startswith(folders) else PUBLIC


def wanted(name: str) -> str:
    """What the object `name` (and its renditions) should be now."""
    return HIDDEN if access.never_served(name) else visitor_audience(name)


def _state_key(name: str) -> str:
    return f"{STATE_PREFIX}{name}"


def remember_written(name: str, storage) -> None:
    """A source just written: what it was written as is what the sync compares with."""
    if not name.startswith(CACHE_PREFIX) and name.startswith(protected_folders()):
        caches[STATE_CACHE].set(_state_key(name), on_write(name), STATE_TIMEOUT)


def protected_names() -> list[str]:
    """Every file a live row names in the media storage below a protected folder."""
    folders = protected_folders()
    names: set[str] = set()
    if not folders:
        return []
    for model in apps.get_models():
        if not is_live_model(model):
            continue
        for field in file_fields(model):
            if field.storage is not default_storage:
                continue  # the consent documents have a storage of their own
            below = Q()
            for folder in folders:
                below |= Q(**{f"{field.attname}__startswith": folder})
            names.update(model._default_manager.filter(below).values_list(field.attname, flat=True))
    names.discard("")
    names.discard(None)
    return sorted(names)


def made_names(storage) -> list[str]:
    """Files made for publishable rows that are in the bucket now (one listing per pattern)."""
    names = []
    client = storage.connection.meta.client
    for pattern in made_patterns():
        pages = client.get_paginator("list_objects_v2").paginate(
            Bucket=storage.bucket_name, Prefix=_literal_prefix(pattern)
        )
        for page in pages:
            names += [entry["Key"] for entry in page.get("Contents", ()) if pattern.search(entry["Key"])]
    return names


def sync(force: bool = False) -> int:
    """Bring every protected object's visibility in line with `visitor_audience`; objects changed."""
    if not active():
        return 0
    token, due, settled = _generation()
    cache = caches[STATE_CACHE]
    changed = 0
    if force or cache.get(SYNCED_KEY) != token:
        storage = storages["default"]
        names = protected_names() + made_names(storage)
        known = cache.get_many([_state_key(name) for name in names])
        for name in names:
            visible = wanted(name)
            if force or known.get(_state_key(name)) != visible:
                objects = storage.set_visibility(name, public=visible == PUBLIC)
                cache.set(_state_key(name), visible, STATE_TIMEOUT)
                changed += 1
                logger.info("media visibility: %s is %s (%s objects)", name, visible, objects)
        if settled:
            cache.set(SYNCED_KEY, token, STATE_TIMEOUT)
    schedule(due)
    return changed


def _generation() -> tuple[str, float, bool]:
    """The page cache's generation now, and whether `visitor_audience` decides under it already.

    At the moment a schedule or midnight changes what is public, a new generation starts (the page
    cache does the same on a request), so no answer kept under the old one is used. With a shared
    pages cache each process re-reads the token at most once per `access.SHARED_TOKEN_SECONDS`:
    wait that long for it to catch up, or the run would compare with answers from before the
    change. A run that could not wait does not count as done (the next one does it again).
    """
    token, due = pagecache.current()
    if timezone.now().timestamp() >= due:
        token, due = pagecache.renew()
    seen = getattr(access, "generation_token", lambda: token)
    deadline = time.monotonic() + 2 * getattr(access, "SHARED_TOKEN_SECONDS", 0) + 1
    while seen() != token and time.monotonic() < deadline:
        time.sleep(0.05)
        token, due = pagecache.current()
    return token, due, seen() == token


@task
def sync_task(force: bool = False) -> int:
    return sync(force=force)


def schedule(due: float) -> None:
    """Queue one sync for the moment `due` (once per moment, if the task backend can wait)."""
    if not sync_task.get_backend().supports_defer:
        return  # Django's ImmediateBackend (tests): every change runs its own sync anyway
    queued = sync_task.using(run_after=datetime.fromtimestamp(due, tz=UTC))
    key = f"{STATE_PREFIX}at:{int(due)}"
    wait = max(60, int(due - timezone.now().timestamp()) + 3600)
    if caches[STATE_CACHE].add(key, True, wait):
        try:
            queued.enqueue()
        except Exception:
            caches[STATE_CACHE].delete(key)
            raise


# -- after every change of content ----------------------------------------------------------------
PENDING = "_media_visibility_pending"  # the connection's queued callback, one per transaction


def _content_changed(sender, using=None, **kwargs) -> None:
    if not active() or sender._meta.app_label not in pagecache.content_apps():
        return
    if not is_live_model(sender) or getattr(sender, "page_cache_ignore", False) or hasattr(sender, "instance_type"):
        return  # history rows, rows pages do not show
    connection = transaction.get_connection(using)
    pending = getattr(connection, PENDING, None)
    if connection.in_atomic_block and any(item[1] is pending for item in connection.run_on_commit):
        return  # one task per transaction

    def enqueue() -> None:
        setattr(connection, PENDING, None)
        sync_task.enqueue()

    setattr(connection, PENDING, enqueue)
    transaction.on_commit(enqueue, using=using, robust=True)


def connect() -> None:
    post_save.connect(_content_changed, dispatch_uid="mediafiles.visibility.save")
    post_delete.connect(_content_changed, dispatch_uid="mediafiles.visibility.delete")
    m2m_changed.connect(_content_changed, dispatch_uid="mediafiles.visibility.m2m")
