"""Serve uploaded media from MEDIA_ROOT, with HTTP Range requests so that video can seek.

Neither django.views.static.serve nor FileResponse answers Range (they send the whole
file with 200), and the Django packages that did are unmaintained. This view is small
and meant for a small production site run by gunicorn alone: it answers GET and HEAD,
single byte ranges (206), unsatisfiable ranges (416), conditional requests (ETag,
Last-Modified, If-Range) and refuses paths outside MEDIA_ROOT. A larger site sets
DJANGO_SERVE_MEDIA=false and lets a web server or object storage serve /media/
(see README.md).
"""

import mimetypes
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string
from django.views.decorators.http import require_safe

CHUNK_SIZE = 64 * 1024
YEAR = 365 * 24 * 3600
SHARED_CACHE_SECONDS = 300
# A stored name of 32 hex digits (mediafiles.uploads.random_name), or a rendition below it
# (CACHE/images/<folder>/<32 hex digits>/<hash of the spec>.avif).
RANDOM_NAME = re.compile(r"(^|/)[0-9a-f]{32}(\.[a-z0-9]{1,8})?(/[0-9a-f]+\.[a-z0-9]{1,8})?$")
# What the access check (settings.MEDIA_ACCESS_CHECK) answers; anything else is "hidden" (404).
PUBLIC, PRIVATE = "public", "private"
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Media a browser may show inline; anything else is offered as a download.
INLINE_TYPES = ("image/", "video/", "audio/", "text/vtt", "application/pdf")
# An SVG is a document that can run script when opened from our origin: always a download.
ATTACHMENT_TYPES = ("image/svg+xml",)

mimetypes.add_type("text/vtt", ".vtt")
mimetypes.add_type("video/webm", ".webm")
mimetypes.add_type("image/avif", ".avif")
mimetypes.add_type("image/webp", ".webp")


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """Return (first, last) for a single satisfiable byte range, None for 'no usable range'.

    Raises ValueError for a syntactically valid range that cannot be satisfied.
    Several ranges in one header are answered with the whole file (allowed by RFC 9110).
    """
    match = RANGE_RE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # suffix range: the last N bytes
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        raise ValueError("range starts after the end of the file")
    end = int(last) if last else size - 1
    if start > end:
        return None
    return start, min(end, size - 1)


def _read_range(path: Path, start: int, length: int) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def _etag(st: os.stat_result) -> str:
    return f'"{st.st_mtime_ns:x}-{st.st_size:x}"'


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    if "\x00" in path:  # no file name holds a NUL byte; the OS calls would raise ValueError
        raise Http404
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception as exc:  # SuspiciousFileOperation: a path outside MEDIA_ROOT
        raise Http404 from exc
    try:
        st = full_path.stat()
    except (OSError, ValueError) as exc:  # missing, not a directory, no permission, name too long
        raise Http404 from exc
    if not stat.S_ISREG(st.st_mode) or full_path.name.startswith("."):
        raise Http404
    # Files of unpublished content stay hidden from visitors (settings.MEDIA_ACCESS_CHECK).
    # The check gets the normalised name ("a//b/./c.jpg" is "a/b/c.jpg", as stored in the database).
    name = Path(os.path.relpath(full_path, os.path.abspath(settings.MEDIA_ROOT))).as_posix()
    audience = import_string(settings.MEDIA_ACCESS_CHECK)(request, name) if settings.MEDIA_ACCESS_CHECK else PUBLIC
    if audience not in (PUBLIC, PRIVATE):
        raise Http404
    cache_control = cache_control_for(name, private=audience == PRIVATE)

    etag = _etag(st)
    last_modified = http_date(st.st_mtime)
    content_type, encoding = mimetypes.guess_type(full_path.name)
    content_type = content_type or "application/octet-stream"

    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        if etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*":
            return _with_headers(HttpResponseNotModified(), etag, last_modified, content_type, cache_control)
    else:
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if since is not None and int(st.st_mtime) <= since:
            return _with_headers(HttpResponseNotModified(), etag, last_modified, content_type, cache_control)

    size = st.st_size
    byte_range = None
    range_header = request.headers.get("Range")
    if range_header:
        if_range = request.headers.get("If-Range")
        if if_range is None or if_range.strip() in (etag, last_modified):
            try:
                byte_range = parse_range(range_header, size)
            except ValueError:
                response = HttpResponse(status=416)
                response["Content-Range"] = f"bytes */{size}"
                return _with_headers(response, etag, last_modified, content_type, cache_control)

    if byte_range is None:
        # FileResponse closes the file when the response is done (and uses sendfile).
        response = FileResponse(open(full_path, "rb"), content_type=content_type)  # noqa: SIM115
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        length = end - start + 1
        body = [] if request.method == "HEAD" else _read_range(full_path, start, length)
        response = StreamingHttpResponse(body, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(length)
    if encoding:
        response["Content-Encoding"] = encoding
    # FileResponse names the stored file in an "inline; filename=…" header, which browsers prefer
    # to a link's `download` name: files are stored under random names, so only a download
    # gets a header, and without a name (the press kit's link gives it a readable one).
    if not content_type.startswith(INLINE_TYPES) or content_type in ATTACHMENT_TYPES:
        response["Content-Disposition"] = "attachment"
    elif "Content-Disposition" in response:
        del response["Content-Disposition"]
    return _with_headers(response, etag, last_modified, content_type, cache_control)


def cache_control_for(name: str, private: bool = False) -> str:
    """How long browsers and caches may keep a file.

    A file under a random stored name (mediafiles.uploads.random_name) or an imagekit rendition of
    one never changes: a replaced upload gets a new name. Browsers keep it a year without asking
    again; shared caches (a CDN, a proxy) only briefly, so that a withdrawn story's photo (issue 9)
    stops being served everywhere within minutes. Any other name may be replaced in place:
    revalidate after an hour (cheap: 304). A file only an editor may see is never stored.
    """
    if private:
        return "private, no-store"
    if RANDOM_NAME.search(name):
        return f"public, max-age={YEAR}, s-maxage={SHARED_CACHE_SECONDS}, immutable"
    return "public, max-age=3600, must-revalidate"


def _with_headers(
    response: HttpResponse, etag: str, last_modified: str, content_type: str, cache_control: str
) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response
