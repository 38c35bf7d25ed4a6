"""Compression of text replies: Brotli where the client asks for it, gzip otherwise; the same bytes
from every process; never next to a secret.

Deterministic: the same page gives the same compressed bytes, hence the same ETag (the page cache
hashes what it sends), from every worker and every app server. Django's GZipMiddleware (since 4.2)
puts up to 100 random bytes into the gzip header's file name, a mitigation of BREACH, so two
workers gave one page two ETags and `If-None-Match` got a 304 only from the worker that had sent
the tag. Here the gzip stream has no name and no time (`mtime=0`), and Brotli has neither.

That is safe because only replies without a secret are compressed at all (BREACH guesses a secret
from the compressed size of a reply that also reflects the attacker's input; random padding only
slows that down, leaving the secret out stops it). See `compressible()`.

Cost, measured on this site's pages (CPU per compression, 2026-12-07): gzip level 6 and Brotli
quality 5 both take 0.2–1.3 ms for 11–72 KB, Brotli's result 2–9 % smaller; quality 11 would be
another 10 % smaller but 50–100 times slower (46–108 ms). A page from the page cache is
compressed once per generation and encoding, and a hit sends the stored bytes.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import lru_cache

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

BROTLI_QUALITY = 5
GZIP_LEVEL = 6
MIN_LENGTH = 200  # below this the headers cost more than compression saves
# Text only: pictures, videos, fonts, PDFs and archives are compressed already.
TEXT_TYPES = (
    "application/atom+xml",
    "application/javascript",
    "application/json",
    "application/ld+json",
    "application/manifest+json",
    "application/rss+xml",
    "application/xhtml+xml",
    "application/xml",
    "image/svg+xml",
)
ENCODINGS = ("br", "gzip")  # the server's preference when the client weighs them alike


@lru_cache(maxsize=256)
def accepted(header: str) -> str:
    """ "br", "gzip" or "identity" for an Accept-Encoding header, honouring q-values (q=0 refuses)."""
    weights: dict[str, float] = {}
    for part in header.lower().split(","):
        name, _, parameters = part.partition(";")
        name = name.strip()
        if not name:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.strip().partition("=")
            if key.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0  # a weight we cannot read is no consent
        weights["gzip" if name == "x-gzip" else name] = weight
    best, best_weight = "identity", 0.0
    for encoding in ENCODINGS:
        weight = weights.get(encoding, weights.get("*", 0.0))
        if weight > best_weight:
            best, best_weight = encoding, weight
    return best


def accepted_by(request: HttpRequest) -> str:
    return accepted(request.META.get("HTTP_ACCEPT_ENCODING", ""))


def encode(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)
    if encoding == "gzip":
        # gzip.compress writes no file name; mtime=0 leaves out the time.
        return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    return body


def _is_text(response: HttpResponse) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type.startswith("text/") or content_type in TEXT_TYPES


def apply(response: HttpResponse, encoding: str) -> HttpResponse:
    """Compress a whole (not streaming) text reply in `encoding`, if that makes it smaller.

    Only for replies that carry no secret: callers decide that (`compressible()`, or the page
    cache for a page it stores for everybody)."""
    if response.streaming or response.has_header("Content-Encoding") or not _is_text(response):
        return response
    if len(response.content) < MIN_LENGTH:
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    if encoding == "identity":
        return response
    body = encode(response.content, encoding)
    if len(body) >= len(response.content):
        return response
    response.content = body
    response.headers["Content-Length"] = str(len(body))
    response.headers["Content-Encoding"] = encoding
    # A tag another part set for the uncompressed bytes now names a different byte sequence:
    # weak, as RFC 9110 8.8.1 asks (If-None-Match compares weakly, so 304s still work).
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag
    return response


def compressible(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a reply may be compressed without helping BREACH: it must hold no secret.

    Never the admin (CSRF tokens, personal data), never a reply that sets a cookie or holds a
    CSRF token, and never a page that varies by cookie when the request came with a session.
    The page cache (which runs first) takes a made-up session cookie off the request, so a
    session cookie still present here belongs to a signed-in editor, whose page may show drafts
    or names — or to a request the page cache did not look at (a POST, the admin), where we do
    not know and therefore do not compress. Other cookies change nothing on a public page
    without a trace: the CSRF cookie reaches a page only as a token (refused below), and a
    message read from the messages cookie deletes it, which sets a cookie (refused below).
    Static files are precompressed by WhiteNoise, media is compressed already, and streaming or
    partial (Range) replies are left alone.
    """
    skipped = ("/admin/", settings.STATIC_URL, settings.MEDIA_URL)
    if request.path.startswith(tuple(prefix for prefix in skipped if prefix)):
        return False
    if response.streaming or response.status_code == 206 or response.has_header("Content-Range"):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    if "cookie" in vary and settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return b"csrfmiddlewaretoken" not in response.content


class PublicPageCompressionMiddleware:
    """Brotli or gzip for replies without a secret (`compressible()`), right after the page cache
    in settings.MIDDLEWARE; a page the page cache stores it compresses itself, as it stores it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.streaming or not compressible(request, response):
            return response
        return apply(response, accepted_by(request))
