"""A change on top of a published story: the Kommune writes it, visitors keep the published story
until the central team approves it (as for the Jobcenter page, which keeps its change in history).

A change is a second `Story` row, the "change row", with `draft_of` naming the published story:
status Entwurf or Zur Prüfung, never public (consents name the published story, and the change row
is never stored as published: publishing it merges it into the published story and deletes it).

- `start_change(live, user)` copies the published story into a change row: every content field (the
  German and English texts, the video with its processing state), the topics, and its photos as
  new rows naming the same stored files (nothing is uploaded again). A story has at most one
  change (`Story.pending_change`); a second call returns it.
- `publish_change(change, user)` copies the change onto the published story (which keeps its
  address, its place on the landing page and its creation date), gives it the change's photos,
  saves it (a revision, the page cache, the search entry and the share card follow from the saves),
  deletes the change row and writes the audit entry „Veröffentlicht“ with its e-mails.
- `discard_change(change)` deletes a change row.

Files: the change row and the published story may name the same stored file; mediafiles/files.py keeps
a file as long as any row names it, so deleting the change row or replacing a photo in it never
deletes what the published story shows; what neither names any more goes after the commit.
"""

import uuid

from django.db import transaction
from django.db.models.fields.files import FieldFile

from editorial.models import Action
from editorial.workflow import record
from mediafiles.files import delete_unnamed
from mediafiles.videos import PROCESSING_FIELDS, Processing, VideoMedia
from shared.publication import Status
from stories.models import Photo, Story

# Kept by the published story when a change is merged (or given fresh to a change row).
OWN_FIELDS = {"id", "slug", "draft_of", "status", "featured", "cover_story", "created_at", "updated_at", "version"}
# The video and its processing state: written with update(), so that a save sees no new upload
# and neither processes the video again nor writes new caption files (mediafiles/videos.py).
VIDEO_FIELDS = [field.attname for field in VideoMedia._meta.local_fields]
STORY_FILE_FIELDS = [field.attname for field in VideoMedia._meta.local_fields if hasattr(field, "storage")]
PUBLICATION_WINDOW = {"publish_from", "publish_until"}
PHOTO_FIELDS = [field.attname for field in Photo._meta.concrete_fields if field.name not in {"id", "story"}]


def content_fields() -> list[str]:
    """The story's content apart from the video: texts in every language, Kommune, kind, window."""
    return [
        field.attname
        for field in Story._meta.concrete_fields
        if field.name not in OWN_FIELDS and field.attname not in VIDEO_FIELDS
    ]


def value_of(obj, attname: str):
    """A field's value to copy; a file as its stored name (a FieldFile would change rows)."""
    value = getattr(obj, attname)
    return value.name if isinstance(value, FieldFile) else value


def copy_fields(source, target, names) -> None:
    for name in names:
        setattr(target, name, value_of(source, name))


def change_slug(live: Story) -> str:
    """A unique address-name for the change row, never shown to visitors (the change keeps the
    published story's address when it is merged)."""
    return f"aenderung-{live.pk}-{uuid.uuid4().hex[:10]}"


def pending_change(live: Story) -> Story | None:
    return Story.objects.filter(draft_of=live).first()


def start_change(live: Story, user=None) -> Story:
    """The change row of the published story `live`: the waiting one, or a new copy."""
    if live.draft_of_id is not None:
        raise ValueError("A change row has no change of its own.")
    with transaction.atomic():
        # Two clicks at once: the second waits here and then finds the first one's change.
        live = Story.objects.select_for_update().get(pk=live.pk)
        existing = pending_change(live)
        if existing is not None:
            return existing
        change = Story(draft_of=live, slug=change_slug(live), status=Status.DRAFT, featured=False, cover_story=False)
        copy_fields(live, change, content_fields())
        change.save()
        Story.objects.filter(pk=change.pk).update(**{name: value_of(live, name) for name in VIDEO_FIELDS})
        change = Story.objects.get(pk=change.pk)
        change.topics.set(live.topics.all())
        for photo in live.photos.all():
            Photo(story=change, **{name: value_of(photo, name) for name in PHOTO_FIELDS}).save()
        change.save()  # the change row's first revision holds everything
    return change


def file_names(story: Story) -> list[str]:
    names = [getattr(story, name).name for name in STORY_FILE_FIELDS if getattr(story, name)]
    return names + [photo.image.name for photo in story.photos.all() if photo.image]


def publish_change(change: Story, user=None, comment: str = "", base_url: str = "") -> Story:
    """Merge the change row into its published story and delete it; the published story."""
    with transaction.atomic():
        change = Story.objects.select_for_update().get(pk=change.pk)
        if change.draft_of_id is None:
            raise ValueError("Not a change row.")
        live = Story.objects.select_for_update().get(pk=change.draft_of_id)
        before = file_names(live)

        Story.objects.filter(pk=live.pk).update(**{name: value_of(change, name) for name in VIDEO_FIELDS})
        copy_fields(change, live, [*VIDEO_FIELDS, *content_fields()])
        live.status = Status.PUBLISHED

        # The photos the change no longer has go (their files once nothing names them,
        # mediafiles/files.py); the change's photos, kept or new, move over as they are.
        for photo in live.photos.all():
            photo.delete()
        for photo in change.photos.all():
            photo.story = live
            photo.save()
        live.topics.set(change.topics.all())
        live.save()

        change.delete()
        record(user, live, Action.PUBLISHED, comment=comment, base_url=base_url)
        # Video files the published story no longer names (written by update(), which mediafiles/files.py
        # does not see); each is kept while any row names it.
        transaction.on_commit(lambda: delete_unnamed(before), robust=True)
    return live


def restore_into_change(live: Story, revision: Story, topic_ids, user=None) -> Story:
    """A Kommune editor restoring an old revision of the published story `live`: the revision's
    content (texts, video, topics; the window stays) becomes its change, in Entwurf, for review.
    The change's photos stay as they are."""
    with transaction.atomic():
        change = start_change(live, user)
        video = {name: value_of(revision, name) for name in VIDEO_FIELDS if name not in PROCESSING_FIELDS}
        if video["video_source"] != change.video_source.name:
            # The revision's web files were made from its own source.
            video |= {"processing_state": Processing.READY, "processing_progress": 100, "processing_error": ""}
            video |= {"processed_source": video["video_source"]}
        Story.objects.filter(pk=change.pk).update(**video)
        change = Story.objects.get(pk=change.pk)
        copy_fields(revision, change, [name for name in content_fields() if name not in PUBLICATION_WINDOW])
        change.status = Status.DRAFT
        change.topics.set(topic_ids)
        change.save()
    return change


def discard_change(change: Story) -> None:
    """Delete a change row; its files go unless another row (the published story) names them."""
    if change.draft_of_id is None:
        raise ValueError("Not a change row.")
    change.delete()
