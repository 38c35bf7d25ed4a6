"""/datenschutz/personen-in-geschichten/: the privacy statement for the people shown in stories.

Its facts come from the register itself, so the page cannot drift from the code: the field
labels of `Consent`, the labels of its choices (`Scope`, `Form`, `NameShown`) and the proof
period `settings.CONSENT_PROOF_YEARS`. The page reads no row: no query, no cookie, no form.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from consent.models import SCOPE_FIELDS, Consent, Form, NameShown, Scope
from shared.roles import CENTRAL_EDITORS


def _either(choices) -> str:
    """The labels of a choice type as alternatives: "schriftlich oder elektronisch"."""
    *first, last = [str(label) for label in choices.labels]
    return _("%(first)s oder %(last)s") % {"first": ", ".join(first), "last": last} if first else last


YES_OR_NO = gettext_lazy("ja oder nein")

# What the register holds about a person, field by field, in plain words. Every field of
# `Consent` is here, among the purposes (PURPOSES: the scope fields, told together) or in
# INTERNAL_FIELDS; tests/consent/test_privacy_page.py checks it.
PURPOSES = "purposes"
STORED = [
    ("person", gettext_lazy("Ihr Name, wie er in der Einwilligung steht")),
    ("story", gettext_lazy("die Geschichte, in der Sie gezeigt werden")),
    ("form", None),  # the Form labels
    ("document", gettext_lazy("Ihre Einwilligung mit Ihrer Unterschrift")),
    ("signed_on", gettext_lazy("der Tag, an dem Sie eingewilligt haben")),
    ("kommune", gettext_lazy("das Jobcenter, das Ihre Einwilligung eingeholt hat")),
    (PURPOSES, None),  # the Scope labels
    ("name_shown", None),  # the NameShown labels
    ("employer_shown", YES_OR_NO),
    ("health_shown", YES_OR_NO),
    ("benefits_shown", YES_OR_NO),
    ("expires_on", gettext_lazy("wann Ihre Einwilligung endet, wenn Sie ein Ende vereinbart haben")),
    ("review_on", gettext_lazy("wann das Jobcenter Ihre Einwilligung überprüft")),
    ("is_minor", gettext_lazy("ob Sie bei der Einwilligung minderjährig waren")),
    ("guardian", gettext_lazy("bei Minderjährigen: wer als sorgeberechtigte Person eingewilligt hat")),
    ("withdrawn_on", gettext_lazy("der Tag Ihres Widerrufs, wenn Sie widerrufen")),
]
# Bookkeeping of the register, not facts about the person.
INTERNAL_FIELDS = {"id", "is_demo", "is_legacy", "created_at"}
SCOPE_FIELDS_TOLD_AS_PURPOSES = set(SCOPE_FIELDS.values())

# Where each purpose shows a story; every Scope needs one (a new scope fails the page's tests).
SCOPE_USES = {
    Scope.WEB: gettext_lazy("auf dieser Website"),
    Scope.SOCIAL: gettext_lazy("in sozialen Medien"),
    Scope.PRINT: gettext_lazy("in gedruckten Materialien, zum Beispiel Broschüren und Plakaten"),
    Scope.PRESS: gettext_lazy("im Pressebereich dieser Website, zum Herunterladen für Berichte in den Medien"),
}


def stored_facts() -> list[dict]:
    """The register's fields as (label, what it holds), in the order of the form."""
    choice_texts = {"form": _either(Form), "name_shown": _either(NameShown), PURPOSES: _either(Scope)}
    return [
        {
            "label": _("Zwecke") if name == PURPOSES else Consent._meta.get_field(name).verbose_name,
            "text": text or choice_texts[name],
        }
        for name, text in STORED
    ]


def scopes() -> list[dict]:
    """The purposes a consent can cover: the labels of `Scope`, each with where it is used."""
    return [{"label": scope.label, "use": SCOPE_USES[scope]} for scope in Scope]


def proof_period() -> str:
    years = settings.CONSENT_PROOF_YEARS
    return ngettext("%(years)d Jahr", "%(years)d Jahre", years) % {"years": years}


class PrivacyView(TemplateView):
    template_name = "consent/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            stored=stored_facts(),
            scopes=scopes(),
            scope_web=Scope.WEB.label,
            scope_press=Scope.PRESS.label,
            proof_period=proof_period(),
            central_editors=CENTRAL_EDITORS,
            breadcrumb=[
                {"label": _("Datenschutz"), "url": reverse("campaign:privacy")},
                {"label": _("Personen in unseren Geschichten"), "url": ""},
            ],
        )
        return context
