"""A lost phone: the central team resets another editor's second factor in the admin
(/admin/zwei-faktor/zuruecksetzen/), after a confirmation page.

All the account's django-otp devices (app and recovery codes) are deleted; at the next login the
password is enough, and where a second factor is required (DJANGO_REQUIRE_2FA) the admin sends
the user to set it up again (accounts/sites.py). Each reset is written to SecondFactorReset (who,
whom, when; the central team reads it in the admin) and to the logger `accounts.login` with the
client's address.

Who may reset whom: the central team and administrators (shared.roles.is_central); a Kommune
editor gets 403 like any admin page without the right. Never one's own factor (that is replaced on
the setup page), only staff accounts that have one, and an administrator's only by an
administrator: for anyone else such an account answers 404, like a missing one.
"""

import logging

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecondFactorReset
from shared.addresses import client_address
from shared.roles import is_central

log = logging.getLogger("accounts.login")


def resettable(user):
    """The accounts whose second factor `user` may reset."""
    with_factor = Q(pk__in=TOTPDevice.objects.filter(confirmed=True).values("user")) | Q(
        pk__in=StaticDevice.objects.filter(confirmed=True).values("user")
    )
    accounts = get_user_model()._default_manager.filter(with_factor, is_staff=True).exclude(pk=user.pk)
    if not user.is_superuser:
        accounts = accounts.filter(is_superuser=False)
    return accounts.order_by("username")


def _allowed(request: HttpRequest) -> None:
    if not is_central(request.user):
        raise PermissionDenied


@transaction.atomic
def reset_second_factor(request: HttpRequest, account) -> None:
    for device in devices_for_user(account, confirmed=None):
        device.delete()
    SecondFactorReset.objects.create(by_username=request.user.get_username(), username=account.get_username())
    log.warning(
        "second factor reset: by=%r username=%r address=%s",
        request.user.get_username(),
        account.get_username(),
        client_address(request) or "-",
    )


def _context(request: HttpRequest, title: str, **extra) -> dict:
    return {**admin.site.each_context(request), "title": title, "subtitle": None, **extra}


def account_list(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    context = _context(
        request,
        _("Zwei-Faktor-Anmeldung zurücksetzen"),
        accounts=resettable(request.user),
        may_read_log=request.user.has_perm("accounts.view_secondfactorreset"),
    )
    return TemplateResponse(request, "accounts/two_factor_reset_list.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, user_id: int) -> HttpResponse:
    _allowed(request)
    account = get_object_or_404(resettable(request.user), pk=user_id)
    if request.method == "POST":
        reset_second_factor(request, account)
        messages.success(
            request,
            _(
                "Die Zwei-Faktor-Anmeldung von „%(username)s“ ist zurückgesetzt. Bei der nächsten Anmeldung "
                "genügt das Passwort; wo sie vorgeschrieben ist, richtet das Konto sie danach neu ein."
            )
            % {"username": account.get_username()},
        )
        return HttpResponseRedirect(reverse("admin:two_factor_reset"))
    context = _context(request, _("Zwei-Faktor-Anmeldung zurücksetzen?"), account=account)
    return TemplateResponse(request, "accounts/two_factor_reset_confirm.html", context)
