"""Entwurf → Zur Prüfung → Veröffentlicht → Archiviert: who may do what, the comment when a
submission goes back, the audit log and the e-mails to the other side."""

import pytest
from django.core import mail
from django.test import TestCase

from editorial.models import Action, AuditEntry
from shared.publication import Status
from stories.models import Story
from tests.factories import PhotoFactory, StoryFactory, editor, kommune
from tests.stories.test_admin import story_form

pytestmark = pytest.mark.django_db(transaction=False)

STORIES = "/admin/stories/story/"


def change(story: Story, **fields) -> dict:
    """The change form of a draft story with a photo, as the browser posts it."""
    photo = story.photos.get()
    values = {
        "name": story.name,
        "slug": story.slug,
        "quote": story.quote,
        "kommune": str(story.kommune.pk),
        "publish_from_0": "",
        "publish_from_1": "",
        "loaded_version": story.version,
        "status": story.status,
    }
    data = story_form(**{**values, **fields})
    data.update(
        {
            "photos-INITIAL_FORMS": "1",
            "photos-0-id": str(photo.pk),
            "photos-0-story": str(story.pk),
            "photos-0-alt_text": photo.alt_text,
            "photos-0-caption": photo.caption,
            "photos-0-credit": photo.credit,
        }
    )
    return data


@pytest.fixture
def draft(db):
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story)
    return Story.objects.get(pk=story.pk)


def submit(client, story: Story, comment: str = ""):
    return client.post(f"{STORIES}{story.pk}/change/", change(story, status="review", review_comment=comment))


def test_kommune_editor_submits_and_the_central_team_is_told(dueren, draft, central_editor, settings):
    settings.EDITORIAL_RECIPIENTS = []
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = submit(dueren, draft, "Bitte bis Freitag.")
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert not draft.is_published
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.username, entry.kommune.slug) == (Action.SUBMITTED, "redaktion-dueren", "kreis-dueren")
    assert entry.comment == "Bitte bis Freitag."
    [message] = mail.outbox
    assert message.to == ["redaktion@jobcenter.example"]
    assert "Dora Dürenerin" in message.subject and "Zur Prüfung eingereicht" in message.subject
    assert "Bitte bis Freitag." in message.body
    assert f"http://testserver/admin/stories/story/{draft.pk}/change/" in message.body


def test_a_submission_cannot_go_without_a_picture(dueren):
    story = StoryFactory(name="Ohne Bild", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    data = story_form(name=story.name, slug=story.slug, status="review", loaded_version=story.version)
    response = dueren.post(f"{STORIES}{story.pk}/change/", data)
    assert response.status_code == 200
    assert "braucht eine Geschichte mindestens ein Foto" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.DRAFT


def test_sending_back_needs_a_comment_and_reaches_the_kommune(client, draft, dueren_editor, central_editor):
    client.force_login(dueren_editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        submit(client, draft)
    draft.refresh_from_db()
    client.force_login(central_editor)
    mail.outbox.clear()

    response = client.post(f"{STORIES}{draft.pk}/change/", change(draft, status="draft"))
    assert response.status_code == 200
    assert "Bitte schreiben Sie der Redaktion" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            f"{STORIES}{draft.pk}/change/", change(draft, status="draft", review_comment="Das Zitat bitte kürzen.")
        )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    entry = AuditEntry.objects.first()
    assert (entry.action, entry.comment, entry.username) == (Action.SENT_BACK, "Das Zitat bitte kürzen.", "zentrale")
    [message] = mail.outbox
    assert message.to == ["presse@kreis-dueren.example"]
    assert "Das Zitat bitte kürzen." in message.body
    # The editor finds it on the start page, with the comment.
    client.force_login(dueren_editor)
    html = client.get("/admin/").content.decode()
    assert "Meine Entwürfe" in html and "Zurückgegeben: Das Zitat bitte kürzen." in html


def test_publish_unpublish_and_archive_are_logged(client, draft, dueren_editor, central_editor):
    client.force_login(dueren_editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        submit(client, draft)
    client.force_login(central_editor)
    mail.outbox.clear()
    for status in ("published", "draft", "archived"):
        draft.refresh_from_db()
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(f"{STORIES}{draft.pk}/change/", change(draft, status=status))
        assert response.status_code == 302, response.context["adminform"].form.errors
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [Action.SUBMITTED, Action.PUBLISHED, Action.UNPUBLISHED, Action.ARCHIVED]
    assert all(message.to == ["presse@kreis-dueren.example"] for message in mail.outbox)
    assert len(mail.outbox) == 3
    draft.refresh_from_db()
    assert draft.status == Status.ARCHIVED and not draft.is_published


@pytest.mark.parametrize("status", ["published", "archived"])
def test_kommune_editor_cannot_publish_or_archive_nor_change_such_rows(dueren, draft, status):
    response = dueren.post(f"{STORIES}{draft.pk}/change/", change(draft, status=status))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    Story.objects.filter(pk=draft.pk).update(status=status)
    draft.refresh_from_db()
    response = dueren.get(f"{STORIES}{draft.pk}/change/")
    assert response.status_code == 200 and not response.context["has_change_permission"]
    dueren.post(f"{STORIES}{draft.pk}/change/", change(draft, status="draft", name="Geändert"))
    draft.refresh_from_db()
    assert (draft.status, draft.name) == (status, "Dora Dürenerin")
    assert not AuditEntry.objects.exists()


def test_the_audit_log_is_read_only_and_scoped(client, draft, dueren_editor, central_editor):
    other = editor("Redaktion Kommune", "landeshauptstadt-stuttgart")
    client.force_login(dueren_editor)
    submit(client, draft)
    entry = AuditEntry.objects.get()
    assert "Dora Dürenerin" in client.get("/admin/editorial/auditentry/").content.decode()
    assert client.get(f"/admin/editorial/auditentry/{entry.pk}/delete/").status_code == 403
    client.force_login(other)
    assert "Dora Dürenerin" not in client.get("/admin/editorial/auditentry/").content.decode()
    response = client.get(f"/admin/editorial/auditentry/{entry.pk}/change/", follow=True)
    assert "Dora Dürenerin" not in response.content.decode()
    client.force_login(central_editor)
    assert "Dora Dürenerin" in client.get("/admin/editorial/auditentry/").content.decode()


def test_start_page_lists_what_waits_for_review_per_role(client, draft, dueren_editor, central_editor):
    stuttgart = StoryFactory(
        name="Stella Stuttgarterin", status=Status.REVIEW, kommune=kommune("landeshauptstadt-stuttgart")
    )
    Story.objects.filter(pk=draft.pk).update(status=Status.REVIEW)
    client.force_login(central_editor)
    html = client.get("/admin/").content.decode()
    assert "Wartet auf Prüfung" in html
    assert "Dora Dürenerin" in html and stuttgart.name in html
    client.force_login(dueren_editor)
    html = client.get("/admin/").content.decode()
    assert "Eingereicht, wartet auf Prüfung" in html
    assert "Dora Dürenerin" in html and stuttgart.name not in html
