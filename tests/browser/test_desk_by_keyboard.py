"""Issue 25's whole desk, by keyboard only: a PR person of Kreis Düren brings a story from a phone
(an iPhone photo in HEIC, a portrait phone video), types German numbers, records the consent and
submits with a note; the central team reads the note on the story, sends it back with a comment that
the editor sees on the story; the editor resubmits and the central team publishes. Then the editor
changes the published quote, and visitors keep the old quote until the central team approves.

Every step is a key press (Tab, Enter, Space, typing); pages are opened by their address, as from a
bookmark or the link in the workflow e-mail. Screenshots of the status header at 1366 and 390 px."""

from decimal import Decimal
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from campaign.models import Location
from mediafiles.video_processing import VideoProcessor
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.browser.axe import axe_violations, format_violations
from tests.factories import editor, kommune
from tests.mediafiles.test_heic import heic_photo
from tests.mediafiles.test_video_pipeline import CAPTIONS, phone_video  # noqa: F401 (fixture)

PASSWORD = "ein-langes-testpasswort"
SIGNED_FORM = b"%PDF-1.4\n% Einwilligung Nora Nachtigall\n%%EOF\n"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def focused_matches(page, selector: str, text: str = "") -> bool:
    """The focused element matches the CSS `selector` (and its visible text or value is `text`)."""
    return page.evaluate(
        """([selector, text]) => {
            const element = document.activeElement;
            if (!element || !element.matches(selector)) return false;
            const shown = element.tagName === "INPUT" ? element.value : element.innerText;
            return !text || shown.trim().replace(/\\s+/g, " ") === text;
        }""",
        [selector, text],
    )


