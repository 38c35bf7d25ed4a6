"""Review happens on the story: the status header of every workflow form (state, who submitted when,
the note, the send-back comment, what changed since the published version) and the workflow steps
as buttons of the submit row, offered only to those who may take them; the start page's waiting list
with Kommune, submitter, date and age."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from campaign.models import Kommune
from editorial.models import Action, AuditEntry
from editorial.status_header import ago, since
from editorial.workflow import STEPS
from shared.publication import Status
from stories.models import Story
from tests.editorial.test_workflow import change
from tests.factories import PhotoFactory, PressReleaseFactory, StoryFactory, kommune
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

STORIES = "/admin/stories/story/"


@pytest.fixture
def story(db):
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story)
    return Story.objects.get(pk=story.pk)


def url(story: Story) -> str:
    return f"{STORIES}{story.pk}/change/"


def step(client, story: Story, name: str, **fields):
    """Press a workflow button of the story's form (the hidden status keeps the stored state)."""
    story.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url(story), {**change(story, **fields), "_workflow": name})


def buttons(html: str) -> list[str]:
    return re.findall(r'<button type="submit" name="_workflow" value="(\w+)"', html)


def header(html: str) -> str:
    match = re.search(r'<section class="workflow-status.*?</section>', html, re.S)
    assert match, "no status header"
    return match.group(0)


def test_the_reviewer_sees_who_submitted_when_with_the_note(client, story, dueren_editor, central_editor):
    client.force_login(dueren_editor)
    response = step(client, story, "submit", review_comment="Bitte bis Freitag prüfen.")
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.status == Status.REVIEW
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.comment) == (Action.SUBMITTED, "Bitte bis Freitag prüfen.")

    client.force_login(central_editor)
    html = header(client.get(url(story)).content.decode())
    assert "Stand" in html and "Zur Prüfung" in html
    assert "Eingereicht" in html and "von redaktion-dueren" in html
    assert f'datetime="{timezone.localtime(entry.created_at).isoformat()}"' in html
    assert "gerade eben" in html
    assert "Anmerkung beim Einreichen" in html and "Bitte bis Freitag prüfen." in html
    assert "<dl" in html and "<h2" in html


def test_the_kommune_editor_sees_the_send_back_comment_on_the_story(client, story, dueren_editor, central_editor):
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    client.force_login(central_editor)
    mail.outbox.clear()
    response = step(client, story, "send_back", review_comment="Das Zitat bitte kürzen.")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.comment, entry.username) == (Action.SENT_BACK, "Das Zitat bitte kürzen.", "zentrale")
    assert [message.to for message in mail.outbox] == [["presse@kreis-dueren.example"]]

    client.force_login(dueren_editor)
    html = header(client.get(url(story)).content.decode())
    assert "Entwurf" in html and "Zurückgegeben" in html and "von zentrale" in html
    assert "Anmerkung der Zentralen Redaktion" in html and "Das Zitat bitte kürzen." in html


def test_sending_back_without_a_comment_is_refused_in_german(client, story, central_editor):
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    client.force_login(central_editor)
    response = step(client, story, "send_back", review_comment="  ")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["review_comment"] == [
        "Bitte schreiben Sie der Redaktion, was vor der Veröffentlichung zu ändern ist."
    ]
    story.refresh_from_db()
    assert story.status == Status.REVIEW
    assert not AuditEntry.objects.exists()
    # Shown again, the hidden status holds the stored state: a plain save now would not send back.
    assert 'name="status" value="review"' in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status", "offered"),
    [
        ("dueren", Status.DRAFT, ["submit"]),
        ("dueren", Status.REVIEW, ["withdraw"]),
        ("dueren", Status.PUBLISHED, []),
        ("dueren", Status.ARCHIVED, []),
        ("central", Status.DRAFT, ["submit", "publish", "archive"]),
        ("central", Status.REVIEW, ["publish", "send_back", "archive"]),
        ("central", Status.PUBLISHED, ["unpublish", "archive"]),
        ("central", Status.ARCHIVED, ["publish", "reopen"]),
    ],
)
def test_buttons_are_offered_per_role_and_state(request, story, who, status, offered):
    client = request.getfixturevalue(who)
    Story.objects.filter(pk=story.pk).update(status=status)
    html = client.get(url(story)).content.decode()
    assert buttons(html) == offered
    if offered:  # the header names the steps offered, and only those
        hint = re.search(r'<p class="workflow-status__hint">(.*?)<a', header(html), re.S).group(1)
        assert re.findall("„(.*?)“", hint) == [str(STEPS[name].label) for name in offered]
    if who == "dueren":
        actions = html.split('id="workflow-actions"')[1] if offered else ""
        assert "Veröffentlichen" not in header(html) + actions
    assert '<select name="status"' not in html


