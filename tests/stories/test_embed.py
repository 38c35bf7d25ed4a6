"""The embed pages (/geschichten/<slug>/karte/, /jobcenter/<slug>/karte/): the only pages other
sites may frame; no cookie, no script, nothing from elsewhere, and the page cache keeps it so."""

import re

import pytest
from django.test import override_settings

from shared import pagecache
from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, kommune

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_embeddable(response):
    assert response.status_code == 200
    csp = policy(response)
    assert csp["frame-ancestors"] == "frame-ancestors *"
    assert csp["default-src"] == "default-src 'none'"
    assert "script-src" not in csp  # default-src 'none': no script at all
    assert "'nonce-" not in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert not response.cookies
    html = response.content.decode()
    assert "<script" not in html and "style=" not in html and "<form" not in html
    # Every address the page loads is our own (relative); links leave in a new tab.
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        if url.startswith("http"):
            assert url.startswith("http://testserver/"), url
    for anchor in re.findall(r"<a [^>]+>", html):
        assert 'target="_blank"' in anchor and 'rel="noopener"' in anchor, anchor


def test_story_card_is_embeddable_and_shows_the_story(client):
    story = PhotoFactory(story=StoryFactory(slug="erika", name="Erika Beispiel", quote="Ich bin wieder da.")).story
    response = client.get("/geschichten/erika/karte/")
    assert_embeddable(response)
    html = response.content.decode()
    assert "Erika Beispiel" in html and "„Ich bin wieder da.“" in html
    assert 'href="http://testserver/geschichten/erika/"' in html
    assert '<img class="embed-card__image" src="/media/' in html
    assert "/static/css/embed.css" in html
    assert story.kommune.display_jobcenter_name in html


def test_jobcenter_card_shows_its_latest_three_stories_only(client):
    for number in range(4):
        StoryFactory(name=f"Düren {number}", kommune=kommune("kreis-dueren"))
    StoryFactory(name="Aus Jena", kommune=kommune("stadt-jena"))
    response = client.get("/jobcenter/kreis-dueren/karte/")
    assert_embeddable(response)
    html = response.content.decode()
    assert html.count('class="embed-card__item"') == 3
    assert "Aus Jena" not in html
    assert 'href="http://testserver/geschichten/?jobcenter=kreis-dueren"' in html


def test_jobcenter_card_without_stories_says_so(client):
    response = client.get("/jobcenter/stadt-jena/karte/")
    assert_embeddable(response)
    assert "Bald erscheinen hier Geschichten" in response.content.decode()


def test_unpublished_or_unknown_story_has_no_card(client):
    StoryFactory(slug="entwurf", status=Status.DRAFT)
    StoryFactory(slug="ohne-einwilligung", consent=False)
    for url in ("/geschichten/entwurf/karte/", "/geschichten/ohne-einwilligung/karte/", "/jobcenter/nirgendwo/karte/"):
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/", "/geschichten/erika/", "/jobcenter/kreis-dueren/", "/presse/einbinden/"])
def test_every_other_page_still_refuses_to_be_framed(client, url):
    StoryFactory(slug="erika")
    response = client.get(url)
    assert response.status_code == 200
    assert policy(response)["frame-ancestors"] == "frame-ancestors 'none'"
    assert response["X-Frame-Options"] == "DENY"


@override_settings(PAGE_CACHE_ENABLED=True)
def test_page_cache_serves_the_card_with_its_own_headers(client):
    StoryFactory(slug="erika")
    pagecache.renew()
    first = client.get("/geschichten/erika/karte/")
    second = client.get("/geschichten/erika/karte/")
    assert first[pagecache.HEADER] == "miss" and second[pagecache.HEADER] == "hit"
    assert_embeddable(second)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    home = client.get("/")
    assert policy(home)["frame-ancestors"] == "frame-ancestors 'none'"


@override_settings(EMBED_FRAME_ANCESTORS=["https://www.kreis-dueren.de", "https://*.kreis-dueren.de"])
def test_the_framing_sites_can_be_narrowed_in_the_settings(client):
    StoryFactory(slug="erika")
    response = client.get("/geschichten/erika/karte/")
    assert (
        policy(response)["frame-ancestors"] == "frame-ancestors https://www.kreis-dueren.de https://*.kreis-dueren.de"
    )
