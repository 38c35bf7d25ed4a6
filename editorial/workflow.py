"""The editorial workflow on the one publication model (shared.publication):

    Entwurf → Zur Prüfung → Veröffentlicht → Archiviert

- A Kommune editor writes drafts and submits them ("Zur Prüfung"); they cannot publish.
- The central team publishes, sends a submission back with a comment, unpublishes and archives.
- Deleting a published or archived row is the central team's too (editorial.admin.WorkflowAdmin);
  every deletion is logged, and the Kommune's editors are told.
- Every step is written to the audit log (editorial.models.AuditEntry) and the other side is told
  by e-mail once the database transaction has committed.

The window "Sichtbar ab/bis" needs no step here: the public queries compare it with the clock.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.models import Action, AuditEntry
from shared.links import absolute_url
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, is_central


def allowed_statuses(user) -> list[Status]:
    """The states a user may put a row into."""
    if is_central(user):
        return list(Status)
    return [Status.DRAFT, Status.REVIEW]


def action_for(old: str | None, new: str) -> Action | None:
    """The workflow step that moving a row from `old` to `new` means (None: no step)."""
    if old == new:
        return None
    if new == Status.REVIEW:
        return Action.SUBMITTED
    if new == Status.PUBLISHED:
        return Action.PUBLISHED
    if new == Status.ARCHIVED:
        return Action.ARCHIVED
    if old == Status.REVIEW:  # back to the draft
        return Action.SENT_BACK
    if old == Status.PUBLISHED:
        return Action.UNPUBLISHED
    return None


@dataclass(frozen=True)
class Step:
    """A workflow step as a button of the change form (`name="_workflow" value=<name>`): it takes the
    row to `status` through the same form checks as choosing that status."""

    name: str
    status: Status
    label: str
    done: str  # the message after the step, with %(title)s


STEPS = {
    step.name: step
    for step in [
        Step(
            "submit",
            Status.REVIEW,
            gettext_lazy("Zur Prüfung einreichen"),
            gettext_lazy("Zur Prüfung eingereicht: %(title)s"),
        ),
        Step(
            "withdraw",
            Status.DRAFT,
            gettext_lazy("Einreichung zurückziehen"),
            gettext_lazy("Wieder ein Entwurf: %(title)s"),
        ),
        Step(
            "publish",
            Status.PUBLISHED,
            gettext_lazy("Veröffentlichen"),
            gettext_lazy("Veröffentlicht: %(title)s"),
        ),
        Step(
            "send_back",
            Status.DRAFT,
            gettext_lazy("Zurückgeben …"),
            gettext_lazy("Mit Ihrer Anmerkung an die Redaktion der Kommune zurückgegeben: %(title)s"),
        ),
        Step("unpublish", Status.DRAFT, gettext_lazy("Offline nehmen"), gettext_lazy("Offline genommen: %(title)s")),
        Step("archive", Status.ARCHIVED, gettext_lazy("Archivieren"), gettext_lazy("Archiviert: %(title)s")),
        Step(
            "reopen",
            Status.DRAFT,
            gettext_lazy("Als Entwurf wieder aufnehmen"),
            gettext_lazy("Wieder ein Entwurf: %(title)s"),
        ),
    ]
}


def steps_for(user, status: str | None, authors_change_published: bool = False) -> list[Step]:
    """The steps a user may take on a row in `status` (None: a row not saved yet), in button order."""
    central = is_central(user)
    if status in (None, Status.DRAFT):
        names = (["submit", "publish"] + (["archive"] if status else [])) if central else ["submit"]
    elif status == Status.REVIEW:
        names = ["publish", "send_back", "archive"] if central else ["withdraw"]
    elif status == Status.PUBLISHED:
        # A Kommune editor changing a page that stays public (the Jobcenter page) submits the change.
        names = ["unpublish", "archive"] if central else (["submit"] if authors_change_published else [])
    else:
        names = ["publish", "reopen"] if central else []
    return [STEPS[name] for name in names if STEPS[name].status in allowed_statuses(user)]


def save_status(user, status: str | None) -> str:
    """The status a plain save keeps: the row's own, or a draft where the user may not set that one
    (a new row; a Kommune editor's change of a public page)."""
    return status if status in allowed_statuses(user) else Status.DRAFT


def kommune_of(obj):
    """The Kommune a row belongs to, following its KOMMUNE_PATH ("kommune", "story__kommune", "pk")."""
    path = getattr(type(obj), "KOMMUNE_PATH", None)
    if path is None:
        return None
    if path == "pk":
        return obj
    target = obj
    for part in path.split("__"):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def record(user, obj, action: Action, comment: str = "", base_url: str = "") -> AuditEntry:
    """Write the audit entry and, after commit, the e-mails of a workflow step. Their links are on
    DJANGO_SITE_URL, in a request and in a command alike (`base_url` is no longer used)."""
    kommune = kommune_of(obj)
    entry = AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=user.get_username() if user is not None and user.is_authenticated else "",
        action=action,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        kommune_id=getattr(kommune, "pk", None),
        comment=comment,
    )
    transaction.on_commit(lambda: notify(entry, obj))
    return entry


