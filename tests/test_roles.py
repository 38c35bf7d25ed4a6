"""Editorial roles (shared/roles.py): a Kommune's editors work on their own stories and Jobcenter
page only, on every admin entry point, and cannot publish; the central team publishes."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.factories import StoryFactory, editor, kommune
from tests.helpers import admin_form_data
from tests.stories.test_admin import story_form as admin_story_form

pytestmark = pytest.mark.django_db

STORIES = "/admin/stories/story/"
KOMMUNEN = "/admin/campaign/kommune/"


@pytest.fixture
def dueren(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    return client


@pytest.fixture
def stories():
    return {
        "own": StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, kommune=kommune("kreis-dueren")),
        "other": StoryFactory(
            name="Stella Stuttgarterin", status=Status.DRAFT, kommune=kommune("landeshauptstadt-stuttgart")
        ),
    }


def story_form(**changes) -> dict:
    """A draft story of Kreis Düren as the admin form posts it (the form of tests/stories/test_admin.py)."""
    defaults = {"name": "Neue Person", "slug": "neue-person", "body": "<p>Text</p>", "status": "draft"}
    return admin_story_form(**{**defaults, "publish_from_0": "", "publish_from_1": "", **changes})


def test_migrate_creates_both_groups_with_their_rights():
    kommune_rights = set(Group.objects.get(name=KOMMUNE_EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_story", "change_story", "delete_story", "change_photo", "change_kommune"} <= kommune_rights
    assert not {"change_pressrelease", "change_leitbild", "change_explainervideo", "add_kommune"} & kommune_rights
    central_rights = set(Group.objects.get(name=CENTRAL_EDITORS).permissions.values_list("codename", flat=True))
    assert {"change_story", "change_pressrelease", "change_leitbild", "change_contentpage"} <= central_rights


@pytest.mark.parametrize(
    "query", ["", "?q=Stella", "?q=Stuttgart", "?status__exact=draft", "?kommune__land=baden-wuerttemberg"]
)
def test_change_list_search_and_filters_show_only_own_kommune(dueren, stories, query):
    html = dueren.get(STORIES + query).content.decode()
    assert "Stella Stuttgarterin" not in html
    if query in ("", "?status__exact=draft"):
        assert "Dora Dürenerin" in html


@pytest.mark.parametrize("view", ["change/", "delete/", "history/"])
def test_forged_urls_of_another_kommunes_story_are_refused_without_its_title(dueren, stories, view):
    response = dueren.get(f"{STORIES}{stories['other'].pk}/{view}", follow=True)
    assert "Stella Stuttgarterin" not in response.content.decode()
    assert response.status_code in (200, 403, 404)
    assert response.redirect_chain or response.status_code in (403, 404)
    own = dueren.get(f"{STORIES}{stories['own'].pk}/{view}")
    assert own.status_code == 200


def test_another_kommunes_story_cannot_be_deleted_or_changed_by_a_forged_post(dueren, stories):
    other = stories["other"]
    dueren.post(f"{STORIES}{other.pk}/delete/", {"post": "yes"})
    dueren.post(f"{STORIES}{other.pk}/change/", story_form(name="Übernommen", slug=other.slug, loaded_version=0))
    other.refresh_from_db()
    assert other.name == "Stella Stuttgarterin"
    dueren.post(STORIES, {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"})
    assert Story.objects.filter(pk=other.pk).exists()


def test_kommune_choice_offers_only_own_kommunen_and_a_forged_one_is_refused(dueren):
    form = dueren.get(STORIES + "add/").context["adminform"].form
    assert [k.slug for k in form.fields["kommune"].queryset] == ["kreis-dueren"]
    response = dueren.post(STORIES + "add/", story_form(kommune=str(kommune("landeshauptstadt-stuttgart").pk)))
    assert response.status_code == 200
    assert "kommune" in response.context["adminform"].form.errors
    assert not Story.objects.filter(slug="neue-person").exists()


def test_kommune_editor_writes_drafts_and_cannot_publish(dueren):
    form = dueren.get(STORIES + "add/").context["adminform"].form
    assert [value for value, _label in form.fields["status"].choices] == ["draft", "review"]
    assert "featured" not in form.fields  # the landing page's choice is the central team's
    assert "cover_story" not in form.fields  # and so is its Titelgeschichte
    response = dueren.post(STORIES + "add/", story_form(status="published"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert not Story.objects.filter(slug="neue-person").exists()
    assert dueren.post(STORIES + "add/", story_form()).status_code == 302
    assert Story.objects.get(slug="neue-person").status == Status.DRAFT


def test_a_published_story_is_the_central_teams_to_change(dueren):
    story = StoryFactory(name="Paul Publiziert", kommune=kommune("kreis-dueren"))
    assert dueren.get(f"{STORIES}{story.pk}/change/").status_code == 200  # to read
    data = story_form(name="Geändert", slug=story.slug, status="draft", loaded_version=story.version)
    dueren.post(f"{STORIES}{story.pk}/change/", data)
    story.refresh_from_db()
    assert (story.name, story.status) == ("Paul Publiziert", Status.PUBLISHED)


def test_central_editor_sees_every_kommune_and_publishes(client, stories):
    client.force_login(editor(CENTRAL_EDITORS))
    html = client.get(STORIES).content.decode()
    assert "Stella Stuttgarterin" in html and "Dora Dürenerin" in html
    form = client.get(STORIES + "add/").context["adminform"].form
    assert form.fields["kommune"].queryset.count() == 104
    assert [value for value, _label in form.fields["status"].choices] == ["draft", "review", "published", "archived"]
    response = client.post(STORIES + "add/", story_form(status="published"))
    # Refused only because a new story has no consent on record yet, not for the status itself.
    assert [error.code for error in response.context["adminform"].form.errors.as_data()["status"]] == ["no_consent"]
    Story.objects.filter(pk=stories["own"].pk).update(status=Status.PUBLISHED)
    assert client.get(f"{STORIES}{stories['own'].pk}/change/").context["has_change_permission"]


def test_jobcenter_page_is_the_kommunes_own(dueren):
    own, other = kommune("kreis-dueren"), kommune("landeshauptstadt-stuttgart")
    html = dueren.get(KOMMUNEN).content.decode()
    assert "Kreis Düren" in html and "Landeshauptstadt Stuttgart" not in html
    assert "Stuttgart" not in dueren.get(f"{KOMMUNEN}{other.pk}/change/", follow=True).content.decode()
    form = dueren.get(f"{KOMMUNEN}{own.pk}/change/").context["adminform"].form
    assert "editors" not in form.fields  # who edits a Kommune is the central team's decision
    data = admin_form_data(form, phone="02421 22-0", status="review")
    data.update({"locations-TOTAL_FORMS": "0", "locations-INITIAL_FORMS": "0"})  # the locations inline
    assert dueren.post(f"{KOMMUNEN}{own.pk}/change/", data).status_code == 302
    own.refresh_from_db()
    assert own.phone == "02421 22-0"


def test_kommune_editor_previews_own_drafts_only(dueren, stories):
    assert dueren.get(stories["own"].get_absolute_url()).status_code == 200
    assert dueren.get(stories["other"].get_absolute_url()).status_code == 404


def sign_in(client, username: str, password: str) -> bool:
    """Through the admin's login form: django-axes checks every login against a request."""
    client.logout()
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_load_demo_creates_the_three_demo_logins(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "ein-anderes-demo-passwort")
    call_command("load_demo", only=["campaign"], verbosity=0)
    assert sign_in(client, "redaktion-dueren", "ein-anderes-demo-passwort")
    html = client.get(KOMMUNEN).content.decode()
    assert "Kreis Düren" in html and "Stuttgart" not in html
    assert sign_in(client, "redaktion-stuttgart", "ein-anderes-demo-passwort")
    assert sign_in(client, "zentrale", "ein-anderes-demo-passwort")
    assert client.get("/admin/press/pressrelease/").status_code == 200
    # The start page shows the demo barrier report with its reply-by date.
    html = client.get("/admin/").content.decode()
    assert "Barriere-Meldungen ohne Antwort" in html and "Antwort bis" in html
