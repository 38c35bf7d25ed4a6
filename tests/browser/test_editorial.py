"""A Kommune editor writes a story, records the person's consent from the story form and submits
it; the central editor publishes it. Every admin page on the way passes axe-core, and the story is
public only at the end."""

from django.core import mail

from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.browser.axe import assert_accessible
from tests.factories import editor, image_file

PASSWORD = "ein-langes-testpasswort"

SIGNED_FORM = b"%PDF-1.4\n% Einwilligung Lena Browser\n%%EOF\n"


def account(username: str, group: str, *kommune_slugs: str):
    return editor(group, *kommune_slugs, username=username, email=f"{username}@example.org")


def log_in(site, username: str) -> None:
    site.page.context.clear_cookies()
    site.open("/admin/login/?next=/admin/")
    site.page.fill("#id_username", username)
    site.page.fill("#id_password", PASSWORD)
    site.page.click("input[type=submit]")
    site.page.wait_for_url(site.url("/admin/"))


def test_kommune_editor_writes_and_central_editor_publishes(site):
    account("redaktion-dueren", KOMMUNE_EDITORS, "kreis-dueren")
    account("zentrale", CENTRAL_EDITORS)
    page = site.page

    log_in(site, "redaktion-dueren")
    assert_accessible(page)
    site.open("/admin/stories/story/add/")
    assert_accessible(page)
    page.fill("#id_name", "Lena Browser")
    page.fill("#id_quote_de", "Ich arbeite wieder als Mechatronikerin.")
    page.fill("#id_teaser_de", "Lena Browser hat eine neue Stelle gefunden.")
    page.select_option("#id_kommune", label="Kreis Düren")
    photo = image_file().read()
    page.set_input_files("#id_photos-0-image", files=[{"name": "lena.jpg", "mimeType": "image/jpeg", "buffer": photo}])
    page.fill("#id_photos-0-alt_text", "Eine Frau an einer Werkbank")
    page.fill("#id_photos-0-caption", "Lena Browser in der Werkstatt")
    page.fill("#id_photos-0-credit", "Foto: Kreis Düren")
    page.click("input[name=_continue]")
    story = Story.objects.get(slug="lena-browser")
    page.wait_for_url(site.url(f"/admin/stories/story/{story.pk}/change/"))

    # Submitting before the consent is on record is refused in German, with the comment kept.
    page.fill("#id_review_comment", "Bitte vor Freitag prüfen.")
    page.click("button[name=_workflow][value=submit]")
    page.locator(".errorlist", has_text="Ohne gültige Einwilligung für die Website").wait_for()
    assert page.input_value("#id_review_comment") == "Bitte vor Freitag prüfen."
    assert_accessible(page)
    # The story form leads to the register with story, person and Kommune filled in.
    page.click("text=Einwilligung erfassen")
    assert page.input_value("#id_person") == "Lena Browser"
    assert_accessible(page)
    page.set_input_files(  # the signed form, scanned (a consent counts only with its document)
        "#id_document", files=[{"name": "einwilligung.pdf", "mimeType": "application/pdf", "buffer": SIGNED_FORM}]
    )
    page.fill("#id_signed_on", "04.05.2026")
    page.click("input[name=_save]")
    page.wait_for_url(site.url(f"/admin/stories/story/{story.pk}/change/"))  # back to the story
    assert story.consents.get().kommune.slug == "kreis-dueren"
    assert "Gültig für die Website" in page.content()
    page.fill("#id_review_comment", "Bitte vor Freitag prüfen.")
    page.click("button[name=_workflow][value=submit]")
    page.wait_for_url(site.url("/admin/stories/story/"))
    assert "Lena Browser" in page.content()
    assert_accessible(page)
    story.refresh_from_db()
    assert story.status == "review"
    assert any("Lena Browser" in message.subject for message in mail.outbox)
    site.open("/geschichten/lena-browser/", status=200)  # the editor's own preview
    assert "Vorschau" in page.content()

    log_in(site, "zentrale")
    assert "Wartet auf Prüfung" in page.content() and "Lena Browser" in page.content()
    assert_accessible(page)
    page.click("text=Lena Browser")
    assert_accessible(page)
    assert "Bitte vor Freitag prüfen." in page.locator("#workflow-status").inner_text()
    page.click("button[name=_workflow][value=publish]")
    page.wait_for_url(site.url("/admin/stories/story/"))
    site.open(f"/admin/stories/story/{story.pk}/history/")
    assert "Zur Prüfung" in page.content() and "Veröffentlicht" in page.content()
    assert_accessible(page)

    page.context.clear_cookies()
    site.open("/geschichten/lena-browser/")
    assert "Ich arbeite wieder als Mechatronikerin." in page.content()
    assert "Vorschau" not in page.locator("main").inner_text()
    site.problems.assert_clean()
