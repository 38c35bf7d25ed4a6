"""The share card of every story (mediafiles/sharecards.py), made by a background task whenever
the story, its photos, its consents or its Kommune change, never during a page view.

The card shows the story's photo (the video's poster, else the first photo) only while every
person on record holds a consent for social media; otherwise it is a card of text. A consent
for social media that ends by its date changes no row: `manage.py enforce_consents` (daily)
queues every card, and each is remade only if what it shows has changed (the digest).
Stories published or scheduled have a card, so a scheduled story has one when it goes live;
the card of a story taken offline is deleted.
"""

from django.conf import settings
from django.db.models import OuterRef, Prefetch
from django.db.models.signals import post_delete, post_save
from django.tasks import task
from django.utils import translation

from consent.models import Scope
from generated import makers
from mediafiles import sharecards
from mediafiles.image_preparation import picture_prepared
from mediafiles.images import focal_point, is_pending
from stories.models import Photo, Story

PREFIX = "story-card"
FILENAME = "teilen.jpg"


def card_photo(story: Story):
    """The file the card shows: the video's poster, else the first photo; None without a
    consent for social media of every person on record."""
    if not story.has_consent(Scope.SOCIAL):
        return None
    if story.has_video and story.poster:
        return None if is_pending(story.poster.name) else story.poster
    photo = story.ordered_photos[0].image if story.ordered_photos else None
    return None if photo is None or is_pending(photo.name) else photo  # in preparation: a card of text


def card_inputs(story: Story, photo) -> dict:
    """What the card of `story` shows, the photo as the stored file's name (or "") and its focal point."""
    with translation.override(settings.LANGUAGE_CODE):
        campaign, claim = str(settings.SITE_NAME), str(settings.SITE_CLAIM)
    line = " · ".join(part for part in (story.role, story.kommune.name) if part)
    return {
        "quote": story.quote,
        "name": story.name,
        "line": line,
        "campaign": campaign,
        "claim": claim,
        "photo": photo.name if photo else "",
        "focal": "{:.3f} {:.3f}".format(*photo_focal(photo)) if photo else "",
    }


def photo_focal(photo) -> tuple[float, float]:
    """The focal point of the card's photo (a Photo's image or a video's poster)."""
    return focal_point(photo.instance, photo.field.name)


def card_source(ident: str) -> makers.Source | None:
    story = (
        Story.objects.released()
        .select_related("kommune")
        .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("position", "pk")))
        .filter(pk=ident)
        .first()
    )
    if story is None:
        return None
    photo_field = card_photo(story)
    inputs = card_inputs(story, photo_field)

    def render() -> bytes:
        photo = None
        if photo_field is not None:
            with photo_field.open("rb") as file:
                photo = file.read()
        focal = photo_focal(photo_field) if photo_field is not None else (0.5, 0.5)
        return sharecards.render_card(**{**inputs, "photo": photo, "focal": focal})

    return makers.Source(digest=sharecards.digest(*inputs.values()), render=render)


def members():
    return Story.objects.released().values_list("pk", flat=True)


@task
def make_story_card(ident: str) -> None:
    makers.make_member(PREFIX, ident)


makers.register_family(makers.Family(PREFIX, FILENAME, card_source, members, make_story_card))


def card_path_subquery():
    """The stored card's path for each story of a query (`.annotate(share_card=…)`)."""
    return makers.path_subquery(PREFIX, OuterRef("pk"))


def story_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    makers.enqueue_member(PREFIX, instance.pk)


def part_changed(sender, instance, **kwargs) -> None:
    """A photo or a consent of a story was saved or deleted."""
    if kwargs.get("raw") or not instance.story_id:
        return
    makers.enqueue_member(PREFIX, instance.story_id)


def kommune_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    for ident in Story.objects.released().filter(kommune=instance).values_list("pk", flat=True):
        makers.enqueue_member(PREFIX, ident)


def enqueue_all_cards() -> int:
    idents = list(members())
    for ident in idents:
        makers.enqueue_member(PREFIX, ident)
    return len(idents)


def connect_signals() -> None:
    uid = "stories-share-card"
    post_save.connect(story_changed, sender=Story, dispatch_uid=f"{uid}-story-save")
    post_delete.connect(story_changed, sender=Story, dispatch_uid=f"{uid}-story-delete")
    for sender in (Photo, "consent.Consent"):
        post_save.connect(part_changed, sender=sender, dispatch_uid=f"{uid}-{sender}-save")
        post_delete.connect(part_changed, sender=sender, dispatch_uid=f"{uid}-{sender}-delete")
    post_save.connect(kommune_changed, sender="campaign.Kommune", dispatch_uid=f"{uid}-kommune-save")
    # A big picture is switched to its prepared copy by the task worker (mediafiles/image_preparation.py).
    picture_prepared.connect(story_changed, sender=Story, dispatch_uid=f"{uid}-story-picture")
    picture_prepared.connect(part_changed, sender=Photo, dispatch_uid=f"{uid}-photo-picture")
