"""DJANGO_SITE_URL: refused at start unless it is the site's absolute address, and every link in a
workflow mail stands on it, also when a command writes the mail. A message keeps all its parts
(HTML, copies, reply address, attachments) on its way through the outbox."""

from datetime import timedelta
from email.message import MIMEPart

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from config.settings import site_url
from consent.models import Consent
from outbox.models import OutgoingMail
from tests.factories import StoryFactory, editor, kommune
from tests.helpers import run_django

SITE = "https://www.kommunale-jobcenter.de"


@pytest.mark.parametrize(
    "value",
    [
        "www.kommunale-jobcenter.de",
        "/",
        "ftp://kommunale-jobcenter.de",
        "https://kommunale-jobcenter.de/admin/",
        "https://kommunale-jobcenter.de/?a=1",
        "https://user@kommunale-jobcenter.de",
        "https://x.de:port",
        "https://",
    ],
)
def test_a_site_url_that_is_not_an_absolute_address_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SITE_URL"):
        site_url(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(SITE, SITE), (SITE + "/", SITE), ("http://127.0.0.1:8000", "http://127.0.0.1:8000")],
)
def test_a_site_url_is_kept_without_its_trailing_slash(value, expected):
    assert site_url(value) == expected


def test_the_site_does_not_start_with_a_site_url_that_has_a_path():
    result = run_django("", DJANGO_SECRET_KEY="x", DJANGO_SITE_URL="https://www.kommunale-jobcenter.de/start/")
    assert result.returncode != 0
    assert "DJANGO_SITE_URL must be the site's absolute address" in result.stderr
    unset = run_django(
        "from django.conf import settings\nprint(settings.SITE_URL)",
        DJANGO_SECRET_KEY="x",
        DJANGO_ALLOWED_HOSTS="www.kommunale-jobcenter.de,kommunale-jobcenter.de",
    )
    assert unset.stdout.strip() == SITE, unset.stderr


@pytest.mark.django_db
def test_a_workflow_mail_written_by_a_command_links_to_the_site_address(
    settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT, settings.CONSENT_ROOT = tmp_path / "media", tmp_path / "private"
    settings.SITE_URL = SITE
    settings.EDITORIAL_RECIPIENTS = []
    editor("Zentrale Redaktion", username="zentrale", email="zentrale@jobcenter.example")
    story = StoryFactory(slug="abgelaufen", kommune=kommune("kreis-dueren"))
    Consent.objects.filter(story=story).update(expires_on=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enforce_consents", verbosity=0)
    [message] = [message for message in mailoutbox if "offline" in message.body]
    assert f"In der Redaktion öffnen: {SITE}/admin/stories/story/{story.pk}/change/" in message.body


@pytest.mark.django_db
def test_a_message_keeps_its_html_copies_and_attachments_through_the_outbox(
    settings, immediate_tasks, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {"BACKEND": "outbox.backends.QueuedEmailBackend", "OPTIONS": {"delivery": "delivery"}},
        "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    message = EmailMultiAlternatives(
        subject="Passwort zurücksetzen",
        body="Text mit Link",
        from_email="redaktion@jobcenter.example",
        to=["a@example.org"],
        cc=["b@example.org"],
        bcc=["c@example.org"],
        reply_to=["antwort@example.org"],
        headers={"X-Vorgang": "42"},
    )
    message.attach_alternative("<p>Text mit <a href='https://x.example/'>Link</a></p>", "text/html")
    message.attach("liste.csv", "a;b\n1;2\n", "text/csv")
    message.attach("bild.png", b"\x89PNG\r\n\x1a\n", "image/png")
    part = MIMEPart()
    part.set_content("Anhang als fertiger Teil")
    message.attach(part)
    with django_capture_on_commit_callbacks(execute=True):
        assert message.send() == 1
    stored = OutgoingMail.objects.get()
    assert stored.status == OutgoingMail.Status.SENT
    assert stored.recipients == ["a@example.org", "b@example.org", "c@example.org"]
    [sent] = mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == ("Passwort zurücksetzen", "Text mit Link", message.from_email)
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (message.to, message.cc, message.bcc, message.reply_to)
    assert sent.alternatives == message.alternatives
    assert sent.extra_headers["X-Vorgang"] == "42"
    assert sent.extra_headers["Message-ID"] == stored.headers["Message-ID"]
    assert sent.attachments[:2] == message.attachments[:2]
    texts = [p.get_content() for p in sent.message().walk() if p.get_content_type() == "text/plain"]
    assert "Anhang als fertiger Teil\n" in texts
