"""The gallery, a story, the explainer videos: what a visitor gets without JavaScript."""

import re
from datetime import timedelta

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from shared.publication import Status
from tests.factories import (
    ExplainerVideoFactory,
    PhotoFactory,
    StoryFactory,
    add_video,
    image_file,
    kommune,
    many_stories,
    topic,
)
from tests.stories.html import parse, within

pytestmark = pytest.mark.django_db


def card_names(response) -> list[str]:
    headings = parse(response.content).find_all("h3")
    return [heading.all_text() for heading in headings if heading.has_class("stories-card__title")]


def assert_responsive_pictures(html, expect_first_eager: bool = True) -> int:
    images = parse(html).find_all("img")
    content_images = [img for img in images if not img.has_class("site-brand__logo")]
    for index, img in enumerate(content_images):
        picture = img.parent
        assert picture.tag == "picture", img.attrs
        types = [source.attrs["type"] for source in picture.find_all("source")]
        assert types == ["image/avif", "image/webp"], img.attrs
        for source in picture.find_all("source"):
            assert source.attrs["sizes"] == img.attrs["sizes"]
            assert re.fullmatch(r"(\S+ \d+w)(, \S+ \d+w)*", source.attrs["srcset"]), source.attrs
        assert img.attrs["alt"], img.attrs
        assert img.attrs["sizes"] and img.attrs["width"].isdigit() and img.attrs["height"].isdigit()
        assert img.attrs["src"].endswith(".jpg")
        if index == 0 and expect_first_eager:
            assert img.attrs["loading"] == "eager" and img.attrs["fetchpriority"] == "high"
        else:
            assert img.attrs["loading"] == "lazy" and img.attrs["decoding"] == "async"
    return len(content_images)


# --- the gallery ---------------------------------------------------------------------------


def test_gallery_cards_show_picture_quote_name_and_jobcenter(client):
    story = PhotoFactory(story=StoryFactory(name="Leonie Braun", quote="Ich habe es geschafft.")).story
    cards = [a for a in parse(client.get("/geschichten/").content).find_all("article") if a.has_class("stories-card")]
    assert len(cards) == 1
    text = cards[0].all_text()
    assert "Leonie Braun" in text and "„Ich habe es geschafft.“" in text and "Jobcenter Kreis Düren" in text
    link = next(a for a in cards[0].find_all("a") if a.has_class("kern-link--stretched"))
    assert link.attrs["href"] == story.get_absolute_url()


def setup_filter_world():
    dueren = kommune("kreis-dueren")  # Nordrhein-Westfalen
    essen = kommune("stadt-essen")  # Nordrhein-Westfalen
    stuttgart = kommune("landeshauptstadt-stuttgart")  # Baden-Württemberg
    a = StoryFactory(name="Anna Dueren", kommune=dueren)
    a.topics.set([topic("ausbildung")])
    b = add_video(StoryFactory(name="Bernd Dueren", kommune=dueren))
    b.topics.set([topic("gesundheit")])
    c = StoryFactory(name="Carla Essen", kommune=essen)
    c.topics.set([topic("ausbildung")])
    d = add_video(StoryFactory(name="Dora Stuttgart", kommune=stuttgart))
    d.topics.set([topic("ausbildung")])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Anna Dueren", "Bernd Dueren", "Carla Essen", "Dora Stuttgart"}),
        ("?land=nordrhein-westfalen", {"Anna Dueren", "Bernd Dueren", "Carla Essen"}),
        ("?jobcenter=kreis-dueren", {"Anna Dueren", "Bernd Dueren"}),
        ("?thema=ausbildung", {"Anna Dueren", "Carla Essen", "Dora Stuttgart"}),
        ("?format=video", {"Bernd Dueren", "Dora Stuttgart"}),
        ("?format=foto", {"Anna Dueren", "Carla Essen"}),
        ("?land=nordrhein-westfalen&thema=ausbildung", {"Anna Dueren", "Carla Essen"}),
        ("?land=baden-wuerttemberg&format=video&thema=ausbildung", {"Dora Stuttgart"}),
        ("?jobcenter=kreis-dueren&format=foto&thema=ausbildung", {"Anna Dueren"}),
    ],
)
def test_filters_combine(client, query, expected):
    setup_filter_world()
    response = client.get("/geschichten/" + query)
    assert response.status_code == 200
    assert set(card_names(response)) == expected
    count = len(expected)
    assert f"{count} Geschichte{'n' if count != 1 else ''}" in response.content.decode()


