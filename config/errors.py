"""The 500 page (handler500 in config/urls.py)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """500 page in the site frame. Renders without the request context on purpose: whatever
    broke (the database, a context processor) must not break the error page too."""
    template = loader.get_template("500.html")
    context = {"site_name": settings.SITE_NAME, "site_claim": settings.SITE_CLAIM}
    return HttpResponseServerError(template.render(context))
