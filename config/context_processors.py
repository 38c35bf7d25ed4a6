"""Template context shared by every page: site name, claim, the navigation and the languages."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info
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


def language_links(request: HttpRequest) -> tuple[list[dict], bool]:
    """This page in every language: for the switch and for the hreflang alternates. The query
    string is left out: it would echo whatever a link put there (?seite=https://evil.example/).
    The second value says whether the page exists in other languages at all; where it does not
    (a 404, a preview), the switch leads to the other languages' home pages."""
    current = get_language()
    links, translatable = [], False
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if code != current and url != request.path:
            translatable = True
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    if not translatable:
        for link in links:
            if not link["current"]:
                link["url"] = translate_url(reverse("campaign:home"), link["code"])
    return links, translatable


def site(request: HttpRequest) -> dict:
    languages, translatable = language_links(request)
    return {
        "site_name": settings.SITE_NAME,
        "site_claim": settings.SITE_CLAIM,
        "main_navigation": _links(request, MAIN_NAVIGATION),
        "utility_navigation": _links(request, UTILITY_NAVIGATION),
        "footer_navigation": _links(request, FOOTER_NAVIGATION),
        "languages": languages,
        # hreflang alternates only where the same page exists in every language.
        "language_alternates": languages if translatable else [],
    }
