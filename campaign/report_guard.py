"""Limits of the public "Barriere melden" form: one report per form token, a few per address.

Both live in the database, so they hold across every app server and worker process and on
SQLite as on PostgreSQL:

- `BarrierReport.form_nonce` is unique: a replayed token cannot store a second report.
- `ReportThrottle` counts reports per address in a fixed window; the count goes up in one
  conditional UPDATE, so a burst of simultaneous posts cannot pass the limit.

Addresses are stored only as a keyed hash (HMAC with the secret key), and only for the
window: each report deletes the counters and token numbers that have expired.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from campaign.forms import MAX_FILL_SECONDS
from campaign.models import BarrierReport, ReportThrottle
from shared.addresses import client_address

WINDOW = timedelta(hours=1)


class AlreadySent(Exception):
    """This form token has already sent a report."""


def limit() -> int:
    return settings.BARRIER_REPORTS_PER_HOUR


def sender_of(request) -> str:
    return salted_hmac("campaign.report-sender", client_address(request) or "", algorithm="sha256").hexdigest()


def forget_expired(now) -> None:
    ReportThrottle.objects.filter(window_start__lte=now - WINDOW).delete()
    expired_tokens = now - timedelta(seconds=MAX_FILL_SECONDS + 60)
    BarrierReport.objects.filter(form_nonce__isnull=False, created_at__lt=expired_tokens).update(form_nonce=None)


def take_turn(sender: str, now=None) -> bool:
    """Count one report of `sender`; False when the limit of the window is reached."""
    now = now or timezone.now()
    forget_expired(now)
    row, created = ReportThrottle.objects.get_or_create(sender=sender, defaults={"window_start": now, "count": 1})
    if created:
        return True
    return ReportThrottle.objects.filter(pk=row.pk, count__lt=limit()).update(count=F("count") + 1) == 1


def already_sent(nonce: str) -> bool:
    return BarrierReport.objects.filter(form_nonce=nonce).exists()


def save_once(form) -> BarrierReport:
    """Store the form's report under its token's number; AlreadySent when that was used."""
    report = form.save(commit=False)
    report.form_nonce = form.nonce
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        if already_sent(form.nonce):
            raise AlreadySent(form.nonce) from None
        raise
    return report