def central_recipients() -> list[str]:
    """DJANGO_EDITORIAL_EMAIL, or else the e-mail addresses of the central team."""
    if settings.EDITORIAL_RECIPIENTS:
        return list(settings.EDITORIAL_RECIPIENTS)
    users = get_user_model().objects.filter(is_active=True, groups__name=CENTRAL_EDITORS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def author_recipients(entry: AuditEntry, obj) -> list[str]:
    """The Kommune's editors and whoever submitted the row last."""
    addresses = set()
    kommune = kommune_of(obj)
    if kommune is not None and hasattr(kommune, "editors"):
        addresses |= set(kommune.editors.filter(is_active=True).exclude(email="").values_list("email", flat=True))
    submission = (
        AuditEntry.objects.filter(
            content_type=entry.content_type, object_id=entry.object_id, action=Action.SUBMITTED, user__isnull=False
        )
        .select_related("user")
        .first()
    )
    if submission is not None and submission.user.is_active and submission.user.email:
        addresses.add(submission.user.email)
    if entry.user is not None:
        addresses.discard(entry.user.email)
    return sorted(addresses)


MESSAGES = {
    Action.SUBMITTED: gettext_lazy("„%(title)s“ wartet auf Ihre Prüfung."),
    Action.WITHDRAWN: gettext_lazy("„%(title)s“ wurde von der Einreichung zurückgezogen."),
    Action.SENT_BACK: gettext_lazy("„%(title)s“ wurde zur Überarbeitung zurückgegeben."),
    Action.PUBLISHED: gettext_lazy("„%(title)s“ ist veröffentlicht."),
    Action.UNPUBLISHED: gettext_lazy("Die Veröffentlichung von „%(title)s“ wurde zurückgenommen."),
    Action.ARCHIVED: gettext_lazy("„%(title)s“ wurde archiviert."),
    Action.RESTORED: gettext_lazy("Von „%(title)s“ wurde eine frühere Fassung wiederhergestellt."),
    Action.CONSENT_ENDED: gettext_lazy(
        "„%(title)s“ ist offline: eine Einwilligung ist widerrufen oder abgelaufen, die Bilder und Videos sind "
        "gelöscht."
    ),
    Action.DELETED: gettext_lazy("„%(title)s“ wurde gelöscht."),
}


def notify(entry: AuditEntry, obj) -> int:
    """E-mail the other side of a step: the central team for a submission, the authors for a decision."""
    if entry.action in (Action.SUBMITTED, Action.WITHDRAWN):
        recipients = central_recipients()
    elif entry.action in (Action.SENT_BACK, Action.PUBLISHED, Action.UNPUBLISHED, Action.ARCHIVED, Action.DELETED):
        recipients = author_recipients(entry, obj)
    elif entry.action == Action.CONSENT_ENDED:
        recipients = sorted(set(author_recipients(entry, obj)) | set(central_recipients()))
    else:
        return 0
    if not recipients:
        return 0
    opts = type(obj)._meta
    title = entry.object_repr
    if entry.action == Action.DELETED:  # the row's page is gone: the list of its type
        admin_url = absolute_url(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    else:
        admin_url = absolute_url(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    lines = [
        MESSAGES[entry.action] % {"title": title},
        "",
        _("Inhaltstyp: %(type)s") % {"type": opts.verbose_name},
        _("Von: %(user)s") % {"user": entry.username or _("unbekannt")},
    ]
    if entry.kommune_id:
        lines.append(_("Kommune: %(kommune)s") % {"kommune": kommune_of(obj)})
    if entry.comment:
        lines += ["", _("Anmerkung:"), entry.comment]
    lines += ["", _("In der Redaktion öffnen: %(url)s") % {"url": admin_url}]
    subject = f"{entry.get_action_display()}: {title}"
    return send_mail(subject[:200], "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients)
