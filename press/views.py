"""/presse/ (the newsroom), /presse/<slug>/ (one release) and /presse/kennzahlen.pdf.

Each costs a fixed number of queries whatever the number of releases, articles or files
(tests/press/test_queries.py).
"""

import re

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from generated.views import serve
from press import pdf as press_pdf
from press.kit import item_entry, press_kit
from press.models import KeyFigure, PressContact, PressCoverage, PressKitItem, PressRelease
from shared import structured_data
from shared.publication import PreviewMixin

# The newsroom shows the newest of each; the archive by year shows a whole year.
LATEST_RELEASES = 10
LATEST_COVERAGE = 10
YEAR = re.compile(r"[0-9]{4}")


def press_crumb() -> dict:
    return {"label": _("Presse"), "url": reverse("press:newsroom")}


def requested_year(request: HttpRequest) -> tuple[int | None, str]:
    """The archive year from ?jahr=2018, or (None, a German message) for anything else."""
    raw = request.GET.get("jahr", "").strip()
    if not raw:
        return None, ""
    if YEAR.fullmatch(raw) and 1900 <= int(raw) <= 2999:
        return int(raw), ""
    return None, _("„%(value)s“ ist keine Jahreszahl. Gezeigt werden die neuesten Mitteilungen.") % {"value": raw[:20]}


@require_safe
def newsroom(request: HttpRequest) -> HttpResponse:
    year, year_error = requested_year(request)
    releases = PressRelease.objects.published()
    coverage = PressCoverage.objects.published()
    # The years of both lists in one query.
    years = sorted(
        {
            day.year
            for day in releases.order_by()
            .values_list("date", flat=True)
            .union(coverage.order_by().values_list("date", flat=True))
            .order_by()
        },
        reverse=True,
    )
    more_releases = more_coverage = False
    if year is not None:
        releases, coverage = list(releases.in_year(year)), list(coverage.in_year(year))
    else:
        releases, coverage = list(releases[: LATEST_RELEASES + 1]), list(coverage[: LATEST_COVERAGE + 1])
        more_releases, more_coverage = len(releases) > LATEST_RELEASES, len(coverage) > LATEST_COVERAGE
        releases, coverage = releases[:LATEST_RELEASES], coverage[:LATEST_COVERAGE]
    key_figures = list(KeyFigure.objects.published())
    context = {
        "year": year,
        "year_error": year_error,
        "years": years,
        "releases": releases,
        "more_releases": more_releases,
        "coverage": coverage,
        "more_coverage": more_coverage,
        "contacts": list(PressContact.objects.published()),
        "key_figures": key_figures,
        "kit": press_kit(key_figures),
        "breadcrumb": [{"label": _("Presse"), "url": ""}],
    }
    return render(request, "press/newsroom.html", context)


class PressReleaseDetailView(PreviewMixin, DetailView):
    """One release with its footnotes and downloads: two queries. Editors may preview a
    draft or an embargoed release from the admin."""

    model = PressRelease
    template_name = "press/pressrelease_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Built per request: published() compares with the clock when it is called.
        downloads = Prefetch("downloads", queryset=PressKitItem.objects.published())
        return super().get_queryset().prefetch_related(downloads)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context["downloads"] = [item_entry(item) for item in release.downloads.all()]
        label = _("Nr. %(number)s") % {"number": release.number} if release.number else release.title
        context["breadcrumb"] = [press_crumb(), {"label": label, "url": ""}]
        context["og_type"] = "article"
        context["structured_data"] = [release_article(self.request, release)]
        return context


def release_article(request: HttpRequest, release: PressRelease) -> dict:
    url = request.build_absolute_uri(release.get_absolute_url())
    return structured_data.article(
        request,
        headline=release.title,
        description=release.lead,
        url=url,
        published=release.publish_from or release.date,
        modified=release.updated_at,
        image=structured_data.campaign_card(request),
        articleSection=_("Pressemitteilung"),
    )


@require_safe
def key_figures_pdf(request: HttpRequest) -> HttpResponse:
    """The key-figures sheet of the press kit, made by a background task (press/tasks.py)."""
    if not KeyFigure.objects.published().exists():
        raise Http404(_("Es sind keine Kennzahlen veröffentlicht."))
    return serve(request, press_pdf.KEY, press_pdf.FILENAME)
