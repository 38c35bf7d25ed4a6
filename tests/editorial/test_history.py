"""Revisions with a readable diff and restore, and two editors saving the same row."""

import re
from html import unescape

import pytest

from editorial.models import Action, AuditEntry
from leitbild.models import Chapter
from shared.publication import Status
from stories.models import Story
from tests.editorial.test_workflow import STORIES, change
from tests.factories import PhotoFactory, StoryFactory, editor, kommune

pytestmark = pytest.mark.django_db


def versions(html: str, label: str) -> tuple[str, str]:
    """The old and the new text of the change of `label` on a history page: without the words
    added, and without the words removed (editorial/compare.py marks them <ins> and <del>)."""
    item = re.search(rf"<strong>{label}:</strong>(.*?)</li>", html, re.DOTALL).group(1)
    old = re.sub(r"<[^>]+>", "", re.sub(r"<ins>.*?</ins>", "", item, flags=re.DOTALL))
    new = re.sub(r"<[^>]+>", "", re.sub(r"<del>.*?</del>", "", item, flags=re.DOTALL))
    return " ".join(unescape(old).split()), " ".join(unescape(new).split())


@pytest.fixture
def story(db):
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story)
    return Story.objects.get(pk=story.pk)


def test_history_shows_who_changed_which_field_and_restores_an_old_revision(dueren, story):
    old_quote = story.quote
    response = dueren.post(f"{STORIES}{story.pk}/change/", change(story, quote="Ein neues Zitat."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    html = dueren.get(f"{STORIES}{story.pk}/history/").content.decode()
    assert versions(html, "Zitat") == (old_quote, "Ein neues Zitat.")
    assert "redaktion-dueren" in html

    first = story.history.order_by("history_date").first()
    revision_url = f"{STORIES}{story.pk}/history/{first.history_id}/"
    form = dueren.get(revision_url).context["adminform"].form
    assert form.initial["quote_de"] == old_quote
    data = change(story, quote=form.initial["quote_de"])
    data["_save"] = "1"
    response = dueren.post(revision_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.quote == old_quote
    assert AuditEntry.objects.get().action == Action.RESTORED


def test_restore_keeps_the_current_publication_state(central, story):
    central.post(f"{STORIES}{story.pk}/change/", change(story, quote="Neu"))
    story.refresh_from_db()
    central.post(f"{STORIES}{story.pk}/change/", change(story, quote="Neu", status="published"))
    story.refresh_from_db()
    assert story.status == Status.PUBLISHED
    first = story.history.order_by("history_date").first()
    form = central.get(f"{STORIES}{story.pk}/history/{first.history_id}/").context["adminform"].form
    assert form.initial["status"] == Status.PUBLISHED  # not the old "Entwurf"
    assert form.initial["loaded_version"] == story.version


@pytest.mark.parametrize("view", ["history/", "history/{history_id}/"])
def test_history_of_another_kommunes_story_is_refused(client, story, view):
    client.force_login(editor("Redaktion Kommune", "landeshauptstadt-stuttgart"))
    history_id = story.history.first().history_id
    response = client.get(f"{STORIES}{story.pk}/" + view.format(history_id=history_id), follow=True)
    assert response.status_code in (403, 404) or response.redirect_chain
    assert "Dora Dürenerin" not in response.content.decode()
    data = change(story, name="Übernommen")
    client.post(f"{STORIES}{story.pk}/history/{history_id}/", data)
    story.refresh_from_db()
    assert story.name == "Dora Dürenerin"


def test_the_second_of_two_concurrent_saves_is_refused_and_keeps_its_input(client, story, dueren_editor):
    colleague = editor("Redaktion Kommune", "kreis-dueren", username="kollegin")
    url = f"{STORIES}{story.pk}/change/"
    client.force_login(dueren_editor)
    mine = change(story, quote="Meine Fassung des Zitats.")
    client.force_login(colleague)
    assert client.post(url, change(story, quote="Die Fassung der Kollegin.")).status_code == 302

    client.force_login(dueren_editor)
    response = client.post(url, mine)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nicht gespeichert: kollegin hat diesen Eintrag am" in html
    assert "Meine Fassung des Zitats." in html  # the typed input is still in the form
    story.refresh_from_db()
    assert story.quote == "Die Fassung der Kollegin."


def test_leitbild_chapters_have_history_and_concurrency_too(admin_client):
    chapter = Chapter.objects.get(slug=Chapter.objects.values_list("slug", flat=True).first())
    url = f"/admin/leitbild/chapter/{chapter.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if name in form.fields and value is not None}
    data |= {
        "commitments-TOTAL_FORMS": 0,
        "commitments-INITIAL_FORMS": 0,
        "commitments-MIN_NUM_FORMS": 0,
        "commitments-MAX_NUM_FORMS": 1000,
    }
    stale = dict(data)
    Chapter.objects.filter(pk=chapter.pk).update(version=chapter.version + 1)
    response = admin_client.post(url, {**stale, "title_de": "Überschrieben?"})
    assert response.status_code == 200 and "Nicht gespeichert" in response.content.decode()
    chapter.refresh_from_db()
    assert chapter.title != "Überschrieben?"
    assert chapter.history.exists()  # the first revision made by the migration
