"""The comparison view (issue 25, „History that tells the truth“) in Chromium at 1366 and 390 px, as
the central team and as a Kommune editor: the story's history with a changed quote, a photo's
focal point and a consent record, and the page of one revision: axe without violations, no
sideways scrolling of the page on the phone. Screenshots go to test-artifacts/screenshots/
(admin-history-<width>.png, admin-history-revision-<width>.png).
"""

import pytest

from shared.roles import KOMMUNE_EDITORS
from tests.browser.axe import axe_violations, format_violations
from tests.browser.test_admin_axe import log_in
from tests.browser.test_admin_desk import WIDTHS, editor_account
from tests.browser.test_look import SCREENSHOTS
from tests.factories import PhotoFactory, StoryFactory, UserFactory, kommune


def story_with_history():
    story = StoryFactory(
        name="Dora Dürenerin",
        kommune=kommune("kreis-dueren"),
        quote="Ich habe im Jobcenter eine Fallmanagerin gefunden, die mir zugehört hat.",
    )
    photo = PhotoFactory(story=story, caption="Am ersten Arbeitstag")
    consent = story.consents.get()
    story.quote = "Im Jobcenter hat mir eine Fallmanagerin zugehört, und nach einem Jahr hatte ich wieder Arbeit."
    story.save()
    photo.focal_x = 0.35
    photo.save()
    consent.scope_press = True
    consent.save()
    return story


@pytest.mark.parametrize("viewport", WIDTHS, ids=["1366", "390"])
def test_history_and_revision_pages_pass_axe_at_both_widths(site, viewport):
    UserFactory(username="zentrale", is_superuser=True)
    editor_account("redaktion-dueren", KOMMUNE_EDITORS, "kreis-dueren")
    story = story_with_history()
    first = story.history.order_by("history_date").first()
    site.page.set_viewport_size(viewport)
    width = viewport["width"]
    found = []
    for username in ("zentrale", "redaktion-dueren"):
        site.page.context.clear_cookies()
        log_in(site, username)
        for path, name in [
            (f"/admin/stories/story/{story.pk}/history/", "admin-history"),
            (f"/admin/stories/story/{story.pk}/history/{first.history_id}/", "admin-history-revision"),
        ]:
            site.open(path)
            page = site.page
            text = page.locator("#content").inner_text()
            assert "None" not in text and "Changes" not in text
            if violations := axe_violations(page):
                found.append(f"{username} {path}\n{format_violations(violations)}")
            sideways = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if sideways > 1:
                found.append(f"{username} {path}: the page scrolls sideways by {sideways} px")
            if username == "zentrale":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        assert site.page.locator(".object-tools .historylink").text_content() == "Verlauf"
    assert not found, "\n\n".join(found)