def test_active_filters_are_shown_with_links_that_remove_each(client):
    setup_filter_world()
    html = client.get("/geschichten/?land=nordrhein-westfalen&thema=ausbildung").content.decode()
    assert "Land: <strong>Nordrhein-Westfalen</strong>" in html
    assert 'href="/geschichten/?thema=ausbildung"' in html  # Land removed
    assert 'href="/geschichten/?land=nordrhein-westfalen"' in html  # Thema removed
    assert "Alle Filter zurücksetzen" in html


def test_filter_form_keeps_the_chosen_values_and_offers_only_places_with_stories(client):
    setup_filter_world()
    root = parse(client.get("/geschichten/?jobcenter=kreis-dueren").content)
    selects = {select.attrs["name"]: select for select in root.find_all("select")}
    assert set(selects) == {"land", "jobcenter", "thema", "format"}
    jobcenter_options = [option.attrs["value"] for option in selects["jobcenter"].find_all("option")]
    assert jobcenter_options == ["", "kreis-dueren", "landeshauptstadt-stuttgart", "stadt-essen"]
    selected = [o.attrs["value"] for o in selects["jobcenter"].find_all("option") if "selected" in o.attrs]
    assert selected == ["kreis-dueren"]
    land_options = [option.attrs["value"] for option in selects["land"].find_all("option")]
    assert land_options == ["", "baden-wuerttemberg", "nordrhein-westfalen"]


def test_unknown_filter_values_are_ignored_with_a_german_notice(client):
    setup_filter_world()
    response = client.get("/geschichten/?land=atlantis&format=audio&jobcenter=%3Cscript%3E")
    assert response.status_code == 200
    assert len(card_names(response)) == 4
    html = response.content.decode()
    assert "Den Filter „Land“ mit dem Wert „atlantis“ gibt es nicht; er wird nicht angewendet." in html
    assert "Den Filter „Format“ mit dem Wert „audio“ gibt es nicht; er wird nicht angewendet." in html
    assert "<script>" not in html.split('<main id="main"')[1]


def test_a_kommune_without_stories_gets_a_friendly_empty_state(client):
    setup_filter_world()
    response = client.get("/geschichten/?jobcenter=stadt-jena&thema=gesundheit")
    assert response.status_code == 200
    html = response.content.decode()
    assert "0 Geschichten" in html
    assert "Zu dieser Auswahl gibt es noch keine Geschichte." in html
    assert 'href="/geschichten/?thema=gesundheit"' in html  # without the Jobcenter filter
    assert 'href="/geschichten/"' in html


def test_pagination_shows_24_per_page_and_keeps_the_filters(client):
    many_stories(30, topics=[topic("familie-und-beruf")])
    first = client.get("/geschichten/?thema=familie-und-beruf")
    assert len(card_names(first)) == 24
    html = first.content.decode()
    assert "Seite 1 von 2" in html
    assert 'href="/geschichten/?thema=familie-und-beruf&amp;seite=2"' in html
    second = client.get("/geschichten/?thema=familie-und-beruf&seite=2")
    assert len(card_names(second)) == 30 - 24
    assert set(card_names(first)).isdisjoint(card_names(second))
    second_html = second.content.decode()
    assert 'rel="prev" href="/geschichten/?thema=familie-und-beruf"' in second_html
    assert 'aria-current="page"' in second_html
    # Each page loads its first picture eagerly and every other one lazily.
    assert second_html.count('fetchpriority="high"') == 1
    assert second_html.count('loading="lazy"') == 30 - 24 - 1


