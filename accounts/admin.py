"""The admins of django-axes and django-otp, registered again on the site's guarded change list
(shared.admin.ChangeListGuard, like every admin of the site).

- Locked logins (axes' AccessAttempt): the central team sees them and unlocks an account+address
  pair by deleting its row (rights from accounts/migrations/0001_login_defence_rights.py).
- Second factors (django-otp's devices): administrators only; deleting a user's devices resets
  their second factor (they set it up again after the password step).
- Reset second factors (SecondFactorReset): the log of the central team's resets, read-only.
"""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin, StaticTokenInline
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecondFactorReset
from shared.admin import ChangeListGuard, LabelledTabularInline, LogAdmin, ModelAdmin

# A date filter without the date hierarchy lets `?created_at__year=99999999999` through to the
# query (a 500, tests/shared/test_admin_filters.py): each date is filtered by the hierarchy only.
DEVICE_LISTS = {"date_hierarchy": "created_at", "list_filter": ["confirmed"]}


class RecoveryCodeInline(LabelledTabularInline, StaticTokenInline):
    """The codes of a recovery-code device, each input named after its column and row (axe)."""


for model, model_admin, changes in [
    (AccessAttempt, AccessAttemptAdmin, {}),
    (AccessLog, AccessLogAdmin, {"list_filter": ["attempt_time", "path_info"]}),
    (AccessFailureLog, AccessFailureLogAdmin, {}),
    (TOTPDevice, TOTPDeviceAdmin, DEVICE_LISTS),
    (StaticDevice, StaticDeviceAdmin, {**DEVICE_LISTS, "inlines": [RecoveryCodeInline]}),
]:
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, type(model_admin.__name__, (ChangeListGuard, model_admin), dict(changes)))


@admin.register(SecondFactorReset)
class SecondFactorResetAdmin(LogAdmin, ModelAdmin):
    """Who reset whose second factor, and when (accounts/second_factor_reset.py): read-only, for the
    central team (accounts/migrations/0003_second_factor_log_rights.py) and administrators."""

    list_display = ["created_at", "username", "by_username"]
    search_fields = ["username", "by_username"]
    # Dates through the hierarchy only (see DEVICE_LISTS above).
    date_hierarchy = "created_at"
