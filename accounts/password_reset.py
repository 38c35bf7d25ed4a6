"""„Passwort vergessen?“: a new password by e-mail for editors, with Django's PasswordResetView
family in the look of the admin's login (templates/accounts/password_reset_*.html).

- Only active staff accounts with a usable password get a mail. Every address gets the same
  answer after the same time (ANSWER_SECONDS): the form tells nobody whether an address has an
  account, neither by its words nor by how long it takes.
- Limited per typed e-mail address and per client address (shared/addresses.py) in a window of
  an hour, counted in the database (ResetThrottle) so that the limit holds across app servers and
  without Redis; over the limit a German 429 with Retry-After. Unknown addresses count the same.
- The link is absolute, on the site's own address (DJANGO_SITE_URL, settings.SITE_URL), never on
  the request's Host header (host header poisoning: a forged Host that ALLOWED_HOSTS lets through
  still gets no link of its own).
- The link works for PASSWORD_RESET_TIMEOUT (an hour) and once: Django's token covers the password
  hash, which the new password changes. It works only while the account is active staff.
- Afterwards nobody is signed in: the login asks for the new password and then the second factor,
  and django-axes' lockout still applies (the reset neither authenticates nor lifts a lock).
"""

import logging
import math
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.db.models import F
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from accounts.models import ResetThrottle
from shared.addresses import client_address

log = logging.getLogger("accounts.login")

# Every POST of the form is answered after at least this long, mail or no mail. Sending is quick
# when mail goes through the task queue; an SMTP server answering slower than this would show.
ANSWER_SECONDS = 0.5
WINDOW = timedelta(hours=1)
MAILS_PER_EMAIL = 3
REQUESTS_PER_CLIENT = 10


def _key(kind: str, value: str) -> str:
    return salted_hmac(f"accounts.password-reset.{kind}", value, algorithm="sha256").hexdigest()


def _take_turn(key: str, limit: int, now) -> timedelta | None:
    """Count one request under `key`; None when allowed, else the time left in the window."""
    row, created = ResetThrottle.objects.get_or_create(key=key, defaults={"window_start": now, "count": 1})
    if created:
        return None
    # One conditional UPDATE: simultaneous requests cannot pass the limit together.
    if ResetThrottle.objects.filter(pk=row.pk, count__lt=limit).update(count=F("count") + 1):
        return None
    return row.window_start + WINDOW - now


def wait_before_next(request, email: str) -> timedelta | None:
    """None when this client may ask for a mail to `email` now, else how long it has to wait."""
    now = timezone.now()
    ResetThrottle.objects.filter(window_start__lte=now - WINDOW).delete()
    wait = _take_turn(_key("client", client_address(request) or ""), REQUESTS_PER_CLIENT, now)
    if wait is None:
        wait = _take_turn(_key("email", email.strip().casefold()), MAILS_PER_EMAIL, now)
    return wait


class ResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def get_users(self, email):
        """Django's rule (active, usable password, the same address) for editors only."""
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        log.info("password reset mail sent: username=%r", context["user"].get_username())
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class AdminLook:
    """The admin's header and titles on the pages of an anonymous visitor."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


@method_decorator(never_cache, name="dispatch")
class RequestView(AdminLook, auth_views.PasswordResetView):
    form_class = ResetForm
    template_name = "accounts/password_reset_form.html"
    subject_template_name = "accounts/password_reset_subject.txt"
    email_template_name = "accounts/password_reset_email.txt"
    success_url = reverse_lazy("admin:password_reset_done")
    title = _("Passwort vergessen")

    def post(self, request, *args, **kwargs):
        started = time.monotonic()
        try:
            return super().post(request, *args, **kwargs)
        finally:
            time.sleep(max(0.0, ANSWER_SECONDS - (time.monotonic() - started)))

    def form_valid(self, form):
        wait = wait_before_next(self.request, form.cleaned_data["email"])
        if wait is not None:
            log.warning("password reset refused, too many requests: address=%s", client_address(self.request))
            context = {**self.get_context_data(form=form), "title": _("Zu viele Anfragen")}
            response = TemplateResponse(self.request, "accounts/password_reset_throttled.html", context, status=429)
            response["Retry-After"] = str(max(1, math.ceil(wait.total_seconds())))
            return response
        base = settings.SITE_URL  # without a trailing slash (config/settings.py)
        log.info("password reset asked: address=%s", client_address(self.request))
        form.save(
            domain_override=urlsplit(base).netloc,
            subject_template_name=self.subject_template_name,
            email_template_name=self.email_template_name,
            token_generator=self.token_generator,
            request=self.request,
            extra_email_context={"site_url": base, "site_name": settings.SITE_NAME},
        )
        return super(auth_views.PasswordResetView, self).form_valid(form)


class DoneView(AdminLook, auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"
    title = _("E-Mail unterwegs")


class ConfirmView(AdminLook, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("admin:password_reset_complete")
    title = _("Neues Passwort festlegen")
    post_reset_login = False  # the login asks for the password and the second factor, as always

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active and user.is_staff else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["validlink"]:
            context["title"] = _("Link ungültig")
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        log.info(
            "password reset by mail: username=%r address=%s", self.user.get_username(), client_address(self.request)
        )
        return response


class CompleteView(AdminLook, auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    title = _("Neues Passwort gespeichert")
