"""The gallery (/geschichten/), a story, and the explainer videos (/erklaervideos/).

Each page runs a fixed number of queries whatever the number of stories
(tests/stories/test_queries.py) and never generates an image (mediafiles/images.py).
"""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from shared.embed import embeddable
from shared.publication import PreviewMixin
from stories import structured_data
from stories.filters import StoryFilterForm
from stories.models import ExplainerVideo, Photo, Story
from stories.tasks import card_path_subquery

STORIES_PER_PAGE = 24
RELATED_STORIES = 3


def story_list(request: HttpRequest) -> HttpResponse:
    form = StoryFilterForm(request.GET, stories=Story.objects.published())
    paginator = Paginator(form.apply().for_cards(), STORIES_PER_PAGE)
    if (count := form.known_count()) is not None:
        paginator.count = count  # from the filter's per-Kommune counts: no COUNT query
    context = {
        "form": form,
        "paginator": paginator,
        "page_obj": None,
        "stories": [],
        "first_page_url": form.url(),
        "breadcrumb": [{"label": _("Geschichten"), "url": ""}],
    }
    try:
        page = paginator.page(request.GET.get("seite", 1))
    except InvalidPage:
        # A page that does not exist (?seite=999, ?seite=abc), e.g. from an old shared link:
        # 404 in the site frame, with the way back to the first page of the same filters.
        context["page_missing"] = True
        return render(request, "stories/story_list.html", context, status=404)
    context.update(page_obj=page, stories=page.object_list, pages=_page_links(form, paginator, page))
    return render(request, "stories/story_list.html", context)


def _page_links(form: StoryFilterForm, paginator: Paginator, page) -> dict:
    """Links for includes/page_navigation.html; page 1 has no ?seite=."""

    def url(number: int) -> str:
        return form.url(seite=number if number > 1 else None)

    numbers = []
    for number in paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == paginator.ELLIPSIS:
            numbers.append({"ellipsis": True})
        else:
            numbers.append({"number": number, "url": url(number), "current": number == page.number})
    return {
        "numbers": numbers if paginator.num_pages > 1 else [],
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }


class StoryDetailView(PreviewMixin, DetailView):
    """Editors may preview a draft from the admin ("Auf der Website ansehen")."""

    context_object_name = "story"
    queryset = (
        Story.objects.select_related("kommune")
        .prefetch_related(Prefetch("photos", queryset=Photo.objects.order_by("position", "pk")), "topics")
        .annotate(share_card=card_path_subquery())
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        topic_ids = [topic.pk for topic in story.topics.all()]
        context["related_stories"] = (
            Story.objects.published()
            .filter(Q(kommune_id=story.kommune_id) | Q(topics__in=topic_ids))
            .exclude(pk=story.pk)
            .distinct()
            .for_cards()[:RELATED_STORIES]
        )
        context["share_url"] = self.request.build_absolute_uri(story.get_absolute_url())
        context["breadcrumb"] = [
            {"label": _("Geschichten"), "url": reverse("stories:list")},
            {"label": story.name, "url": ""},
        ]
        context["og_type"] = "article"
        context["share_image"] = structured_data.story_card(self.request, story)
        context["structured_data"] = structured_data.story_objects(self.request, story, context["share_image"])
        return context


def same_host_picture(story: Story):
    """The story's card picture for an embed page, when our own server serves it (an embed
    loads nothing from any other host; with media in object storage it shows no photo)."""
    picture = story.cover_picture
    return picture if picture is not None and picture.src.startswith("/") else None


@embeddable
@require_safe
def story_embed(request: HttpRequest, slug: str) -> HttpResponse:
    """/geschichten/<slug>/karte/: the story as a card for another site's <iframe>."""
    story = get_object_or_404(Story.objects.published().for_cards(), slug=slug)
    context = {
        "story": story,
        "picture": same_host_picture(story),
        "story_url": request.build_absolute_uri(story.get_absolute_url()),
        "home_url": request.build_absolute_uri("/"),
    }
    return render(request, "stories/story_embed.html", context)


class ExplainerListView(ListView):
    context_object_name = "explainers"

    def get_queryset(self):
        return ExplainerVideo.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumb"] = [{"label": _("Erklärvideos"), "url": ""}]
        return context


class ExplainerDetailView(PreviewMixin, DetailView):
    model = ExplainerVideo
    context_object_name = "explainer"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["other_explainers"] = ExplainerVideo.objects.published().exclude(pk=self.object.pk)
        context["share_url"] = self.request.build_absolute_uri(self.object.get_absolute_url())
        context["breadcrumb"] = [
            {"label": _("Erklärvideos"), "url": reverse("stories:explainer_list")},
            {"label": self.object.title, "url": ""},
        ]
        context["share_image"] = structured_data.explainer_image(self.request, self.object)
        context["structured_data"] = structured_data.explainer_objects(self.request, self.object)
        return context
