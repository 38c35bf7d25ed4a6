"""The page frame in a real browser: accessible (axe, WCAG 2.1 AA), responsive, private."""

import pytest

from tests.browser.axe import assert_accessible

VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize(("path", "status"), [("/", 200), ("/gibt-es-nicht/", 404)], ids=["home", "404"])
def test_page_passes_axe(site, viewport, path, status):
    site.page.set_viewport_size(viewport)
    site.open(path, status=status)
    assert site.page.locator("html").get_attribute("lang") == "de"
    assert_accessible(site.page)


# The frame's reflow ("/" at 320 and 640 px, no horizontal scrolling) is checked with the other
# campaign pages: tests/browser/test_campaign.py::test_campaign_page_has_no_horizontal_scrolling.


def test_skip_link_is_first_and_moves_focus_to_main(site):
    site.open("/")
    site.page.keyboard.press("Tab")
    focused = site.page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert site.page.evaluate("() => getComputedStyle(document.activeElement).top") != "-160px"
    site.page.keyboard.press("Enter")
    assert site.page.evaluate("() => document.activeElement.id") == "main"


def test_fonts_come_from_our_own_static_files(site):
    site.open("/")
    site.page.evaluate("() => document.fonts.ready")
    loaded = site.page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert "Fira Sans" in loaded


def test_visitor_gets_no_cookies(site):
    site.open("/")
    assert site.page.context.cookies() == []