def test_the_plain_save_keeps_the_state_and_says_so(central, story):
    html = central.get(url(story)).content.decode()
    assert 'value="Als Entwurf speichern"' in html and 'name="status" value="draft"' in html
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    html = central.get(url(story)).content.decode()
    assert 'value="Speichern"' in html and 'name="status" value="review"' in html
    story.refresh_from_db()
    response = central.post(url(story), change(story, name="Dora D."))
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.status, story.name) == (Status.REVIEW, "Dora D.")
    assert not AuditEntry.objects.exists()


def test_a_kommune_editor_cannot_publish_by_posting_the_button(dueren, story):
    response = step(dueren, story, "publish")
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.status == Status.DRAFT
    assert not AuditEntry.objects.exists()
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    for name in ("send_back", "archive", "unpublish", "no_such_step"):
        assert step(dueren, story, name, review_comment="x").status_code == 403
    story.refresh_from_db()
    assert story.status == Status.REVIEW


def test_each_button_takes_its_step_with_an_audit_entry(client, story, dueren_editor, central_editor):
    client.force_login(dueren_editor)
    for name, status in [("submit", Status.REVIEW), ("withdraw", Status.DRAFT), ("submit", Status.REVIEW)]:
        response = step(client, story, name)
        assert response.status_code == 302, response.context["adminform"].form.errors
        story.refresh_from_db()
        assert story.status == status
    client.force_login(central_editor)
    sequence = [
        ("send_back", Status.DRAFT),
        ("publish", Status.PUBLISHED),
        ("unpublish", Status.DRAFT),
        ("archive", Status.ARCHIVED),
        ("reopen", Status.DRAFT),
        ("submit", Status.REVIEW),
        ("archive", Status.ARCHIVED),
        ("publish", Status.PUBLISHED),
    ]
    for name, status in sequence:
        response = step(client, story, name, review_comment="Bitte das Foto tauschen." if name == "send_back" else "")
        assert response.status_code == 302, (name, response.context["adminform"].form.errors)
        story.refresh_from_db()
        assert story.status == status, name
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "username"))
    assert actions == [
        (Action.SUBMITTED, "redaktion-dueren"),
        (Action.WITHDRAWN, "redaktion-dueren"),
        (Action.SUBMITTED, "redaktion-dueren"),
        (Action.SENT_BACK, "zentrale"),
        (Action.PUBLISHED, "zentrale"),
        (Action.UNPUBLISHED, "zentrale"),
        (Action.ARCHIVED, "zentrale"),
        (Action.SUBMITTED, "zentrale"),  # reopening an archived row is no step of its own
        (Action.ARCHIVED, "zentrale"),
        (Action.PUBLISHED, "zentrale"),
    ]


def test_the_button_wins_over_the_posted_status_and_says_what_was_done(central, story):
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    response = step(central, story, "publish", status="draft")
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == [f"Veröffentlicht: {story}"]


def test_a_step_that_no_longer_fits_the_state_is_refused_in_german(central, story):
    # The reviewer's form was opened while the story was under review; meanwhile it went back to draft.
    response = step(central, story, "send_back", review_comment="Zu spät.")
    assert response.status_code == 200
    assert "„Zurückgeben …“ passt nicht mehr zum Stand dieses Eintrags." in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.DRAFT and not AuditEntry.objects.exists()


