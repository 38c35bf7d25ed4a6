import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import editor

PASSWORD = "ein-langes-testpasswort"  # tests/factories.py


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def with_second_factor(user, recovery=("abcdefgh23",)) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Wiederherstellungscodes", confirmed=True)
    for code in recovery:
        StaticToken.objects.create(device=static, token=code)
    return device


@pytest.fixture
def central(db):
    return editor(CENTRAL_EDITORS, username="zentrale")


@pytest.fixture
def kommune_editor(db):
    return editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
