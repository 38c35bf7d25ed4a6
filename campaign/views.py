from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import DetailView, TemplateView

from campaign import report_guard
from campaign.forms import BarrierReportForm, KommuneFilterForm, land_choices_with_counts, make_form_token
from campaign.germany_map import HEIGHT, WIDTH, land_map, land_shapes
from campaign.kommunen import group_by_land, matches, search_key
from campaign.models import ContentPage, Kommune, Land, LandingPage, Location, PageKey, SignLanguageVideo
from campaign.notifications import notify_barrier_report
from mediafiles.platforms import PLATFORMS
from press.models import KeyFigure, PressRelease
from shared import placeholders, structured_data
from shared.embed import embeddable
from shared.publication import can_preview
from shared.roles import is_central, kommune_ids
from stories.embed import EMBED_STORIES
from stories.models import Story

HOME_PRESS_RELEASES = 3
HOME_STORIES = 6


def landing_stories(stories: list[Story]) -> tuple[Story | None, list[Story]]:
    """The hero's story and the cards below it: the Titelgeschichte the central team chose, else
    the newest story chosen for the landing page, so long as it has a picture; the hero is not
    repeated among the cards."""
    hero = next((story for story in stories if story.card_picture), None)
    cards = [story for story in stories if story is not hero and story.featured]
    return hero, cards[:HOME_STORIES]


class HomeView(TemplateView):
    template_name = "campaign/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        landing = LandingPage.objects.first()
        context["landing"] = placeholders.hide(landing) if landing else None
        context["key_figures"] = placeholders.hide_all(list(KeyFigure.objects.published()))
        stories = list(Story.objects.published().for_landing_page().for_cards()[: HOME_STORIES + 1])
        context["hero_story"], context["stories"] = landing_stories(stories)
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
    """The Jobcenter page: the Kommune's own contact data, self-description, locations with
    their map, press contact and stories. Whatever the Kommune left empty is left out."""

    queryset = Kommune.objects.prefetch_related("locations")
    template_name = "campaign/kommune_detail.html"
    context_object_name = "kommune"

    def page_content(self):
        """The Kommune and its locations as visitors may see them: the live rows when the page is
        approved or the viewer may preview it, else the last approved revision (or none)."""
        kommune, request = self.object, self.request
        grant = getattr(request, "preview_grant", None)
        previewing = grant == ("campaign.kommune", str(kommune.pk)) or (
            can_preview(request.user, Kommune) and (is_central(request.user) or kommune.pk in kommune_ids(request.user))
        )
        if kommune.is_published or previewing:
            return kommune, list(kommune.locations.all()), not kommune.is_published
        approved = kommune.approved_revision()
        if approved is None:  # never approved: the page shows what the list of the 104 shows
            blank = Kommune(pk=kommune.pk, name=kommune.name, slug=kommune.slug, kind=kommune.kind, land=kommune.land)
            return blank, [], False
        # Locations are saved with their Kommune, just after it: the approved locations are those
        # of the moment the next revision (the change that waits) began.
        following = kommune.history.filter(history_date__gt=approved.history_date).order_by("history_date").first()
        moment = following.history_date if following else approved.history_date
        located = Location.history.as_of(moment).filter(kommune_id=kommune.pk)
        return approved.instance, sorted(located, key=lambda o: (o.position, o.pk)), False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown, locations, context["preview"] = self.page_content()
        # No placeholder ever reaches a visitor: the item is left out (shared/placeholders.py).
        placeholders.hide(shown)
        placeholders.hide_all(locations)
        context["kommune"] = context["object"] = shown
        # A marker carries its entry's number in the list (1 and 3 when the second has no coordinates).
        for number, location in enumerate(locations, start=1):
            location.number, location.marker = number, None
        located = [location for location in locations if location.has_coordinates]
        if located:
            location_map = land_map(self.object.land, [(float(o.longitude), float(o.latitude)) for o in located])
            for location, marker in zip(located, location_map["markers"], strict=True):
                marker["location"] = location
                location.marker = marker
            context["location_map"] = location_map
        context["locations"] = locations
        context["stories"] = list(Story.objects.published().for_kommune(self.object).for_cards())
        list_url = reverse("campaign:kommune_list")
        context["breadcrumb"] = [
            {"label": _("Jobcenter"), "url": list_url},
            {
                "label": self.object.get_land_display(),
                "url": f"{list_url}?land={self.object.land}#land-{self.object.land}",
            },
            {"label": self.object.name, "url": ""},
        ]
        context["structured_data"] = [jobcenter_organization(self.request, shown, locations)]
        return context


