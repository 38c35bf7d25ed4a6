"""Decimal numbers in forms as German editors write them.

„50,8043“ and „50.8043“ mean the same number (a comma is German, a point is what a map or a
spreadsheet copies); „1.234,5“ is read with its thousands point, but a point alone is always the
decimal point („0.680“ is what focal-point.js or a map wrote). The field shows the German form
(„50,8043“) in a text input with `inputmode="decimal"` — not `type=number`, which drops a comma in
some browsers and shows its own English messages. More decimal places than the model keeps are
rounded (a coordinate pasted from a map has 15), too many places before the comma are refused with
the typed value in the message. Django's own localized DecimalField cannot do this: with thousands
separators on it reads „50.8043“ as 508043.

shared/admin.py puts this field into every admin form (NUMBER_FIELDS for decimal fields, and
mediafiles.images.FocalPointField for the focal point); tests/shared/test_numbers.py checks each.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A number with one decimal separator (comma or point), or German thousands points before a comma.
# Points alone are decimal points: „0.680“ is what a map, a spreadsheet or focal-point.js wrote.
PLAIN = re.compile(r"[+-]?(\d+[.,]?\d*|[.,]\d+)")
GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+,\d*")
# Spaces of any width (a thin space pasted from a document) and the typographic minus.
SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")


def parse_number(text: str) -> Decimal | None:
    """The number in `text` as a German or an English writer means it; None when it is none."""
    text = SPACES.sub("", text).replace("\u2212", "-")
    if GROUPED.fullmatch(text):
        text = text.replace(".", "")
    elif not PLAIN.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def german(value) -> str:
    """`value` (Decimal, float, int) written with a decimal comma, without exponent and without the
    trailing zeros of the stored places: 50,80434 (stored 50.804340), 0,5, 7."""
    text = format(Decimal(str(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


class DecimalNumberField(forms.DecimalField):
    """A decimal number typed with a comma or a point and shown with a comma (see the module).

    `decimal_places` (from the model field) is how many places are kept: more are rounded."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("„%(value)s“ ist keine Zahl. Bitte eine Zahl mit Komma oder Punkt eingeben, z. B. 0,5 oder 0.5."),
        "max_whole_digits": _(
            "„%(value)s“ hat zu viele Stellen vor dem Komma: höchstens %(max)s. "
            "Nachkommastellen bitte mit Komma oder Punkt abtrennen."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, (Decimal, float, int)):
            number = Decimal(str(value))
        else:
            number = parse_number(str(value))
            if number is None or not number.is_finite():
                raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value})
        if self.decimal_places is not None:
            number = number.quantize(Decimal(1).scaleb(-self.decimal_places), rounding=ROUND_HALF_UP)
        if self.max_digits is not None:
            whole_digits = self.max_digits - (self.decimal_places or 0)
            if len(str(abs(int(number)))) > whole_digits and int(number) != 0:
                raise ValidationError(
                    self.error_messages["max_whole_digits"],
                    code="max_whole_digits",
                    params={"value": value, "max": whole_digits},
                )
        return number

    def prepare_value(self, value):
        if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
            return german(value)
        return value  # what the editor typed, shown again as typed when the form is refused

    def has_changed(self, initial, data):
        try:
            new = self.to_python(data)
            old = self.to_python(initial)
        except ValidationError:
            return True
        return old != new

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
        return attrs
