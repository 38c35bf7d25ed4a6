"""Every admin page an editor uses passes axe-core (WCAG 2.1 AA) with zero violations, at 1366 and 390 px.

One test per role walks its pages (a browser test is slow; each page costs an axe run). The
fixes live in shared/admin.py, shared/richtext.py, static/js/admin.js, static/css/admin.css,
templates/admin/ and the catalogue in locale/de/.
"""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from campaign.models import BarrierReport, ContentPage
from consent.models import Consent
from leitbild.models import Chapter, Leitbild
from shared.publication import Status
from shared.roles import KOMMUNE_EDITORS
from tests.browser.axe import axe_violations, format_violations
from tests.factories import PhotoFactory, StoryFactory, UserFactory, kommune


def log_in(site, username: str) -> None:
    site.open("/admin/login/?next=/admin/")
    site.page.fill("#id_username", username)
    site.page.fill("#id_password", "ein-langes-testpasswort")
    site.page.click("input[type=submit]")
    site.page.wait_for_url(site.url("/admin/"))


WIDTHS = (1366, 390)  # a desk and a phone


def violations_on(site, paths: list[str]) -> list[str]:
    """axe on each page at the width of a desk and of a phone."""
    found = []
    for path in paths:
        site.open(path)
        for width in WIDTHS:
            site.page.set_viewport_size({"width": width, "height": 900})
            violations = axe_violations(site.page)
            if violations:
                found.append(f"{path} at {width} px\n{format_violations(violations)}")
        site.page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return found


def violations_when_settled(page, what: str) -> list[str]:
    """axe on the page once its CSS transitions (the admin's focus and hover colours) are over."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    violations = axe_violations(page)
    return [f"{what}\n{format_violations(violations)}"] if violations else []


def story_with_photo(**fields):
    story = StoryFactory(name="Dora Dürenerin", kommune=kommune("kreis-dueren"), **fields)
    PhotoFactory(story=story)
    return story


def test_central_pages_pass_axe_and_their_widgets_speak_german(site):
    UserFactory(username="zentrale", is_superuser=True)
    story = story_with_photo()
    BarrierReport.objects.create(description="Der Kontrast ist zu schwach.", location="Startseite")
    dueren = kommune("kreis-dueren")
    log_in(site, "zentrale")
    found = violations_on(
        site,
        [
            "/admin/",
            "/admin/stories/story/",
            "/admin/stories/story/add/",
            f"/admin/stories/story/{story.pk}/change/",
            "/admin/campaign/kommune/",
            f"/admin/campaign/kommune/{dueren.pk}/change/",  # with the two-box selector of editors
            "/admin/stories/explainervideo/add/",
            "/admin/press/pressrelease/add/",
            f"/admin/leitbild/leitbild/{Leitbild.objects.get().pk}/change/",
            f"/admin/leitbild/chapter/{Chapter.objects.filter(commitments__isnull=False).first().pk}/change/",
            f"/admin/campaign/contentpage/{ContentPage.objects.first().pk}/change/",
            "/admin/campaign/barrierreport/",
            "/admin/stories/topic/",
            "/admin/consent/consent/",
            "/admin/consent/consent/add/",
            "/admin/editorial/auditentry/",
            f"/admin/stories/story/{story.pk}/history/",
        ],
    )

    # The date and time pickers, opened, and the editor's German toolbar on the story form.
    page = site.page
    site.open("/admin/stories/story/add/")
    page.click("#calendarlink0")
    page.hover("#calendarin0 td a >> nth=10")
    found += violations_when_settled(page, "the calendar of “Sichtbar ab”")
    page.keyboard.press("Escape")
    page.click("#clocklink0")  # focuses “Jetzt”
    found += violations_when_settled(page, "the time list of “Sichtbar ab”")
    assert not found, "\n".join(found)

    today = page.locator(".datetimeshortcuts a", has_text="Heute").first
    assert today.get_attribute("aria-label").startswith("Heute (")
    # Two rich-text areas: the German text and its English copy (content translation).
    bold = page.locator('.prose-menubar button[data-name="bold"]')
    assert bold.count() == 2 and {bold.nth(i).get_attribute("title") for i in range(2)} == {"Fett"}
    site.open("/admin/stories/story/add/")  # closed pickers, fresh form
    assert page.get_by_role("textbox", name="Text:", exact=True).count() == 1
    # The English copy waits in its own closed section at the end (shared/translation_admin.py).
    assert page.get_by_role("textbox", name="Text (Englisch):", exact=True).count() == 0
    page.locator("summary", has_text="Fassung auf Englisch (optional)").click()
    assert page.get_by_role("textbox", name="Text (Englisch):", exact=True).count() == 1
    assert page.get_by_role("textbox", name="Zitat (Englisch):", exact=True).count() == 1
    found = violations_when_settled(page, "the open section “Fassung auf Englisch”")
    assert not found, "\n".join(found)


def test_kommune_editor_pages_pass_axe(site):
    user = UserFactory(username="redaktion-dueren")
    user.groups.add(Group.objects.get(name=KOMMUNE_EDITORS))
    dueren = kommune("kreis-dueren")
    user.kommunen.set([dueren])
    story = story_with_photo(status=Status.DRAFT)
    # The register with a legacy record, one ending soon and a stored document: every panel and widget.
    legacy = Consent.objects.get(story=story)
    Consent.objects.filter(pk=legacy.pk).update(is_legacy=True, expires_on=timezone.localdate() + timedelta(days=9))
    legacy.document.save("einwilligung.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    draft = StoryFactory(slug="noch-ohne-einwilligung", kommune=dueren, status=Status.DRAFT, consent=False)
    log_in(site, "redaktion-dueren")
    found = violations_on(
        site,
        [
            "/admin/",
            "/admin/stories/story/",
            "/admin/stories/story/add/",
            f"/admin/stories/story/{story.pk}/change/",
            f"/admin/stories/story/{draft.pk}/change/",
            "/admin/campaign/kommune/",
            f"/admin/campaign/kommune/{dueren.pk}/change/",
            "/admin/consent/consent/",
            f"/admin/consent/consent/{legacy.pk}/change/",
            f"/admin/consent/consent/add/?story={draft.pk}&person=Dora&kommune={dueren.pk}",
            "/admin/editorial/auditentry/",
            f"/admin/stories/story/{story.pk}/history/",
        ],
    )
    assert not found, "\n".join(found)
