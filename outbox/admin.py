"""The outbox in the admin: read-only, for the central team (view right, outbox/migrations/0002) and
administrators; „Erneut senden“ starts the attempts over. Kommune editors do not see it: mails to
the central team carry visitors' reports and other Kommunen's steps. The text of a mail is shown to
administrators only (a password-reset link would let its reader into another account)."""

from datetime import timedelta

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial import dashboard
from outbox import delivery
from outbox.models import OutgoingMail
from shared.admin import ModelAdmin

# A mail still waiting this long after it was written means the worker or the mail server is down.
LATE = timedelta(minutes=15)


@admin.register(OutgoingMail)
class OutgoingMailAdmin(ModelAdmin):
    list_display = ["created_at", "status", "recipients_display", "subject", "attempts", "error_display", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["resend"]
    fields = [
        "status",
        "subject",
        "from_email",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "body",
        "html_body",
    ]
    readonly_fields = fields
    view_on_site = False

    def get_fields(self, request, obj=None):
        if request.user.is_superuser:
            return self.fields
        # A password-reset mail carries a link that signs its reader in: its text is for administrators only.
        return [name for name in self.fields if name not in ("body", "html_body")]

    def has_add_permission(self, request) -> bool:
        return False  # mails are written by the site only

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("outbox.resend_outgoingmail")

    @admin.display(description=_("Empfänger"))
    def recipients_display(self, obj: OutgoingMail) -> str:
        return ", ".join(obj.recipients)

    @admin.display(description=_("Letzter Fehler"))
    def error_display(self, obj: OutgoingMail) -> str:
        return Truncator(obj.last_error).chars(120)

    @admin.action(description=_("Erneut senden"), permissions=["resend"])
    def resend(self, request, queryset):
        count = delivery.resend(queryset)
        self.message_user(
            request,
            ngettext("%(count)s E-Mail wird erneut gesendet.", "%(count)s E-Mails werden erneut gesendet.", count)
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )


@dashboard.register
def undelivered_panel(request) -> dashboard.Panel | None:
    """Mails that failed, or wait far longer than a delivery takes; shown only while there are any."""
    if not request.user.has_perm("outbox.view_outgoingmail"):
        return None
    late = timezone.now() - LATE
    mails = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED) | OutgoingMail.objects.filter(
        status=OutgoingMail.Status.WAITING, created_at__lt=late
    )
    total = mails.count()
    if not total:
        return None
    panel = dashboard.Panel(
        title=_("E-Mails nicht zugestellt (%(count)s)") % {"count": total},
        empty="",
        more_url=reverse("admin:outbox_outgoingmail_changelist") + "?status__exact=" + OutgoingMail.Status.FAILED,
        more_text=_("Alle fehlgeschlagenen E-Mails"),
    )
    for mail in mails.order_by("created_at", "pk")[: dashboard.PER_PANEL]:
        if mail.status == OutgoingMail.Status.FAILED:
            note = _("fehlgeschlagen nach %(count)s Versuchen") % {"count": mail.attempts}
        else:
            note = _("wartet seit %(date)s") % {
                "date": date_format(timezone.localtime(mail.created_at), "SHORT_DATETIME_FORMAT")
            }
        panel.rows.append(
            dashboard.Row(
                f"{mail.subject} – {', '.join(mail.recipients)}",
                reverse("admin:outbox_outgoingmail_change", args=[mail.pk]),
                str(OutgoingMail._meta.verbose_name),
                note,
                True,
            )
        )
    return panel
