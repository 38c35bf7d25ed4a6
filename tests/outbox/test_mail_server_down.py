"""The mail server goes down and comes back: reports and submissions are saved and answered as
always, their mails wait in the outbox, the task worker delivers them once the server is back, and
what still fails after the last attempt is shown to the central team only.

A real SMTP server (aiosmtpd) on a free port, stopped and started within the tests; the real
database queue and its worker (`db_worker`, one batch); the site's mailer as in production.
"""

import email
import email.policy
import io
import time
from datetime import timedelta
from unittest import mock

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django_tasks_db.models import DBTaskResult

from campaign.models import BarrierReport
from outbox.models import OutgoingMail
from shared.publication import Status
from stories.models import Story
from tests.campaign.test_barrier_report import URL as REPORT_URL
from tests.campaign.test_barrier_report import valid_data
from tests.editorial.test_workflow import submit
from tests.factories import PhotoFactory, StoryFactory, kommune
from tests.servers import free_port

pytestmark = pytest.mark.django_db

SITE = "https://www.kommunale-jobcenter.de"
OUTBOX = "/admin/outbox/outgoingmail/"


class MailServer:
    """aiosmtpd on 127.0.0.1:<port>; `received` holds every message it accepted, parsed."""

    def __init__(self):
        self.port = free_port()
        self.received: list[email.message.EmailMessage] = []
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.received.append(message)
        return "250 Message accepted for delivery"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None


@pytest.fixture(scope="module")
def smtp_server():
    server = MailServer()
    server.start()
    yield server
    if server.controller is not None:
        server.stop()


@pytest.fixture
def smtp(smtp_server, settings):
    """The site's mailers as in production, delivering to the test's SMTP server; the database queue."""
    if smtp_server.controller is None:
        smtp_server.start()
    smtp_server.received.clear()
    settings.MAILERS = {
        "default": {"BACKEND": "outbox.backends.QueuedEmailBackend", "OPTIONS": {"delivery": "delivery"}},
        "delivery": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_server.port, "timeout": 5},
        },
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SITE_URL = SITE
    settings.OUTBOX_RETRY_DELAYS = [1]  # one retry, a second later
    DBTaskResult.objects.all().delete()  # what `migrate` queued when the test database was made
    return smtp_server


def run_worker(capture_on_commit):
    """One batch of the real database worker, as tests/generated/test_tasks.py runs it."""
    with capture_on_commit(execute=True):
        if connection.vendor == "postgresql":
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)
        else:
            call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)


def wait_until_due(mail_row: OutgoingMail):
    """The retry waits OUTBOX_RETRY_DELAYS (one second here)."""
    deadline = time.monotonic() + 5
    while not OutgoingMail.objects.due().filter(pk=mail_row.pk).exists():
        assert time.monotonic() < deadline, "the retry never came due"
        time.sleep(0.1)


def test_a_barrier_report_is_saved_while_the_mail_server_is_down_and_mailed_when_it_is_back(
    client, smtp, settings, django_capture_on_commit_callbacks
):
    settings.BARRIER_REPORT_RECIPIENTS = ["barrieren@jobcenter.example"]
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REPORT_URL, valid_data())
    assert response.status_code == 303
    report = BarrierReport.objects.get()
    [queued] = OutgoingMail.objects.all()
    assert (queued.status, queued.to) == (OutgoingMail.Status.WAITING, ["barrieren@jobcenter.example"])

    run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.WAITING, 1)
    assert "Connection refused" in queued.last_error or "ConnectionRefusedError" in queued.last_error

    smtp.start()
    wait_until_due(queued)
    run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.SENT, 2)
    [received] = smtp.received
    assert received["X-Envelope-To"] == "barrieren@jobcenter.example"
    assert "Neue Barriere-Meldung" in received["Subject"]
    assert f"{SITE}/admin/campaign/barrierreport/{report.pk}/change/" in received.get_content()


@pytest.fixture
def draft(db):
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story)
    return Story.objects.get(pk=story.pk)


def test_a_submission_succeeds_while_the_mail_server_is_down_and_the_central_team_is_told_later(
    client, smtp, settings, draft, dueren_editor, central_editor, django_capture_on_commit_callbacks
):
    settings.EDITORIAL_RECIPIENTS = []
    smtp.stop()
    client.force_login(dueren_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, draft, "Bitte bis Freitag.")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    [queued] = OutgoingMail.objects.all()
    run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.WAITING and queued.last_error

    smtp.start()
    wait_until_due(queued)
    run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT
    [received] = smtp.received
    assert received["X-Envelope-To"] == "redaktion@jobcenter.example"
    assert f"{SITE}/admin/stories/story/{draft.pk}/change/" in received.get_content()


