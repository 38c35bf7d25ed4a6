"""What the stories app contributes to the site search (collected by search/index.py)."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from consent.models import shown_until
from shared.search import Document, Searchable, publication_window
from stories.models import ExplainerVideo, Story


def story_documents(queryset) -> Iterator[Document]:
    """A story's entry ends with its window or with the first consent that ends, whichever comes
    first, so the search forgets it on time without a job; a withdrawal reindexes the story
    (the consent is a part of it, below) and removes the entry."""
    for story in queryset.select_related("kommune").prefetch_related("consents"):
        window = publication_window(story)
        ends = [end for end in (window["visible_until"], shown_until(story.consents.all())) if end]
        window["visible_until"] = min(ends) if ends else None
        yield Document(
            story,
            f"{story.name}: „{story.quote}“",
            story.get_absolute_url(),
            story.teaser,
            [story.role, story.teaser, story.body, story.kommune.name],
            **window,
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
    Searchable(
        "stories.Story",
        "story",
        _("Geschichte"),
        10,
        Story.objects.released,
        story_documents,
        parts={"consent.consent": "story"},
    ),
    Searchable(
        "stories.ExplainerVideo",
        "explainer",
        _("Erklärvideo"),
        20,
        ExplainerVideo.objects.released,
        explainer_documents,
    ),
]
