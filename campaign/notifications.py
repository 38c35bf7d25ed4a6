"""E-mail to the people who answer barrier reports (§ 12b BGG: a reply within one month)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaign.models import BarrierReport
from shared.links import absolute_url
from shared.roles import CENTRAL_EDITORS


def barrier_report_recipients() -> list[str]:
    """DJANGO_BARRIER_REPORT_EMAIL, or else the e-mail addresses of the central team."""
    if settings.BARRIER_REPORT_RECIPIENTS:
        return list(settings.BARRIER_REPORT_RECIPIENTS)
    users = get_user_model().objects.filter(is_active=True, groups__name=CENTRAL_EDITORS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_barrier_report(report: BarrierReport, base_url: str = "") -> int:
    """Tell the responsible address about a new report; returns the number of messages queued.
    The link is on DJANGO_SITE_URL (`base_url`, the request's address, is no longer used)."""
    recipients = barrier_report_recipients()
    if not recipients:
        return 0
    reply_by = date_format(report.reply_by, "DATE_FORMAT")
    admin_url = absolute_url(reverse("admin:campaign_barrierreport_change", args=[report.pk]))
    body = "\n".join(
        [
            _("Auf der Website ist eine neue Barriere-Meldung eingegangen."),
            _("Bitte antworten Sie bis zum %(date)s.") % {"date": reply_by},
            "",
            _("Wo: %(location)s") % {"location": report.location},
            _("Was: %(description)s") % {"description": report.description},
            _("Rückmeldung erwünscht an: %(email)s") % {"email": report.email}
            if report.email
            else _("Ohne Kontaktangabe."),
            "",
            _("Zur Meldung in der Redaktion: %(url)s") % {"url": admin_url},
        ]
    )
    subject = _("Neue Barriere-Meldung – Antwort bis %(date)s") % {"date": reply_by}
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
