from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import apps as otp_static_apps
from django_otp.plugins.otp_totp import apps as otp_totp_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Anmeldung und Konten")

    def ready(self):
        from accounts import signals  # noqa: F401  (login logging)


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site (accounts.sites.AdminSite) as `admin.site`, so that every app keeps
    registering its models on `admin.site` and gets the login defence and the second factor."""

    default = False
    default_site = "accounts.sites.AdminSite"


# django-otp's apps under German names in the admin (their models' names are not translatable).
class TOTPConfig(otp_totp_apps.DefaultConfig):
    default = False
    verbose_name = _("Zwei-Faktor: Authenticator-Apps")


class RecoveryCodesConfig(otp_static_apps.DefaultConfig):
    default = False
    verbose_name = _("Zwei-Faktor: Wiederherstellungscodes")
