"""Forms of the campaign app: the Jobcenter filter, the public "Barriere melden" form and the
CSV import of the Jobcenter contact data in the admin."""

import secrets
import time

from django import forms
from django.core import signing
from django.forms import BoundField
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from campaign.kommune_import import FIELD_COLUMNS
from campaign.models import BarrierReport, Land
from mediafiles.uploads import read_csv_text

# Spam protection without third-party services: a field people never see (bots fill it)
# and a signed token issued with the form: its time (bots post at once or replay old forms)
# and a random number that a stored report keeps, so each token sends one report only
# (campaign/report_guard.py; the view also limits reports per address).
STAMP_SALT = "campaign.barrier-report"
MIN_FILL_SECONDS = 3
MAX_FILL_SECONDS = 60 * 60
HONEYPOT_FIELD = "kontrollfeld"


def now() -> float:
    return time.time()


def make_form_token(issued_at: float | None = None, nonce: str | None = None) -> str:
    issued = int(issued_at if issued_at is not None else now())
    return signing.dumps([issued, nonce or secrets.token_hex(16)], salt=STAMP_SALT)


class KommuneImportForm(forms.Form):
    """The upload of the central team's CSV table (campaign/kommune_import.py reads the rows)."""

    file = forms.FileField(
        label=_("CSV-Datei"),
        help_text=format_lazy(
            _(
                "Erste Zeile: die Spaltennamen. Jede Zeile braucht „slug“ (oder „name“) der Kommune; dazu beliebige "
                "dieser Spalten: {columns}. Leere Zellen ändern nichts, der bisherige Wert bleibt. "
                "Zeichensatz UTF-8 (mit oder ohne BOM), Trennzeichen Semikolon oder Komma, höchstens 1 MB."
            ),
            columns=", ".join(FIELD_COLUMNS),
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.cleaned_data["text"] = read_csv_text(upload)
        return upload


class KommuneFilterForm(forms.Form):
    """GET form of /jobcenter/: filter by Land, search by name. Works without JavaScript."""

    land = forms.ChoiceField(label=_("Land"), required=False)
    q = forms.CharField(label=_("Name der Stadt oder des Kreises"), required=False, max_length=100)

    def __init__(self, *args, lands: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["land"].choices = [("", _("Alle Länder")), *lands]
        self.fields["land"].error_messages["invalid_choice"] = _(
            "Dieses Land gibt es in der Auswahl nicht. Es werden alle Länder gezeigt."
        )


class KernBoundField(BoundField):
    """Renders inputs with KERN's classes, marked as faulty when the field has an error."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        classes = ["kern-form-input__input"]
        if self.errors:
            classes.append("kern-form-input__input--error")
        attrs["class"] = " ".join([widget.attrs.get("class", ""), *classes]).strip()
        return attrs


class BarrierReportForm(forms.ModelForm):
    bound_field_class = KernBoundField
    kontrollfeld = forms.CharField(
        label=_("Dieses Feld bitte leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = BarrierReport
        fields = ["description", "location", "name", "email"]
        labels = {
            "description": _("Was ist nicht barrierefrei?"),
            "location": _("Wo ist die Barriere?"),
            "name": _("Ihr Name"),
            "email": _("Ihre E-Mail-Adresse"),
        }
        help_texts = {
            "description": _("Beschreiben Sie bitte, was Sie nicht nutzen konnten oder was Sie brauchen."),
            "location": _("Zum Beispiel die Adresse der Seite oder ihr Titel."),
            "email": _("Nur wenn Sie eine Antwort möchten."),
        }
        error_messages = {
            "description": {
                "required": _("Bitte beschreiben Sie die Barriere."),
                "max_length": _(
                    "Bitte fassen Sie sich kürzer: höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
                ),
            },
            "location": {
                "required": _("Bitte geben Sie an, wo die Barriere ist."),
                "max_length": _(
                    "Bitte fassen Sie sich kürzer: höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
                ),
            },
            "email": {"invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "Ihre Meldung konnte nicht gesendet werden. "
                    "Bitte lassen Sie das Feld „Dieses Feld bitte leer lassen“ leer."
                ),
                code="honeypot",
            )
        self.nonce = self._check_token(self.data.get("token", ""))
        return cleaned

    def _check_token(self, token: str) -> str:
        """The token's random number once its signature and age are right."""
        try:
            issued_at, nonce = signing.loads(token, salt=STAMP_SALT)
            if not isinstance(issued_at, int) or not isinstance(nonce, str) or len(nonce) != 32:
                raise ValueError(token)
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(
                _("Das Formular war ungültig. Bitte senden Sie es noch einmal ab – Ihre Eingaben sind erhalten."),
                code="bad_token",
            ) from None
        age = now() - issued_at
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das Formular wurde zu schnell abgeschickt. "
                    "Bitte prüfen Sie Ihre Angaben und senden Sie es noch einmal ab."
                ),
                code="too_fast",
            )
        if age > MAX_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das Formular war zu lange geöffnet. "
                    "Bitte senden Sie es noch einmal ab – Ihre Eingaben sind erhalten."
                ),
                code="too_old",
            )
        return nonce


def land_choices_with_counts(counts: dict[str, int]) -> list[tuple[str, str]]:
    return [(land.value, f"{land.label} ({counts[land.value]})") for land in Land if counts.get(land.value)]
