"""The site's admin (`admin.site`, installed by accounts.apps.AdminConfig): Django's AdminSite with
the login in two steps (accounts/views.py) and, with DJANGO_REQUIRE_2FA=true, no way into the
admin for the central team and administrators without a confirmed second factor."""

from functools import update_wrapper

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import LoginView, redirect_to_login
from django.contrib.contenttypes import views as contenttype_views
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from accounts import password_reset, rows, second_factor_reset, views
from accounts.twofactor import has_second_factor, second_factor_required

# Views a user who still lacks the required second factor may open.
WITHOUT_SECOND_FACTOR = {"logout", "two_factor_setup", "two_factor_qr"}


class AdminSite(admin.AdminSite):
    def get_urls(self):
        return [
            path("login/code/", views.code_step, name="login_code"),
            path("zwei-faktor/", self.admin_view(views.two_factor_setup), name="two_factor_setup"),
            path("zwei-faktor/qr.svg", self.admin_view(views.two_factor_qr), name="two_factor_qr"),
            # A lost phone: the central team resets another account's second factor.
            path(
                "zwei-faktor/zuruecksetzen/", self.admin_view(second_factor_reset.account_list), name="two_factor_reset"
            ),
            path(
                "zwei-faktor/zuruecksetzen/<int:user_id>/",
                self.admin_view(second_factor_reset.confirm),
                name="two_factor_reset_confirm",
            ),
            # „Passwort vergessen?“ (accounts/password_reset.py): for visitors who are not signed in.
            path("passwort-vergessen/", password_reset.RequestView.as_view(), name="password_reset"),
            path("passwort-vergessen/gesendet/", password_reset.DoneView.as_view(), name="password_reset_done"),
            path("passwort-neu/fertig/", password_reset.CompleteView.as_view(), name="password_reset_complete"),
            path("passwort-neu/<uidb64>/<token>/", password_reset.ConfirmView.as_view(), name="password_reset_confirm"),
            # „Auf der Website anzeigen“ in place of Django's, which answered for any row.
            path(
                "r/<path:content_type_id>/<path:object_id>/", self.admin_view(self.object_on_site), name="view_on_site"
            ),
            *(pattern for pattern in super().get_urls() if getattr(pattern, "name", None) != "view_on_site"),
        ]

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)
        if getattr(view, "__name__", "") in WITHOUT_SECOND_FACTOR:
            return inner

        def guarded(request, *args, **kwargs):
            user = request.user
            if self.has_permission(request) and second_factor_required(user) and not user.is_verified():
                if has_second_factor(user):
                    # Signed in without the code (a session from before): sign in again, with it.
                    auth_logout(request)
                    return redirect_to_login(request.get_full_path(), reverse("admin:login", current_app=self.name))
                return HttpResponseRedirect(reverse("admin:two_factor_setup", current_app=self.name))
            if self.has_permission(request):
                # A view of one row: 404 alike for another Kommune's row and a missing id (accounts/rows.py).
                rows.check(view, request, args, kwargs)
            return inner(request, *args, **kwargs)

        # Keeps what Django's wrapper set on its view (name, admin_site) on the outer one.
        return update_wrapper(guarded, inner)

    def object_on_site(self, request, content_type_id, object_id):
        """Django's redirect to a row's page on the site, for a row this user may view in the admin;
        any other row answers the 404 of a missing one (accounts/rows.py)."""
        rows.on_site(self, request, content_type_id, object_id)
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def login(self, request, extra_context=None):
        """Django's AdminSite.login (6.1) with PasswordStepView in place of LoginView."""
        redirect_url = LoginView().get_redirect_url(request) or reverse("admin:index", current_app=self.name)
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(redirect_url)
        context = {
            **self.each_context(request),
            "title": _("Anmelden"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
            REDIRECT_FIELD_NAME: redirect_url,
            **(extra_context or {}),
        }
        from django.contrib.admin.forms import AdminAuthenticationForm

        request.current_app = self.name
        return views.PasswordStepView.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)
