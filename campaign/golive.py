"""Ready to go live? What still stops the launch, in one list for two readers:

- `manage.py check --deploy` fails with it (errors kampagne.E001–E003), so no deployment
  goes out with a placeholder or a missing legal text;
- the admin start page shows it to the central team ("Vor dem Start zu erledigen").

The list: every public text that still holds "[Platzhalter: …]" (shared/placeholders.py), the
legal pages a German public body must have (Impressum, Datenschutzerklärung, Erklärung zur
Barrierefreiheit: there, published, not empty), and press contacts a journalist can reach
(phone or e-mail). Each entry names the page and field and where to fix it in the admin.

Before `migrate` (no tables yet) or without a database, the check reports nothing: it is a
check of the content, and `check --deploy` must never crash.
"""

from dataclasses import dataclass

from django.core import checks
from django.db import DatabaseError
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign.models import ContentPage, Kommune, LandingPage, Location, PageKey, SignLanguageVideo
from editorial import dashboard
from leitbild.models import Chapter, Commitment, Leitbild, PreamblePoint
from press.models import KeyFigure, PressContact, PressCoverage, PressKitItem, PressRelease
from shared import placeholders
from shared.publication import Publishable
from shared.roles import is_central
from stories.models import ExplainerVideo, Story

# Every model whose rows the public sees. Rows of a Publishable count while released (published
# now or scheduled); a draft is not public yet.
PUBLIC_MODELS = [
    ContentPage,
    LandingPage,
    Kommune,
    Location,
    SignLanguageVideo,
    PressContact,
    PressCoverage,
    PressRelease,
    KeyFigure,
    PressKitItem,
    Story,
    ExplainerVideo,
    Leitbild,
    Chapter,
    Commitment,
    PreamblePoint,
]
LEGAL_PAGES = [PageKey.IMPRINT, PageKey.PRIVACY, PageKey.ACCESSIBILITY]

PLACEHOLDER, LEGAL_PAGE, PRESS_CONTACT = "kampagne.E001", "kampagne.E002", "kampagne.E003"


@dataclass(frozen=True)
class Problem:
    id: str
    title: str  # what is affected: „Impressum“ (Inhaltsseite), Feld „Text“
    message: str  # what is wrong
    admin_url: str  # where to fix it
    admin_path: str  # the same as the admin's menu says it


def admin_link(model, pk=None) -> tuple[str, str]:
    opts = model._meta
    path = f"{opts.app_config.verbose_name} › {opts.verbose_name_plural}"
    try:
        if pk is None:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), path
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk]), path
    except NoReverseMatch:
        return "", path


def public_rows(model):
    if issubclass(model, Publishable):
        return model.objects.released()
    return model.objects.all()


def placeholder_problems() -> list[Problem]:
    problems = []
    for model in PUBLIC_MODELS:
        fields = placeholders.text_fields(model)
        condition = None
        for field in fields:
            q = _contains_q(field.name)
            condition = q if condition is None else condition | q
        if condition is None:
            continue
        for obj in public_rows(model).filter(condition).order_by("pk"):
            url, path = admin_link(model, obj.pk)
            for field in fields:
                marks = placeholders.found(getattr(obj, field.attname))
                if not marks:
                    continue
                problems.append(
                    Problem(
                        PLACEHOLDER,
                        _("„%(object)s“ (%(model)s), Feld „%(field)s“")
                        % {"object": obj, "model": opts_name(model), "field": field.verbose_name},
                        _("enthält noch %(count)s Platzhalter, z. B. „%(first)s“.")
                        % {"count": len(marks), "first": marks[0]},
                        url,
                        f"{path} › {obj}",
                    )
                )
    return problems


def _contains_q(name: str) -> Q:
    return Q(**{f"{name}__contains": placeholders.MARK})


def opts_name(model) -> str:
    return str(model._meta.verbose_name)


def legal_page_problems() -> list[Problem]:
    pages = {page.key: page for page in ContentPage.objects.filter(key__in=LEGAL_PAGES)}
    published = set(ContentPage.objects.published().filter(key__in=LEGAL_PAGES).values_list("key", flat=True))
    problems = []
    for key in LEGAL_PAGES:
        label = PageKey(key).label
        page = pages.get(key)
        if page is None:
            url, path = admin_link(ContentPage)
            message = _("fehlt. Die Seite ist gesetzlich vorgeschrieben; bitte anlegen.")
        elif key not in published:
            url, path = admin_link(ContentPage, page.pk)
            path = f"{path} › {page}"
            message = _("ist nicht veröffentlicht. Die Seite ist gesetzlich vorgeschrieben; bitte veröffentlichen.")
        elif not placeholders.visible_text(page.body):
            url, path = admin_link(ContentPage, page.pk)
            path = f"{path} › {page}"
            message = _("hat keinen Text. Die Seite ist gesetzlich vorgeschrieben; bitte das Feld „Text“ ausfüllen.")
        else:
            continue
        problems.append(Problem(LEGAL_PAGE, _("„%(page)s“ (Inhaltsseite)") % {"page": label}, message, url, path))
    return problems


def press_contact_problems() -> list[Problem]:
    contacts = list(PressContact.objects.published())
    if not contacts:
        url, path = admin_link(PressContact)
        return [
            Problem(
                PRESS_CONTACT,
                _("Pressekontakte"),
                _(
                    "Es ist kein Pressekontakt veröffentlicht. "
                    "Journalistinnen und Journalisten brauchen mindestens einen."
                ),
                url,
                path,
            )
        ]
    problems = []
    for contact in contacts:
        reachable = [value for value in (contact.phone, contact.email) if value and not placeholders.contains(value)]
        if reachable:
            continue
        url, path = admin_link(PressContact, contact.pk)
        problems.append(
            Problem(
                PRESS_CONTACT,
                _("„%(contact)s“ (Pressekontakt), Felder „Telefon“ und „E-Mail“") % {"contact": contact},
                _("sind leer. Bitte mindestens eine Telefonnummer oder E-Mail-Adresse angeben."),
                url,
                f"{path} › {contact}",
            )
        )
    return problems


def problems() -> list[Problem]:
    """Everything that stops the launch; [] also when the tables are not there yet."""
    try:
        return [*legal_page_problems(), *press_contact_problems(), *placeholder_problems()]
    except DatabaseError:
        return []


@checks.register(checks.Tags.security, "inhalte", deploy=True)
def check_ready_to_go_live(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    found = problems()
    return [
        checks.Error(
            f"{problem.title} {problem.message}",
            hint=_("Im Redaktionsbereich ändern: %(path)s") % {"path": problem.admin_path}
            + (f" ({problem.admin_url})" if problem.admin_url else ""),
            id=problem.id,
        )
        for problem in found
    ]


@dashboard.register
def go_live_panel(request) -> dashboard.Panel | None:
    """The same list on the central team's start page, as long as there is anything on it."""
    if not is_central(request.user):
        return None
    found = problems()
    if not found:
        return None
    panel = dashboard.Panel(
        title=_("Vor dem Start zu erledigen (%(count)s)") % {"count": len(found)},
        empty="",
    )
    for problem in found:
        panel.rows.append(dashboard.Row(problem.title, problem.admin_url, str(CHECK_KIND), problem.message, True))
    return panel


CHECK_KIND = gettext_lazy("Startprüfung")
