"""The site search in a real browser: accessible empty, with results and without; linked from the frame."""

import pytest

from tests.browser.axe import assert_accessible
from tests.factories import StoryFactory


def test_utility_bar_links_to_search(site):
    site.open("/")
    link = site.page.locator(".site-utility__nav a", has_text="Suche")
    assert link.get_attribute("href") == "/suche/"


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/suche/", None),
        ("/suche/?q=dueren", "Ergebnis"),
        ("/suche/?q=xylophonorchester", "Keine Ergebnisse"),
        ("/suche/?q=Landkreises+Teilhabe", "Ergebnis"),
        ("/suche/?q=Ausbilung", "Keine Ergebnisse"),
        ("/suche/?q=%21%21%21", "Keine Ergebnisse"),
    ],
    ids=["empty", "results", "no-results", "snippets", "meinten-sie", "punctuation"],
)
def test_search_page_passes_axe(site, path, heading):
    site.open(path)
    if heading:
        assert heading in site.page.locator("#search-results-title").inner_text()
    assert_accessible(site.page)


def test_search_form_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(site.url("/suche/"))
        page.get_by_label("Suchbegriff").fill("DÜREN")
        page.get_by_role("button", name="Suchen").click()
        page.wait_for_load_state()
        assert "q=D%C3%9CREN" in page.url
        assert page.get_by_role("link", name="Kreis Düren").count() == 1
        assert page.title().startswith("Suche: DÜREN")
    finally:
        context.close()


def test_results_have_no_horizontal_scrolling(site):
    for width in (320, 640):
        site.page.set_viewport_size({"width": width, "height": 800})
        site.open("/suche/?q=kreis")
        assert site.page.evaluate("() => document.documentElement.scrollWidth") <= width, f"{width} px"


def test_snippets_mark_the_words_and_meinten_sie_leads_to_results(site):
    site.open("/suche/?q=Landkreises")
    assert site.page.locator(".campaign-search__snippet mark").count() > 0
    assert site.page.locator(".campaign-search__kind").first.inner_text()
    site.open("/suche/?q=Landkrise")
    site.page.locator(".campaign-search__suggestion a").click()
    site.page.wait_for_load_state()
    assert "Ergebnis" in site.page.locator("#search-results-title").inner_text()


def test_a_marked_word_in_a_result_title_flows_with_the_text_on_a_phone(site):
    """KERN's links are inline flex boxes; a <mark> in a title must not become a narrow column
    ("Schl / osse / r" at 390 px)."""
    StoryFactory(slug="schlosser", name="Björn Mehren", quote="Jetzt habe ich wieder eine Arbeit als Schlosser")
    site.page.set_viewport_size({"width": 390, "height": 844})
    site.open("/suche/?q=Schlossern")
    mark = site.page.locator(".campaign-search__title mark").first
    assert mark.inner_text() == "Schlosser"
    box = mark.bounding_box()
    line_height = float(mark.evaluate("m => parseFloat(getComputedStyle(m).lineHeight) || 24"))
    assert box["height"] <= line_height * 1.5, box  # one line, not a column of letters
