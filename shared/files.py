"""Deleting a row's public files for good: the stored original and every rendition below
`CACHE/images/<source path without extension>/` (shared/images.py).

A file another live row still names (bulk-made rows may share one stored image) is kept.
Historical revisions (django-simple-history) only remember names and do not keep a file.
"""

import contextlib
import os
from pathlib import PurePosixPath

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models

CACHE_PREFIX = "CACHE/images/"


def rendition_folder(name: str) -> str:
    path = PurePosixPath(name)
    return f"{CACHE_PREFIX}{path.parent / path.stem}"


def still_named(name: str, exclude: dict[type, set[int]] | None = None) -> bool:
    """True when a live row (other than those in `exclude`) names the file `name`."""
    exclude = exclude or {}
    for model in apps.get_models():
        if model._meta.model_name.startswith("historical"):
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        fields = [f for f in fields if getattr(model._meta.get_field(f), "storage", default_storage) is default_storage]
        for field in fields:
            rows = model._default_manager.filter(**{field: name})
            if exclude.get(model):
                rows = rows.exclude(pk__in=exclude[model])
            if rows.exists():
                return True
    return False


def delete_with_renditions(name: str, storage=default_storage) -> int:
    """Delete the stored file `name` and every rendition made from it; the number of files removed."""
    removed = 0
    if name and storage.exists(name):
        storage.delete(name)
        removed += 1
    folder = rendition_folder(name)
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        files = []
    for file_name in files:
        storage.delete(f"{folder}/{file_name}")
        removed += 1
    if files and hasattr(storage, "path"):
        with contextlib.suppress(OSError):  # not empty (another file appeared) or gone already
            os.rmdir(storage.path(folder))
    return removed


def delete_unnamed(names: list[str], exclude: dict[type, set[int]] | None = None) -> int:
    """Delete each of `names` (with renditions) that no other live row names; files removed."""
    return sum(delete_with_renditions(name) for name in dict.fromkeys(names) if name and not still_named(name, exclude))
