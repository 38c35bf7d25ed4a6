"""Response headers that keep visitors private beyond what Django sets itself; the language from the
path. (Compression is shared/compression.py, next to the page cache that stores compressed pages.)"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
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
