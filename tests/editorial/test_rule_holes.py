"""The rule holes a hostile test found (issue 25), each closed for every reviewed type:

1. the history-restore page saves nothing for somebody who may only view the row;
2. deleting a published or archived row is the central team's, and every deletion is logged and
   told to the Kommune's editors;
3. a preview link dies with the right to be shown (archived, consent withdrawn or expired), also
   for the files of the story, and no new link is offered for such a row;
4. restoring a revision whose file no longer exists is refused in German, not answered with a 500.
"""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from editorial import preview
from editorial.models import Action, AuditEntry
from shared.publication import Status
from stories.models import Story
from tests.editorial.test_workflow import STORIES, change
from tests.factories import PhotoFactory, StoryFactory, UserFactory, editor, give_consent, image_file, kommune

pytestmark = pytest.mark.django_db


def make_story(status=Status.DRAFT, **fields) -> Story:
    story = StoryFactory(
        name="Dora Dürenerin",
        quote="Das alte Zitat.",
        status=status,
        publish_from=timezone.now() - datetime.timedelta(days=1) if status == Status.PUBLISHED else None,
        kommune=kommune("kreis-dueren"),
        **fields,
    )
    PhotoFactory(story=story)
    return Story.objects.get(pk=story.pk)


def first_revision(story: Story) -> str:
    first = story.history.order_by("history_date", "history_id").first()
    return f"{STORIES}{story.pk}/history/{first.history_id}/"


def revise(story: Story, **fields) -> Story:
    """A second revision saved in code (the history then has an older one to restore)."""
    for name, value in fields.items():
        setattr(story, name, value)
    story.save()
    return Story.objects.get(pk=story.pk)


# --- 1. restore with a view right ----------------------------------------------------------------


def test_kommune_editor_restoring_a_published_story_never_changes_it(dueren):
    """The hostile test: GET the revision, POST it back with an edited quote and status=review. The
    published story stays as it is (StoryAdmin may turn the restore into a change for review)."""
    story = revise(make_story(Status.PUBLISHED), quote="Das veröffentlichte Zitat.")
    url = first_revision(story)

    assert dueren.get(url).status_code == 200
    data = change(story, quote="Vom Angreifer geändert.", status="review")
    data["_save"] = "1"
    response = dueren.post(url, data)

    assert response.status_code in (302, 403)
    story.refresh_from_db()
    assert (story.quote, story.status) == ("Das veröffentlichte Zitat.", Status.PUBLISHED)
    assert story.is_published
    assert not Story.objects.exclude(pk=story.pk).filter(status__in=[Status.REVIEW, Status.PUBLISHED]).exists()
    assert not AuditEntry.objects.filter(object_id=str(story.pk)).exists()


def test_restore_is_refused_where_the_row_may_not_be_changed(dueren):
    story = revise(make_story(Status.PUBLISHED), quote="Das archivierte Zitat.")
    Story.objects.filter(pk=story.pk).update(status=Status.ARCHIVED)
    story.refresh_from_db()
    url = first_revision(story)

    response = dueren.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()  # shown read-only, no button that saves
    assert response.context["adminform"].form.fields["quote_de"].disabled
    data = change(story, quote="Vom Angreifer geändert.", status="review")
    data["_save"] = "1"
    assert dueren.post(url, data).status_code == 403

    story.refresh_from_db()
    assert (story.quote, story.status) == ("Das archivierte Zitat.", Status.ARCHIVED)
    assert not AuditEntry.objects.exists()


def test_a_view_right_alone_never_saves_through_the_restore_page(client):
    story = revise(make_story(Status.DRAFT), quote="Das neue Zitat.")
    viewer = UserFactory(username="nur-lesen")
    viewer.user_permissions.add(Permission.objects.get(codename="view_story", content_type__app_label="stories"))
    viewer.kommunen.set([kommune("kreis-dueren")])
    client.force_login(viewer)
    url = first_revision(story)

    response = client.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    data = change(story, quote="Mit Leserecht geändert.")
    data["_save"] = "1"
    assert client.post(url, data).status_code == 403
    story.refresh_from_db()
    assert story.quote == "Das neue Zitat."
    assert story.history.count() == 2


