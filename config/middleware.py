"""Response headers that keep visitors private beyond what Django sets itself; HTML compression."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware

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


class PublicPageCompressionMiddleware(GZipMiddleware):
    """Gzip for the HTML of public pages only (a 66 KB page becomes about 11 KB).

    Compressing a page that carries a secret next to text an attacker can inject lets the attacker
    guess the secret from the compressed sizes (BREACH). Public pages carry none, so only they are
    compressed: never the admin, never a reply that sets a cookie, varies by cookie (a session, a
    signed-in editor) or holds a CSRF token. Static files are compressed ahead of time by
    WhiteNoise, media (photos, videos, PDFs) is compressed already, and streaming or partial
    (Range) replies are left alone. Placed right after WhiteNoise in settings.MIDDLEWARE.
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
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        return "cookie" not in vary and b"csrfmiddlewaretoken" not in response.content
