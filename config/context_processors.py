"""Template context shared by every page: site name, claim and the navigation."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (URL name, label). A section appears in the navigation once its URL exists, so the
# frame never links to a page that has not been built yet.
MAIN_NAVIGATION = [
    ("stories:list", _("Geschichten")),
    ("stories:explainer_list", _("Erklärvideos")),
    ("leitbild:overview", _("Leitbild")),
    ("campaign:kommune_list", _("Jobcenter")),
    ("press:newsroom", _("Presse")),
]
UTILITY_NAVIGATION = [
    ("campaign:easy_language", _("Leichte Sprache")),
    ("campaign:sign_language", _("Gebärdensprache")),
    ("search:results", _("Suche")),
]
FOOTER_NAVIGATION = [
    ("campaign:imprint", _("Impressum")),
    ("campaign:privacy", _("Datenschutz")),
    ("campaign:accessibility", _("Barrierefreiheit")),
    ("campaign:report_barrier", _("Barriere melden")),
]


def _links(request: HttpRequest, entries) -> list[dict]:
    links = []
    for name, label in entries:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        links.append({"url": url, "label": label, "current": False})
    # The current section is the most specific link the path starts with, so that
    # /barrierefreiheit/melden/ marks "Barriere melden" and not "Barrierefreiheit" too.
    matches = [
        link
        for link in links
        if request.path == link["url"] or (link["url"] != "/" and request.path.startswith(link["url"]))
    ]
    if matches:
        max(matches, key=lambda link: len(link["url"]))["current"] = True
    return links


def site(request: HttpRequest) -> dict:
    return {
        "site_name": settings.SITE_NAME,
        "site_claim": settings.SITE_CLAIM,
        "main_navigation": _links(request, MAIN_NAVIGATION),
        "utility_navigation": _links(request, UTILITY_NAVIGATION),
        "footer_navigation": _links(request, FOOTER_NAVIGATION),
        "languages": settings.LANGUAGES,
    }
