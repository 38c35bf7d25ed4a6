"""`manage.py enforce_consents`: the request-free maintenance run of the consent register.

1. Every story whose consent has ended (expired, or a withdrawal dated in the future when it was
   recorded) is archived and its public files — photos, videos, captions, poster and every
   rendition — are deleted, with an audit entry (stories/withdrawal.py). The public pages hid it
   the moment the consent ended; this removes the files.
2. Every story's share card is queued: a consent for social media that has ended takes the
   photo off the card (stories/tasks.py; a card whose content is unchanged is not remade).
3. Records whose consent ended more than CONSENT_PROOF_YEARS years ago are deleted with their
   signed document: the proof is kept that long, no longer.

Idempotent; run it daily (cron, systemd timer; README "Betrieb").
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from consent.models import Consent
from stories.tasks import enqueue_all_cards
from stories.withdrawal import describe, ended_stories, take_offline


class Command(BaseCommand):
    help = (
        "Nimmt Geschichten mit abgelaufener oder widerrufener Einwilligung offline, löscht ihre Bilder und "
        "Videos samt aller Größen und löscht Einwilligungsnachweise nach Ablauf der Aufbewahrungsfrist."
    )

    def handle(self, *args, **options):
        files = stories = 0
        for story in ended_stories():
            ended = Consent.objects.filter(story=story).order_by("expires_on")
            consent = next((c for c in ended if c.has_ended), None)
            with transaction.atomic():
                removal = take_offline(story, describe(consent) if consent else "", None)
            files += removal.delete()  # committed: the story no longer names its files
            stories += 1
        self.stdout.write(f"Geschichten offline genommen: {stories}, Dateien gelöscht (mit allen Größen): {files}")

        with transaction.atomic():
            cards = enqueue_all_cards()
        self.stdout.write(f"Teilen-Bilder zur Prüfung eingereiht: {cards}")

        limit = timezone.localdate() - timedelta(days=365 * settings.CONSENT_PROOF_YEARS)
        old = Consent.objects.filter(Q(withdrawn_on__lt=limit) | Q(expires_on__lt=limit))
        documents = 0
        for consent in old:
            if consent.document:
                consent.document.delete(save=False)
                documents += 1
            consent.delete()
        self.stdout.write(f"Einwilligungsnachweise nach {settings.CONSENT_PROOF_YEARS} Jahren gelöscht: {documents}")