def test_a_failed_publish_keeps_the_rule_and_the_stored_state(central, story):
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    story.consents.all().delete()
    response = step(central, story, "publish")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ohne gültige Einwilligung für die Website" in html  # StoryForm's rule, as for status=published
    assert "Ohne gültige Einwilligung für die Website" in html.split('id="workflow-actions"')[1]  # beside the button
    assert 'name="status" value="review"' in html
    assert "Zur Prüfung" in header(html)
    story.refresh_from_db()
    assert story.status == Status.REVIEW and not AuditEntry.objects.exists()


def test_the_header_shows_what_changed_since_the_published_version(central, story):
    Story.objects.filter(pk=story.pk).update(status=Status.DRAFT)
    story.refresh_from_db()
    html = header(central.get(url(story)).content.decode())
    assert "Noch nie veröffentlicht" in html
    story.status = Status.PUBLISHED
    story.save()
    story.quote = "Ein ganz neues Zitat."
    story.status = Status.DRAFT
    story.save()
    html = header(central.get(url(story)).content.decode())
    assert "Geändert seit der veröffentlichten Fassung" in html
    assert "Zitat" in html and "<ins" in html and "neues" in html


def test_the_jobcenter_page_is_submitted_by_button(client, dueren_editor, central_editor):
    page = kommune("kreis-dueren")
    client.force_login(dueren_editor)
    response = client.get(f"/admin/campaign/kommune/{page.pk}/change/")
    html = response.content.decode()
    assert buttons(html) == ["submit"]
    assert 'value="Als Entwurf speichern"' in html
    data = admin_form_data(response.context["adminform"].form, exclude=["editors"], phone="02421 999")
    data |= {"locations-TOTAL_FORMS": "0", "locations-INITIAL_FORMS": "0", "_workflow": "submit"}
    assert client.post(f"/admin/campaign/kommune/{page.pk}/change/", data).status_code == 302
    page.refresh_from_db()
    assert (page.status, page.phone) == (Status.REVIEW, "02421 999")
    assert AuditEntry.objects.get().action == Action.SUBMITTED
    html = header(client.get(f"/admin/campaign/kommune/{page.pk}/change/").content.decode())
    assert "Besucher sehen bis zur Freigabe die zuletzt freigegebene Fassung." in html
    client.force_login(central_editor)
    assert buttons(client.get(f"/admin/campaign/kommune/{page.pk}/change/").content.decode()) == [
        "publish",
        "send_back",
        "archive",
    ]
    assert Kommune.objects.get(pk=page.pk).status == Status.REVIEW


def test_every_workflow_form_has_the_header(central):
    release = PressReleaseFactory(status=Status.DRAFT)
    html = central.get(f"/admin/press/pressrelease/{release.pk}/change/").content.decode()
    assert "Entwurf" in header(html)
    assert buttons(html) == ["submit", "publish", "archive"]
    html = central.get("/admin/press/pressrelease/add/").content.decode()
    assert "Neu" in header(html) and buttons(html) == ["submit", "publish"]


def test_ages_in_german_words():
    now = timezone.now()
    assert since(now - timedelta(days=3, hours=2), now) == "seit 3 Tagen"
    assert since(now - timedelta(days=1), now) == "seit 1 Tag"
    assert since(now - timedelta(hours=5), now) == "seit 5 Stunden"
    assert ago(now - timedelta(minutes=1), now) == "vor 1 Minute"
    assert ago(now - timedelta(seconds=10), now) == "gerade eben"


def submitted(story: Story, user, days: int, comment: str = "") -> AuditEntry:
    """A submission recorded `days` ago."""
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    entry = AuditEntry.objects.create(
        user=user,
        username=user.get_username(),
        action=Action.SUBMITTED,
        content_type=ContentType.objects.get_for_model(Story),
        object_id=str(story.pk),
        object_repr=str(story),
        kommune=story.kommune,
        comment=comment,
    )
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=days, hours=1))
    return entry


