"""The second factor: who must have one, checking a code, recovery codes, the QR code.

A code of digits is checked against the user's authenticator app (TOTP), anything else against the
recovery codes (each works once). django-otp throttles both: every wrong code doubles the wait
before the next one is checked.
"""

import io
import secrets
from base64 import b32encode

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

# Who must have one is decided on the ground floor: the public site's previews ask it too.
from shared.roles import second_factor_required  # noqa: F401 - accounts/sites.py, accounts/views.py

RECOVERY_CODE_COUNT = 10
# Recovery codes: 10 characters of a-z and 2-9 without look-alikes, always with a letter, so
# that a code of digits is never taken for one.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"
APP_DEVICE_NAME = "Authenticator-App"


def has_second_factor(user) -> bool:
    return user_has_device(user, confirmed=True)


def normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def verify_code(user, code: str):
    """The device that accepts `code` (and uses it up), or None."""
    code = normalise(code)
    if not code:
        return None
    wants_app = code.isdigit()
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, TOTPDevice) == wants_app and device.verify_token(code):
                return device
    return None


def throttled(user) -> bool:
    """True while django-otp makes the user wait after wrong codes (then even a right one is refused)."""
    return any(not device.verify_is_allowed()[0] for device in devices_for_user(user, confirmed=True))


def pending_app(user) -> TOTPDevice:
    """The authenticator app being set up (unconfirmed until a code from it was typed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> bytes:
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(out, kind="svg", scale=5, border=2, title="QR-Code")
    return out.getvalue()


def readable_key(device: TOTPDevice) -> str:
    """The secret as the base32 text an app accepts when typed, in groups of four."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _recovery_code() -> str:
    while True:
        code = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
        if not code.isdigit():
            return code


@transaction.atomic
def confirm_app(user, device: TOTPDevice) -> list[str]:
    """Make `device` the user's only app and give them new recovery codes (returned once)."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes
