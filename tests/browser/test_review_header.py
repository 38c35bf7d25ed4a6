"""The status header and the step buttons in the browser, as the reviewer sees a submitted story at
1366 and 390 px: the submitter, the note and the earlier send-back comment in view, no sideways
scrolling, the buttons reachable, axe without violations. Screenshots of both widths go to
test-artifacts/screenshots/ (admin-status-header-<width>.png, admin-workflow-actions-<width>.png,
admin-waiting-list-<width>.png)."""

from django.contrib.contenttypes.models import ContentType

from editorial.models import Action, AuditEntry
from shared.publication import Status
from tests.browser.axe import axe_violations, format_violations
from tests.browser.test_admin_axe import log_in, story_with_photo
from tests.browser.test_look import SCREENSHOTS
from tests.factories import UserFactory, editor


def entry(story, user, action, comment):
    return AuditEntry.objects.create(
        user=user,
        username=user.get_username(),
        action=action,
        content_type=ContentType.objects.get_for_model(type(story)),
        object_id=str(story.pk),
        object_repr=str(story),
        kommune=story.kommune,
        comment=comment,
    )


def test_the_reviewer_sees_the_submission_in_the_header_at_both_widths(site):
    central = UserFactory(username="zentrale", is_superuser=True)
    author = editor("Redaktion Kommune", "kreis-dueren", username="redaktion-dueren")
    story = story_with_photo(status=Status.REVIEW)
    entry(story, central, Action.SENT_BACK, "Bitte das Zitat kürzen und den Bildnachweis ergänzen.")
    entry(story, author, Action.SUBMITTED, "Zitat gekürzt, Bildnachweis ergänzt. Bitte bis Freitag prüfen.")
    log_in(site, "zentrale")
    found = []
    for width in (1366, 390):
        site.page.set_viewport_size({"width": width, "height": 900})
        site.open(f"/admin/stories/story/{story.pk}/change/")
        header = site.page.locator("#workflow-status")
        assert header.get_by_role("heading", name="Stand: Zur Prüfung").is_visible()
        text = header.inner_text()
        assert "von redaktion-dueren" in text and "Bitte bis Freitag prüfen." in text
        assert "Bitte das Zitat kürzen" in text
        overflow = site.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{width} px: {overflow} px sideways"
        buttons = site.page.locator("button[name=_workflow]")
        assert [buttons.nth(i).inner_text() for i in range(buttons.count())] == [
            "Veröffentlichen",
            "Zurückgeben …",
            "Archivieren",
        ]
        violations = axe_violations(site.page)
        if violations:
            found.append(f"{width} px\n{format_violations(violations)}")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        header.screenshot(path=str(SCREENSHOTS / f"admin-status-header-{width}.png"))
        site.page.locator("#workflow-actions").scroll_into_view_if_needed()
        box = site.page.locator("#workflow-actions").bounding_box()
        row = site.page.locator(".workflow-submit-row").bounding_box()
        clip = {"x": 0, "y": box["y"], "width": width, "height": row["y"] + row["height"] - box["y"]}
        site.page.screenshot(path=str(SCREENSHOTS / f"admin-workflow-actions-{width}.png"), clip=clip)
    assert not found, "\n".join(found)


def test_the_waiting_list_at_both_widths(site):
    central = UserFactory(username="zentrale", is_superuser=True)
    author = editor("Redaktion Kommune", "kreis-dueren", username="redaktion-dueren")
    story = story_with_photo(status=Status.REVIEW)
    entry(story, author, Action.SUBMITTED, "Bitte bis Freitag prüfen.")
    log_in(site, central.get_username())
    found = []
    for width in (1366, 390):
        site.page.set_viewport_size({"width": width, "height": 900})
        site.open("/admin/")
        waiting = site.page.locator("section.editorial-panel", has_text="Wartet auf Prüfung")
        text = waiting.inner_text()
        assert "Kreis Düren" in text and "von redaktion-dueren" in text and "seit eben" in text
        assert "Anmerkung: Bitte bis Freitag prüfen." in text
        overflow = site.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{width} px: {overflow} px sideways"
        violations = axe_violations(site.page)
        if violations:
            found.append(f"{width} px\n{format_violations(violations)}")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        waiting.screenshot(path=str(SCREENSHOTS / f"admin-waiting-list-{width}.png"))
    assert not found, "\n".join(found)
