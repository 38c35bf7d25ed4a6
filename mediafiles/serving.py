"""Serve uploaded media from MEDIA_ROOT, with HTTP Range requests so that video can seek.

Neither django.views.static.serve nor FileResponse answers Range (they send the whole
file with 200), and the Django packages that did are unmaintained. This module answers GET and
HEAD, single byte ranges (206), unsatisfiable ranges (416), conditional requests (ETag,
Last-Modified, If-Range) and refuses paths outside MEDIA_ROOT.

Two ways in, one answer (`respond`): the view `serve_media` (routed by mediafiles/urls.py), which
asks the request-dependent rule (mediafiles.access.audience: an editor's preview), and the fast
path of mediafiles/middleware.py, which answers a file every visitor may see right after
WhiteNoise, as cheaply as a static file. Behind nginx (`MEDIA_ACCEL_REDIRECT`) both decide and
leave the bytes to the web server (`accel_response`). See docs/architecture.md, "Media".
"""

import mimetypes
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

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
PRIVATE_CACHE_CONTROL = "private, no-store"
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
# Media a browser may show inline: pictures, video, sound, captions. Anything else is a document (a
# PDF of the press kit, a PDF/HTML polyglot, HTML): opened from our origin it could run script with
# the site's cookies and addresses, so it is offered as a download, sandboxed should a browser show
# it anyway (issue 27). Decided by the name alone (nosniff makes the browser keep that type).
INLINE_TYPES = ("image/", "video/", "audio/", "text/vtt")
# An SVG is a document that can run script when opened from our origin: always a download.
ATTACHMENT_TYPES = ("image/svg+xml",)
DOCUMENT_HEADERS = {"Content-Disposition": "attachment", "Content-Security-Policy": "sandbox"}

mimetypes.add_type("text/vtt", ".vtt")
mimetypes.add_type("video/webm", ".webm")
mimetypes.add_type("image/avif", ".avif")
mimetypes.add_type("image/webp", ".webp")


def is_document(content_type: str) -> bool:
    """A file served as a sandboxed download (DOCUMENT_HEADERS), by its type (from its name)."""
    return not content_type.startswith(INLINE_TYPES) or content_type in ATTACHMENT_TYPES


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


@dataclass(frozen=True, slots=True)
class Stored:
    """What answering a stored file needs besides its stat, worked out once per name."""

    name: str  # normalised, as the database holds it ("a//b/./c.jpg" is "a/b/c.jpg")
    path: str  # in the file system
    content_type: str
    encoding: str | None
    attachment: bool
    public_cache_control: str


def locate(path: str) -> Stored | None:
    """The stored file a URL path below MEDIA_URL names, None for a path that names none (outside
    MEDIA_ROOT, a NUL byte, a dot file). Reads nothing from the disk."""
    if "\x00" in path:  # no file name holds a NUL byte; the OS calls would raise ValueError
        return None
    try:
        full_path = safe_join(settings.MEDIA_ROOT, path)
    except Exception:  # SuspiciousFileOperation: a path outside MEDIA_ROOT
        return None
    name = Path(os.path.relpath(full_path, os.path.abspath(settings.MEDIA_ROOT))).as_posix()
    base = name.rsplit("/", 1)[-1]
    if base.startswith(".") or name == ".":
        return None
    content_type, encoding = mimetypes.guess_type(base)
    content_type = content_type or "application/octet-stream"
    # Files are stored under random names: only a download gets a Content-Disposition, and without
    # a name (the press kit's link gives it a readable one; a filename in the header would win over
    # the link's `download` name).
    attachment = is_document(content_type)
    return Stored(name, full_path, content_type, encoding, attachment, cache_control_for(name))


class _FileResponse(FileResponse):
    """A FileResponse with exactly our headers (as WhiteNoise's): no name, no guessing again."""

    def set_headers(self, filelike) -> None:
        pass


