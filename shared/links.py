"""Links that leave the site in e-mails: absolute, on the site's address (DJANGO_SITE_URL), whether
the mail is written in a request or by a command."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` ("/admin/…") on the site's address; a URL that is absolute already is returned as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + "/" + path.lstrip("/")