def tab_to(page, selector: str, text: str = "", limit: int = 300) -> int:
    """Press Tab until the element matching `selector` (with that text) has the focus; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused_matches(page, selector, text):
            return presses
    active = page.evaluate("() => document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{selector} not reached in {limit} Tab presses (focus on {active})")


def type_into(page, selector: str, text: str, replace: bool = True) -> None:
    tab_to(page, selector)
    if replace:
        page.keyboard.press("Control+a")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def choose_file_by_keyboard(page, selector: str, name: str, mime: str, content: bytes) -> None:
    tab_to(page, selector)
    # Space on a focused file input opens the chooser. Under load Chromium may drop the first
    # request (the chooser interception is set up asynchronously): press again, never click.
    for attempt in range(3):
        try:
            with page.expect_file_chooser(timeout=10_000) as chooser:
                page.keyboard.press("Space")
            break
        except PlaywrightTimeout:
            assert focused_matches(page, selector), "the focus left the file field"
            if attempt == 2:
                raise
    chooser.value.set_files(files=[{"name": name, "mimeType": mime, "buffer": content}])


def press_button(page, name: str) -> None:
    """Tab to the button or link with this visible name and press Enter."""
    tab_to(page, "button, input[type=submit], a", name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def log_in_by_keyboard(site, username: str) -> None:
    site.page.context.clear_cookies()
    site.open("/admin/login/?next=/admin/")
    page = site.page
    assert focused_matches(page, "#id_username"), "the login form starts in the username field"
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(site.url("/admin/"))


def assert_no_violations(page, what: str) -> None:
    found = []
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        problems = axe_violations(page)
        if problems:
            found.append(f"{what} at {width} px\n{format_violations(problems)}")
    page.set_viewport_size({"width": 1366, "height": 900})
    assert not found, "\n".join(found)


def header_screenshots(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=False)
    page.set_viewport_size({"width": 1366, "height": 900})


def test_a_story_goes_from_a_phone_to_the_site_by_keyboard_and_a_change_waits_for_approval(site, phone_video):  # noqa: F811
    dueren = kommune("kreis-dueren")
    location = Location.objects.create(
        kommune=dueren, name="Hauptsitz", kind="hauptsitz", street="Bismarckstraße 16", postcode="52351", city="Düren"
    )
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren", email="redaktion@dueren.example")
    editor(CENTRAL_EDITORS, username="zentrale", email="zentrale@example.org")
    page = site.page

    # -- redaktion-dueren writes the story on the add form, by keyboard only.
    log_in_by_keyboard(site, "redaktion-dueren")
    site.open("/admin/stories/story/add/")
    assert page.input_value("#id_kommune") == str(dueren.pk), "the editor's only Kommune is preselected"
    type_into(page, "#id_name", "Nora Nachtigall")
    type_into(page, "#id_role_de", "Pflegefachkraft")
    choose_file_by_keyboard(page, "#id_photos-0-image", "IMG_0042.HEIC", "image/heic", heic_photo())
    type_into(page, "#id_photos-0-focal_x", "0,62")
    type_into(page, "#id_photos-0-focal_y", "0,3")
    type_into(page, "#id_photos-0-alt_text", "Eine Frau in Pflegekleidung lacht in die Kamera")
    type_into(page, "#id_photos-0-caption", "Nora Nachtigall im Seniorenzentrum")
    type_into(page, "#id_photos-0-credit", "Foto: Kreis Düren")
    # The video section is folded: its summary opens by keyboard.
    tab_to(page, "summary", "Eigenes Video")
    page.keyboard.press("Enter")
    choose_file_by_keyboard(page, "#id_video_source", "IMG_0001.MOV", "video/quicktime", phone_video)
    type_into(page, "#id_caption_text", CAPTIONS)
    type_into(page, "#id_poster_alt", "Nora Nachtigall am Bett einer Bewohnerin")
    type_into(page, "#id_quote_de", "Ich pflege wieder, und ich mache es gern.")
    type_into(page, "#id_teaser_de", "Nora Nachtigall hat über das Jobcenter eine Stelle in der Pflege gefunden.")
    press_button(page, "Sichern und weiter bearbeiten")
    story = Story.objects.get(name="Nora Nachtigall")
    page.wait_for_url(site.url(f"/admin/stories/story/{story.pk}/change/"))
    photo = story.photos.get()
    assert (photo.focal_x, photo.focal_y) == (0.62, 0.3)
    assert photo.image.name.endswith(".jpg"), "the HEIC is stored as a JPEG"
    # The task worker makes the web files of the phone video (as the worker beside gunicorn does).
    VideoProcessor(Story, story.pk).run()
    story.refresh_from_db()
    assert (story.processing_state, story.poster_width < story.poster_height) == ("ready", True)

    # The consent, from the story form's link.
    site.open(f"/admin/stories/story/{story.pk}/change/")
    tab_to(page, "a", "Einwilligung erfassen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.input_value("#id_person") == "Nora Nachtigall"
    # The signed form, scanned to PDF (a consent counts only with its document).
    choose_file_by_keyboard(page, "#id_document", "Einwilligung.pdf", "application/pdf", SIGNED_FORM)
    type_into(page, "#id_signed_on", "04.05.2026")
    press_button(page, "Sichern")
    page.wait_for_url(site.url(f"/admin/stories/story/{story.pk}/change/"))
    assert story.consents.count() == 1

    # Submit with a note.
    type_into(page, "#id_review_comment", "Bitte bis Freitag prüfen, das Video ist vom Telefon.")
    press_button(page, "Zur Prüfung einreichen")
    story.refresh_from_db()
    assert story.status == Status.REVIEW

    # The Jobcenter page's coordinates with a German decimal comma.
    site.open(f"/admin/campaign/kommune/{dueren.pk}/change/")
    type_into(page, "#id_locations-0-latitude", "50,8043")
    type_into(page, "#id_locations-0-longitude", "6,4806")
    press_button(page, "Sichern und weiter bearbeiten")
    location.refresh_from_db()
    assert (location.latitude, location.longitude) == (Decimal("50.8043"), Decimal("6.4806"))

    # -- zentrale reads the note on the story and sends it back with a comment.
    log_in_by_keyboard(site, "zentrale")
    site.open(f"/admin/stories/story/{story.pk}/change/")
    header = page.locator(".workflow-status")
    assert "Bitte bis Freitag prüfen, das Video ist vom Telefon." in header.inner_text()
    assert "redaktion-dueren" in header.inner_text()
    header_screenshots(page, "admin-desk-status-header-submitted")
    assert_no_violations(page, "the submitted story for the central team")
    type_into(page, "#id_review_comment", "Bitte den Nachnamen im Kurztext prüfen.")
    press_button(page, "Zurückgeben …")
    story.refresh_from_db()
    assert story.status == Status.DRAFT

    # -- redaktion-dueren sees the comment on the story and resubmits.
    log_in_by_keyboard(site, "redaktion-dueren")
    site.open(f"/admin/stories/story/{story.pk}/change/")
    assert "Bitte den Nachnamen im Kurztext prüfen." in page.locator(".workflow-status").inner_text()
    header_screenshots(page, "admin-desk-status-header-sent-back")
    press_button(page, "Zur Prüfung einreichen")
    story.refresh_from_db()
    assert story.status == Status.REVIEW

    # -- zentrale publishes.
    log_in_by_keyboard(site, "zentrale")
    site.open(f"/admin/stories/story/{story.pk}/change/")
    press_button(page, "Veröffentlichen")
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    page.context.clear_cookies()
    site.open(story.get_absolute_url())
    assert "Ich pflege wieder, und ich mache es gern." in page.content()

    # -- redaktion-dueren changes the published quote; visitors keep the old one until approval.
    log_in_by_keyboard(site, "redaktion-dueren")
    site.open(f"/admin/stories/story/{story.pk}/change/")
    press_button(page, "Änderung vorschlagen")
    press_button(page, "Änderung beginnen")
    change = Story.objects.get(draft_of=story)
    page.wait_for_url(site.url(f"/admin/stories/story/{change.pk}/change/"))
    type_into(page, "#id_quote_de", "Ich pflege wieder – und jeden Tag gern.")
    press_button(page, "Zur Prüfung einreichen")
    page.context.clear_cookies()
    site.open(story.get_absolute_url())
    assert "Ich pflege wieder, und ich mache es gern." in page.content()
    assert "jeden Tag gern" not in page.content()

    log_in_by_keyboard(site, "zentrale")
    site.open(f"/admin/stories/story/{change.pk}/change/")
    # What changed since the published version: folded in the header, opened by keyboard.
    tab_to(page, ".workflow-status summary")
    page.keyboard.press("Enter")
    changes = page.locator(".workflow-status details").inner_text()
    assert "Zitat" in changes and "jeden Tag gern" in changes, "what changed is in the header"
    header_screenshots(page, "admin-desk-status-header-change")
    assert_no_violations(page, "a change of a published story, header open")
    press_button(page, "Veröffentlichen")
    page.context.clear_cookies()
    site.open(story.get_absolute_url())
    assert "Ich pflege wieder – und jeden Tag gern." in page.content()
    assert not Story.objects.filter(pk=change.pk).exists()
    site.problems.assert_clean()
