"""Published stories on the landing page (featured ones) and on each Kommune's page."""

import pytest

from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, kommune
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def stories_with_photos(count: int, **kwargs):
    stories = [StoryFactory(**kwargs) for _ in range(count)]
    for story in stories:
        PhotoFactory(story=story)
    return stories


def test_home_lists_featured_published_stories_only(client):
    featured = StoryFactory(name="Vorne Gezeigt", featured=True)
    StoryFactory(name="Nicht Hervorgehoben", featured=False)
    StoryFactory(name="Noch Entwurf", featured=True, status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Geschichten aus den kommunalen Jobcentern" in html
    assert featured.get_absolute_url() in html
    assert "Nicht Hervorgehoben" not in html
    assert "Noch Entwurf" not in html
    assert 'href="/geschichten/"' in html


def test_home_without_featured_stories_has_no_stories_section(client):
    StoryFactory(featured=False)
    assert 'id="geschichten"' not in client.get("/").content.decode()


def test_home_query_budget_does_not_grow_with_the_stories(client):
    stories_with_photos(2, featured=True)
    few = count_queries(client, "/")
    stories_with_photos(6, featured=True)
    assert count_queries(client, "/") == few <= 5  # landing texts, figures, stories, their photos, press releases


def test_kommune_page_lists_its_published_stories(client):
    own = StoryFactory(name="Aus Düren", kommune=kommune("kreis-dueren"))
    StoryFactory(name="Aus Jena", kommune=kommune("stadt-jena"))
    StoryFactory(name="Entwurf Düren", kommune=kommune("kreis-dueren"), status=Status.DRAFT)
    html = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert own.get_absolute_url() in html
    assert "Aus Jena" not in html
    assert "Entwurf Düren" not in html
    assert 'href="/geschichten/?jobcenter=kreis-dueren"' in html


def test_kommune_page_query_budget_does_not_grow_with_the_stories(client):
    stories_with_photos(1, kommune=kommune("kreis-dueren"))
    few = count_queries(client, "/jobcenter/kreis-dueren/")
    stories_with_photos(8, kommune=kommune("kreis-dueren"))
    assert count_queries(client, "/jobcenter/kreis-dueren/") == few <= 4  # the Kommune, locations, stories, photos
