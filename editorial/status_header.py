"""The status header above every workflow form (templates/admin/includes/workflow_status.html):
the state in words, who submitted when with the note, the last send-back with its comment, who saved
last, what changed since the last published version, and the admin's own notes and links
(WorkflowAdmin.status_notes / workflow_links). After Wagtail's status side panel: Live / Draft /
In moderation, by whom and how long ago, the details one click away.

`ago` and `since` say an age in German words („vor 3 Tagen“, „seit 3 Tagen“); the start page's
waiting list uses them too.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial import compare
from editorial.models import Action, AuditEntry
from shared.publication import Status


def _unit(moment: datetime, now: datetime | None) -> tuple[str, int]:
    """The age in its largest whole unit: minutes, hours or days ("" below a minute)."""
    seconds = max(0, int(((now or timezone.now()) - moment).total_seconds()))
    if seconds < 60:
        return "", 0
    if seconds < 3600:
        return "minute", seconds // 60
    if seconds < 86400:
        return "hour", seconds // 3600
    return "day", seconds // 86400


def ago(moment: datetime, now: datetime | None = None) -> str:
    """„vor 3 Tagen“: how long ago something happened."""
    unit, count = _unit(moment, now)
    if unit == "minute":
        return ngettext("vor %(count)d Minute", "vor %(count)d Minuten", count) % {"count": count}
    if unit == "hour":
        return ngettext("vor %(count)d Stunde", "vor %(count)d Stunden", count) % {"count": count}
    if unit == "day":
        return ngettext("vor %(count)d Tag", "vor %(count)d Tagen", count) % {"count": count}
    return _("gerade eben")


def since(moment: datetime, now: datetime | None = None) -> str:
    """„seit 3 Tagen“: how long something has been waiting."""
    unit, count = _unit(moment, now)
    if unit == "minute":
        return ngettext("seit %(count)d Minute", "seit %(count)d Minuten", count) % {"count": count}
    if unit == "hour":
        return ngettext("seit %(count)d Stunde", "seit %(count)d Stunden", count) % {"count": count}
    if unit == "day":
        return ngettext("seit %(count)d Tag", "seit %(count)d Tagen", count) % {"count": count}
    return _("seit eben")


def person(user, username: str) -> str:
    """A person as the desk names them: the full name with the account, or the account alone."""
    name = user.get_full_name() if user is not None else ""
    return f"{name} ({username})" if name else (username or _("unbekannt"))


@dataclass
class Event:
    """One line of the header: who did what when, with the comment they wrote."""

    term: str
    who: str
    when: datetime
    age: str
    comment: str = ""
    comment_term: str = ""


@dataclass
class Header:
    status: str
    status_label: str
    summary: str
    events: list[Event] = field(default_factory=list)
    # None: nothing to compare with (never published, or the published version itself).
    changes: list[compare.Change] | None = None
    never_published: bool = False
    notes: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    steps: list = field(default_factory=list)
    save_label: str = ""
    editable: bool = False


def summary(obj, status: str, keeps_public_version: bool) -> str:
    """The state in one sentence: what visitors see."""
    hidden = (
        _("Besucher sehen bis zur Freigabe die zuletzt freigegebene Fassung.")
        if keeps_public_version
        else _("Für Besucher nicht sichtbar.")
    )
    if obj is None:
        return _("Neu: wird beim Speichern als Entwurf angelegt.") + " " + hidden
    if status == Status.REVIEW:
        return _("Eingereicht, wartet auf die Prüfung der Zentralen Redaktion.") + " " + hidden
    if status == Status.PUBLISHED:
        if obj.is_published:
            return _("Für Besucher sichtbar.")
        now = timezone.now()
        start, end = getattr(obj, "publish_from", None), getattr(obj, "publish_until", None)
        if start is not None and start > now:
            return _("Freigegeben, für Besucher sichtbar ab %(date)s.") % {"date": _date(start)}
        if end is not None and end <= now:
            return _("Freigegeben, aber seit %(date)s nicht mehr sichtbar („Sichtbar bis“).") % {"date": _date(end)}
        return _("Freigegeben, aber für Besucher nicht sichtbar (z. B. ohne gültige Einwilligung).")
    if status == Status.ARCHIVED:
        return _("Archiviert. Für Besucher nicht sichtbar.")
    return _("Entwurf.") + " " + hidden


def _date(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def events(obj, status: str) -> list[Event]:
    """The steps that matter now: the submission under review (with its note), the last send-back
    of the current round (with its comment), the publication or archiving, and the last save."""
    entries = list(
        AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk))
        .select_related("user")
        .order_by("-created_at", "-pk")[:50]
    )

    def last(action):
        return next((entry for entry in entries if entry.action == action), None)

    def event(term, entry, comment_term=""):
        return Event(
            term,
            person(entry.user, entry.username),
            entry.created_at,
            ago(entry.created_at),
            entry.comment,
            comment_term,
        )

    found = []
    published = last(Action.PUBLISHED)
    if status == Status.REVIEW and (submitted := last(Action.SUBMITTED)) is not None:
        found.append(event(_("Eingereicht"), submitted, _("Anmerkung beim Einreichen")))
    sent_back = last(Action.SENT_BACK)
    current_round = published is None or (sent_back is not None and sent_back.created_at >= published.created_at)
    if status in (Status.DRAFT, Status.REVIEW) and sent_back is not None and current_round:
        term = _("Zurückgegeben") if status == Status.DRAFT else _("Zuletzt zurückgegeben")
        found.append(event(term, sent_back, _("Anmerkung der Zentralen Redaktion")))
    if status == Status.PUBLISHED and published is not None:
        found.append(event(_("Veröffentlicht"), published))
    if status == Status.ARCHIVED and (archived := last(Action.ARCHIVED)) is not None:
        found.append(event(_("Archiviert"), archived))
    history = getattr(obj, "history", None)
    saved = history.select_related("history_user").first() if history is not None else None
    if saved is not None:
        who = person(saved.history_user, saved.history_user.get_username()) if saved.history_user else ""
        found.append(Event(_("Zuletzt gespeichert"), who, saved.history_date, ago(saved.history_date)))
    return found


def build(model_admin, request, current) -> Header:
    """The header of `current`, the row as stored (None on an add form)."""
    keeps = bool(getattr(model_admin, "authors_change_published", False))
    if current is None:
        return Header(Status.DRAFT, _("Neu"), summary(None, Status.DRAFT, keeps))
    status = current.status
    header = Header(status, Status(status).label, summary(current, status, keeps), events(current, status))
    base = model_admin.compare_base(request, current)
    if base is None:
        header.never_published = status != Status.PUBLISHED
    else:
        changes = [change for change in compare.changes_between(base, current) if change.field != "status"]
        header.changes = changes if (changes or status != Status.PUBLISHED) else None
    header.notes = list(model_admin.status_notes(request, current))
    header.links = list(model_admin.workflow_links(request, current))
    return header
