"""A Kommune editor changes a published story in the browser; visitors see the published story until
the central team publishes the change (stories/drafts.py). Every page of the way passes axe."""

from django.contrib.auth.models import Group

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.browser.axe import axe_violations, format_violations
from tests.browser.test_admin_axe import log_in
from tests.factories import PhotoFactory, StoryFactory, UserFactory, kommune


def violations(site, what: str) -> list[str]:
    found = []
    for width in (1366, 390):
        site.page.set_viewport_size({"width": width, "height": 900})
        problems = axe_violations(site.page)
        if problems:
            found.append(f"{what} at {width} px\n{format_violations(problems)}")
    site.page.set_viewport_size({"width": 1366, "height": 900})
    return found


def test_visitors_see_the_old_quote_until_the_central_team_publishes_the_change(site):
    editor = UserFactory(username="redaktion-dueren")
    editor.groups.add(Group.objects.get(name=KOMMUNE_EDITORS))
    editor.kommunen.set([kommune("kreis-dueren")])
    UserFactory(username="zentrale").groups.add(Group.objects.get(name=CENTRAL_EDITORS))
    live = StoryFactory(name="Dora Dürenerin", slug="dora", quote="Der alte Satz.", kommune=kommune("kreis-dueren"))
    PhotoFactory(story=live)
    page = site.page

    log_in(site, "redaktion-dueren")
    site.open(f"/admin/stories/story/{live.pk}/change/")
    found = violations(site, "the published story, read-only")
    page.get_by_role("link", name="Änderung vorschlagen").click()
    page.wait_for_url(site.url(f"/admin/stories/story/{live.pk}/aenderung/"))
    found += violations(site, "the confirmation page")
    page.get_by_role("button", name="Änderung beginnen").click()
    change = Story.objects.get(draft_of=live)
    page.wait_for_url(site.url(f"/admin/stories/story/{change.pk}/change/"))
    found += violations(site, "the change")
    assert not found, "\n".join(found)

    page.fill("#id_quote_de", "Der neue Satz.")
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    page.wait_for_load_state()
    assert Story.objects.get(pk=change.pk).status == "review"
    site.page.context.clear_cookies()
    site.open("/geschichten/dora/")
    assert page.get_by_text("Der alte Satz.").count() and not page.get_by_text("Der neue Satz.").count()

    log_in(site, "zentrale")
    site.open(f"/admin/stories/story/{change.pk}/change/")
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_url(site.url(f"/admin/stories/story/{live.pk}/change/"))
    assert not Story.objects.filter(pk=change.pk).exists()
    site.page.context.clear_cookies()
    site.open("/geschichten/dora/")
    assert page.get_by_text("Der neue Satz.").count() and not page.get_by_text("Der alte Satz.").count()
