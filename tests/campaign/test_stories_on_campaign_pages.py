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


def hero_of(html: str) -> str:
    start = html.index('<section class="campaign-hero')
    return html[start : html.index("</section>", start)]


def test_the_hero_carries_the_titelgeschichte_with_quote_name_and_kommune(client):
    newer, chosen = stories_with_photos(2, featured=True)
    chosen.cover_story = True
    chosen.featured = False  # the Titelgeschichte need not be among the cards
    chosen.save()
    html = client.get("/").content.decode()

    hero = hero_of(html)
    assert chosen.get_absolute_url() in hero
    assert f"„{chosen.quote}“" in hero
    assert chosen.kommune.name in hero
    assert 'fetchpriority="high"' in hero and "/CACHE/images/" in hero
    assert newer.get_absolute_url() not in hero
    assert html.count(f'href="{chosen.get_absolute_url()}"') == 1  # not repeated among the cards
    words = ['<span class="campaign-word">Stark.</span>', '<span class="campaign-word">Sozial.</span>']
    assert all(word in hero for word in [*words, '<span class="campaign-word">Vor Ort.</span>'])


def test_without_a_titelgeschichte_the_newest_featured_story_with_a_picture_is_the_hero(client):
    StoryFactory(slug="ohne-bild", featured=True)  # no picture: cannot carry the hero
    older, newest = stories_with_photos(2, featured=True)
    older.publish_from = newest.publish_from.replace(year=newest.publish_from.year - 1)
    older.save()
    hero = hero_of(client.get("/").content.decode())
    assert newest.get_absolute_url() in hero
    assert "/geschichten/ohne-bild/" not in hero


def test_a_titelgeschichte_that_is_not_public_is_not_shown(client):
    (shown,) = stories_with_photos(1, featured=True)
    (hidden,) = stories_with_photos(1, status=Status.DRAFT)
    hidden.cover_story = True
    hidden.save()
    hero = hero_of(client.get("/").content.decode())
    assert shown.get_absolute_url() in hero
    assert hidden.get_absolute_url() not in hero
