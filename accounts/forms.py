from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.twofactor import normalise, throttled, verify_code


class CodeForm(forms.Form):
    """One code: from the authenticator app, or (at login) one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )
    error_messages = {
        "wrong": _("Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein."),
        "throttled": _(
            "Der Code ist falsch oder abgelaufen. Nach mehreren falschen Codes müssen Sie vor dem nächsten "
            "Versuch etwas warten; danach geben Sie bitte den aktuellen Code ein."
        ),
    }

    def __init__(self, *args, check, is_throttled=lambda: False, **kwargs):
        """`check(code)` returns the device that accepts the code, or None."""
        super().__init__(*args, **kwargs)
        self.check = check
        self.is_throttled = is_throttled
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device = self.check(code)
        if self.device is None:
            reason = "throttled" if self.is_throttled() else "wrong"
            raise forms.ValidationError(self.error_messages[reason], code=reason)
        return code


def login_code_form(user, data=None) -> CodeForm:
    return CodeForm(data, check=lambda code: verify_code(user, code), is_throttled=lambda: throttled(user))


def setup_code_form(device, data=None) -> CodeForm:
    form = CodeForm(
        data, check=lambda code: device if normalise(code).isdigit() and device.verify_token(normalise(code)) else None
    )
    form.fields["code"].help_text = _("Die sechs Ziffern, die Ihre App gerade anzeigt.")
    form.fields["code"].widget.attrs["inputmode"] = "numeric"
    return form
