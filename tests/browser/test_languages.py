"""The English interface in Chromium: every public page passes axe under /en/ (the German ones
are checked in each area's own tests), and a right-to-left locale lays the pages out from the
right without horizontal scrolling on a phone (issue 14)."""

import pytest

from tests.browser.axe import assert_accessible
from tests.browser.test_campaign import PAGES as CAMPAIGN_PAGES
from tests.browser.test_campaign import open_page
from tests.browser.test_leitbild import CHAPTER_SLUGS
from tests.browser.test_press import PAGES as PRESS_PAGES
from tests.browser.test_press import build_newsroom
from tests.browser.test_stories import PAGES as STORIES_PAGES
from tests.browser.test_stories import build_world
from tests.press.helpers import shared_pdf_renderings

__all__ = ["shared_pdf_renderings"]

PHONE = {"width": 390, "height": 844}


def assert_english(site) -> None:
    assert site.page.locator("html").get_attribute("lang") == "en"
    assert site.page.locator("html").get_attribute("dir") == "ltr"
    assert site.page.get_by_role("link", name="Skip to content").count() == 1


@pytest.mark.parametrize("path", CAMPAIGN_PAGES)
def test_english_campaign_page_passes_axe(site, path):
    open_page(site, path)  # loads the filled Jobcenter pages where the German test does
    site.open(f"/en{path}")
    assert_english(site)
    assert_accessible(site.page)


def test_english_stories_pages_pass_axe(site):
    build_world()
    for path in STORIES_PAGES.values():
        site.open(f"/en{path}")
        assert_english(site)
        assert_accessible(site.page)


@pytest.mark.usefixtures("shared_pdf_renderings")
def test_english_press_pages_pass_axe(site):
    build_newsroom()
    for path in PRESS_PAGES.values():
        site.open(f"/en{path}")
        assert_english(site)
        assert_accessible(site.page)


def test_english_leitbild_and_search_pages_pass_axe(site):
    paths = ["/leitbild/", *(f"/leitbild/{slug}/" for slug in CHAPTER_SLUGS), "/suche/", "/suche/?q=kreis"]
    for path in paths:
        site.open(f"/en{path}")
        assert_english(site)
        assert_accessible(site.page)


def test_english_page_not_found_passes_axe(site):
    site.open("/en/gibt-es-nicht/", status=404)
    assert_english(site)
    assert_accessible(site.page)


def test_language_switch_leads_to_the_same_page_in_english_and_back(site):
    site.open("/jobcenter/")
    site.page.get_by_role("link", name="English").click()
    assert site.page.url == site.url("/en/jobcenter/")
    assert site.page.locator("h1").inner_text() == "The 104 municipal jobcentres"
    site.page.get_by_role("link", name="Deutsch").click()
    assert site.page.url == site.url("/jobcenter/")
    assert not site.page.context.cookies()


RTL_PAGES = [
    "/",
    "/geschichten/",
    "/geschichten/leonie-braun/",
    "/jobcenter/",
    "/jobcenter/kreis-dueren/",
    "/leitbild/",
    f"/leitbild/{CHAPTER_SLUGS[0]}/",
    "/barrierefreiheit/melden/",
]


def test_right_to_left_locale_renders_rtl_without_horizontal_scrolling_on_a_phone(site, settings):
    """Arabic is not offered yet; adding it to LANGUAGES (Django knows it is bidirectional) is all
    an RTL language needs from the code: the pages turn around and still fit 390 px."""
    settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "العربية")]
    build_world()
    site.page.set_viewport_size(PHONE)
    for path in RTL_PAGES:
        site.open(f"/ar{path}")
        html = site.page.locator("html")
        assert html.get_attribute("lang") == "ar"
        assert html.get_attribute("dir") == "rtl"
        assert site.page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
        scroll_width = site.page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= PHONE["width"], f"{path}: {scroll_width} px wide"
    # The layout really turned: the brand stands at the right edge.
    site.open("/ar/")
    box = site.page.locator(".site-brand").bounding_box()
    assert box["x"] + box["width"] > PHONE["width"] / 2
