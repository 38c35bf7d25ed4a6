"""JSON-LD and share tags of the pages besides stories (tests/stories/test_share_cards.py):
press releases, Jobcenter pages, explainer videos, and the pages without a card of their own."""

import json
import re

import pytest

from campaign.models import Location, LocationKind
from tests.factories import ExplainerVideoFactory, PressReleaseFactory, kommune
from tests.press.helpers import shared_pdf_renderings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_pdf_renderings")]
__all__ = ["shared_pdf_renderings"]


def json_ld(html: str) -> dict[str, dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return {data["@type"]: data for data in (json.loads(block) for block in blocks)}


def meta(html: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    assert found, f"no {name}"
    return found.group(1)


def test_press_release_is_an_article_with_its_dates(client):
    release = PressReleaseFactory(slug="start", title="Kampagne startet", lead="Heute beginnt sie.")

    html = client.get(release.get_absolute_url()).content.decode()

    article = json_ld(html)["Article"]
    assert article["headline"] == "Kampagne startet"
    assert article["description"] == "Heute beginnt sie."
    assert article["url"] == "http://testserver/presse/start/"
    assert article["datePublished"].startswith("2024-03-01")
    assert article["publisher"]["name"] == "Kommunale Jobcenter"
    assert meta(html, "og:type") == "article"
    assert [c["name"] for c in json_ld(html)["BreadcrumbList"]["itemListElement"]][:2] == ["Startseite", "Presse"]


def test_jobcenter_page_is_a_government_organization_with_its_locations(client):
    dueren = kommune("kreis-dueren")
    dueren.phone, dueren.website = "02421 1234", "https://www.kreis-dueren.de"
    dueren.save()
    Location.objects.create(
        kommune=dueren,
        name="Hauptsitz",
        kind=LocationKind.choices[0][0],
        street="Bismarckstraße 16",
        postcode="52351",
        city="Düren",
        latitude="50.8030",
        longitude="6.4830",
    )

    html = client.get("/jobcenter/kreis-dueren/").content.decode()

    organization = json_ld(html)["GovernmentOrganization"]
    assert organization["name"] == dueren.display_jobcenter_name
    assert organization["url"] == "http://testserver/jobcenter/kreis-dueren/"
    assert organization["telephone"] == "02421 1234"
    assert organization["sameAs"] == "https://www.kreis-dueren.de"
    place = organization["location"][0]
    assert place["address"]["postalCode"] == "52351"
    assert place["address"]["addressLocality"] == "Düren"
    assert place["geo"]["latitude"] == pytest.approx(50.803)


def test_explainer_video_is_a_video_object_with_caption_and_transcript(client):
    explainer = ExplainerVideoFactory(slug="but", title="Bildung und Teilhabe")

    html = client.get(explainer.get_absolute_url()).content.decode()

    video = json_ld(html)["VideoObject"]
    assert video["name"] == "Bildung und Teilhabe"
    assert video["caption"]["encodingFormat"] == "text/vtt"
    assert video["caption"]["contentUrl"].startswith("http://testserver/media/")
    assert video["transcript"].startswith("Das Video zeigt Texttafeln.")
    assert video["duration"] == "PT9S"
    assert video["contentUrl"].startswith("http://testserver/media/")
    assert video["thumbnailUrl"].startswith("http://testserver/")
    assert meta(html, "og:image") == video["thumbnailUrl"]


@pytest.mark.parametrize("url", ["/", "/jobcenter/", "/leitbild/", "/presse/", "/geschichten/"])
def test_every_page_has_description_canonical_and_the_campaign_card(client, url):
    html = client.get(url).content.decode()

    assert meta(html, "description")
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert meta(html, "og:url") == f"http://testserver{url}"
    assert re.fullmatch(r"http://testserver/static/img/share-card(\.[0-9a-f]+)?\.jpg", meta(html, "og:image"))
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:title") and meta(html, "og:description")


def test_canonical_keeps_the_page_number_and_drops_filters(client):
    html = client.get("/jobcenter/?land=nordrhein-westfalen&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://testserver/jobcenter/">' in html


def test_canonical_keeps_a_page_number_but_no_other_value(client):
    from tests.factories import many_stories

    many_stories(30)
    html = client.get("/geschichten/?seite=2&thema=ausbildung").content.decode()
    assert '<link rel="canonical" href="http://testserver/geschichten/?seite=2">' in html
    html = client.get("/barrierefreiheit/melden/?seite=https://evil.example/").content.decode()
    assert '<link rel="canonical" href="http://testserver/barrierefreiheit/melden/">' in html
