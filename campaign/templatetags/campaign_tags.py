from datetime import timedelta

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def playing_time(duration: timedelta | None) -> str:
    """German playing time for people: "1 Minute 5 Sekunden", "10 Sekunden", "1 Stunde 2 Minuten"."""
    if not duration:
        return ""
    total = round(duration.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d Stunde", "%(n)d Stunden", hours) % {"n": hours})
    if minutes:
        parts.append(ngettext("%(n)d Minute", "%(n)d Minuten", minutes) % {"n": minutes})
    if seconds and not hours:
        parts.append(ngettext("%(n)d Sekunde", "%(n)d Sekunden", seconds) % {"n": seconds})
    return " ".join(parts) or _("unter 1 Sekunde")


@register.filter
def clock_time(duration: timedelta | None) -> str:
    """Machine-readable duration for <time datetime>: "PT1M5S"."""
    if not duration:
        return ""
    total = round(duration.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{seconds}S"