@embeddable
@require_safe
def kommune_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """/jobcenter/<slug>/karte/: the Jobcenter's latest stories as a card for another site's <iframe>."""
    kommune = get_object_or_404(Kommune, slug=slug).shown_to_visitors()
    stories = list(Story.objects.published().for_kommune(kommune.pk).select_related("kommune")[:EMBED_STORIES])
    for story in stories:
        story.embed_url = request.build_absolute_uri(story.get_absolute_url())
    context = {
        "kommune": kommune,
        "stories": stories,
        "all_url": request.build_absolute_uri(reverse("stories:list"))
        + (f"?jobcenter={kommune.slug}" if stories else ""),
        "home_url": request.build_absolute_uri("/"),
    }
    return render(request, "campaign/kommune_embed.html", context)


def jobcenter_organization(request: HttpRequest, kommune: Kommune, locations: list[Location]) -> dict:
    """The Jobcenter as a schema.org `GovernmentOrganization`, with what its page shows."""
    data = {
        "@context": structured_data.CONTEXT,
        "@type": "GovernmentOrganization",
        "name": str(kommune.display_jobcenter_name),
        "url": request.build_absolute_uri(kommune.get_absolute_url()),
        "areaServed": {"@type": "AdministrativeArea", "name": kommune.name},
        "parentOrganization": {"@type": "GovernmentOrganization", "name": kommune.name},
    }
    if kommune.description:
        data["description"] = kommune.description
    if kommune.website:
        data["sameAs"] = kommune.website
    if kommune.phone:
        data["telephone"] = kommune.phone
    if kommune.email:
        data["email"] = kommune.email
    if locations:
        data["location"] = [
            {
                "@type": "Place",
                "name": location.name or str(kommune.display_jobcenter_name),
                "telephone": location.phone or None,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": location.street,
                    "postalCode": location.postcode,
                    "addressLocality": location.city,
                    "addressCountry": "DE",
                },
                **(
                    {
                        "geo": {
                            "@type": "GeoCoordinates",
                            "latitude": float(location.latitude),
                            "longitude": float(location.longitude),
                        }
                    }
                    if location.has_coordinates
                    else {}
                ),
            }
            for location in locations
        ]
        for place in data["location"]:
            if place["telephone"] is None:
                del place["telephone"]
    return data


class ContentPageView(TemplateView):
    """One of the fixed content pages (imprint, privacy, accessibility, Leichte Sprache)."""

    key: str = ""
    template_name = "campaign/contentpage_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = placeholders.hide(get_object_or_404(ContentPage.objects.published(), key=self.key))
        if self.key == PageKey.EASY_LANGUAGE:
            context["sections"] = list(context["page"].easy_sections.all())
        return context


class PrivacyView(ContentPageView):
    """The privacy statement: the editable text, then what the site itself knows and says in
    its own words: the video platforms behind the two-click facade come from the very list
    the facade uses (mediafiles/platforms.py), so statement and site cannot drift apart."""

    key = PageKey.PRIVACY
    template_name = "campaign/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["platforms"] = list(PLATFORMS.values())
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
# never_cache: each form carries its own signed timestamp, so the page cache must not keep it.
@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def report_barrier(request: HttpRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        if form.is_valid():
            try:
                report = _store_report(request, form)
            except report_guard.AlreadySent:
                form.add_error(None, ALREADY_SENT)
            except TooMany:
                form.add_error(None, TOO_MANY % {"limit": report_guard.limit()})
                status = 429
            else:
                base_url = request.build_absolute_uri("/")
                transaction.on_commit(lambda: notify_barrier_report(report, base_url))
                return HttpResponseRedirect(reverse("campaign:report_barrier_thanks"), status=303)
    else:
        form = BarrierReportForm(initial={"location": _safe_page_reference(request)})
    context = {"form": form, "form_token": make_form_token(), "honeypot_field": form["kontrollfeld"]}
    response = render(request, "campaign/barrierreport_form.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(int(report_guard.WINDOW.total_seconds()))
    return response


ALREADY_SENT = gettext_lazy(
    "Diese Meldung ist schon bei uns angekommen – vielen Dank. "
    "Wenn Sie noch etwas melden möchten, senden Sie das Formular bitte noch einmal ab."
)
TOO_MANY = gettext_lazy(
    "Von Ihrem Internetanschluss sind in der letzten Stunde schon %(limit)s Meldungen gekommen. "
    "Bitte senden Sie Ihre Meldung in einer Stunde noch einmal – Ihre Eingaben sind erhalten."
)


class TooMany(Exception):
    """The address has sent as many reports as the window allows."""


def _store_report(request: HttpRequest, form: BarrierReportForm):
    if report_guard.already_sent(form.nonce):
        raise report_guard.AlreadySent(form.nonce)
    if not report_guard.take_turn(report_guard.sender_of(request)):
        raise TooMany
    return report_guard.save_once(form)


class ReportBarrierThanksView(TemplateView):
    template_name = "campaign/barrierreport_thanks.html"
