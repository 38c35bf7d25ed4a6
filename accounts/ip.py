"""The client's address for the login defence and the login log (AXES_CLIENT_IP_CALLABLE).

Without a proxy (DJANGO_TRUSTED_PROXY_COUNT=0) it is REMOTE_ADDR. Behind N trusted proxies each
appends the address it saw to X-Forwarded-For, so the N-th entry from the right is the one the
first proxy saw: the client. Entries further left come from the client and are ignored (they
could be forged). django-ipware's proxy_count answers None for a one-entry header, which would
put every client under one lock: hence this small function instead.
"""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def _valid(value: str) -> str | None:
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
        if len(forwarded) >= count:
            client = _valid(forwarded[-count])
            if client:
                return client
    return _valid(remote) if remote else None
