"""The admin start page: what waits for the person logged in.

- "Wartet auf Prüfung": submissions (the central team sees all, a Kommune editor their own).
- "Meine Entwürfe": drafts the user has worked on, with the comment of a send-back.
- Panels other apps register (campaign: barrier reports awaiting a reply), through `register`.

Rows come from each type's admin queryset, so the per-Kommune isolation of the change lists
applies here as well.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import Action, AuditEntry
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


def workflow_admins(request):
    from editorial.admin import WorkflowAdmin  # the admin module registers models; import late

    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, WorkflowAdmin) and model_admin.has_view_permission(request):
            yield model, model_admin


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def last_comments(model, pks) -> dict[str, AuditEntry]:
    """The latest send-back per row, for the note under a draft."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=[str(pk) for pk in pks]
    ).order_by("object_id", "-created_at", "-pk")
    latest = {}
    for entry in entries:
        latest.setdefault(entry.object_id, entry)
    return {key: entry for key, entry in latest.items() if entry.action == Action.SENT_BACK}


def review_panel(request) -> Panel:
    central = is_central(request.user)
    panel = Panel(
        title=_("Wartet auf Prüfung") if central else _("Eingereicht, wartet auf Prüfung"),
        empty=_("Nichts wartet auf eine Prüfung.") if central else _("Sie haben nichts Offenes eingereicht."),
    )
    for model, model_admin in workflow_admins(request):
        rows = model_admin.get_queryset(request).filter(status=Status.REVIEW).order_by("-pk")[:PER_PANEL]
        for obj in rows:
            panel.rows.append(Row(str(obj), change_url(obj), str(model._meta.verbose_name)))
    return panel


def drafts_panel(request) -> Panel:
    panel = Panel(title=_("Meine Entwürfe"), empty=_("Sie haben keine offenen Entwürfe."))
    for model, model_admin in workflow_admins(request):
        history = getattr(model, "history", None)
        if history is None:
            continue
        mine = history.filter(history_user=request.user).values("id")
        rows = list(
            model_admin.get_queryset(request).filter(status=Status.DRAFT, pk__in=mine).order_by("-pk")[:PER_PANEL]
        )
        comments = last_comments(model, [obj.pk for obj in rows])
        for obj in rows:
            sent_back = comments.get(str(obj.pk))
            note = _("Zurückgegeben: %(comment)s") % {"comment": sent_back.comment} if sent_back else ""
            panel.rows.append(Row(str(obj), change_url(obj), str(model._meta.verbose_name), note, bool(sent_back)))
    return panel


def panels(request) -> list[Panel]:
    found = [review_panel(request), drafts_panel(request)]
    for make in PANELS:
        panel = make(request)
        if panel is not None:
            found.append(panel)
    return found
