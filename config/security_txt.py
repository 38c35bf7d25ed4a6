"""/.well-known/security.txt (RFC 9116): where to report a vulnerability (DJANGO_SECURITY_CONTACT).

Expires lies a year ahead of each answer, so the file never goes stale while the site runs.
Without a contact the file is missing (404) rather than naming nobody; SECURITY.md lists the
variable in the deployment checklist.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

VALID_FOR = timedelta(days=365)


def contact_uri(contact: str) -> str:
    """An e-mail address becomes a mailto: URI; a URL (https:, mailto:, tel:) stays as it is."""
    return f"mailto:{contact}" if "@" in contact and ":" not in contact else contact


@require_safe
def security_txt(request: HttpRequest) -> HttpResponse:
    contacts = [item.strip() for item in settings.SECURITY_CONTACT.split(",") if item.strip()]
    if not contacts:
        raise Http404("DJANGO_SECURITY_CONTACT is not set")
    expires = (datetime.now(UTC) + VALID_FOR).replace(microsecond=0)
    lines = [f"Contact: {contact_uri(contact)}" for contact in contacts]
    lines += [
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: de, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
