"""Every login, failed or successful, is logged (logger `accounts.login`) with the username and the
client's address as django-axes sees it (DJANGO_TRUSTED_PROXY_COUNT); never with the password."""

import logging

from axes.helpers import get_client_ip_address
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

log = logging.getLogger("accounts.login")


def client_address(request) -> str:
    return (get_client_ip_address(request) if request is not None else None) or "-"


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    log.warning(
        "login failed: username=%r address=%s", str(credentials.get("username", ""))[:150], client_address(request)
    )


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    log.info("login succeeded: username=%r address=%s", user.get_username(), client_address(request))
