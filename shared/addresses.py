"""The address a request came from, also behind TLS proxies: one rule for the login defence
(django-axes' AXES_CLIENT_IP_CALLABLE), the login log and the limit of the barrier form.

Without a proxy (DJANGO_TRUSTED_PROXY_COUNT=0) it is REMOTE_ADDR. Behind N trusted proxies each
appends the address it saw to X-Forwarded-For, so the N-th entry from the right is the one the
first proxy saw: the client. Entries further left come from the client and are ignored (they
could be forged). django-ipware's proxy_count answers None for a one-entry header, which would
put every client under one lock: hence this small function instead.
"""

from ipaddress import ip_address

from django.conf import settings


def _valid(value: str) -> str | None:
    try:
        return str(ip_address(value.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's address, or None when the request names no valid one."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [item for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
        if len(forwarded) >= count:
            client = _valid(forwarded[-count])
            if client:
                return client
    return _valid(remote) if remote else None
