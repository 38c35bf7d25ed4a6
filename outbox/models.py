"""Every e-mail the site sends, from the moment it is written until the mail server took it.

A row is written by the site's mailer (outbox/backends.py) inside the request or command that
sends the mail, and delivered by the task worker (outbox/delivery.py): the request never waits
for the mail server, and a mail that cannot be delivered stays here, visible to the central team.
"""

import base64
import email
import email.policy

from django.core.mail import DNS_NAME, EmailMultiAlternatives, make_msgid
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Waiting mails whose next attempt is due."""
        return self.filter(status=OutgoingMail.Status.WAITING, next_attempt_at__lte=now or timezone.now())

    def failed(self):
        return self.filter(status=OutgoingMail.Status.FAILED)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        WAITING = "wartet", _("wartet")
        SENT = "gesendet", _("gesendet")
        FAILED = "fehlgeschlagen", _("fehlgeschlagen")

    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    subject = models.TextField(_("Betreff"))
    body = models.TextField(_("Text"), blank=True)
    html_body = models.TextField(_("HTML-Fassung"), blank=True)
    from_email = models.CharField(_("Absender"), max_length=500)
    to = models.JSONField(_("An"), default=list, blank=True)
    cc = models.JSONField(_("Kopie an"), default=list, blank=True)
    bcc = models.JSONField(_("Blindkopie an"), default=list, blank=True)
    reply_to = models.JSONField(_("Antwort an"), default=list, blank=True)
    headers = models.JSONField(_("Weitere Kopfzeilen"), default=dict, blank=True)
    # [{"filename", "mimetype", "content" (base64), "text" (content was a str)}]
    attachments = models.JSONField(_("Anhänge"), default=list, blank=True)
    mailer = models.CharField(
        _("Zustellung über"), max_length=100, help_text=_("Der Eintrag in MAILERS, der die E-Mail zustellt.")
    )
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)
    created_at = models.DateTimeField(_("Erstellt"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("Nächster Versuch"), default=timezone.now)
    sent_at = models.DateTimeField(_("Gesendet"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ausgehende E-Mail")
        verbose_name_plural = _("Ausgehende E-Mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_status_next")]
        permissions = [("resend_outgoingmail", _("Kann E-Mails erneut senden"))]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipients(self) -> list[str]:
        return [*self.to, *self.cc, *self.bcc]

    @classmethod
    def from_message(cls, message, mailer: str) -> "OutgoingMail":
        """An unsaved row that holds everything `message` (an EmailMessage) would send."""
        if message.content_subtype != "plain":
            raise ValueError("The outbox keeps a plain-text body; add HTML with attach_alternative().")
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype != "text/html" or html:
                raise ValueError(f"The outbox keeps one text/html alternative, not {mimetype}.")
            html = str(content)
        headers = {str(name): str(value) for name, value in message.extra_headers.items()}
        if not any(name.lower() == "message-id" for name in headers):
            # Fixed now, so that every attempt sends the same message (receivers drop repeats).
            headers["Message-ID"] = make_msgid(domain=DNS_NAME)
        return cls(
            subject=str(message.subject),
            body=str(message.body),
            html_body=html,
            from_email=str(message.from_email),
            to=[str(address) for address in message.to],
            cc=[str(address) for address in message.cc],
            bcc=[str(address) for address in message.bcc],
            reply_to=[str(address) for address in message.reply_to],
            headers=headers,
            attachments=[_stored_attachment(item) for item in message.attachments],
            mailer=mailer,
        )

    def as_message(self) -> EmailMultiAlternatives:
        """The message to hand to the mailer that delivers it."""
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=dict(self.headers),
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        for item in self.attachments:
            content = base64.b64decode(item["content"])
            if "mime" in item:
                message.attach(email.message_from_bytes(content, policy=email.policy.default))
            else:
                message.attach(item["filename"], content.decode() if item["text"] else content, item["mimetype"])
        return message


def _stored_attachment(item) -> dict:
    if isinstance(item, tuple):  # EmailAttachment(filename, content, mimetype)
        filename, content, mimetype = item
        text = isinstance(content, str)
        raw = content.encode() if text else content
        return {"filename": filename, "mimetype": mimetype, "text": text, "content": base64.b64encode(raw).decode()}
    # A ready MIME part (email.message.MIMEPart, or the older MIMEBase): kept as its bytes.
    return {"mime": True, "content": base64.b64encode(item.as_bytes()).decode()}
