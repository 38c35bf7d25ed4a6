"""What a withdrawn or expired consent does to its story (consent/models.py has the rule).

The public queries hide the story the moment the consent ends (Story.public_q), with no job.
Its public files go too:

- When a withdrawal is recorded (a consent saved with "Widerrufen am" today or earlier), the
  story is archived and its photos, video files, captions, poster and every rendition are
  deleted once the transaction has committed, with an audit entry.
- A change waiting on top of the story (stories/drafts.py) is deleted with its files.
- An expiry (or a withdrawal dated in the future) has no moment at which anything runs:
  `manage.py enforce_consents` (stories/management/commands) does the same for every story
  whose consent has ended. Run it daily from cron or a systemd timer (README, "Betrieb").
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from consent.models import Consent, ended_q, shown_with_consent
from editorial.models import Action
from editorial.workflow import record
from mediafiles.files import delete_unnamed
from shared.publication import Status
from stories.models import Photo, Story

VIDEO_FILES = ("video_source", "video_webm", "video_mp4", "captions", "poster")


def public_file_names(story: Story) -> list[str]:
    names = [getattr(story, field).name for field in VIDEO_FILES if getattr(story, field)]
    return names + [photo.image.name for photo in story.photos.all() if photo.image]


def ended_stories():
    """Stories with a consent that has ended and not every person's consent valid now, which
    still hold files or are not archived yet: what `enforce_consents` takes offline."""
    ended = Consent.objects.filter(ended_q(), story__isnull=False).values("story")
    done = (
        Q(status=Status.ARCHIVED)
        & ~Exists(Photo.objects.filter(story=OuterRef("pk")))
        & Q(**dict.fromkeys(VIDEO_FILES, ""))
    )
    return Story.objects.filter(pk__in=ended).exclude(pk__in=shown_with_consent()).exclude(done)


@dataclass
class Removal:
    """The files of a story taken offline, deleted by `delete()` once the change is committed."""

    names: list[str]
    exclude: dict = field(default_factory=dict)

    def delete(self) -> int:
        return delete_unnamed(self.names, self.exclude)


def take_offline(story: Story, comment: str, user=None) -> Removal:
    """Archive `story` and detach its files, with an audit entry; the caller deletes the files
    (`Removal.delete`) after the transaction has committed, so a rollback loses nothing."""
    # A change waiting on top of the story (stories/drafts.py) goes with it, and its files.
    change = Story.objects.filter(draft_of=story).first()
    stories = [story] if change is None else [story, change]
    removal = Removal(
        [name for each in stories for name in public_file_names(each)],
        {Photo: set(Photo.objects.filter(story__in=stories).values_list("pk", flat=True))},
    )
    removal.exclude[Story] = {each.pk for each in stories}
    with transaction.atomic():
        if change is not None:
            change.delete()
        story.photos.all().delete()
        for name in VIDEO_FILES:
            setattr(story, name, "")
        story.poster_width = story.poster_height = None
        story.featured = False
        story.status = Status.ARCHIVED
        story.save()
        record(user, story, Action.CONSENT_ENDED, comment=comment)
    return removal


def current_user():
    request = getattr(HistoricalRecords.context, "request", None)
    return getattr(request, "user", None)


def on_consent_saved(sender, instance: Consent, raw=False, **kwargs) -> None:
    """A withdrawal recorded today or earlier takes the story offline at once."""
    if raw or instance.story_id is None or not instance.has_ended:
        return
    story = ended_stories().filter(pk=instance.story_id).first()
    if story is None:
        return
    removal = take_offline(story, describe(instance), current_user())
    transaction.on_commit(removal.delete)


def describe(consent: Consent) -> str:
    if consent.withdrawn_on and consent.withdrawn_on <= timezone.localdate():
        return _("Einwilligung von %(person)s widerrufen am %(date)s; Geschichte archiviert, Dateien gelöscht.") % {
            "person": consent.person,
            "date": consent.withdrawn_on.strftime("%d.%m.%Y"),
        }
    return _("Einwilligung von %(person)s abgelaufen am %(date)s; Geschichte archiviert, Dateien gelöscht.") % {
        "person": consent.person,
        "date": consent.expires_on.strftime("%d.%m.%Y"),
    }
