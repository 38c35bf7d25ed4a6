"""What the stories app contributes to the site search (collected by search/index.py)."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from shared.search import Document, Searchable, publication_window
from stories.models import ExplainerVideo, Story


def story_documents(queryset) -> Iterator[Document]:
    for story in queryset.select_related("kommune"):
        yield Document(
            story,
            f"{story.name}: „{story.quote}“",
            story.get_absolute_url(),
            story.teaser,
            [story.role, story.teaser, story.body, story.kommune.name],
            **publication_window(story),
        )


def explainer_documents(queryset) -> Iterator[Document]:
    for video in queryset:
        yield Document(
            video,
            video.title,
            video.get_absolute_url(),
            video.teaser,
            [video.teaser, video.body],
            **publication_window(video),
        )


SEARCH_INDEX = [
    Searchable("stories.Story", "story", _("Geschichte"), 10, Story.objects.released, story_documents),
    Searchable(
        "stories.ExplainerVideo",
        "explainer",
        _("Erklärvideo"),
        20,
        ExplainerVideo.objects.released,
        explainer_documents,
    ),
]
