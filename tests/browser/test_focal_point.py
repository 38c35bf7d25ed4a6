"""The focal point picker in Chromium (issue 25): on the story add form, before any save, the editor
chooses a photo, reaches the picture by Tab, sets the point with the arrow keys and sees the card
and share-card frames move (static/js/focal-point.js); a chosen video is shown at once; axe finds
nothing on that form (tests/browser/test_admin_axe.py)."""

import io

from PIL import Image

from shared.publication import Status
from shared.roles import KOMMUNE_EDITORS
from tests.browser.test_admin_axe import log_in, violations_when_settled
from tests.factories import PhotoFactory, StoryFactory, demo_media_file, editor, image_file, kommune

PICKER = "#photos-0 [data-focal-picker]"
STAGE = f"{PICKER} .focal-picker__stage"


def landscape_photo() -> bytes:
    """1600 × 600: a card (4:3) and the share card's photo part (460:630) both cut it sideways."""
    image = Image.new("RGB", (1600, 600), (26, 61, 165))
    image.paste((255, 210, 90), (700, 150, 900, 450))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def frame_offsets(page) -> list[float]:
    """How far each frame's copy of the picture is moved to the left (in % of the frame)."""
    return page.eval_on_selector_all(
        f"{PICKER} .focal-frame__window img", "images => images.map((image) => parseFloat(image.style.left))"
    )


def test_the_focal_point_is_set_by_keyboard_before_the_first_save(site):
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open("/admin/stories/story/add/")
    # Before a file is chosen, the picture is no control yet and its texts wait hidden.
    assert page.locator(STAGE).get_attribute("tabindex") is None
    assert page.locator(f"{PICKER} .focal-picker__frames").is_hidden()

    page.set_input_files(
        "#id_photos-0-image", files=[{"name": "laden.jpg", "mimeType": "image/jpeg", "buffer": landscape_photo()}]
    )
    chosen = page.locator(f"{STAGE} img")
    assert chosen.get_attribute("src").startswith("blob:")
    page.wait_for_function(f"() => document.querySelector('{STAGE}').getAttribute('role') === 'application'")
    assert chosen.get_attribute("alt") == "Gewählte Datei „laden.jpg“ (noch nicht gespeichert)"
    assert page.locator(f"{PICKER} .focal-picker__frames").is_visible()
    before = frame_offsets(page)

    # By keyboard: from the file field, Tab reaches the picture, which says what it is.
    page.focus("#id_photos-0-image")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('aria-label')]"
    )
    assert focused == ["focal-picker__stage", "Fokuspunkt im Bild"]
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid"
    described_by = page.locator(STAGE).get_attribute("aria-describedby")
    assert "Pfeiltasten" in page.locator(f"#{described_by}").inner_text()

    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowDown")
    assert page.input_value("#id_photos-0-focal_x") == "0,53"
    assert page.input_value("#id_photos-0-focal_y") == "0,6"
    assert page.locator(f"{PICKER} .focal-picker__status").inner_text() == "Fokuspunkt: 53 % von links, 60 % von oben."
    assert page.locator(f"{PICKER} .focal-picker__status").get_attribute("aria-live") == "polite"
    after = frame_offsets(page)
    assert all(old != new for old, new in zip(before, after, strict=True)), (before, after)

    # Far to the left: the card's frame stops at the picture's edge (as the server cuts it).
    for _ in range(8):
        page.keyboard.press("Shift+ArrowLeft")
    assert page.input_value("#id_photos-0-focal_x") == "0"
    assert frame_offsets(page) == [0, 0]

    # A typed number moves the marker and the frames too.
    page.fill("#id_photos-0-focal_x", "0,9")
    assert frame_offsets(page) != [0, 0]

    found = violations_when_settled(page, "the story form with a chosen photo")
    assert not found, "\n".join(found)


def test_a_chosen_video_is_shown_before_it_is_saved(site):
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open("/admin/stories/story/add/")
    video = demo_media_file("videos", "bjoern-mehren.webm")
    page.set_input_files(
        "#id_video_source", files=[{"name": "IMG_0002.webm", "mimeType": "video/webm", "buffer": video.read()}]
    )
    preview = page.locator(".chosen-video video")
    assert preview.get_attribute("src").startswith("blob:")
    assert preview.get_attribute("poster") is None
    assert (
        preview.get_attribute("aria-label") == "Vorschau der gewählten Datei „IMG_0002.webm“ (noch nicht gespeichert)"
    )
    page.wait_for_function("() => document.querySelector('.chosen-video video').readyState >= 1")
    assert page.evaluate("() => document.querySelector('.chosen-video video').videoWidth") > 0
    found = violations_when_settled(page, "the story form with a chosen video")
    assert not found, "\n".join(found)


def test_a_stored_photo_is_the_picker_at_once_and_a_click_sets_the_point(site):
    story = StoryFactory(slug="fokus-klick", status=Status.DRAFT, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story, image=image_file("foto.jpg", 1200, 800))
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open(f"/admin/stories/story/{story.pk}/change/")
    page.wait_for_function(f"() => document.querySelector('{STAGE}').getAttribute('role') === 'application'")
    assert page.locator(f"{STAGE} img").get_attribute("src").startswith("/media/")
    picture = page.locator(f"{STAGE} img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert abs(float(page.input_value("#id_photos-0-focal_x").replace(",", ".")) - 0.25) < 0.01
    assert abs(float(page.input_value("#id_photos-0-focal_y").replace(",", ".")) - 0.75) < 0.01
    assert page.locator(f"{PICKER} .focal-picker__status").inner_text().startswith("Fokuspunkt: 25 % von links")


def test_a_heic_the_browser_cannot_show_gets_a_note_instead_of_a_picker(site):
    from tests.mediafiles.test_heic import heic_photo

    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    site.open("/admin/stories/story/add/")
    page.set_input_files(
        "#id_photos-0-image", files=[{"name": "IMG_0042.HEIC", "mimeType": "image/heic", "buffer": heic_photo()}]
    )
    note = page.locator(f"{PICKER} .focal-picker__note")
    note.wait_for()
    assert note.inner_text().startswith("„IMG_0042.HEIC“ kann der Browser nicht als Vorschau zeigen")
    assert page.locator(STAGE).get_attribute("tabindex") is None
    assert page.locator(f"{PICKER} .focal-picker__frames").is_hidden()
    assert page.input_value("#id_photos-0-focal_x") == "0,5"  # the fields stay the way to set it


def test_the_picker_and_its_frames_fit_a_phone(site):
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")
    page = site.page
    page.set_viewport_size({"width": 390, "height": 844})
    site.open("/admin/stories/story/add/")
    page.set_input_files(
        "#id_photos-0-image", files=[{"name": "laden.jpg", "mimeType": "image/jpeg", "buffer": landscape_photo()}]
    )
    page.wait_for_function(f"() => document.querySelector('{STAGE}').getAttribute('role') === 'application'")
    right_edges = page.eval_on_selector_all(
        f"{PICKER} .focal-picker__stage, {PICKER} .focal-frame",
        "elements => elements.map((element) => element.getBoundingClientRect().right)",
    )
    assert max(right_edges) <= 390, right_edges
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    found = violations_when_settled(page, "the story form with a chosen photo at 390 px")
    assert not found, "\n".join(found)
