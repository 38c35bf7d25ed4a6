"""The address a request came from, also behind TLS proxies.

`settings.TRUSTED_PROXY_COUNT` (DJANGO_TRUSTED_PROXY_COUNT) is how many proxies of our own
stand in front of the app servers. Each appends the address it saw to X-Forwarded-For, so the
visitor's address is the one that many entries from the right; anything further left was
written by the client and cannot be trusted. 0 (no proxy): REMOTE_ADDR.
"""

from django.conf import settings


def client_address(request) -> str:
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return forwarded[0] if forwarded else remote
    return forwarded[-proxies]
