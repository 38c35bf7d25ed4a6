from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from editorial import preview


def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The draft behind a signed link, rendered by its own public view."""
    try:
        label, pk = preview.unsign(token)
    except signing.SignatureExpired:
        response = render(request, "editorial/preview_expired.html", status=410)
        add_never_cache_headers(response)
        return response
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise Http404 from exc
    obj = preview.target(label, pk)
    if obj is None or not hasattr(obj, "get_absolute_url"):
        raise Http404
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
