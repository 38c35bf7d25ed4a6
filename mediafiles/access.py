"""Files of unpublished content are not served to visitors, however their URL was found.

An app declares which file fields belong to publishable rows (`protect`, called from its
AppConfig.ready). mediafiles/serving.py asks `audience(request, path)` before it serves a file: a file
that only unpublished rows use (a draft, a submission, a scheduled or archived story) answers
404 to visitors, and is shown (privately, never cached) to the editors who may preview that row. The renditions below
`CACHE/images/<source path without extension>/` follow their source.

What a visitor gets (`visitor_audience(path)`: public or hidden) depends on the rows alone, not on the
request: it is kept per process for each file under the page cache's generation
(`shared.pagecache.current()`), which every save, delete and scheduled moment of a content row renews, so a
repeated request costs no query (the /media/ fast path, mediafiles/middleware.py, and the S3 mode ask it).
Only a file a visitor may not see asks the request (a signed-in editor, a preview link's holder).
"""

import os
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from shared import pagecache
from shared.publication import can_preview
from shared.roles import in_own_kommunen, is_central

CACHE_PREFIX = "CACHE/images/"
# Uploaded video originals (mediafiles/videos.py) live in "<folder>/video-sources/" and are never
# served: visitors get the web files made from them.
SOURCE_FOLDER = "video-sources"
# Neither are big pictures waiting for the worker (mediafiles/images.py, INCOMING_FOLDER): the worker
# switches the row to a clean file in the normal folder.
INCOMING_IMAGE_FOLDER = "image-sources"
NEVER_SERVED = (SOURCE_FOLDER, INCOMING_IMAGE_FOLDER)


@dataclass(frozen=True)
class Protected:
    model: type
    fields: tuple[str, ...]
    folder: str
    owner: str  # lookup prefix from the file's row to the publishable row ("" or "story__")
    owner_model: type
    kommune_path: str | None
    pattern: re.Pattern | None = None  # names of files made for a row: its pk is the first group


PROTECTED: list[Protected] = []


def protect(model, fields, folder: str, owner: str = "", owner_model=None) -> None:
    owner_model = owner_model or model
    kommune_path = getattr(owner_model, "KOMMUNE_PATH", None)
    PROTECTED.append(
        Protected(model, tuple(fields), folder, owner, owner_model, f"{owner}{kommune_path}" if kommune_path else None)
    )


def protect_made(model, pattern: str) -> None:
    """Files made for a publishable row (a story's share card, generated/) whose name matches `pattern`,
    the row's pk as its first group: public only while the row is."""
    kommune_path = getattr(model, "KOMMUNE_PATH", None)
    PROTECTED.append(Protected(model, (), "", "", model, kommune_path, re.compile(pattern)))


def source_condition(path: str, fields: tuple[str, ...]) -> Q:
    """Rows whose field holds `path`, or, for a rendition, the source it was made from."""
    condition = Q()
    if path.startswith(CACHE_PREFIX):
        stem = path[len(CACHE_PREFIX) :].rsplit("/", 1)[0]
        for name in fields:
            condition |= Q(**{f"{name}__startswith": f"{stem}."})
    else:
        for name in fields:
            condition |= Q(**{name: path})
    return condition


# Who a file may be served to (mediafiles/serving.py sets its caching from this): everyone, only this
# requester (an editor or a preview link's holder: private, never stored by a cache), or nobody.
PUBLIC, PRIVATE, HIDDEN = "public", "private", "hidden"
# Decisions kept per process: {path: (generation token, decision)}. Emptied when it grows past this
# (a crawler asking for ever new names must not fill the memory).
REMEMBERED = 20_000
_decisions: dict[str, tuple[str, str]] = {}


def _source(path: str) -> str:
    return path[len(CACHE_PREFIX) :] if path.startswith(CACHE_PREFIX) else path


def never_served(path: str) -> bool:
    """An original kept for processing (a video's upload, a big picture waiting for the worker)."""
    folders = f"/{_source(path)}"
    return any(f"/{folder}/" in folders for folder in NEVER_SERVED)


