"""Demo consent records (marked as demo) for the demo stories, loaded by `manage.py load_demo`
after the stories: one expiring within 30 days, so that the register and the admin start page
show it, and one withdrawn, whose story is then taken offline with its files
(stories/withdrawal.py). Invented people on illustrations: the featured example stories'
consents cover the press download, so the press kit shows story photos; real people's records
never get it here. Every record carries the demo document (a consent counts only with its proof).
Records are found again by story and person (idempotent)."""

from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from consent.models import Consent

EXPIRING = "frank-meier"
WITHDRAWN = "ralf-schneider"
# A consent counts only with its signed document: the demo records share one PDF that says it is
# a demo (stored once in the consent storage; a file goes only when no record names it).
DEMO_DOCUMENT = Path(__file__).resolve().parent / "demo_media" / "einwilligung-demo.pdf"
DEMO_DOCUMENT_NAME = "demo/einwilligung-demo.pdf"


def demo_document() -> str:
    """The stored name of the demo records' document, stored first if it is not there."""
    storage = Consent._meta.get_field("document").storage
    if not storage.exists(DEMO_DOCUMENT_NAME):
        return storage.save(DEMO_DOCUMENT_NAME, ContentFile(DEMO_DOCUMENT.read_bytes()))
    return DEMO_DOCUMENT_NAME


def load(command, options) -> None:
    story_model = Consent._meta.get_field("story").related_model
    today = timezone.localdate()
    document = demo_document()
    count = 0
    for story in story_model.objects.exclude(slug__startswith="beispiel-"):
        consent = Consent.objects.filter(story=story, person=story.name).first() or Consent(
            story=story, person=story.name
        )
        if consent.withdrawn_on:  # a withdrawal is final
            count += 1
            continue
        consent.kommune_id = story.kommune_id
        consent.signed_on = today - timedelta(days=200)
        consent.scope_web = consent.scope_social = True
        consent.scope_press = story.is_example and story.featured
        consent.expires_on = today + timedelta(days=21) if story.slug == EXPIRING else None
        consent.withdrawn_on = today - timedelta(days=3) if story.slug == WITHDRAWN else None
        consent.is_demo = True
        consent.is_legacy = False
        consent.document = consent.document.name or document
        consent.save()
        count += 1
    command.stdout.write(f"Einwilligungen: {count} Demo-Einträge")
