"""The stories pages in Chromium: accessible, usable with and without JavaScript, videos that play
with captions, and an external video that contacts its platform only after a click."""

import re

import pytest

from tests import snapshots
from tests.browser.axe import assert_accessible
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

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def build_world():
    """Built by the first test of a worker, copied in after (tests/snapshots.py)."""
    snapshots.built("browser-stories-world", _build_world)


def _build_world():
    """30 photo stories in two Länder (two pages), a video story, an external one, an explainer."""
    first = PhotoFactory(story=StoryFactory(slug="leonie-braun", name="Leonie Braun", kommune=kommune("kreis-dueren")))
    first.story.topics.set([topic("ausbildung")])
    many_stories(
        29,
        kommunen=[kommune("kreis-dueren"), kommune("landeshauptstadt-stuttgart")],
        topics=[topic("ausbildung"), topic("gesundheit")],
        photo_source=first,
    )
    add_video(StoryFactory(slug="bjoern-mehren", name="Björn Mehren", kommune=kommune("kreis-dueren")))
    StoryFactory(
        slug="jonas-albrecht",
        name="Jonas Albrecht",
        kommune=kommune("kreis-borken"),
        external_platform="youtube",
        external_video_id="dQw4w9WgXcQ",
        poster=image_file("poster.jpg", 640, 360),
        poster_alt="Illustration mit Initialen",
        transcript="Jonas Albrecht erzählt von seiner Ausbildung.",
    )
    ExplainerVideoFactory(slug="bildungs-und-teilhabepaket", title="Das Bildungs- und Teilhabepaket")


PAGES = {
    "gallery": "/geschichten/",
    "gallery-page-2": "/geschichten/?seite=2",
    "gallery-filtered-empty": "/geschichten/?jobcenter=stadt-jena&land=atlantis",
    "photo-story": "/geschichten/leonie-braun/",
    "video-story": "/geschichten/bjoern-mehren/",
    "external-video-story": "/geschichten/jonas-albrecht/",
    "explainers": "/erklaervideos/",
    "explainer": "/erklaervideos/bildungs-und-teilhabepaket/",
}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_stories_pages_pass_axe(site, viewport):
    build_world()
    site.page.set_viewport_size(viewport)
    for name, path in PAGES.items():
        site.open(path)
        assert_accessible(site.page)
        # WCAG reflow: nothing wider than the window.
        scroll_width = site.page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= viewport["width"], name


def test_gallery_and_story_reflow_at_320_px_and_200_percent_zoom(site):
    build_world()
    for width in (320, 640):
        site.page.set_viewport_size({"width": width, "height": 800})
        for path in ["/geschichten/", "/geschichten/bjoern-mehren/", "/geschichten/jonas-albrecht/"]:
            site.open(path)
            assert site.page.evaluate("() => document.documentElement.scrollWidth") <= width, f"{path} at {width} px"


def test_demo_gallery_and_real_testimonial_pass_axe(site):
    snapshots.demo()  # the database and files after load_demo, made once per state of the code
    site.open("/geschichten/")
    assert site.page.locator(".stories-card").count() >= 12
    assert_accessible(site.page)
    site.open("/geschichten/anastasia-popvidou/")
    assert_accessible(site.page)


def result_names(page) -> list[str]:
    return page.locator(".stories-card__title").all_inner_texts()


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_filters_and_pages_work_without_javascript(site):
    build_world()
    page = site.page
    site.open("/geschichten/")
    assert page.locator("[data-stories-facade-button]").count() == 0
    assert not page.locator("#id_land").is_visible()  # behind the "Geschichten filtern" button (<details>)
    page.click(".stories-filter-box__toggle")
    page.select_option("#id_land", "baden-wuerttemberg")
    page.select_option("#id_thema", "gesundheit")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "land=baden-wuerttemberg" in page.url and "thema=gesundheit" in page.url
    names = result_names(page)
    assert names and len(names) == int(re.search(r"(\d+) Geschichte", page.inner_text("#results-heading"))[1])
    assert page.locator("#id_land").input_value() == "baden-wuerttemberg"

    site.open("/geschichten/")
    first_page = result_names(page)
    assert len(first_page) == 24
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert page.url.endswith("/geschichten/?seite=2")
    assert set(result_names(page)).isdisjoint(first_page)


def test_filters_and_pages_update_in_place_with_javascript(site):
    build_world()
    page = site.page
    site.open("/geschichten/")
    page.evaluate("() => { window.stillTheSamePage = true; }")
    assert len(result_names(page)) == 24

    page.select_option("#id_jobcenter", "landeshauptstadt-stuttgart")
    page.click("button[type=submit]")
    page.wait_for_url("**/geschichten/?jobcenter=landeshauptstadt-stuttgart")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'results-heading'")
    assert page.evaluate("() => window.stillTheSamePage") is True  # no page load
    stuttgart = result_names(page)
    assert stuttgart and len(stuttgart) < 24
    assert "Stuttgart" in page.locator(".stories-active").inner_text()

    page.click(".stories-active a")  # remove the filter
    page.wait_for_url(re.compile(r"/geschichten/$"))
    page.click("a[rel=next]")
    page.wait_for_url("**/geschichten/?seite=2")
    assert page.evaluate("() => window.stillTheSamePage") is True
    assert "Seite 2 von 2" in page.inner_text(".stories-results")

    page.go_back()
    page.wait_for_function("() => document.querySelectorAll('.stories-card').length === 24")
    assert page.url.endswith("/geschichten/")


def test_video_plays_in_chromium_with_german_captions_on(site):
    build_world()
    page = site.page
    site.open("/geschichten/bjoern-mehren/")
    video = page.locator("video")
    assert video.get_attribute("preload") == "metadata"
    page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.5", timeout=15000)
    track = page.evaluate(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return {mode: t.mode, language: t.language, label: t.label}; }"
    )
    assert track == {"mode": "showing", "language": "de", "label": "Deutsch"}
    page.wait_for_function(
        "() => { const c = document.querySelector('video').textTracks[0].activeCues; return c && c.length > 0; }",
        timeout=15000,
    )
    cue = page.evaluate("() => document.querySelector('video').textTracks[0].activeCues[0].text")
    assert cue
    assert page.evaluate("() => document.querySelector('video').currentSrc").endswith(".webm")


def test_external_video_loads_nothing_from_the_platform_before_the_click(site):
    build_world()
    page = site.page
    platform_requests = []
    page.on("request", lambda request: platform_requests.append(request.url) if "youtube" in request.url else None)
    # There is no internet here: answer the player request ourselves once it is made.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>Player</title>"),
    )
    site.open("/geschichten/jonas-albrecht/")
    page.wait_for_load_state("networkidle")
    assert platform_requests == []
    assert site.problems.foreign_requests == []
    assert page.locator("iframe").count() == 0
    link = page.get_by_role("link", name=re.compile("Video bei YouTube ansehen"))
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert_accessible(page)

    page.get_by_role("button", name="Video von YouTube laden und abspielen").click()
    iframe = page.locator(".stories-facade iframe")
    iframe.wait_for()
    assert iframe.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    assert iframe.get_attribute("title") == "Video: Jonas Albrecht (bei YouTube)"
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'IFRAME'")
    page.wait_for_timeout(300)
    assert platform_requests == ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"]
    # That one request was the visitor's choice; anything else would still fail the test.
    site.problems.foreign_requests.remove(platform_requests[0])
