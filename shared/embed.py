"""Pages made to be framed by other sites (the story cards for the Kommunen's own websites).

Every other page forbids framing twice (X-Frame-Options DENY, CSP frame-ancestors 'none').
`embeddable` lifts both for one view and gives it a policy of its own that is stricter than the
site's in everything else: nothing but our own stylesheet, fonts and images, no script at all,
no form, no base. The framing sites come from settings.EMBED_FRAME_ANCESTORS (any by default).

An embed page sets no cookie and needs no nonce, so the page cache keeps it with these headers.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.csp import CSP


def embed_policy() -> dict[str, list[str] | bool]:
    """The Content-Security-Policy of an embed page (read at response time: tests change settings)."""
    policy: dict[str, list[str] | bool] = {
        "default-src": [CSP.NONE],
        "style-src": [CSP.SELF],
        "img-src": [CSP.SELF],
        "font-src": [CSP.SELF],
        "base-uri": [CSP.NONE],
        "form-action": [CSP.NONE],
        "frame-ancestors": list(getattr(settings, "EMBED_FRAME_ANCESTORS", ["*"])) or [CSP.NONE],
    }
    if settings.SECURE_CSP.get("upgrade-insecure-requests"):
        policy["upgrade-insecure-requests"] = True
    return policy


def embeddable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let other sites frame this view's page (see the module's docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response.xframe_options_exempt = True  # what django's xframe_options_exempt sets
        response._csp_config = embed_policy()  # what django's csp_override sets
        return response

    return wrapped
