"""The admin start page: first what the person logged in must do today.

- The central team: "Wartet auf Prüfung", every submission with its Kommune, submitter, date and age
  („seit 3 Tagen“), the oldest first; then their drafts, then the panels of other apps.
- A Kommune editor: what the central team sent back to their Kommunen, with its comment; then their
  drafts; then the panels of other apps (consents ending soon, …); last what they submitted and
  what still waits for review.
- Panels other apps register (campaign: barrier reports awaiting a reply), through `register`.
- For the central team, while background tasks wait for more than 10 minutes: the worker is not
  running (shared/taskqueue.py), with a link to the waiting tasks.

Rows come from each type's admin queryset, so the per-Kommune isolation of the change lists
applies here as well.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.models import Action, AuditEntry
from editorial.status_header import person, since
from editorial.workflow import kommune_of
from shared import taskqueue
from shared.publication import Status
from shared.roles import is_central

PER_PANEL = 10


@dataclass
class Row:
    title: str
    url: str
    kind: str
    note: str = ""
    warning: bool = False
    # A step of the workflow (submission, send-back): where, by whom, when, and how long ago.
    kommune: str = ""
    by: str = ""
    at: datetime | None = None
    age: str = ""


@dataclass
class Panel:
    title: str
    empty: str
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""
    more_text: str = ""


PANELS: list[Callable] = []


def register(panel: Callable) -> Callable:
    """A function request -> Panel | None, shown after the workflow panels."""
    PANELS.append(panel)
    return panel


@register
def waiting_tasks_panel(request) -> Panel | None:
    """Saves succeed while the task worker is stopped; the work waits, and the central team is told."""
    if not is_central(request.user):
        return None
    found = taskqueue.waiting()
    if not found.count:
        return None
    message = ngettext(
        "%(count)s Aufgabe wartet seit über 10 Minuten – läuft der Hintergrunddienst?",
        "%(count)s Aufgaben warten seit über 10 Minuten – läuft der Hintergrunddienst?",
        found.count,
    ) % {"count": found.count}
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=READY"
    row = Row(message, url, str(_("Hintergrundaufgaben")), warning=True)
    if found.oldest is not None:
        row.at, row.age = found.oldest, since(found.oldest)
    return Panel(title=_("Hintergrunddienst"), empty="", rows=[row])


def workflow_admins(request):
    from editorial.admin import WorkflowAdmin  # the admin module registers models; import late

    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, WorkflowAdmin) and model_admin.has_view_permission(request):
            yield model, model_admin


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def latest_entry(model, value: str, action: str | None = None) -> Subquery:
    """A column of the row's latest audit entry (of `action`, if given), for annotate()."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=Cast(OuterRef("pk"), CharField())
    )
    if action is not None:
        entries = entries.filter(action=action)
    return Subquery(entries.order_by("-created_at", "-pk").values(value)[:1])


def entries_by_id(ids) -> dict[str, AuditEntry]:
    entries = AuditEntry.objects.filter(pk__in=[pk for pk in ids if pk]).select_related("user", "kommune")
    return {entry.pk: entry for entry in entries}


def step_row(obj, model, entry: AuditEntry | None, note: str = "", warning: bool = False) -> Row:
    """A row with the Kommune and who did the step when (the entry may be missing for old rows)."""
    row = Row(str(obj), change_url(obj), str(model._meta.verbose_name), note, warning)
    place = entry.kommune if entry is not None and entry.kommune_id else kommune_of(obj)
    row.kommune = str(place) if place is not None else ""
    if entry is not None:
        row.by, row.at, row.age = person(entry.user, entry.username), entry.created_at, since(entry.created_at)
    return row


def scoped(model, queryset):
    """The queryset with the row's Kommune fetched along (for the Kommune shown)."""
    if getattr(model, "KOMMUNE_PATH", None) == "kommune":
        return queryset.select_related("kommune")
    return queryset


