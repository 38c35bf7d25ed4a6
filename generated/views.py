"""Serving a generated product from storage. The request never makes it: until a worker has
made the first version the answer is 503 with Retry-After and a short page."""

from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from generated.makers import current

RETRY_AFTER_SECONDS = 30


def serve(request: HttpRequest, key: str, filename: str, content_type: str = "application/pdf") -> HttpResponse:
    """The stored file with ETag and Last-Modified, 304 when the browser has this version."""
    stored = current(key)
    if stored is None:
        response = render(request, "generated/not_ready.html", status=503)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        patch_cache_control(response, no_store=True)
        return response
    etag = quote_etag(stored.digest)
    last_modified = int(stored.made_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        # A few hundred KB: read whole, so that the response has a body like any page.
        with default_storage.open(stored.path, "rb") as file:
            response = HttpResponse(file.read(), content_type=content_type)
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    # Browsers and proxies may keep the file but must ask again: an edit shows at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response
