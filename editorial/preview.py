"""Signed, expiring preview links: an editor shares a draft with a reviewer who has no account.

The link carries the content type and the row's key, signed with the site's SECRET_KEY, and
expires after PREVIEW_LINK_DAYS (default 7). The preview shows the row in the real page layout
with the preview banner; it is never indexed, never cached and reveals no other draft.

A link also dies with the row's right to be shown (`refusal`: the model's `preview_refusal()`,
e.g. archived, or a story whose consent was withdrawn or has expired): the page answers 410,
its files no longer load through it, and the admin offers no new link.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import Resolver404, resolve, reverse

SALT = "editorial.preview"


def valid_days() -> int:
    return settings.PREVIEW_LINK_DAYS


def token_for(obj: models.Model) -> str:
    return signing.dumps([obj._meta.label_lower, str(obj.pk)], salt=SALT, compress=True)


def link_for(obj: models.Model, base_url: str = "") -> str:
    path = reverse("editorial:preview", args=[token_for(obj)])
    return base_url.rstrip("/") + path if base_url else path


def unsign(token: str) -> tuple[str, str]:
    """(label, pk) of a valid link. Raises signing.SignatureExpired or signing.BadSignature."""
    label, pk = signing.loads(token, salt=SALT, max_age=timedelta(days=valid_days()))
    return label, pk


def target(label: str, pk: str) -> models.Model | None:
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    try:
        return model._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError):
        return None


def refusal(obj: models.Model) -> str:
    """Why `obj` may no longer be shown through a preview link ("" while it may)."""
    hook = getattr(obj, "preview_refusal", None)
    return hook() if hook is not None else ""


def grant_from_referer(request) -> tuple[str, str] | None:
    """(label, pk) when the request comes from a valid preview page of this site: the pictures and
    videos of the previewed draft load for the link's holder (mediafiles/access.py)."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if not referer.path or referer.netloc != request.get_host():
        return None
    try:
        match = resolve(referer.path)
    except Resolver404:
        return None
    if match.view_name != "editorial:preview":
        return None
    try:
        label, pk = unsign(match.kwargs["token"])
    except (signing.BadSignature, ValueError, TypeError):
        return None
    obj = target(label, pk)
    if obj is None or refusal(obj):
        return None
    return label, pk