def test_the_central_team_still_restores_a_published_story(central):
    story = revise(make_story(Status.PUBLISHED), quote="Das veröffentlichte Zitat.")
    url = first_revision(story)
    form = central.get(url).context["adminform"].form
    assert form.initial["quote_de"] == "Das alte Zitat."
    data = change(story, quote=form.initial["quote_de"], status="published")
    data["_save"] = "1"
    response = central.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert (story.quote, story.status) == ("Das alte Zitat.", Status.PUBLISHED)
    assert AuditEntry.objects.get().action == Action.RESTORED


# --- 2. deletion ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.ARCHIVED])
def test_kommune_editor_cannot_delete_a_published_or_archived_story(dueren, status):
    story = make_story(status)
    assert dueren.get(f"{STORIES}{story.pk}/delete/").status_code == 403
    assert dueren.post(f"{STORIES}{story.pk}/delete/", {"post": "yes"}).status_code == 403
    dueren.post(STORIES, {"action": "delete_selected", "_selected_action": [story.pk], "post": "yes"})
    assert Story.objects.filter(pk=story.pk).exists()
    assert not AuditEntry.objects.exists()
    html = dueren.get(f"{STORIES}{story.pk}/change/").content.decode()
    assert f"{STORIES}{story.pk}/delete/" not in html  # no delete link on the form either