@pytest.mark.parametrize("seite", ["999", "0", "abc", "-1"])
def test_a_page_that_does_not_exist_is_a_404_in_the_frame_with_a_way_back(client, seite):
    many_stories(3)
    response = client.get(f"/geschichten/?thema=ausbildung&seite={seite}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Diese Seite gibt es nicht" in html
    assert 'href="/geschichten/?thema=ausbildung"' in html
    assert 'href="#main"' in html  # the site frame


# --- a story ---------------------------------------------------------------------------------


def test_video_story_has_player_with_default_captions_transcript_and_download(client):
    story = add_video(StoryFactory(slug="mit-video", name="Björn Mehren"))
    response = client.get("/geschichten/mit-video/")
    root = parse(response.content)
    (video,) = root.find_all("video")
    assert {"controls", "playsinline"} <= set(video.attrs)
    assert video.attrs["preload"] == "metadata"
    assert video.attrs["poster"] == story.poster_picture.largest_src
    assert [(s.attrs["type"], s.attrs["src"]) for s in video.find_all("source")] == [
        ("video/webm", story.video_webm.url),
        ("video/mp4", story.video_mp4.url),
    ]
    (track,) = video.find_all("track")
    assert track.attrs == {
        "kind": "captions",
        "srclang": "de",
        "label": "Deutsch",
        "src": story.captions.url,
        "default": None,
    }
    (details,) = [d for d in root.find_all("details") if d.has_class("stories-transcript")]
    assert "Zitat-Tafel: Ein Satz." in details.all_text()
    html = response.content.decode()
    size = filesizeformat(story.video_mp4_size)
    assert f"Video herunterladen (MP4, {size}, 0:09 Min.)" in html
    assert f'href="{story.video_mp4.url}" download' in html
    assert '<time datetime="PT9S">0:09 Min.</time>' in html


def test_photo_story_shows_photos_with_caption_and_credit_text_and_stand(client):
    story = StoryFactory(slug="mit-fotos", body="<p>Der ganze Text.</p>")
    PhotoFactory(story=story, position=1, caption="Zweites Bild", credit="Foto: B")
    PhotoFactory(story=story, position=0, caption="Erstes Bild", credit="Foto: A")
    response = client.get("/geschichten/mit-fotos/")
    html = response.content.decode()
    assert html.index("Erstes Bild") < html.index("Zweites Bild")
    assert "Foto: A" in html and "Der ganze Text." in html
    assert assert_responsive_pictures(html) == 2
    stand = timezone.localtime(story.updated_at).date()
    assert f'Stand: <time datetime="{stand:%Y-%m-%d}">' in html


def test_story_links_its_jobcenter_related_stories_and_topics(client):
    story = StoryFactory(slug="hauptgeschichte", kommune=kommune("kreis-dueren"))
    story.topics.set([topic("gesundheit")])
    same_kommune = StoryFactory(name="Gleiches Jobcenter", kommune=kommune("kreis-dueren"))
    same_topic = StoryFactory(name="Gleiches Thema", kommune=kommune("stadt-jena"))
    same_topic.topics.set([topic("gesundheit")])
    StoryFactory(name="Ganz anders", kommune=kommune("stadt-essen"))
    StoryFactory(name="Entwurf", kommune=kommune("kreis-dueren"), status=Status.DRAFT)

    response = client.get("/geschichten/hauptgeschichte/")
    html = response.content.decode()
    assert 'href="/jobcenter/kreis-dueren/"' in html
    assert "Jobcenter Kreis Düren" in html
    assert 'href="/geschichten/?jobcenter=kreis-dueren"' in html
    assert 'href="/geschichten/?thema=gesundheit"' in html
    assert set(card_names(response)) == {same_kommune.name, same_topic.name}


def test_share_links_load_nothing_from_elsewhere(client):
    PhotoFactory(story=StoryFactory(slug="teilen", name="Leonie Braun", quote="Geschafft"))
    response = client.get("/geschichten/teilen/")
    root = parse(response.content)
    hrefs = [a.attrs["href"] for a in root.find_all("a") if within(a, "stories-share")]
    assert hrefs[0].startswith("mailto:?subject=Leonie%20Braun")
    facebook = "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Ftestserver%2Fgeschichten%2Fteilen%2F"
    assert facebook in hrefs
    # Nothing on the page is fetched from another host: no foreign scripts, images, styles, frames.
    fetched = [("script", "src"), ("img", "src"), ("link", "href"), ("source", "srcset"), ("iframe", "src")]
    for tag, attribute in fetched:
        for element in root.find_all(tag):
            if tag == "link" and "canonical" in str(element.attrs.get("rel")):
                continue  # names the page's own address; nothing is fetched
            value = element.attrs.get(attribute) or ""
            if value.startswith("http://testserver/"):
                continue  # this site (the hreflang alternates are absolute)
            assert not value.startswith(("http:", "https:", "//")), (tag, value)


def test_external_video_is_a_facade_with_poster_privacy_note_and_plain_link(client):
    story = StoryFactory(
        slug="extern",
        external_platform="youtube",
        external_video_id="dQw4w9WgXcQ",
        poster=image_file("poster.jpg"),
        poster_alt="Vorschaubild",
        transcript="Der Text.",
    )
    root = parse(client.get("/geschichten/extern/").content)
    assert root.find_all("iframe") == [] and root.find_all("video") == []
    (facade,) = [div for div in root.find_all("div") if div.has_class("stories-facade")]
    assert facade.attrs["data-embed-url"] == story.external_embed_url
    (button,) = facade.find_all("button")
    assert "hidden" in button.attrs  # shown by stories.js; without JavaScript the link below works
    links = [a.attrs["href"] for a in facade.find_all("a")]
    assert "https://www.youtube.com/watch?v=dQw4w9WgXcQ" in links
    # The privacy note leads to the statement's section on these platforms, not to its top.
    assert "/datenschutz/#videos-anderer-anbieter" in links
    assert 'id="videos-anderer-anbieter"' in client.get("/datenschutz/").content.decode()
    assert "Google Ireland Limited" in facade.all_text()
    assert facade.find_all("img")[0].attrs["src"].startswith("/media/")


def test_drafts_are_hidden_from_visitors_and_previewed_by_editors(admin_client):
    from django.test import Client

    client = Client()  # a visitor; admin_client is logged in
    StoryFactory(slug="entwurf", status=Status.DRAFT)
    StoryFactory(slug="morgen", publish_from=timezone.now() + timedelta(days=1))
    assert client.get("/geschichten/entwurf/").status_code == 404
    assert client.get("/geschichten/morgen/").status_code == 404
    assert card_names(client.get("/geschichten/")) == []
    preview = admin_client.get("/geschichten/entwurf/")
    assert preview.status_code == 200
    assert "Diese Geschichte ist noch nicht veröffentlicht." in preview.content.decode()


def test_example_stories_say_they_are_invented(client):
    StoryFactory(slug="erfunden", is_example=True)
    StoryFactory(slug="echt", is_example=False)
    note = "Dies ist eine erfundene Beispielgeschichte."
    assert note in client.get("/geschichten/erfunden/").content.decode()
    assert note not in client.get("/geschichten/echt/").content.decode()


# --- explainer videos and the media they use -------------------------------------------------


def test_explainer_pages_use_the_same_player(client):
    explainer = ExplainerVideoFactory(title="Das Bildungs- und Teilhabepaket", slug="bildungs-und-teilhabepaket")
    ExplainerVideoFactory(slug="entwurf", status=Status.DRAFT, video=False)
    listing = client.get("/erklaervideos/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert 'href="/erklaervideos/bildungs-und-teilhabepaket/"' in html
    assert "/erklaervideos/entwurf/" not in html
    assert_responsive_pictures(html)
    detail = client.get("/erklaervideos/bildungs-und-teilhabepaket/")
    root = parse(detail.content)
    (video,) = root.find_all("video")
    assert video.find_all("track")[0].attrs["src"] == explainer.captions.url
    assert "Transkript" in detail.content.decode()
    assert client.get("/erklaervideos/entwurf/").status_code == 404


def test_video_file_answers_range_requests_with_206(client):
    story = add_video(StoryFactory(slug="range"))
    video_url = parse(client.get("/geschichten/range/").content).find_all("source")[0].attrs["src"]
    assert video_url == story.video_webm.url
    response = client.get(video_url, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 0-99/{story.video_webm_size}"
    assert response["Content-Type"] == "video/webm"
    assert len(b"".join(response.streaming_content)) == 100
    captions = client.get(story.captions.url)
    assert captions["Content-Type"].startswith("text/vtt")


def test_sitemap_lists_published_stories_and_explainers_only(client):
    published = StoryFactory()
    draft = StoryFactory(status=Status.DRAFT)
    explainer = ExplainerVideoFactory(video=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{published.get_absolute_url()}" in xml
    assert draft.get_absolute_url() not in xml
    assert explainer.get_absolute_url() in xml
    assert "<loc>http://testserver/geschichten/</loc>" in xml
