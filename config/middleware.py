"""Response headers that keep visitors private beyond what Django sets itself."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

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