def review_panel(request) -> Panel:
    central = is_central(request.user)
    panel = Panel(
        title=_("Wartet auf Prüfung") if central else _("Eingereicht, wartet auf Prüfung"),
        empty=_("Nichts wartet auf eine Prüfung.") if central else _("Sie haben nichts Offenes eingereicht."),
    )
    rows = []
    for model, model_admin in workflow_admins(request):
        queryset = model_admin.get_queryset(request).filter(status=Status.REVIEW)
        queryset = scoped(model, queryset).annotate(
            submitted_at=latest_entry(model, "created_at", Action.SUBMITTED),
            submission=latest_entry(model, "pk", Action.SUBMITTED),
        )
        found = list(queryset.order_by(F("submitted_at").asc(nulls_first=True), "pk")[:PER_PANEL])
        entries = entries_by_id([obj.submission for obj in found])
        for obj in found:
            entry = entries.get(obj.submission)
            note = _("Anmerkung: %(comment)s") % {"comment": entry.comment} if entry and entry.comment else ""
            rows.append(step_row(obj, model, entry, note))
    # The oldest submission first, across the types (rows without a recorded submission first of all).
    rows.sort(key=lambda row: (row.at is not None, row.at or 0))
    panel.rows = rows
    return panel


def sent_back(request, model, model_admin):
    """The drafts whose last step was a send-back, with that entry's pk as `sent_back`."""
    return (
        scoped(model, model_admin.get_queryset(request))
        .filter(status=Status.DRAFT)
        .annotate(last_action=latest_entry(model, "action"), sent_back=latest_entry(model, "pk"))
        .filter(last_action=Action.SENT_BACK)
    )


def sent_back_panel(request) -> Panel:
    """For a Kommune editor: what the central team gave back to their Kommunen, with the comment."""
    panel = Panel(
        title=_("Zurückgegeben: bitte überarbeiten"), empty=_("Die Zentrale Redaktion hat nichts zurückgegeben.")
    )
    for model, model_admin in workflow_admins(request):
        found = list(sent_back(request, model, model_admin).order_by("-pk")[:PER_PANEL])
        entries = entries_by_id([obj.sent_back for obj in found])
        for obj in found:
            entry = entries.get(obj.sent_back)
            note = _("Zurückgegeben: %(comment)s") % {"comment": entry.comment} if entry else ""
            panel.rows.append(step_row(obj, model, entry, note, warning=True))
    panel.rows.sort(key=lambda row: (row.at is not None, row.at or 0), reverse=True)
    return panel


def drafts_panel(request, without_sent_back: bool = False) -> Panel:
    panel = Panel(title=_("Meine Entwürfe"), empty=_("Sie haben keine offenen Entwürfe."))
    for model, model_admin in workflow_admins(request):
        history = getattr(model, "history", None)
        if history is None:
            continue
        mine = history.filter(history_user=request.user).values("id")
        queryset = model_admin.get_queryset(request).filter(status=Status.DRAFT, pk__in=mine)
        if without_sent_back:
            queryset = queryset.exclude(pk__in=sent_back(request, model, model_admin).values("pk"))
        rows = list(queryset.order_by("-pk")[:PER_PANEL])
        comments = last_comments(model, [obj.pk for obj in rows])
        for obj in rows:
            sent = comments.get(str(obj.pk))
            note = _("Zurückgegeben: %(comment)s") % {"comment": sent.comment} if sent else ""
            panel.rows.append(Row(str(obj), change_url(obj), str(model._meta.verbose_name), note, bool(sent)))
    return panel


def last_comments(model, pks) -> dict[str, AuditEntry]:
    """The latest send-back per row, for the note under a draft."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks]
    ).order_by("object_id", "-created_at", "-pk")
    latest = {}
    for entry in entries:
        latest.setdefault(entry.object_id, entry)
    return {key: entry for key, entry in latest.items() if entry.action == Action.SENT_BACK}


def panels(request) -> list[Panel]:
    """What the user must do today first: the central team reviews, a Kommune editor revises."""
    others = [panel for panel in (make(request) for make in PANELS) if panel is not None]
    if is_central(request.user):
        return [review_panel(request), drafts_panel(request), *others]
    return [sent_back_panel(request), drafts_panel(request, without_sent_back=True), *others, review_panel(request)]
