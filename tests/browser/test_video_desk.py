"""The video in the editor's desk, in Chromium (issue 25): the processing followed without a reload
(static/js/video-status.js polls the JSON status of mediafiles/video_admin.py), and a portrait phone
video that stays inside the window with its controls, in the admin's preview and on the story page.

The portrait video is the phone MOV of tests/mediafiles/test_video_pipeline.py (HEVC, recorded
landscape with a phone's rotation tag), made into web files by the real processor."""

import pytest
from django.core.files.base import ContentFile

from mediafiles.video_processing import VideoProcessor
from mediafiles.videos import Processing
from shared.publication import Status
from shared.roles import KOMMUNE_EDITORS
from stories.models import Story
from tests.browser.axe import axe_violations, format_violations
from tests.browser.test_admin_axe import log_in
from tests.factories import StoryFactory, add_video, demo_media_file, editor, kommune
from tests.mediafiles.test_video_pipeline import phone_video  # noqa: F401 (a fixture)

SIZES = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


def uploaded_story(content: bytes, **fields) -> Story:
    story = StoryFactory(
        status=Status.DRAFT, kommune=kommune("kreis-dueren"), name="Björn Mehren", slug="bjoern-mehren", **fields
    )
    story.video_source.save("IMG_0001.MOV", ContentFile(content))
    story.refresh_from_db()
    return story


def dueren_editor_signed_in(site) -> None:
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    log_in(site, "redaktion-dueren")


def test_the_form_follows_the_processing_without_a_reload(site):
    story = uploaded_story(b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 200)
    assert story.processing_state == Processing.WAITING
    dueren_editor_signed_in(site)
    page = site.page
    site.open(f"/admin/stories/story/{story.pk}/change/")
    status = page.locator(".field-processing [role=status]")
    assert status.inner_text() == "Wartet auf die Verarbeitung."
    assert not page.locator(".video-status__hint").is_visible()  # "reload the page" is for no script
    page.evaluate("() => { window.notReloaded = true; }")

    Story.objects.filter(pk=story.pk).update(processing_state=Processing.RUNNING, processing_progress=60)
    page.wait_for_function(
        "() => document.querySelector('.field-processing [role=status]').textContent.includes('60 %')", timeout=10000
    )
    assert status.inner_text() == "Wird verarbeitet: 60 % fertig."
    assert page.locator(".video-status__progress").get_attribute("value") == "60"

    # The task is done: the web files, the captions and the poster are there.
    add_video(story)
    Story.objects.filter(pk=story.pk).update(processing_state=Processing.READY, processing_progress=100, duration=9)
    page.wait_for_function(
        "() => document.querySelector('.field-processing [role=status]').textContent.startsWith('Fertig')",
        timeout=10000,
    )
    assert status.inner_text() == "Fertig: MP4 und WebM für das Web, Dauer 0:09."
    assert page.evaluate("() => window.notReloaded") is True
    assert page.locator(".video-status__progress").count() == 0
    assert page.locator("[data-video-preview] video track[kind=captions]").count() == 1
    reload = page.get_by_role("link", name="Seite neu laden, um das Vorschaubild und die Web-Dateien zu sehen")
    assert reload.is_visible()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    requests_after = []
    page.on("request", lambda request: requests_after.append(request.url))
    page.wait_for_timeout(4000)
    assert not [url for url in requests_after if "video-status" in url], "polling stops when the video is done"


def test_without_javascript_the_form_shows_the_state_at_each_load(site, browser):
    story = uploaded_story(b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 200)
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(site.url("/admin/login/?next=/admin/"))
    page.fill("#id_username", "redaktion-dueren")
    page.fill("#id_password", "ein-langes-testpasswort")
    page.click("input[type=submit]")
    page.goto(site.url(f"/admin/stories/story/{story.pk}/change/"))
    line = page.locator(".field-processing .video-status")
    assert line.inner_text().strip().startswith("Wartet auf die Verarbeitung. Laden Sie die Seite in einer Minute neu.")
    Story.objects.filter(pk=story.pk).update(processing_state=Processing.FAILED, processing_error="Kaputt.")
    page.reload()
    assert page.locator(".field-processing [role=status]").inner_text() == "Fehlgeschlagen: Kaputt."
    context.close()


def bottom_inside_the_window(page, selector: str) -> dict:
    """Scroll the element's bottom into view; where it is then, and the window's height."""
    return page.evaluate(
        """(selector) => {
            const element = document.querySelector(selector);
            element.scrollIntoView({block: 'end', behavior: 'instant'});
            const box = element.getBoundingClientRect();
            return {top: box.top, bottom: box.bottom, height: box.height, width: box.width,
                    window: window.innerHeight, windowWidth: document.documentElement.clientWidth};
        }""",
        selector,
    )


def assert_fits(place: dict, where: str) -> None:
    assert place["height"] <= place["window"], f"{where}: {place}"
    assert place["top"] >= 0 and place["bottom"] <= place["window"] + 0.5, f"{where}: {place}"  # sub-pixel
    assert place["width"] <= place["windowWidth"], f"{where}: {place}"


def loaded(page, selector: str) -> dict:
    page.wait_for_function(
        f"() => document.querySelector('{selector}').readyState >= 1", timeout=15000
    )  # metadata: the box has the video's own size now
    return page.evaluate(
        f"() => {{ const v = document.querySelector('{selector}'); return [v.videoWidth, v.videoHeight]; }}"
    )


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_a_portrait_phone_video_stays_inside_the_window_with_its_controls(site, phone_video, size):  # noqa: F811
    story = uploaded_story(phone_video, poster_alt="Björn an der Werkbank", transcript="Björn erzählt.")
    story.captions = demo_media_file("captions", "bjoern-mehren.vtt")
    story.save()
    VideoProcessor(Story, story.pk).run()
    story.refresh_from_db()
    assert (story.processing_state, story.poster_width, story.poster_height) == ("ready", 360, 640)
    page = site.page
    page.set_viewport_size(size)

    dueren_editor_signed_in(site)
    site.open(f"/admin/stories/story/{story.pk}/change/")
    assert loaded(page, ".video-preview") == [360, 640]
    assert_fits(bottom_inside_the_window(page, ".video-preview"), f"admin preview at {size}")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    Story.objects.filter(pk=story.pk).update(status=Status.PUBLISHED)
    site.open("/geschichten/bjoern-mehren/")
    assert loaded(page, ".stories-video__player") == [360, 640]
    player = bottom_inside_the_window(page, ".stories-video__player")
    assert_fits(player, f"story page at {size}")
    assert player["width"] < player["height"], "the portrait player is not a full-width letterbox"
