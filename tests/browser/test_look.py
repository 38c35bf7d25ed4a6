"""The campaign look in Chromium, at 1366 and 390 px: screenshots for review, and what they must show.

Each test saves its screenshots under test-artifacts/screenshots/ (git-ignored; for CI to keep as an
artefact, README "The campaign look"): home, gallery, a photo story, a video story and a
Jobcenter page, each at both widths. Checked on every page at both widths: 0 axe violations, no
layout shift (CLS < 0.05), no sideways scrolling (also at 320 px and at 200 % zoom), every card's
picture filling its frame; on the phone the navigation on one line (a menu) and the first story of
the gallery within two screen heights; without JavaScript the menu and the filters still open.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from campaign.demo import load_jobcenter_pages
from stories.demo_art import drawing
from tests import snapshots
from tests.browser.axe import assert_accessible
from tests.factories import PhotoFactory, StoryFactory, add_video, kommune, many_stories, topic

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PAGES = {
    "home": "/",
    "gallery": "/geschichten/",
    "photo-story": "/geschichten/leonie-braun/",
    "video-story": "/geschichten/bjoern-mehren/",
    "jobcenter": "/jobcenter/kreis-dueren/",
}
# Sum of layout-shift scores not caused by input, as Chrome's CLS counts them.
CLS_SCRIPT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 300);
})"""


def drawn_photo(story, variant: int = 0):
    from django.core.files.base import ContentFile

    art = drawing(story.name, variant, story.role)
    return PhotoFactory(
        story=story,
        image=ContentFile(art.jpeg, name="zeichnung.jpg"),
        alt_text=art.alt,
        focal_x=art.focal[0],
        focal_y=art.focal[1],
        position=variant,
    )


def build_campaign():
    """Built by the first test of a worker, copied in after (tests/snapshots.py)."""
    snapshots.built("browser-campaign-look", _build_campaign)


def _build_campaign():
    """A Titelgeschichte with two drawn photos, a video story, more stories, a filled Jobcenter page."""
    dueren = kommune("kreis-dueren")
    leonie = StoryFactory(
        slug="leonie-braun",
        name="Leonie Braun",
        role="Auszubildende zur Kauffrau im Einzelhandel",
        quote="Mit meiner Tochter und einer Ausbildung in Teilzeit – das hätte ich allein nicht geschafft.",
        kommune=kommune("landkreis-muenchen"),
        featured=True,
        cover_story=True,
    )
    leonie.topics.set([topic("ausbildung")])  # "Weitere Geschichten" share it
    drawn_photo(leonie, 0)
    drawn_photo(leonie, 1)
    video = StoryFactory(slug="bjoern-mehren", name="Björn Mehren", role="Schlosser", kommune=dueren, featured=True)
    add_video(video)
    video.poster_focal_x, video.poster_focal_y = 0.3, 0.4
    video.save()
    for slug, name, role in [
        ("mehmet-yildiz", "Mehmet Yıldız", "Busfahrer"),
        ("katrin-vogel", "Katrin Vogel", "Pflegehelferin"),
        ("ahmad-karimi", "Ahmad Karimi", "Koch"),
    ]:
        drawn_photo(StoryFactory(slug=slug, name=name, role=role, kommune=dueren, featured=True))
    many_stories(8, kommunen=[dueren], topics=[topic("ausbildung")], photo_source=leonie.photos.first())
    load_jobcenter_pages()


