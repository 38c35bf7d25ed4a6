"""The Leitbild in a real browser: every page passes axe, reflows at 320 px, prints like
the PDF, and the admin's chapter form works under the strict CSP."""

import pytest

from leitbild.models import Chapter
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory
from tests.leitbild.source import source

CHAPTER_SLUGS = [
    "erfolgreich-innovativ-und-flexibel",
    "digital-und-persoenlich",
    "landkreis-und-stadt-als-netzwerkknoten",
    "zufriedene-menschen",
    "attraktiver-arbeitgeber",
    "positives-menschenbild",
    "soziale-teilhabe-sicherstellen",
]


def test_overview_passes_axe(site):
    site.open("/leitbild/")
    assert site.page.locator("h1").inner_text() == source()["title"]
    assert_accessible(site.page)


@pytest.mark.parametrize("slug", CHAPTER_SLUGS)
def test_each_chapter_page_passes_axe(site, slug):
    site.open(f"/leitbild/{slug}/")
    assert site.page.locator("h1").inner_text() == Chapter.objects.get(slug=slug).title
    assert (
        site.page.locator("ul.leitbild-commitments > li").count() == Chapter.objects.get(slug=slug).commitments.count()
    )
    assert_accessible(site.page)


@pytest.mark.parametrize("path", ["/leitbild/", f"/leitbild/{CHAPTER_SLUGS[2]}/"])
def test_leitbild_pages_pass_axe_on_a_phone_and_reflow_at_320_px(site, path):
    site.page.set_viewport_size({"width": 390, "height": 844})
    site.open(path)
    assert_accessible(site.page)
    site.page.set_viewport_size({"width": 320, "height": 800})
    assert site.page.evaluate("() => document.documentElement.scrollWidth") <= 320


def test_overview_card_leads_to_the_chapter(site):
    site.open("/leitbild/")
    site.page.get_by_role("link", name="Zufriedene Menschen").click()
    site.page.wait_for_url(site.url("/leitbild/zufriedene-menschen/"))
    site.page.get_by_role("link", name="Attraktiver Arbeitgeber").click()
    site.page.wait_for_url(site.url("/leitbild/attraktiver-arbeitgeber/"))
    crumb = site.page.locator(".site-breadcrumb [aria-current='page']")
    assert crumb.inner_text() == "Attraktiver Arbeitgeber"


def test_printing_a_chapter_uses_the_pdf_stylesheet(site):
    site.open(f"/leitbild/{CHAPTER_SLUGS[0]}/")
    site.page.emulate_media(media="print")
    assert not site.page.locator(".site-breadcrumb").is_visible()
    assert not site.page.locator(".leitbild-pager").is_visible()
    assert not site.page.locator(".leitbild-download").first.is_visible()
    assert site.page.locator("ul.leitbild-commitments").is_visible()
    font = site.page.evaluate("() => getComputedStyle(document.querySelector('.leitbild-text p')).fontFamily")
    assert font.startswith('"Fira Sans"')
    size = site.page.evaluate("() => getComputedStyle(document.querySelector('.leitbild-text p')).fontSize")
    assert size == "14.6667px"  # 11pt, as in the PDF


def test_pdf_link_serves_the_pdf(site):
    from generated import makers

    makers.make_all()  # what the task worker does after `migrate`
    site.open("/leitbild/")
    href = site.page.locator(".leitbild-download a").first.get_attribute("href")
    response = site.page.request.get(site.url(href))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_editor_adds_a_commitment_in_the_admin_under_strict_csp(site):
    UserFactory(username="zentrale", is_staff=True, is_superuser=True)
    item = Chapter.objects.get(slug=CHAPTER_SLUGS[5])
    site.open("/admin/login/")
    site.page.fill("#id_username", "zentrale")
    site.page.fill("#id_password", "ein-langes-testpasswort")
    site.page.click("input[type=submit]")
    site.page.wait_for_url(site.url("/admin/"))

    site.open(f"/admin/leitbild/leitbild/{item.leitbild_id}/change/")
    assert site.page.locator("#points-group tr.form-row.has_original").count() == 10
    site.open(f"/admin/leitbild/chapter/{item.pk}/change/")
    # The admin's own JavaScript adds another inline row (runs under the CSP nonce rules).
    rows_before = site.page.locator("#commitments-group tr.form-row:not(.empty-form)").count()
    site.page.locator("#commitments-group .add-row a").click()
    rows = site.page.locator("#commitments-group tr.form-row:not(.empty-form)")
    assert rows.count() == rows_before + 1
    rows.last.locator('textarea[name$="-text_de"]').fill("die Menschen im Quartier aufsuchen.")
    site.page.click("input[name=_continue]")
    site.page.wait_for_load_state("load")
    assert site.page.locator(".messagelist .success").count() == 1

    site.open(item.get_absolute_url())
    assert site.page.locator("ul.leitbild-commitments > li").last.inner_text() == "die Menschen im Quartier aufsuchen."
