"""/presse/ (the newsroom), /presse/<slug>/ (one release), /presse/kennzahlen.pdf and
/presse/einbinden/ (how a Kommune shows stories on its own website).

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
from shared import placeholders, structured_data
from shared.publication import PreviewMixin
from stories.embed import EMBED_STORIES, iframe_code, stories_snippet, story_snippet
from stories.models import Story

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
        # No placeholder ever reaches a visitor (shared/placeholders.py; the go-live check lists them).
        "releases": placeholders.hide_all(releases),
        "more_releases": more_releases,
        "coverage": placeholders.hide_all(coverage),
        "more_coverage": more_coverage,
        "contacts": placeholders.hide_all(list(PressContact.objects.published())),
        "key_figures": placeholders.hide_all(key_figures),
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
        downloads = Prefetch("downloads", queryset=PressKitItem.objects.published().prepared())
        return super().get_queryset().prefetch_related(downloads)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = placeholders.hide(self.object)
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


# Heights that fit the embed cards (templates/stories/story_embed.html, campaign/kommune_embed.html).
STORY_FRAME_HEIGHT = {True: 600, False: 320}
KOMMUNE_FRAME_HEIGHT = 560


def _embed_for_kommune(request: HttpRequest, kommune) -> dict:
    stories = list(Story.objects.published().for_kommune(kommune.pk).for_cards()[:EMBED_STORIES])
    frame_url = reverse("campaign:kommune_embed", kwargs={"slug": kommune.slug})
    title = _("Geschichten aus %(name)s") % {"name": kommune.name}
    return {
        "name": kommune.display_jobcenter_name,
        "has_stories": bool(stories),
        "snippet": stories_snippet(request, kommune, stories) if stories else "",
        "snippet_photo": stories_snippet(request, kommune, stories, photo=True)
        if any(story.cover_picture for story in stories)
        else "",
        "iframe": iframe_code(request, frame_url, title, KOMMUNE_FRAME_HEIGHT),
        "frame_url": frame_url,
        "feed": request.build_absolute_uri(reverse("campaign:kommune_feed", kwargs={"slug": kommune.slug})),
        "feed_atom": request.build_absolute_uri(reverse("campaign:kommune_feed_atom", kwargs={"slug": kommune.slug})),
    }


def _embed_for_story(request: HttpRequest, story: Story) -> dict:
    frame_url = reverse("stories:embed", kwargs={"slug": story.slug})
    title = _("Geschichte von %(name)s") % {"name": story.name}
    return {
        "name": title,
        "has_stories": True,
        "snippet": story_snippet(request, story),
        "snippet_photo": story_snippet(request, story, photo=True) if story.cover_picture else "",
        "iframe": iframe_code(request, frame_url, title, STORY_FRAME_HEIGHT[story.cover_picture is not None]),
        "frame_url": frame_url,
    }


@require_safe
def embed_guide(request: HttpRequest) -> HttpResponse:
    """/presse/einbinden/: for the Kommunen's web teams. Choose a Jobcenter (?jobcenter=<slug>) or
    come from a story (?geschichte=<slug>) and get the code to copy; an unknown name gets a German
    message and the choice again (status 404), never a 500."""
    kommune_model = Story._meta.get_field("kommune").related_model
    kommunen = list(kommune_model.objects.values_list("slug", "name"))
    chosen_slug = request.GET.get("jobcenter", "").strip()[:120]
    story_slug = request.GET.get("geschichte", "").strip()[:140]
    embed, error, status = None, "", 200
    if story_slug:
        story = Story.objects.published().for_cards().filter(slug=story_slug).first()
        if story is None:
            error, status = _("Diese Geschichte gibt es nicht (mehr). Wählen Sie ein Jobcenter aus."), 404
        else:
            embed, chosen_slug = _embed_for_story(request, story), story.kommune.slug
    elif chosen_slug:
        kommune = kommune_model.objects.filter(slug=chosen_slug).first()
        if kommune is None:
            error, status = _("Dieses Jobcenter kennen wir nicht. Bitte wählen Sie eines aus der Liste."), 404
        else:
            embed = _embed_for_kommune(request, kommune.shown_to_visitors())
    context = {
        "kommunen": kommunen,
        "chosen": chosen_slug,
        "embed": embed,
        "error": error,
        "site_host": request.get_host(),
        "breadcrumb": [press_crumb(), {"label": _("Geschichten einbinden"), "url": ""}],
    }
    return render(request, "press/embed_guide.html", context, status=status)
