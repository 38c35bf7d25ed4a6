"""Response headers that keep visitors private beyond what Django sets itself; HTML compression."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import translation

# Features the site never uses; a browser then refuses them to any script too.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class PathLanguageMiddleware:
    """The language of a request is the one its path names: /en/... is English, everything else
    (the root, the admin, media) German.

    Unlike Django's LocaleMiddleware it never looks at a cookie or at Accept-Language and never
    redirects: a German visitor whose browser prefers English still gets the German root, every
    page has one language per URL (so the page cache, keyed by path, stays right), and the language
    switch is a plain link. `Vary: Accept-Language` is therefore not needed and not sent.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        return response


class PublicPageCompressionMiddleware(GZipMiddleware):
    """Gzip for the HTML of public pages only (a 66 KB page becomes about 11 KB).

    Compressing a page that carries a secret next to text an attacker can inject lets the attacker
    guess the secret from the compressed sizes (BREACH). Public pages carry none, so only they are
    compressed: never the admin, never a reply that sets a cookie, holds a CSRF token or varies by
    cookie for a request that sent one (a session, a signed-in editor). Static files are
    compressed ahead of time by WhiteNoise, media (photos, videos, PDFs) is compressed already,
    and streaming or partial (Range) replies are left alone. Placed after the page cache in
    settings.MIDDLEWARE.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not self.compressible(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def compressible(request: HttpRequest, response: HttpResponse) -> bool:
        skipped = ("/admin/", settings.STATIC_URL, settings.MEDIA_URL)
        if request.path.startswith(tuple(prefix for prefix in skipped if prefix)):
            return False
        if response.streaming or response.status_code == 206 or response.has_header("Content-Range"):
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_USED"):
            return False
        # A page that varies by cookie (a story page looks up whether the visitor is an editor who
        # may preview drafts) holds a secret only for a request that sent a cookie: a visitor
        # without any cookie gets the same public page as everybody else.
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        if "cookie" in vary and request.COOKIES:
            return False
        return b"csrfmiddlewaretoken" not in response.content
