"""Demo consent records (marked as demo) for the demo stories, loaded by `manage.py load_demo`:
one expiring within 30 days, so that the register and the admin start page show it. Records are
found again by story and person (idempotent)."""

from datetime import timedelta

from django.utils import timezone

from consent.models import Consent

EXPIRING = "frank-meier"


def load(command, options) -> None:
    story_model = Consent._meta.get_field("story").related_model
    today = timezone.localdate()
    count = 0
    for story in story_model.objects.prefetch_related("photos"):
        consent = Consent.objects.filter(story=story, person=story.name).first() or Consent(
            story=story, person=story.name
        )
        consent.kommune_id = story.kommune_id
        consent.signed_on = today - timedelta(days=200)
        consent.scope_web = consent.scope_social = True
        consent.scope_press = any(photo.press_cleared for photo in story.photos.all())
        consent.expires_on = today + timedelta(days=21) if story.slug == EXPIRING else None
        consent.withdrawn_on = None
        consent.is_demo = True
        consent.save()
        count += 1
    command.stdout.write(f"Einwilligungen: {count} Demo-Einträge")
