"""The audit log of the editorial workflow: who submitted, published, unpublished, sent back,
archived, restored or deleted what, and when. Rows are written by editorial/workflow.py only and never
changed; the admin shows them read-only."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    SUBMITTED = "submitted", _("Zur Prüfung eingereicht")
    WITHDRAWN = "withdrawn", _("Einreichung zurückgezogen")
    SENT_BACK = "sent_back", _("Zur Überarbeitung zurückgegeben")
    PUBLISHED = "published", _("Veröffentlicht")
    UNPUBLISHED = "unpublished", _("Veröffentlichung zurückgenommen")
    ARCHIVED = "archived", _("Archiviert")
    RESTORED = "restored", _("Frühere Fassung wiederhergestellt")
    CONSENT_ENDED = "consent_ended", _("Einwilligung beendet: offline genommen, Dateien gelöscht")
    DELETED = "deleted", _("Gelöscht")


class AuditEntry(models.Model):
    # Never shown on a public page: a change needs no new page-cache generation.
    page_cache_ignore = True
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Benutzer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept when the account is deleted later: the log must still say who it was.
    username = models.CharField(_("Benutzername"), max_length=150)
    action = models.CharField(_("Vorgang"), max_length=20, choices=Action.choices, db_index=True)
    content_type = models.ForeignKey(ContentType, verbose_name=_("Inhaltstyp"), on_delete=models.PROTECT)
    object_id = models.CharField(_("Objekt-ID"), max_length=64)
    object_repr = models.CharField(_("Inhalt"), max_length=300)
    kommune = models.ForeignKey(
        "campaign.Kommune",
        verbose_name=_("Kommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Kommune des Inhalts, wenn er einer gehört."),
    )
    comment = models.TextField(_("Anmerkung"), max_length=2_000, validators=[MaxLengthValidator(2_000)], blank=True)

    # The Kommune editors see the entries of their own Kommunen (shared.admin.KommuneScopedAdmin).
    KOMMUNE_PATH = "kommune"

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.object_repr}"