def _owners(path: str):
    """(the registration, the rows that name the file) for the first registration whose rows name
    it; None when no protected row does (a file of no publishable row is public)."""
    source = _source(path)
    for entry in PROTECTED:
        if entry.pattern is not None:
            match = entry.pattern.match(path)
            if match is None:
                continue
            rows = entry.model._default_manager.filter(pk=match.group(1))
        elif source.startswith(entry.folder):
            rows = entry.model._default_manager.filter(source_condition(path, entry.fields))
        else:
            continue
        if rows.exists():
            return entry, rows
    return None


def _decide(path: str) -> str:
    if never_served(path):
        return HIDDEN
    found = _owners(path)
    if found is None:
        return PUBLIC
    entry, rows = found
    return PUBLIC if rows.filter(entry.owner_model.public_q(entry.owner)).exists() else HIDDEN


# The generation as last read by this process: (what identifies its source, token, due).
_generation: list = [None, "", 0.0]
# With a shared pages cache (Redis, several app servers) the token is read again at most this often
# per process: a file taken offline stops being served by every server within this time (shared
# caches may keep a public file for minutes anyway, serving.SHARED_CACHE_SECONDS).
SHARED_TOKEN_SECONDS = 1.0


def generation_token() -> str:
    """The page cache's generation (`shared.pagecache.current()`), renewed first when its due moment (a
    scheduled publication or end, midnight) has come: a decision kept under it is true until the
    token changes.

    Read cheaply: with the stamp file of one machine, only when the file changed (one stat call, the
    file is replaced whole on every renewal); with a shared cache, once per SHARED_TOKEN_SECONDS.
    """
    now = timezone.now().timestamp()
    if pagecache._shared():
        source = int(now // SHARED_TOKEN_SECONDS)
    else:
        stamp = getattr(settings, "PAGE_CACHE_STAMP", None) or pagecache._stamp_path()
        try:
            st = os.stat(stamp)
            source = (stamp, st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            source = None
    known, token, due = _generation
    if source is None or source != known or now >= due:
        # Read after the source was looked at: a token newer than `source` is kept under the older
        # source and read again next time, never the other way round.
        token, due = pagecache.current()
        if now >= due:
            token, due = pagecache.renew()
            source = None  # the renewal wrote a new stamp: read it again next time
        _generation[:] = [source, token, due]
    return token


def visitor_audience(path: str) -> str:
    """ "public" or "hidden": what a visitor without session or preview link may fetch of the stored
    file `path` (a name in the media storage, as the database holds it, renditions included).

    Kept per file under the page cache's generation: 0 queries on a repeated call until content
    changes. The generation is read before the rows, so a decision made while a change commits is
    kept under the old token and asked again under the new one.
    """
    token = generation_token()
    known = _decisions.get(path)
    if known is not None and known[0] == token:
        return known[1]
    decision = _decide(path)
    if len(_decisions) >= REMEMBERED:
        _decisions.clear()
    _decisions[path] = (token, decision)
    return decision


def audience(request, path: str) -> str:
    """ "public", "private" (this requester only: an editor who may preview the row, or a preview
    link's holder) or "hidden" (404)."""
    if visitor_audience(path) == PUBLIC:
        return PUBLIC
    if never_served(path):
        return HIDDEN
    grant = import_string(settings.PREVIEW_GRANT)(request) if settings.PREVIEW_GRANT else None
    if grant is None and not request.user.is_staff:
        return HIDDEN  # a visitor: no query (a loop asking for a draft's file costs no more than a 404)
    found = _owners(path)
    if found is None:  # no row names it any more (the visitor's decision was made just before)
        return HIDDEN
    entry, rows = found
    return PRIVATE if may_preview(request, entry, rows, grant) else HIDDEN


def hidden(request, path: str) -> bool:
    return audience(request, path) == HIDDEN


def may_preview(request, entry: Protected, rows, grant: tuple[str, str] | None) -> bool:
    """Editors who may preview the unpublished row see its files (the admin shows them too), and
    so does the holder of a preview link of that row (`grant`, read by settings.PREVIEW_GRANT)."""
    user = request.user
    granted = grant is not None and grant[0] == entry.owner_model._meta.label_lower
    if granted and rows.filter(**{f"{entry.owner}pk": grant[1]}).exists():
        return True
    if not can_preview(user, entry.owner_model):
        return False
    if is_central(user) or entry.kommune_path is None:
        return True
    return rows.filter(in_own_kommunen(user, entry.kommune_path)).exists()
