"""Deleting a row's files for good: the stored original and every rendition below
`CACHE/images/<source path without extension>/` (mediafiles/images.py).

- `connect_cleanup()` makes this happen for every model with file fields: when a row is deleted
  and when a file of it is replaced or cleared, once the transaction has committed (a rollback
  keeps the files).
- `orphaned_files()` finds what no live row names any more, for `manage.py remove_orphaned_files`.

A file another live row still names (bulk-made rows may share one stored image) is kept.
Historical revisions (django-simple-history) only remember names and do not keep a file.
"""

import contextlib
import os
import time
from functools import partial
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save

CACHE_PREFIX = "CACHE/images/"


def rendition_folder(name: str) -> str:
    path = PurePosixPath(name)
    return f"{CACHE_PREFIX}{path.parent / path.stem}"


def is_live_model(model) -> bool:
    return not model._meta.model_name.startswith("historical")


def file_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def still_named(name: str, exclude: dict[type, set[int]] | None = None, storage=default_storage) -> bool:
    """True when a live row (other than those in `exclude`) names the file `name` in `storage`."""
    exclude = exclude or {}
    for model in apps.get_models():
        if not is_live_model(model):
            continue
        fields = [f.name for f in file_fields(model) if f.storage is storage]
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
    if files:
        # Not empty (another file appeared), gone already, or a bucket (no folders, no path).
        with contextlib.suppress(OSError, NotImplementedError):
            os.rmdir(storage.path(folder))
    return removed


def delete_unnamed(names: list[str], exclude: dict[type, set[int]] | None = None, storage=default_storage) -> int:
    """Delete each of `names` (with renditions) that no other live row names; files removed."""
    return sum(
        delete_with_renditions(name, storage)
        for name in dict.fromkeys(names)
        if name and not still_named(name, exclude, storage)
    )


# -- no leftovers ---------------------------------------------------------------------------------
def _delete_later(files: list[tuple[str, object]], using: str | None) -> None:
    """After the commit: delete each (name, storage) that no live row names then."""
    by_storage: dict[int, tuple[object, list[str]]] = {}
    for name, storage in files:
        by_storage.setdefault(id(storage), (storage, []))[1].append(name)
    for storage, names in by_storage.values():
        transaction.on_commit(partial(delete_unnamed, names, storage=storage), using=using, robust=True)


def remove_files_of_deleted_row(sender, instance, using=None, **kwargs) -> None:
    if not is_live_model(sender):
        return
    files = [(getattr(instance, f.attname).name, f.storage) for f in file_fields(sender)]
    _delete_later([(name, storage) for name, storage in files if name], using)


def remove_replaced_files(sender, instance, raw=False, using=None, update_fields=None, **kwargs) -> None:
    """A file field that names another file than the stored row: the old file goes after the commit."""
    if raw or instance._state.adding or instance.pk is None or not is_live_model(sender):
        return
    deferred = instance.get_deferred_fields()
    fields = [
        f
        for f in file_fields(sender)
        if (update_fields is None or f.name in update_fields) and f.attname not in deferred
    ]
    if not fields:
        return
    stored = sender._base_manager.using(using).filter(pk=instance.pk).values(*[f.attname for f in fields]).first()
    if stored is None:
        return
    replaced = [
        (stored[f.attname], f.storage)
        for f in fields
        if stored[f.attname] and stored[f.attname] != (getattr(instance, f.attname).name or "")
    ]
    _delete_later(replaced, using)


def connect_cleanup() -> None:
    """Connect both handlers for every model (only those with file fields do anything)."""
    post_delete.connect(remove_files_of_deleted_row, dispatch_uid="shared-files-deleted-row")
    pre_save.connect(remove_replaced_files, dispatch_uid="shared-files-replaced")


# -- orphans --------------------------------------------------------------------------------------
def named_files(storage=default_storage) -> set[str]:
    """Every file name a live row holds in `storage`."""
    names: set[str] = set()
    for model in apps.get_models():
        if not is_live_model(model):
            continue
        for field in file_fields(model):
            if field.storage is storage:
                names.update(
                    model._default_manager.exclude(**{field.attname: ""}).values_list(field.attname, flat=True)
                )
    names.discard(None)
    return names


def orphaned_files(root: Path, storage=default_storage, min_age: float = 3600, skip=()) -> list[str]:
    """Files below `root` (the storage's folder) that no live row names, and renditions whose
    source no row names; files younger than `min_age` seconds are left alone (an upload whose
    row is being saved right now). Paths below any of `skip` (absolute) are never listed."""
    named = named_files(storage)
    folders = {rendition_folder(name) for name in named}
    skip = [Path(path).resolve() for path in skip]
    now = time.time()
    orphans = []
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory).resolve()
        if any(here == path or path in here.parents for path in skip):
            subdirectories[:] = []
            continue
        for file_name in files:
            path = here / file_name
            if file_name.startswith(".") or now - path.stat().st_mtime < min_age:
                continue
            name = path.relative_to(Path(root).resolve()).as_posix()
            if name.startswith(CACHE_PREFIX):
                if PurePosixPath(name).parent.as_posix() not in folders:
                    orphans.append(name)
            elif not name.startswith("CACHE/") and name not in named:
                orphans.append(name)
    return sorted(orphans)


def remove_empty_folders(root: Path) -> None:
    for directory, _subdirectories, _files in sorted(os.walk(root), key=lambda entry: -len(entry[0])):
        if Path(directory) != Path(root):
            with contextlib.suppress(OSError):
                os.rmdir(directory)