def screenshot(page, name: str, width: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts.ready.then(() => true)")


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("viewport", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_campaign_look_screenshots_and_checks(site, name, viewport):
    build_campaign()
    page = site.page
    page.set_viewport_size(viewport)
    site.open(PAGES[name])
    settle(page)
    # Lazy pictures further down load while scrolling; they must not move anything either.
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    settle(page)
    page.evaluate("() => window.scrollTo(0, 0)")
    screenshot(page, name, viewport["width"])

    assert page.evaluate(CLS_SCRIPT) < 0.05
    assert no_sideways_scrolling(page)
    assert_accessible(page)
    # Every card's picture fills its frame: the <img> covers the whole 4:3 box, and what it
    # shows is already 4:3 (cut around the focal point), so nothing is left empty or squeezed.
    frames = page.evaluate(
        """() => [...document.querySelectorAll('.stories-card__media')].map(m => {
            const box = m.getBoundingClientRect(), img = m.querySelector('img').getBoundingClientRect();
            const image = m.querySelector('img');
            return [box.width, box.height, img.width, img.height, image.naturalWidth, image.naturalHeight];
        })"""
    )
    if name in ("home", "gallery", "jobcenter", "photo-story"):
        assert frames, "no story cards on the page"
    for box_w, box_h, img_w, img_h, natural_w, natural_h in frames:
        assert abs(box_w / box_h - 4 / 3) < 0.02
        assert (abs(img_w - box_w), abs(img_h - box_h)) < (1.5, 1.5)
        if natural_w:  # loaded (lazy pictures far down may still wait)
            assert abs(natural_w / natural_h - 4 / 3) < 0.02
    if viewport["width"] == 390:
        nav = page.locator(".site-nav")
        assert nav.bounding_box()["height"] < 70, "the navigation wraps on a phone"
        expect(page.locator(".site-nav__toggle")).to_be_visible()
    else:
        expect(page.locator(".site-nav__bar")).to_be_visible()
        expect(page.locator(".site-nav__toggle")).to_be_hidden()


def test_home_hero_shows_the_titelgeschichte_beside_the_claim(site):
    build_campaign()
    site.open("/")
    hero = site.page.locator(".campaign-hero")
    expect(hero.locator("h1")).to_have_text("Kommunale Jobcenter Stark. Sozial. Vor Ort.")
    expect(hero.locator(".campaign-hero__quote")).to_contain_text("Ausbildung in Teilzeit")
    expect(hero.locator(".campaign-hero__person")).to_contain_text("Leonie Braun")
    expect(hero.locator(".campaign-hero__kommune")).to_have_text("Landkreis München")
    text = hero.locator(".campaign-hero__text").bounding_box()
    story = hero.locator(".campaign-hero__story").bounding_box()
    assert story["x"] > text["x"] + text["width"] - 1, "on a wide screen the person stands beside the claim"


def test_on_a_phone_the_first_story_of_the_gallery_shows_within_two_screen_heights(site):
    build_campaign()
    site.page.set_viewport_size(WIDTHS["phone"])
    site.open("/geschichten/")
    first_card = site.page.locator(".stories-card").first.bounding_box()
    assert first_card["y"] < 2 * WIDTHS["phone"]["height"]
    expect(site.page.locator("[data-stories-filter]")).to_be_hidden()  # behind its button


def test_menu_and_filters_open_without_javascript(
    browser, live_server, _restorable_connections, django_db_serialized_rollback
):
    build_campaign()
    context = browser.new_context(java_script_enabled=False, viewport=WIDTHS["phone"], locale="de-DE")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/geschichten/")
        menu = page.locator(".site-nav__menu .site-nav__list")
        expect(menu).to_be_hidden()
        page.locator(".site-nav__toggle").click()
        expect(menu).to_be_visible()
        expect(menu.get_by_role("link", name="Geschichten")).to_have_attribute("aria-current", "page")

        filters = page.locator("[data-stories-filter]")
        expect(filters).to_be_hidden()
        page.locator(".stories-filter-box__toggle").click()
        expect(filters).to_be_visible()
        page.get_by_label("Format").select_option("video")
        page.get_by_role("button", name="Filter anwenden").click()
        expect(page.locator("[data-stories-filter]")).to_be_visible()  # stays open with a filter set
        expect(page.locator(".stories-card")).to_have_count(1)
        # Wide screens without JavaScript: the same button, the results beside it.
        page.set_viewport_size(WIDTHS["desktop"])
        page.goto(live_server.url + "/geschichten/")
        expect(page.locator(".site-nav__bar")).to_be_visible()
    finally:
        context.close()


def test_wide_screens_open_the_filters_beside_the_results(site):
    build_campaign()
    site.open("/geschichten/")
    expect(site.page.locator("[data-stories-filter]")).to_be_visible()


@pytest.mark.parametrize("path", ["/", "/geschichten/", "/geschichten/leonie-braun/", "/jobcenter/kreis-dueren/"])
def test_reflow_at_320_px_and_200_percent_zoom_and_print(site, path):
    build_campaign()
    page = site.page
    for viewport in ({"width": 320, "height": 640}, {"width": 683, "height": 450}):  # 683 = 1366 at 200 %
        page.set_viewport_size(viewport)
        site.open(path)
        settle(page)
        assert no_sideways_scrolling(page), viewport
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator("main h1")).to_be_visible()
    page.emulate_media(media="screen")
