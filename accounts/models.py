"""The accounts' own rows: the counters of the password-reset limit and the log of second factors
reset by the central team. Failed logins and lockouts are django-axes' (AccessAttempt, AccessLog),
the second factors django-otp's (TOTPDevice, StaticDevice with the recovery codes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResetThrottle(models.Model):
    """How many password-reset mails one client address, or one typed e-mail address, asked for
    in the current window (accounts/password_reset.py). In the database, so that the limit holds
    across every app server; the address is kept only as a keyed hash and only for the window."""

    key = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Zähler für „Passwort vergessen“")
        verbose_name_plural = _("Zähler für „Passwort vergessen“")

    def __str__(self) -> str:
        return f"{self.key[:8]}… ({self.count})"


class SecondFactorReset(models.Model):
    """Who reset whose second factor, and when (accounts/second_factor_reset.py). Written by the
    code only, never changed; the usernames are kept when an account is deleted later."""

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    by_username = models.CharField(_("Zurückgesetzt von"), max_length=150)
    username = models.CharField(_("Benutzerkonto"), max_length=150, db_index=True)

    class Meta:
        verbose_name = _("Zurückgesetzte Zwei-Faktor-Anmeldung")
        verbose_name_plural = _("Zurückgesetzte Zwei-Faktor-Anmeldungen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.username} ({self.by_username})"
