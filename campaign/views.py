from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, TemplateView

from campaign import search as site_search
from campaign.forms import BarrierReportForm, KommuneFilterForm, land_choices_with_counts, make_form_token
from campaign.germany_map import HEIGHT, WIDTH, land_shapes
from campaign.kommunen import group_by_land, matches, search_key
from campaign.models import (
    ContentPage,
    KeyFigure,
    Kommune,
    Land,
    LandingPage,
    PageKey,
    PressRelease,
    SignLanguageVideo,
)
from stories.models import Story

HOME_PRESS_RELEASES = 3


class HomeView(TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["landing"] = LandingPage.objects.first()
        context["key_figures"] = list(KeyFigure.objects.published())
        context["stories"] = list(Story.objects.published().featured().for_cards()[:6])
        context["press_releases"] = list(PressRelease.objects.published()[:HOME_PRESS_RELEASES])
        return context


def kommune_list(request: HttpRequest) -> HttpResponse:
    """/jobcenter/: all 104 grouped by Land, with filter and search that work without JavaScript.

    The 104 Optionskommunen are a fixed, small set, so they are read in one query and
    filtered here; that also lets the search fold umlauts ("Dueren" finds "Düren") the same
    way on SQLite and PostgreSQL.
    """
    kommunen = list(Kommune.objects.only("name", "slug", "kind", "land", "jobcenter_name"))
    counts: dict[str, int] = {}
    for kommune in kommunen:
        counts[kommune.land] = counts.get(kommune.land, 0) + 1
        kommune.search_key = search_key(kommune)
    form = KommuneFilterForm(request.GET or None, lands=land_choices_with_counts(counts))
    land, query = "", ""
    if form.is_bound:
        # A faulty part (an unknown Land, an overlong search) does not discard the other part.
        form.is_valid()
        land = form.cleaned_data.get("land", "")
        query = form.cleaned_data.get("q", (form.data.get("q") or "")[:100]).strip()
    # Every Kommune is rendered; those outside the filter carry `hidden`, so that live
    # filtering in the browser can show them again without another request.
    shown = 0
    for kommune in kommunen:
        kommune.shown = (not land or kommune.land == land) and matches(kommune, query)
        shown += kommune.shown
    map_lands = [
        {
            "slug": slug,
            "name": Land(slug).label,
            "count": counts.get(slug, 0),
            **shape,
        }
        for slug, shape in land_shapes().items()
    ]
    context = {
        "form": form,
        "groups": group_by_land(kommunen),
        "result_count": shown,
        "total_count": len(kommunen),
        "land": land,
        "query": query,
        "filtered": bool(land or query),
        "map_lands": map_lands,
        "map_width": WIDTH,
        "map_height": HEIGHT,
    }
    return render(request, "campaign/kommune_list.html", context)


class KommuneDetailView(DetailView):
    model = Kommune
    template_name = "campaign/kommune_detail.html"
    context_object_name = "kommune"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["stories"] = list(Story.objects.published().for_kommune(self.object).for_cards())
        return context


class ContentPageView(TemplateView):
    """One of the fixed content pages (imprint, privacy, accessibility, Leichte Sprache)."""

    key: str = ""
    template_name = "campaign/contentpage_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = get_object_or_404(ContentPage.objects.published(), key=self.key)
        return context


class SignLanguageView(ContentPageView):
    key = PageKey.SIGN_LANGUAGE
    template_name = "campaign/sign_language.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["videos"] = list(SignLanguageVideo.objects.published())
        return context


def _safe_page_reference(request: HttpRequest) -> str:
    """The page a "report a barrier" link came from (?seite=/pfad/), if it is one of ours."""
    page = request.GET.get("seite", "")[:500]
    if page and url_has_allowed_host_and_scheme(page, allowed_hosts=None) and page.startswith("/"):
        return page
    return ""


# No CSRF token on this one anonymous form: Django's CSRF protection sets a cookie, and
# visitors must get none. The view changes no session and acts for no logged-in user, so
# cross-site submission gains an attacker nothing; spam is held off by the honeypot field
# and the signed timestamp in BarrierReportForm instead.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def report_barrier(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if form.is_valid():
            form.save()
            return HttpResponseRedirect(reverse("campaign:report_barrier_thanks"), status=303)
    else:
        form = BarrierReportForm(initial={"location": _safe_page_reference(request)})
    context = {"form": form, "form_token": make_form_token(), "honeypot_field": form["kontrollfeld"]}
    return render(request, "campaign/barrierreport_form.html", context)


class ReportBarrierThanksView(TemplateView):
    template_name = "campaign/barrierreport_thanks.html"


def server_error(request: HttpRequest) -> HttpResponse:
    """500 page in the site frame. Renders without the request context on purpose: whatever
    broke (the database, a context processor) must not break the error page too."""
    template = loader.get_template("500.html")
    context = {"site_name": settings.SITE_NAME, "site_claim": settings.SITE_CLAIM}
    return HttpResponseServerError(template.render(context))


SEARCH_PAGE_SIZE = 20


def _page_number(value: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), 10_000)


def search(request: HttpRequest) -> HttpResponse:
    """The site search /suche/?q=…&seite=…: every term must occur (folded, see campaign.search)."""
    raw_query = request.GET.get("q", "")
    # Control characters (NUL breaks PostgreSQL) never belong in a query.
    cleaned = "".join(ch if ch.isprintable() else " " for ch in raw_query)
    query = " ".join(cleaned.split())
    trimmed = len(query) > site_search.MAX_QUERY_LENGTH
    if trimmed:
        query = query[: site_search.MAX_QUERY_LENGTH].rstrip()
    terms = site_search.query_terms(query)
    page = _page_number(request.GET.get("seite", "1"))
    results = site_search.search(terms, (page - 1) * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE)
    last_page = max(1, -(-results.total // SEARCH_PAGE_SIZE))
    return render(
        request,
        "campaign/search.html",
        {
            "query": query,
            "searched": bool(query),
            "has_terms": bool(terms),
            "trimmed": trimmed,
            "max_length": site_search.MAX_QUERY_LENGTH,
            "results": results,
            "page": page,
            "last_page": last_page,
            "first_number": (page - 1) * SEARCH_PAGE_SIZE + 1,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if page < last_page else None,
        },
    )
