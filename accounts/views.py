"""The admin's login in two steps, the lockout page, and the second-factor setup.

Step 1 is Django's password form (django-axes counts its failures). A user with a confirmed
second factor is not logged in yet: the session remembers them for a few minutes, and step 2
asks for a code from the app or a recovery code. Only then does Django's `login()` run.
"""

import logging
import time

import django_otp
from axes.helpers import get_client_username, get_cool_off
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from accounts.forms import login_code_form, setup_code_form
from accounts.signals import client_address
from accounts.twofactor import confirm_app, has_second_factor, pending_app, qr_svg, readable_key, second_factor_required
from shared.roles import is_central

log = logging.getLogger("accounts.login")

PENDING = "accounts_pending_login"
# How long the code step waits after the password was accepted.
PENDING_SECONDS = 300


def lockout(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked account+address pair (AXES_LOCKOUT_CALLABLE): HTTP 429."""
    username = get_client_username(request, credentials) or ""
    log.warning("login locked out: username=%r address=%s", username[:150], client_address(request))
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Anmeldung vorübergehend gesperrt"),
        "username": username,
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return TemplateResponse(request, "accounts/lockout.html", context, status=429).render()


class PasswordStepView(LoginView):
    """Django's LoginView; a user with a second factor goes on to the code step instead."""

    def form_valid(self, form):
        user = form.get_user()
        if not has_second_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "since": time.time(),
        }
        log.info(
            "password accepted, code asked: username=%r address=%s", user.get_username(), client_address(self.request)
        )
        return HttpResponseRedirect(reverse("admin:login_code"))


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending.get("since", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    return user, pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def code_step(request: HttpRequest) -> HttpResponse:
    user, pending = _pending_user(request)
    if user is None:
        return redirect("admin:login")
    form = login_code_form(user, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            del request.session[PENDING]
            auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, form.device)
            target = pending["next"]
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = reverse("admin:index")
            return HttpResponseRedirect(target)
        log.warning("code refused: username=%r address=%s", user.get_username(), client_address(request))
    context = {
        **admin.site.each_context(request),
        "title": _("Anmeldung bestätigen"),
        "subtitle": None,
        "form": form,
        "username": user.get_username(),
    }
    return TemplateResponse(request, "accounts/login_code.html", context)


@sensitive_post_parameters("code")
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator app: scan, type a code to confirm, read the recovery codes once."""
    device = pending_app(request.user)
    form = setup_code_form(device, request.POST if request.method == "POST" else None)
    context = {
        **admin.site.each_context(request),
        "title": _("Zwei-Faktor-Anmeldung einrichten"),
        "subtitle": None,
        "has_second_factor": has_second_factor(request.user),
        "required": second_factor_required(request.user) and not request.user.is_verified(),
        "secret": readable_key(device),
        "may_reset_others": is_central(request.user),
    }
    if request.method == "POST" and form.is_valid():
        codes = confirm_app(request.user, device)
        django_otp.login(request, device)
        log.info("second factor set up: username=%r address=%s", request.user.get_username(), client_address(request))
        context.update(title=_("Ihre Wiederherstellungscodes"), codes=codes)
        return TemplateResponse(request, "accounts/recovery_codes.html", context)
    context["form"] = form
    return TemplateResponse(request, "accounts/two_factor_setup.html", context)


def two_factor_qr(request: HttpRequest) -> HttpResponse:
    """The QR code of the app being set up, as an SVG image (an image URL: no inline content for the CSP)."""
    # Not cached anywhere: admin_view adds never_cache (no-store).
    return HttpResponse(qr_svg(pending_app(request.user)), content_type="image/svg+xml")
