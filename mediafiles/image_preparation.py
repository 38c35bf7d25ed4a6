"""Big pictures are prepared by the task worker, not in the editor's request.

Measured on the 2-core machine (CPU seconds, issue 26): a 36-megapixel PNG of 117 KB (one flat colour)
costs 0.5 s to decode in the gate, 3.1 s for the clean copy and 0.9 s for each of its 18 renditions
(about 16 s); a 24-megapixel JPEG 0.1 s, 0.5 s and 0.35–1.1 s each (about 10 s); even a 1600 × 1200
photo costs 4.5 s, almost all of it the six AVIF renditions. So a picture larger than
PREPARE_NOW_PIXELS is not touched in the request beyond the gate (its header, one decode):

1. The model's save stores the upload as it came, in `<folder>/image-sources/<random>.<ext>`
   (mediafiles.images.store_clean_original, INCOMING_FOLDER). Such a name is never shown: picture_for()
   answers None ("picture in preparation": no broken image on a page), the admin says
   „Bild wird aufbereitet“, and /media/ hides the folder like the video sources.
2. After the commit, `prepare_picture` is queued (django.tasks, the database queue by default).
3. The worker makes the clean copy (upright, without metadata, HEIC as JPEG) under a new name in the
   field's normal folder, makes all renditions of it, and then switches every row that still names the
   upload to the clean copy (also revisions and a story's change that share it), in one transaction.
   Then it deletes the upload and renews the page cache: the picture appears.

The task may run twice (at-least-once delivery) or after the editor replaced the picture: it only
switches rows that still name the upload it was given; otherwise it throws its work away. A row whose
focal point moved while the worker was busy gets the crops of the new point too.
"""

import copy
import logging

from django.apps import apps
from django.db import transaction
from django.dispatch import Signal
from django.tasks import task

from mediafiles.files import delete_unnamed, delete_with_renditions, file_fields
from mediafiles.images import clean_original, focal_point, generate_renditions, is_pending
from mediafiles.uploads import header_size
from shared import pagecache

logger = logging.getLogger(__name__)

# Sent in the transaction that switched a row to its prepared picture (sender: the model, instance: the
# row, source: the field's name): what is made from or read of the picture elsewhere (a story's share
# card, stories/tasks.py; a press-kit file's size, press/models.py) follows. The switch is an UPDATE,
# so post_save is not sent.
picture_prepared = Signal()


def enqueue(instance, source: str) -> None:
    """Queue the preparation of `instance.<source>` once the current transaction commits."""
    label, pk, name = instance._meta.label, instance.pk, getattr(instance, source).name
    transaction.on_commit(lambda: prepare_picture.enqueue(label, pk, source, name))


@task
def prepare_picture(model: str, pk: int, source: str, name: str) -> None:
    rows = apps.get_model(model)._default_manager
    row = rows.filter(pk=pk, **{source: name}).first()
    if row is None:
        # Its row is gone, but the upload lives on in another one: a story's change that was published
        # into the story (stories/drafts.py) passes its photos and poster on.
        row = rows.filter(**{source: name}).order_by("pk").first()
    if row is not None:
        prepare(row, source, name)


def prepare(row, source: str, name: str | None = None) -> bool:
    """Prepare the upload `name` (default: the one `row.<source>` names now): the clean copy, its
    renditions, then the switch. True when `row` (also the object in memory) shows the clean copy."""
    field_file = getattr(row, source)
    name = name or field_file.name
    if not is_pending(name):
        return False
    if field_file.name != name:
        return False  # replaced meanwhile; the new upload has its own task
    model, field = type(row), row._meta.get_field(source)
    storage = field.storage
    upload = field.attr_class(row, field, name)
    try:
        cleaned = clean_original(upload)
    except FileNotFoundError:
        return False  # deleted with its row or replaced meanwhile: nothing to prepare
    finally:
        upload.close()
    width, height = header_size(cleaned)
    # The field's own folder and a new random name (upload_to), never the upload's.
    clean_name = storage.save(field.generate_filename(row, cleaned.name), cleaned, max_length=field.max_length)
    # The renditions of the clean copy, made on a copy of the row that names it.
    focal = focal_point(row, source)
    probe = copy.copy(row)
    _show(probe, source, clean_name, width, height, None)
    generate_renditions(probe, source)
    with transaction.atomic():
        current = model._default_manager.select_for_update().filter(pk=row.pk).first()
        if current is None or getattr(current, source).name != name:
            transaction.on_commit(lambda: delete_with_renditions(clean_name, storage))
            return False
        size = cleaned.size
        switch(name, clean_name, width, height, size, storage)
        moved = focal_point(current, source) != focal
        transaction.on_commit(lambda: delete_unnamed([name], storage=storage))
        transaction.on_commit(pagecache.renew)
        _show(row, source, clean_name, width, height, size)
        picture_prepared.send(sender=model, instance=row, source=source)
    if moved:
        current.refresh_from_db()
        generate_renditions(current, source, crops_only=True)
    logger.info("Picture %s %s prepared: %s → %s", model._meta.label, row.pk, name, clean_name)
    return True


def _show(instance, source: str, name: str, width: int, height: int, size: int | None) -> None:
    field = instance._meta.get_field(source)
    instance.__dict__[field.attname] = name  # no dimension update from the file: the size is known
    for attribute, value in _dimension_values(field, width, height, size).items():
        setattr(instance, attribute, value)
    instance.__dict__.pop("picture", None)
    instance.__dict__.pop("card_picture", None)


def _dimension_values(field, width: int, height: int, size: int | None) -> dict:
    values = {}
    if getattr(field, "width_field", None):
        values[field.width_field] = width
    if getattr(field, "height_field", None):
        values[field.height_field] = height
    # A photo keeps its file size for the press download (stories.models.Photo.file_size).
    if size is not None and field.name == "image" and "file_size" in {f.name for f in field.model._meta.fields}:
        values["file_size"] = size
    return values


def switch(name: str, clean_name: str, width: int, height: int, size: int, storage) -> int:
    """Every live row and revision naming the upload `name` names the clean copy instead (a story's
    change shares the published story's photos; a revision remembers the name). Rows updated."""
    updated = 0
    for model in apps.get_models():
        for field in file_fields(model):
            if field.storage is not storage:
                continue
            values = {field.attname: clean_name, **_dimension_values(field, width, height, size)}
            updated += model._default_manager.filter(**{field.attname: name}).update(**values)
    return updated
