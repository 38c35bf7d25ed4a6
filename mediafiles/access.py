"""Files of unpublished content are not served to visitors, however their URL was found.

An app declares which file fields belong to publishable rows (`protect`, called from its
AppConfig.ready). mediafiles/serving.py asks `audience(request, path)` before it serves a file: a file
that only unpublished rows use (a draft, a submission, a scheduled or archived story) answers
404 to visitors, and is shown (privately, never cached) to the editors who may preview that row. The renditions below
`CACHE/images/<source path without extension>/` follow their source.

Only Django's own media serving can check this (DJANGO_SERVE_MEDIA=true, the default). A web
server or object storage serving /media/ directly must not be used for unpublished uploads.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.module_loading import import_string

from shared.publication import can_preview
from shared.roles import in_own_kommunen, is_central

CACHE_PREFIX = "CACHE/images/"
# Uploaded video originals (mediafiles/videos.py) live in "<folder>/video-sources/" and are never
# served: visitors get the web files made from them.
SOURCE_FOLDER = "video-sources"


@dataclass(frozen=True)
class Protected:
    model: type
    fields: tuple[str, ...]
    folder: str
    owner: str  # lookup prefix from the file's row to the publishable row ("" or "story__")
    owner_model: type
    kommune_path: str | None


PROTECTED: list[Protected] = []


def protect(model, fields, folder: str, owner: str = "", owner_model=None) -> None:
    owner_model = owner_model or model
    kommune_path = getattr(owner_model, "KOMMUNE_PATH", None)
    PROTECTED.append(
        Protected(model, tuple(fields), folder, owner, owner_model, f"{owner}{kommune_path}" if kommune_path else None)
    )


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


def audience(request, path: str) -> str:
    source = path[len(CACHE_PREFIX) :] if path.startswith(CACHE_PREFIX) else path
    if f"/{SOURCE_FOLDER}/" in f"/{source}":
        return HIDDEN
    for entry in PROTECTED:
        if not source.startswith(entry.folder):
            continue
        rows = entry.model._default_manager.filter(source_condition(path, entry.fields))
        if not rows.exists():
            continue
        if rows.filter(entry.owner_model.public_q(entry.owner)).exists():
            return PUBLIC
        return PRIVATE if may_preview(request, entry, rows) else HIDDEN
    return PUBLIC


def hidden(request, path: str) -> bool:
    return audience(request, path) == HIDDEN


def may_preview(request, entry: Protected, rows) -> bool:
    """Editors who may preview the unpublished row see its files (the admin shows them too), and
    so does the holder of a preview link of that row (settings.PREVIEW_GRANT reads it)."""
    user = request.user
    grant = import_string(settings.PREVIEW_GRANT)(request) if settings.PREVIEW_GRANT else None
    granted = grant is not None and grant[0] == entry.owner_model._meta.label_lower
    if granted and rows.filter(**{f"{entry.owner}pk": grant[1]}).exists():
        return True
    if not can_preview(user, entry.owner_model):
        return False
    if is_central(user) or entry.kommune_path is None:
        return True
    return rows.filter(in_own_kommunen(user, entry.kommune_path)).exists()
