from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.twofactor import normalise, verify_code


class CodeForm(forms.Form):
    """One code: from the authenticator app, or (at login) one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )
    error_messages = {
        "wrong": _("Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein."),
    }

    def __init__(self, *args, check, **kwargs):
        """`check(code)` returns the device that accepts the code, or None."""
        super().__init__(*args, **kwargs)
        self.check = check
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = self.check(code)
        if self.device is None:
            raise forms.ValidationError(self.error_messages["wrong"], code="wrong")
        return code


def login_code_form(user, data=None) -> CodeForm:
    return CodeForm(data, check=lambda code: verify_code(user, code))


def setup_code_form(device, data=None) -> CodeForm:
    form = CodeForm(
        data, check=lambda code: device if normalise(code).isdigit() and device.verify_token(normalise(code)) else None
    )
    form.fields["code"].help_text = _("Die sechs Ziffern, die Ihre App gerade anzeigt.")
    form.fields["code"].widget.attrs["inputmode"] = "numeric"
    return form