def test_after_the_last_attempt_the_mail_failed_and_only_the_central_team_sees_it(
    client, smtp, settings, dueren_editor, central_editor, django_capture_on_commit_callbacks
):
    settings.OUTBOX_RETRY_DELAYS = [0, 0]  # three attempts in one worker run
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(
            "Neue Barriere-Meldung – Test", "Link: https://x.example/geheim/", None, ["barrieren@jobcenter.example"]
        )
    run_worker(django_capture_on_commit_callbacks)
    queued = OutgoingMail.objects.get()
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.FAILED, 3)
    assert "Connection refused" in queued.last_error or "ConnectionRefusedError" in queued.last_error

    client.force_login(central_editor)
    listing = client.get(OUTBOX)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Neue Barriere-Meldung – Test" in html and "fehlgeschlagen" in html and "barrieren@jobcenter.example" in html
    assert "Erneut senden" in html
    assert (
        "Neue Barriere-Meldung – Test"
        in client.get(OUTBOX, {"q": "barrieren@", "status__exact": "fehlgeschlagen"}).content.decode()
    )
    start = client.get("/admin/").content.decode()
    assert "E-Mails nicht zugestellt (1)" in start
    detail = client.get(f"{OUTBOX}{queued.pk}/change/")
    assert detail.status_code == 200
    # The text may hold a password-reset link: only administrators read it.
    assert "Neue Barriere-Meldung – Test" in detail.content.decode()
    assert "/geheim/" not in detail.content.decode()

    client.force_login(dueren_editor)
    assert client.get(OUTBOX).status_code == 403
    assert client.get(f"{OUTBOX}{queued.pk}/change/").status_code == 403
    assert "E-Mails nicht zugestellt" not in client.get("/admin/").content.decode()

    smtp.start()
    client.force_login(central_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(OUTBOX, {"action": "resend", "_selected_action": [queued.pk]})
    assert response.status_code == 302
    run_worker(django_capture_on_commit_callbacks)
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (OutgoingMail.Status.SENT, 1)
    assert [message["Subject"] for message in smtp.received] == ["Neue Barriere-Meldung – Test"]
    assert "E-Mails nicht zugestellt" not in client.get("/admin/").content.decode()


def test_a_mail_without_a_reachable_queue_waits_and_send_queued_mails_delivers_it(
    smtp, settings, django_capture_on_commit_callbacks
):
    # The Redis queue with nothing listening on its port: Redis is down.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_redis.RedisTaskBackend",
            "OPTIONS": {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/9", "REDIS_KEY_PREFIX": "outbox-test"},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert send_mail("Ohne Warteschlange", "Text", None, ["a@example.org"]) == 1
    queued = OutgoingMail.objects.get()
    assert queued.status == OutgoingMail.Status.WAITING
    assert queued.last_error.startswith("Warteschlange nicht erreichbar")
    assert smtp.received == []

    log = io.StringIO()
    call_command("send_queued_mails", stdout=log)
    queued.refresh_from_db()
    assert queued.status == OutgoingMail.Status.SENT
    assert [message["Subject"] for message in smtp.received] == ["Ohne Warteschlange"]
    assert "Gesendet: 1" in log.getvalue()


def test_the_next_delivery_takes_along_a_mail_whose_task_was_lost(smtp, django_capture_on_commit_callbacks):
    lost = OutgoingMail.from_message(EmailMultiAlternatives("Verloren", "Text", None, ["a@example.org"]), "delivery")
    lost.save()  # never queued, as when the queue was down
    OutgoingMail.objects.filter(pk=lost.pk).update(next_attempt_at=lost.created_at.replace(year=2020))
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Neu", "Text", None, ["b@example.org"])
    run_worker(django_capture_on_commit_callbacks)
    assert sorted(message["Subject"] for message in smtp.received) == ["Neu", "Verloren"]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {OutgoingMail.Status.SENT}


def test_a_rolled_back_save_sends_nothing(smtp):
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Nie", "Text", None, ["a@example.org"])
        raise RuntimeError
    assert not OutgoingMail.objects.exists()
    assert not hasattr(mail, "outbox") or mail.outbox == []


def test_a_mail_waiting_long_after_it_was_written_shows_on_the_start_page(client, smtp, central_editor):
    """No worker (or a mail server down for a while): the central team sees what waits."""
    send_mail("Wartet auf den Worker", "Text", None, ["a@example.org"])  # its task is never run
    queued = OutgoingMail.objects.get()
    client.force_login(central_editor)
    assert "E-Mails nicht zugestellt" not in client.get("/admin/").content.decode()
    OutgoingMail.objects.filter(pk=queued.pk).update(created_at=queued.created_at - timedelta(minutes=20))
    start = client.get("/admin/").content.decode()
    assert "E-Mails nicht zugestellt (1)" in start and "wartet seit" in start


def test_a_mail_sent_from_a_broken_transaction_goes_to_the_mail_server_directly(smtp):
    """An error report is mailed while the request's transaction is broken: nothing can be stored."""
    existing = OutgoingMail.from_message(EmailMultiAlternatives("Da", "Text", None, ["a@example.org"]), "delivery")
    existing.save()
    with pytest.raises(RuntimeError), transaction.atomic():
        with pytest.raises(IntegrityError):
            OutgoingMail.objects.create(pk=existing.pk, subject="Doppelt", mailer="delivery")
        assert send_mail("Fehlerbericht", "Text", None, ["admin@jobcenter.example"]) == 1
        raise RuntimeError  # the request ends with its error
    assert [message["Subject"] for message in smtp.received] == ["Fehlerbericht"]
    assert list(OutgoingMail.objects.values_list("subject", flat=True)) == ["Da"]