def respond(request: HttpRequest, stored: Stored, st: os.stat_result, cache_control: str, file=None) -> HttpResponse:
    """The answer for a stored regular file with stat `st`: 304, 416, 206 or 200 (`file`, opened by
    the caller, is sent or closed; without it the file is opened here when needed)."""
    meta = request.META
    etag = _etag(st)
    last_modified = http_date(st.st_mtime)

    if_none_match = meta.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        not_modified = if_none_match.strip() == "*" or etag in [tag.strip() for tag in if_none_match.split(",")]
    else:
        since = parse_http_date_safe(meta.get("HTTP_IF_MODIFIED_SINCE", ""))
        not_modified = since is not None and int(st.st_mtime) <= since
    if not_modified:
        _close(file)
        return _with_headers(HttpResponseNotModified(), stored, etag, last_modified, cache_control)

    size = st.st_size
    byte_range = None
    range_header = meta.get("HTTP_RANGE")
    if range_header:
        if_range = meta.get("HTTP_IF_RANGE")
        if if_range is None or if_range.strip() in (etag, last_modified):
            try:
                byte_range = parse_range(range_header, size)
            except ValueError:
                _close(file)
                response = HttpResponse(status=416)
                response["Content-Range"] = f"bytes */{size}"
                return _with_headers(response, stored, etag, last_modified, cache_control)

    if byte_range is None:
        if request.method == "HEAD":
            _close(file)
            response = _FileResponse((), content_type=stored.content_type)
        else:
            # FileResponse closes the file when the response is done (and gunicorn uses sendfile).
            response = _FileResponse(file or open(stored.path, "rb"), content_type=stored.content_type)  # noqa: SIM115
        response["Content-Length"] = str(size)
    else:
        _close(file)
        start, end = byte_range
        length = end - start + 1
        body = [] if request.method == "HEAD" else _read_range(Path(stored.path), start, length)
        response = StreamingHttpResponse(body, status=206, content_type=stored.content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(length)
    if stored.encoding:
        response["Content-Encoding"] = stored.encoding
    return _with_headers(response, stored, etag, last_modified, cache_control)


def _close(file) -> None:
    if file is not None:
        file.close()


def accel_response(stored: Stored, cache_control: str) -> HttpResponse:
    """Behind nginx (settings.MEDIA_ACCEL_REDIRECT): Django has decided, the web server sends the file
    from its `internal` location with its own Range, ETag and Last-Modified. nginx keeps
    Content-Type, Content-Disposition and Cache-Control of this reply (its location adds nosniff);
    X-Accel-Expires keeps a private file out of an nginx proxy cache too."""
    response = HttpResponse(content_type=stored.content_type)
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT + quote(stored.name)
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    if cache_control == PRIVATE_CACHE_CONTROL:
        response["X-Accel-Expires"] = "0"
    if stored.attachment:
        # nginx passes Content-Disposition on; the CSP comes back through its location
        # ($upstream_http_content_security_policy, README "Deployment").
        for name, value in DOCUMENT_HEADERS.items():
            response[name] = value
    return response


@require_safe
def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    stored = locate(path)
    if stored is None:
        raise Http404
    try:
        st = os.stat(stored.path)
    except (OSError, ValueError) as exc:  # missing, not a directory, no permission, name too long
        raise Http404 from exc
    if not stat.S_ISREG(st.st_mode):
        raise Http404
    # Files of unpublished content stay hidden from visitors (settings.MEDIA_ACCESS_CHECK).
    check = settings.MEDIA_ACCESS_CHECK
    audience = import_string(check)(request, stored.name) if check else PUBLIC
    if audience not in (PUBLIC, PRIVATE):
        raise Http404
    cache_control = PRIVATE_CACHE_CONTROL if audience == PRIVATE else stored.public_cache_control
    if settings.MEDIA_ACCEL_REDIRECT:
        return accel_response(stored, cache_control)
    return respond(request, stored, st, cache_control)


def cache_control_for(name: str, private: bool = False) -> str:
    """How long browsers and caches may keep a file.

    A file under a random stored name (mediafiles.uploads.random_name) or an imagekit rendition of
    one never changes: a replaced upload gets a new name. Browsers keep it a year without asking
    again; shared caches (a CDN, a proxy) only briefly, so that a withdrawn story's photo (issue 9)
    stops being served everywhere within minutes. Any other name may be replaced in place:
    revalidate after an hour (cheap: 304). A file only an editor may see is never stored.
    """
    if private:
        return PRIVATE_CACHE_CONTROL
    if RANDOM_NAME.search(name):
        return f"public, max-age={YEAR}, s-maxage={SHARED_CACHE_SECONDS}, immutable"
    return "public, max-age=3600, must-revalidate"


def _with_headers(
    response: HttpResponse, stored: Stored, etag: str, last_modified: str, cache_control: str
) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    if stored.attachment:
        for name, value in DOCUMENT_HEADERS.items():
            response[name] = value
    return response