def panel(html: str, title: str) -> str:
    match = re.search(rf"<h2[^>]*>{re.escape(title)}</h2>(.*?)</section>", html, re.S)
    assert match, f"no panel {title}"
    return match.group(1)


def test_the_waiting_list_shows_kommune_submitter_date_and_age_oldest_first(client, dueren_editor, central_editor):
    older = StoryFactory(name="Olga Älter", status=Status.REVIEW, kommune=kommune("kreis-dueren"))
    newer = StoryFactory(name="Nina Neuer", status=Status.REVIEW, kommune=kommune("landeshauptstadt-stuttgart"))
    submitted(older, dueren_editor, 3, comment="Bitte bis Freitag.")
    submitted(newer, central_editor, 1)
    client.force_login(central_editor)
    waiting = panel(client.get("/admin/").content.decode(), "Wartet auf Prüfung")
    assert waiting.index("Olga Älter") < waiting.index("Nina Neuer")
    first, second = waiting.split("Nina Neuer")
    assert "Kreis Düren" in first and "von redaktion-dueren" in first and "seit 3 Tagen" in first
    assert "Anmerkung: Bitte bis Freitag." in first
    assert "<time datetime=" in first
    assert "Landeshauptstadt Stuttgart" in second and "von zentrale" in second and "seit 1 Tag<" in second


def test_the_kommune_editor_first_sees_what_was_sent_back_then_drafts(client, story, dueren_editor, central_editor):
    other = StoryFactory(name="Erna Entwurf", status=Status.DRAFT, kommune=kommune("kreis-dueren"))
    Story.history.filter(id__in=[story.pk, other.pk]).update(history_user=dueren_editor)  # both the editor's own
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    client.force_login(central_editor)
    step(client, story, "send_back", review_comment="Das Zitat bitte kürzen.")
    client.force_login(dueren_editor)
    html = client.get("/admin/").content.decode()
    titles = re.findall(r'<h2 id="editorial-panel-\d+">(.*?)</h2>', html)
    assert titles[:2] == ["Zurückgegeben: bitte überarbeiten", "Meine Entwürfe"]
    assert titles[-1] == "Eingereicht, wartet auf Prüfung"
    back = panel(html, "Zurückgegeben: bitte überarbeiten")
    assert "Dora Dürenerin" in back and "Zurückgegeben: Das Zitat bitte kürzen." in back and "von zentrale" in back
    drafts = panel(html, "Meine Entwürfe")
    assert "Erna Entwurf" in drafts and "Dora Dürenerin" not in drafts


def test_the_note_stands_above_the_buttons(dueren, story):
    html = dueren.get(url(story)).content.decode()
    assert html.count('name="review_comment"') == 1
    note = html.index('id="id_review_comment"')
    assert html.rindex("</fieldset>") < note < html.index('name="_workflow"')
    assert 'aria-describedby="id_review_comment_helptext"' in html and 'id="id_review_comment_helptext"' in html


def test_the_start_page_asks_the_same_number_of_queries_for_more_submissions(client, dueren_editor, central_editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.force_login(central_editor)
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured.captured_queries)

    def add(count: int) -> None:
        for _ in range(count):
            row = StoryFactory(status=Status.REVIEW, kommune=kommune("kreis-dueren"))
            submitted(row, dueren_editor, 2, comment="Bitte prüfen.")

    add(1)
    queries()  # the first visit also fills caches (content types, the session)
    few = queries()
    add(4)
    assert queries() == few


def test_a_button_alone_is_enough_and_a_refusal_shows_the_plain_save_again(central, story):
    Story.objects.filter(pk=story.pk).update(status=Status.REVIEW)
    story.refresh_from_db()
    data = {key: value for key, value in change(story).items() if key != "status"}
    response = central.post(url(story), {**data, "_workflow": "send_back"})  # no comment: refused
    assert response.status_code == 200
    assert 'name="status" value="review"' in response.content.decode()
    response = central.post(url(story), {**data, "_workflow": "publish"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
