"""Campaign pages in a real browser: axe (WCAG 2.1 AA), live filtering, the map, the report form, video, admin."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from campaign import forms as report_forms
from campaign.demo import load_easy_language_sections, load_jobcenter_pages
from campaign.models import BarrierReport
from tests.browser.axe import assert_accessible

PAGES = [
    "/",
    "/jobcenter/",
    "/jobcenter/?land=hessen",
    "/jobcenter/?q=Atlantis",
    "/jobcenter/kreis-dueren/",
    "/impressum/",
    "/datenschutz/",
    "/datenschutz/personen-in-geschichten/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
    "/barrierefreiheit/melden/",
    "/barrierefreiheit/melden/danke/",
]
PHONE = {"width": 390, "height": 844}
# Jobcenter pages are checked filled in, as the demo fills them: description, contact, locations
# with opening hours and accessibility notes, the map with its markers, the press contact.
FILLED_JOBCENTER_PAGES = {"/jobcenter/kreis-dueren/", "/jobcenter/landeshauptstadt-stuttgart/"}
# The Leichte-Sprache page is checked with the demo's sections: short sentences beside pictures.
EASY_LANGUAGE = "/leichte-sprache/"


def open_page(site, path: str) -> None:
    if path in FILLED_JOBCENTER_PAGES:
        load_jobcenter_pages()
    if path == EASY_LANGUAGE:
        load_easy_language_sections()
    site.open(path)


@pytest.mark.parametrize("path", PAGES)
def test_campaign_page_passes_axe(site, path):
    open_page(site, path)
    if path in FILLED_JOBCENTER_PAGES:
        expect(site.page.locator("[data-map-marker]")).to_have_count(3)
    if path == EASY_LANGUAGE:
        pictures = site.page.locator(".easy-section img")
        expect(pictures).to_have_count(3)
        for index in range(3):  # each picture really loads (they may be lazy: scrolled to first)
            pictures.nth(index).scroll_into_view_if_needed()
            site.page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=pictures.nth(index).element_handle()
            )
    assert_accessible(site.page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/jobcenter/",
        "/jobcenter/landeshauptstadt-stuttgart/",
        "/barrierefreiheit/melden/",
        "/gebaerdensprache/",
        "/datenschutz/personen-in-geschichten/",
        EASY_LANGUAGE,
    ],
)
def test_campaign_page_passes_axe_on_a_phone(site, path):
    site.page.set_viewport_size(PHONE)
    open_page(site, path)
    assert_accessible(site.page)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/jobcenter/",
        "/jobcenter/kreis-dueren/",
        "/barrierefreiheit/melden/",
        "/datenschutz/",
        "/datenschutz/personen-in-geschichten/",
    ],
)
def test_campaign_page_has_no_horizontal_scrolling(site, path):
    """At 320 and 640 px, each width loaded afresh (one test per page: the set-up is paid once).
    320 CSS px is the WCAG reflow width; 640 is a 1280 px window at 200 % zoom. "/" covers the frame."""
    for width in (320, 640):
        site.page.set_viewport_size({"width": width, "height": 800})
        if width == 320:
            open_page(site, path)
        else:
            site.page.reload(wait_until="load")
        assert site.page.evaluate("() => document.documentElement.scrollWidth") <= width, f"{path} at {width} px"


def test_sign_language_page_with_the_demo_video_passes_axe_and_plays_with_captions(site):
    call_command("load_demo", only=["campaign"], verbosity=0)
    site.open("/gebaerdensprache/")
    assert_accessible(site.page)
    video = site.page.locator("video")
    site.page.wait_for_function("() => document.querySelector('video').readyState >= 1", timeout=10_000)
    assert round(video.evaluate("v => v.duration")) == 10
    site.page.wait_for_function("() => document.querySelector('video').textTracks[0].mode === 'showing'")
    site.page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0]; return t.cues && t.cues.length === 3; }"
    )


def live_status(site) -> str:
    status = site.page.locator("[data-filter-status]")
    expect(status).not_to_have_text(re.compile(r"^\s*Alle 104"), timeout=3000)
    return status.inner_text()


def visible_names(site) -> list[str]:
    return site.page.locator("[data-land]:visible li:visible a").all_inner_texts()


def test_live_search_filters_while_typing(site):
    site.open("/jobcenter/")
    site.page.get_by_label("Name der Stadt oder des Kreises").fill("dueren")
    expect(site.page.locator("[data-filter-status]")).to_have_text("1 von 104 kommunalen Jobcentern gefunden.")
    assert visible_names(site) == ["Kreis Düren"]
    assert site.page.url.endswith("/jobcenter/?q=dueren")
    expect(site.page.locator("#land-nordrhein-westfalen [data-land-count]")).to_have_text("1")


def test_live_filter_by_land_and_back_to_all(site):
    site.open("/jobcenter/")
    site.page.get_by_label("Land", exact=True).select_option("hessen")
    expect(site.page.locator("[data-filter-status]")).to_have_text("16 von 104 kommunalen Jobcentern gefunden.")
    assert len(visible_names(site)) == 16
    site.page.get_by_label("Land", exact=True).select_option("")
    expect(site.page.locator("[data-filter-status]")).to_have_text(
        "Alle 104 kommunalen Jobcenter, nach Ländern geordnet."
    )
    assert len(visible_names(site)) == 104


def test_live_filter_widens_a_list_the_server_filtered(site):
    site.open("/jobcenter/?land=hessen")
    assert len(visible_names(site)) == 16
    site.page.get_by_label("Land", exact=True).select_option("bayern")
    expect(site.page.locator("[data-filter-status]")).to_have_text("10 von 104 kommunalen Jobcentern gefunden.")
    assert len(visible_names(site)) == 10


def test_live_filter_shows_the_empty_state(site):
    site.open("/jobcenter/")
    site.page.get_by_label("Name der Stadt oder des Kreises").fill("Atlantis")
    expect(site.page.get_by_text("Kein kommunales Jobcenter gefunden")).to_be_visible()
    assert visible_names(site) == []
    assert_accessible(site.page)


def test_clicking_a_land_on_the_map_shows_its_group(site):
    site.open("/jobcenter/")
    site.page.locator('[data-map-land="hessen"]').click()
    site.page.wait_for_url(re.compile(r"\?land=hessen#land-hessen$"))
    expect(site.page.locator("#land-hessen")).to_be_visible()
    assert len(visible_names(site)) == 16


def test_map_links_are_in_the_tab_order_with_their_names(site):
    site.open("/jobcenter/")
    link = site.page.locator('[data-map-land="bayern"]')
    assert link.evaluate("a => a.tabIndex") == 0
    link.focus()
    assert (
        site.page.evaluate("() => document.activeElement.getAttribute('aria-label')")
        == "Bayern: 10 kommunale Jobcenter"
    )


def test_report_form_sends_a_report_that_editors_see(site, monkeypatch):
    monkeypatch.setattr(report_forms, "MIN_FILL_SECONDS", 0)
    site.open("/barrierefreiheit/melden/")
    site.page.get_by_label("Was ist nicht barrierefrei?").fill("Die Karte ist mit der Tastatur schwer zu bedienen.")
    site.page.get_by_label("Wo ist die Barriere?").fill("/jobcenter/")
    site.page.get_by_label("Ihre E-Mail-Adresse").fill("test@example.org")
    site.page.get_by_role("button", name="Meldung senden").click()
    expect(site.page.get_by_role("heading", name="Vielen Dank für Ihre Meldung")).to_be_visible()
    assert_accessible(site.page)
    assert site.page.context.cookies() == []
    report = BarrierReport.objects.get()
    assert report.location == "/jobcenter/"


def test_report_form_errors_are_german_accessible_and_keep_the_input(site, monkeypatch):
    monkeypatch.setattr(report_forms, "MIN_FILL_SECONDS", 0)
    site.open("/barrierefreiheit/melden/")
    site.page.get_by_label("Wo ist die Barriere?").fill("Startseite")
    site.page.get_by_label("Ihre E-Mail-Adresse").fill("kaputt@")
    site.page.get_by_role("button", name="Meldung senden").click()
    expect(site.page.get_by_text("Ihre Meldung wurde noch nicht gesendet.")).to_be_visible()
    expect(site.page.locator("#id_description_error")).to_have_text(re.compile("Bitte beschreiben Sie die Barriere."))
    expect(site.page.get_by_label("Wo ist die Barriere?")).to_have_value("Startseite")
    expect(site.page.get_by_label("Ihre E-Mail-Adresse")).to_have_value("kaputt@")
    assert_accessible(site.page)
    assert not BarrierReport.objects.exists()
    assert site.page.context.cookies() == []


def test_rich_text_editor_in_the_admin_works_under_the_strict_csp(site, admin_user, client):
    client.force_login(admin_user)
    session = client.cookies["sessionid"].value
    site.page.context.add_cookies([{"name": "sessionid", "value": session, "url": site.base}])
    from campaign.models import ContentPage

    page = ContentPage.objects.get(key="imprint")
    site.open(f"/admin/campaign/contentpage/{page.pk}/change/")
    editor = site.page.locator(
        "[aria-labelledby=id_body_de_label].tiptap.ProseMirror[contenteditable=true]"
    )  # German copy
    expect(editor).to_be_visible(timeout=10_000)
    editor.click()
    site.page.keyboard.press("Control+End")
    site.page.keyboard.type(" Ergänzt im Browser.")
    site.page.get_by_role("button", name="Sichern", exact=True).click()
    expect(site.page.locator(".messagelist")).to_be_visible()
    page.refresh_from_db()
    assert "Ergänzt im Browser." in page.body
