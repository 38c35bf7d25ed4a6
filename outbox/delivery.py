"""Delivering the outbox: the task worker hands each mail to the real mailer, and tries again later.

- `deliver_mail` (a django.tasks task) makes one attempt. A row is claimed first: only the worker
  whose UPDATE moved `next_attempt_at` on (a lease of LEASE) sends it, so a task that runs twice
  (the Redis queue delivers at least once), the sweep below and `manage.py send_queued_mails` never
  send one mail twice at the same time.
- A failed attempt is tried again after the next of `OUTBOX_RETRY_DELAYS` (seconds, growing), with
  the queue's `run_after`; after the last one the mail is „fehlgeschlagen“ and waits for the central
  team (admin: „Erneut senden“).
- A queue that cannot be reached (Redis down) leaves the row „wartet“ with the error. The next
  successful delivery sweeps up what is overdue, and so does `manage.py send_queued_mails`
  (cron), which needs no worker at all.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

# How long a claimed mail is left to its worker (far longer than the SMTP timeout). A worker that died
# while sending leaves the row „wartet“; it is due again after this.
LEASE = timedelta(minutes=10)
# The sweep leaves a mail this long to its own queued task before it takes it over.
GRACE = timedelta(minutes=1)
SWEEP_LIMIT = 20
SENT, RETRY, FAILED, SKIPPED = "sent", "retry", "failed", "skipped"


@task
def deliver_mail(mail_id: int) -> str:
    outcome = attempt(mail_id)
    if outcome == SENT:  # the mail server answers: what waits without a task of its own goes too
        deliver_overdue()
    return outcome


def enqueue(mail_id: int, when=None) -> bool:
    """Queue an attempt (at `when`, if given); False, and the error on the row, if the queue is down."""
    queued = deliver_mail if when is None else deliver_mail.using(run_after=when)
    try:
        queued.enqueue(mail_id)
    except Exception as exc:
        logger.warning("Outbox: mail %s not queued (%s); it waits for send_queued_mails", mail_id, exc)
        OutgoingMail.objects.filter(pk=mail_id, status=OutgoingMail.Status.WAITING).update(
            last_error=_("Warteschlange nicht erreichbar: %(error)s") % {"error": describe(exc)}
        )
        return False
    return True


def enqueue_on_commit(mail_id: int) -> None:
    """Queue the first attempt once the row is committed (at once outside a transaction)."""
    transaction.on_commit(lambda: enqueue(mail_id))


def attempt(mail_id: int) -> str:
    now = timezone.now()
    claimed = (
        OutgoingMail.objects.due(now).filter(pk=mail_id).update(next_attempt_at=now + LEASE, attempts=F("attempts") + 1)
    )
    if not claimed:
        return SKIPPED  # sent, failed, not due yet, or another worker has it
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        if not mailers[mail.mailer].send_messages([mail.as_message()]):
            raise RuntimeError(_("Der Mailer hat die E-Mail nicht angenommen."))
    except Exception as exc:
        return _failed(mail, exc)
    OutgoingMail.objects.filter(pk=mail.pk).update(status=OutgoingMail.Status.SENT, sent_at=timezone.now())
    return SENT


def _failed(mail: OutgoingMail, exc: Exception) -> str:
    now = timezone.now()
    delays = settings.OUTBOX_RETRY_DELAYS
    rows = OutgoingMail.objects.filter(pk=mail.pk)
    if mail.attempts > len(delays):
        rows.update(status=OutgoingMail.Status.FAILED, last_error=describe(exc), next_attempt_at=now)
        logger.error("Outbox: mail %s failed after %s attempts: %s", mail.pk, mail.attempts, exc)
        return FAILED
    when = now + timedelta(seconds=delays[mail.attempts - 1])
    rows.update(last_error=describe(exc), next_attempt_at=when)
    logger.warning("Outbox: mail %s attempt %s failed (%s); again at %s", mail.pk, mail.attempts, exc, when)
    if deliver_mail.get_backend().supports_defer:
        enqueue(mail.pk, when)
    # else (Django's ImmediateBackend): no waiting in the queue; the sweep or the command retries it
    return RETRY


def describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def deliver_overdue(limit: int = SWEEP_LIMIT) -> None:
    """Mails overdue by more than GRACE (their task was lost, or never queued): one attempt each."""
    for mail_id in _due_ids(timezone.now() - GRACE, limit):
        attempt(mail_id)
    purge()


def deliver_due() -> dict[str, int]:
    """One attempt for every mail due now, in this process (manage.py send_queued_mails)."""
    outcomes = {SENT: 0, RETRY: 0, FAILED: 0, SKIPPED: 0}
    for mail_id in _due_ids(timezone.now(), None):
        outcomes[attempt(mail_id)] += 1
    return outcomes


def _due_ids(now, limit: int | None) -> list[int]:
    ids = OutgoingMail.objects.due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)
    return list(ids[:limit] if limit else ids)


def purge() -> int:
    """Sent mails are kept OUTBOX_KEEP_DAYS (they may hold a visitor's report); failed ones until deleted."""
    before = timezone.now() - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    deleted, _rows = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT, sent_at__lt=before).delete()
    return deleted


def resend(queryset) -> int:
    """Start over with these mails (admin: „Erneut senden“): waiting, attempts from 0, queued on commit."""
    ids = list(queryset.exclude(status=OutgoingMail.Status.SENT).values_list("pk", flat=True))
    OutgoingMail.objects.filter(pk__in=ids).update(
        status=OutgoingMail.Status.WAITING, attempts=0, next_attempt_at=timezone.now()
    )
    for mail_id in ids:
        enqueue_on_commit(mail_id)
    return len(ids)
