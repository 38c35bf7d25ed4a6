from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from editorial import preview


def gone(request: HttpRequest, ended: bool) -> HttpResponse:
    """410 with the German page: the link has expired, or what it showed is no longer shown (the
    page says which, never why: the holder of a link is no editor)."""
    response = render(request, "editorial/preview_expired.html", {"ended": ended}, status=410)
    add_never_cache_headers(response)
    return response


def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The draft behind a signed link, rendered by its own public view."""
    try:
        label, pk = preview.unsign(token)
    except signing.SignatureExpired:
        return gone(request, ended=False)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise Http404 from exc
    obj = preview.target(label, pk)
    if obj is None or not hasattr(obj, "get_absolute_url"):
        raise Http404
    if preview.refusal(obj):
        # Archived, or a story whose consent ended: the link dies with the right to be shown.
        return gone(request, ended=True)
    try:
        match = resolve(obj.get_absolute_url())
    except Resolver404 as exc:
        raise Http404 from exc
    request.preview_grant = (label, str(obj.pk))
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render") and callable(response.render):
        response = response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    # Same-origin only: its pictures load with the link as Referer (editorial.preview.grant_from_referer);
    # other hosts never learn the link.
    response["Referrer-Policy"] = "same-origin"
    return response
