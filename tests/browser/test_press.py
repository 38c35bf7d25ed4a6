"""The newsroom in a real browser: axe (WCAG 2.1 AA) on every press page, desktop and phone,
no horizontal scrolling at 320 px, the archive by year without JavaScript, and downloads of
the logo, a cleared story photo and the Leitbild PDF with their credits beside them."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import snapshots
from tests.browser.axe import assert_accessible
from tests.factories import PhotoFactory, StoryFactory, image_file
from tests.press.helpers import load_press_demo, shared_pdf_renderings

pytestmark = pytest.mark.usefixtures("shared_pdf_renderings")
__all__ = ["shared_pdf_renderings"]

RELEASE = "/presse/022-2018-kommunale-jobcenter-starten-kampagne/"
PAGES = {
    "newsroom": "/presse/",
    "archive-2018": "/presse/?jahr=2018",
    "empty-year": "/presse/?jahr=1999",
    "wrong-year": "/presse/?jahr=abc",
    "release-022-2018": RELEASE,
    "release-ortenaukreis": "/presse/kommunale-jobcenter-werben-bundesweit-fuer-ihre-arbeit/",
    "home-with-press": "/",
}
CAMPAIGN_CREDIT = "© Deutscher Landkreistag und Deutscher Städtetag"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def build_newsroom():
    """The press demo and a cleared story photo: built by the first test of a worker, copied in after."""
    snapshots.built("browser-newsroom", _build_newsroom)


def _build_newsroom():
    load_press_demo()
    PhotoFactory(
        story=StoryFactory(name="Leonie Braun", slug="leonie-braun", consent__scope_press=True),
        image=image_file("leonie.jpg", width=1600, height=1200),
        alt_text="Illustration mit den Initialen LB",
        caption="Leonie Braun in ihrer Ausbildungswerkstatt",
        credit="Foto: Jobcenter Kreis Düren",
    )


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_press_page_passes_axe(site, path, viewport):
    build_newsroom()
    site.page.set_viewport_size(viewport)
    site.open(path)
    assert site.page.locator("h1").count() == 1
    assert_accessible(site.page)


@pytest.mark.parametrize("path", ["/presse/", RELEASE])
def test_press_page_has_no_horizontal_scrolling(site, path):
    build_newsroom()
    for width in (320, 640):
        site.page.set_viewport_size({"width": width, "height": 800})
        site.open(path)
        assert site.page.evaluate("() => document.documentElement.scrollWidth") <= width, f"{path} at {width} px"


def test_archive_by_year_works_without_javascript(site, browser, live_server):
    build_newsroom()
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/presse/")
        page.get_by_role("navigation", name="Archiv nach Jahren").get_by_role("link", name="2018").click()
        assert page.url.endswith("/presse/?jahr=2018#pressemitteilungen")
        expect(page.get_by_role("heading", name="Pressemitteilungen aus dem Jahr 2018")).to_be_visible()
        expect(page.get_by_text("Nr. 022/2018")).to_be_visible()
        page.get_by_role("link", name="2021").click()
        expect(page.get_by_text("Aus dem Jahr 2021 gibt es keine Pressemitteilungen.")).to_be_visible()
    finally:
        context.close()


def kit_entry(page, title: str):
    return page.locator("li.campaign-kit__item").filter(has=page.get_by_role("heading", name=title, exact=True))


@pytest.mark.parametrize(
    ("title", "filename", "credit", "starts_with"),
    [
        ("Logo der Kampagne (SVG, Vektorgrafik)", "kampagnenlogo.svg", CAMPAIGN_CREDIT, b"<svg"),
        (
            "Logo der Kampagne (PNG, 1000 × 1000 Pixel, transparenter Hintergrund)",
            "kampagnenlogo.png",
            CAMPAIGN_CREDIT,
            b"\x89PNG",
        ),
        (
            "Leonie Braun in ihrer Ausbildungswerkstatt",
            "leonie-braun.jpg",
            "© Foto: Jobcenter Kreis Düren",
            b"\xff\xd8\xff",
        ),
        (
            "Strategisches Leitbild der kommunalen Jobcenter 2030 (PDF, barrierefrei)",
            "leitbild-2030.pdf",
            CAMPAIGN_CREDIT,
            b"%PDF-",
        ),
    ],
    ids=["logo-svg", "logo-png", "story-photo", "leitbild-pdf"],
)
def test_kit_downloads_arrive_with_their_credit_shown_beside_them(site, title, filename, credit, starts_with):
    build_newsroom()
    site.open("/presse/")
    entry = kit_entry(site.page, title)
    expect(entry).to_have_count(1)
    expect(entry.locator(".campaign-kit__credit")).to_have_text(credit)
    expect(entry.locator(".campaign-kit__terms")).to_contain_text("Nur zur redaktionellen Nutzung")
    link = entry.get_by_role("link", name=re.compile(rf"^Herunterladen\s+„{re.escape(title)}“\s+\("))
    # The link names the file, and the browser uses that name, not the random stored one.
    assert link.get_attribute("download") == filename
    with site.page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == filename
    content = Path(download.path()).read_bytes()
    assert content.lstrip().startswith(starts_with)
    size_text = entry.locator(".campaign-kit__file").inner_text()
    assert size_text.split(",")[0] in {"SVG", "PNG", "JPEG", "PDF"}


def test_feeds_are_announced_to_the_browser(site):
    site.open("/presse/")
    feeds = site.page.locator("head link[rel=alternate][type]")  # not the hreflang links
    expect(feeds).to_have_count(4)
    hrefs = [feeds.nth(index).get_attribute("href") for index in range(4)]
    assert hrefs == ["/presse/feed/", "/presse/feed/atom/", "/geschichten/feed/", "/geschichten/feed/atom/"]
    response = site.page.request.get(site.url("/presse/feed/"))
    assert response.ok and response.headers["content-type"].startswith("application/rss+xml")