def test_kommune_editor_deletes_an_own_draft_and_it_is_logged_and_told(client, dueren_editor):
    colleague = editor("Redaktion Kommune", "kreis-dueren", username="kollegin", email="kollegin@kreis-dueren.example")
    story = make_story(Status.DRAFT)
    client.force_login(dueren_editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"{STORIES}{story.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.username, entry.kommune.slug) == (Action.DELETED, "redaktion-dueren", "kreis-dueren")
    assert entry.object_id == str(story.pk) and "Dora Dürenerin" in entry.object_repr
    assert entry.get_action_display() == "Gelöscht"
    [message] = mail.outbox
    assert message.to == [colleague.email]  # the one who deleted it knows already
    assert "Gelöscht" in message.subject and "Dora Dürenerin" in message.subject
    assert "gelöscht" in message.body and "redaktion-dueren" in message.body
    assert f"/admin/stories/story/{story.pk}/change/" not in message.body  # no link to a page that is gone


def test_the_central_team_deletes_a_published_story_logged_and_the_kommune_told(central, dueren_editor):
    story = make_story(Status.PUBLISHED)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = central.post(f"{STORIES}{story.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.username, entry.kommune.slug) == (Action.DELETED, "zentrale", "kreis-dueren")
    [message] = mail.outbox
    assert message.to == ["presse@kreis-dueren.example"]


def test_bulk_deletion_logs_every_row_and_tells_the_kommune(central, dueren_editor):
    first = make_story(Status.PUBLISHED)
    second = StoryFactory(name="Zweite Person", status=Status.DRAFT, kommune=kommune("kreis-dueren"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = central.post(
            STORIES, {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"}
        )
    assert response.status_code == 302
    assert not Story.objects.filter(pk__in=[first.pk, second.pk]).exists()
    entries = AuditEntry.objects.filter(action=Action.DELETED)
    assert sorted(entries.values_list("object_id", flat=True)) == sorted([str(first.pk), str(second.pk)])
    assert len(mail.outbox) == 2
    assert all(message.to == ["presse@kreis-dueren.example"] for message in mail.outbox)


def test_kommune_editor_bulk_deletes_own_drafts_logged(dueren):
    story = make_story(Status.DRAFT)
    with TestCase.captureOnCommitCallbacks(execute=True):
        dueren.post(STORIES, {"action": "delete_selected", "_selected_action": [story.pk], "post": "yes"})
    assert not Story.objects.filter(pk=story.pk).exists()
    assert AuditEntry.objects.get().action == Action.DELETED


# --- 3. preview links die with the right to be shown ---------------------------------------------


def test_a_preview_link_dies_when_the_consent_is_withdrawn(client):
    story = make_story(Status.REVIEW)
    link = preview.link_for(story)
    assert client.get(link).status_code == 200
    consent = story.consents.get()
    consent.withdrawn_on = timezone.localdate()
    consent.save()  # the story is taken offline (stories/withdrawal.py)

    response = client.get(link)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Dora Dürenerin" not in html and "Das alte Zitat." not in html and "Text der Geschichte" not in html
    assert "nicht mehr" in html
    assert "no-store" in response["Cache-Control"]


def test_a_preview_link_dies_when_the_consent_expired_even_before_the_nightly_run(client):
    story = make_story(Status.REVIEW)
    link = preview.link_for(story)
    # Time passed: the consent ended yesterday; enforce_consents has not run (story not archived).
    give_consent(story, expires_on=timezone.localdate() - datetime.timedelta(days=1))
    story.refresh_from_db()
    assert story.status == Status.REVIEW

    response = client.get(link)
    assert response.status_code == 410
    assert "Dora Dürenerin" not in response.content.decode()


def test_a_preview_link_dies_when_the_row_is_archived(client):
    story = make_story(Status.REVIEW)
    link = preview.link_for(story)
    Story.objects.filter(pk=story.pk).update(status=Status.ARCHIVED)
    response = client.get(link)
    assert response.status_code == 410
    assert "Dora Dürenerin" not in response.content.decode()


def test_a_draft_without_any_consent_yet_can_still_be_previewed(client):
    story = make_story(Status.DRAFT, consent=False)
    assert client.get(preview.link_for(story)).status_code == 200


def test_no_new_link_is_offered_for_a_story_whose_consent_ended(central):
    story = make_story(Status.PUBLISHED)
    give_consent(story, withdrawn_on=timezone.localdate())  # recorded without the signal: not archived yet
    html = central.get(f"{STORIES}{story.pk}/change/").content.decode()
    assert "/vorschau/" not in html
    assert "Kein Vorschau-Link: Eine Einwilligung ist widerrufen oder abgelaufen" in html


def test_no_new_link_is_offered_for_an_archived_row(central):
    story = make_story(Status.ARCHIVED)
    html = central.get(f"{STORIES}{story.pk}/change/").content.decode()
    assert "/vorschau/" not in html
    assert "Kein Vorschau-Link: Archivierte Inhalte werden nicht mehr gezeigt." in html


def test_the_files_of_a_story_whose_consent_ended_do_not_load_through_an_old_link(client):
    story = make_story(Status.REVIEW)
    photo = story.photos.get()
    link = "http://testserver" + preview.link_for(story)
    assert client.get(photo.image.url, headers={"referer": link}).status_code == 200
    give_consent(story, expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(photo.image.url, headers={"referer": link}).status_code == 404
    assert client.get(photo.image_jpeg_480.url, headers={"referer": link}).status_code == 404


def test_the_files_of_an_archived_story_do_not_load_through_an_old_link(client):
    story = make_story(Status.REVIEW)
    photo = story.photos.get()
    link = "http://testserver" + preview.link_for(story)
    Story.objects.filter(pk=story.pk).update(status=Status.ARCHIVED)
    assert client.get(photo.image.url, headers={"referer": link}).status_code == 404


# --- 4. restoring a revision whose file is gone --------------------------------------------------


@pytest.fixture
def story_with_a_lost_poster(db):
    story = make_story(Status.DRAFT, poster=image_file("poster.jpg", width=320, height=180))
    lost = story.poster.name
    story = revise(story, poster=image_file("neues-poster.jpg", width=320, height=180), quote="Das neue Zitat.")
    story.poster.storage.delete(lost)
    return story, lost


@pytest.mark.parametrize("user", ["dueren", "central"])
def test_restoring_a_revision_whose_poster_is_gone_is_refused_in_german(request, story_with_a_lost_poster, user):
    client = request.getfixturevalue(user)
    story, lost = story_with_a_lost_poster
    url = first_revision(story)

    response = client.get(url, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diese Fassung kann nicht wiederhergestellt werden: die Datei" in html
    assert "gibt es nicht mehr" in html and lost.rsplit("/", 1)[-1] in html
    assert 'name="_save"' not in html

    data = change(story, quote="Das alte Zitat.")
    data["_save"] = "1"
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Diese Fassung kann nicht wiederhergestellt werden" in response.content.decode()
    story.refresh_from_db()
    assert story.quote == "Das neue Zitat." and story.poster.name != lost
    assert not AuditEntry.objects.exists()
