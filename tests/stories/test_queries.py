"""Every stories page costs the same number of queries with 10 stories and with 300."""

import pytest

from campaign.models import Kommune
from stories.models import Story
from tests.factories import ExplainerVideoFactory, PhotoFactory, StoryFactory, add_video, many_stories, topic
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def build(count: int) -> None:
    """`count` published stories spread over all Kommunen and topics, some with video."""
    photo = PhotoFactory(story=StoryFactory(slug="erste-geschichte"))
    photo.story.topics.set([topic("ausbildung")])
    add_video(StoryFactory(slug="video-geschichte")).topics.set([topic("ausbildung")])
    many_stories(count - 2, kommunen=list(Kommune.objects.all()), photo_source=photo)
    ExplainerVideoFactory(slug="erklaervideo")
    assert Story.objects.published().count() == count


URLS = [
    "/geschichten/",
    "/geschichten/?land=nordrhein-westfalen&thema=ausbildung&format=foto",
    "/geschichten/?jobcenter=kreis-dueren",
    "/geschichten/erste-geschichte/",
    "/geschichten/video-geschichte/",
    "/erklaervideos/",
    "/erklaervideos/erklaervideo/",
]


def counts(client) -> dict[str, int]:
    return {url: count_queries(client, url) for url in URLS}


def test_query_count_does_not_grow_with_the_number_of_stories(client):
    build(10)
    small = counts(client)
    photo = Story.objects.get(slug="erste-geschichte").photos.get()
    many_stories(290, kommunen=list(Kommune.objects.all()), photo_source=photo)
    assert Story.objects.published().count() == 300
    large = counts(client)
    assert small == large
    assert count_queries(client, "/geschichten/?seite=13") == large["/geschichten/"]
    # And the budgets themselves stay small.
    assert small["/geschichten/"] <= 5
    assert small["/geschichten/erste-geschichte/"] <= 5
    assert small["/erklaervideos/"] <= 1
    assert small["/erklaervideos/erklaervideo/"] <= 2


@pytest.mark.parametrize("count", [3, 40])
def test_story_cards_for_campaign_pages_cost_two_queries(count, django_assert_num_queries):
    """What the landing page and /jobcenter/<slug>/ use (wired in by the campaign app)."""
    from django.template.loader import render_to_string

    dueren = Kommune.objects.get(slug="kreis-dueren")
    many_stories(count, kommunen=[dueren])
    Story.objects.filter(slug__startswith="massenperson-").update(featured=True)
    with django_assert_num_queries(2):
        html = render_to_string(
            "includes/story_cards.html", {"stories": Story.objects.published().for_kommune(dueren).for_cards()}
        )
    assert html.count('class="stories-card ') == count + 1
    with django_assert_num_queries(2):
        featured = Story.objects.published().featured().for_cards()[:6]
        html = render_to_string("includes/story_cards.html", {"stories": featured})
    assert html.count('class="stories-card ') == min(count, 6)
    assert 'loading="eager"' not in html
