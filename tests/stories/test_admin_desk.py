"""The story form as an editor works through it (issue 25): its order, its named sections, text
areas with a count, the Kommune chosen, readonly fields in words, the error summary."""

import re

import pytest

from consent.models import Consent
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.factories import StoryFactory, editor, kommune
from tests.helpers import story_change_data
from tests.stories.html import parse
from tests.stories.test_admin import ADD_URL, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def dueren_client(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    return client


@pytest.fixture
def central_client(client):
    client.force_login(editor(CENTRAL_EDITORS))
    return client


def test_story_form_runs_person_photos_video_text_topics_consent_publication(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    marks = [
        '<h2 id="fieldset-0-0-heading" class="fieldset-heading">Person</h2>',
        'id="photos-group"',
        ">Eigenes Video</h2>",
        ">Zitat und Text</h2>",
        ">Themen</h2>",
        ">Einwilligung</h2>",
        ">Veröffentlichung</h2>",
    ]
    positions = [html.find(mark) for mark in marks]
    assert -1 not in positions, dict(zip(marks, positions, strict=True))
    assert positions == sorted(positions)
    # the person's fields in the first section, before the photos
    for name in ("id_kind", "id_name", "id_role_de", "id_kommune"):
        assert html.find(f'id="{name}"') < positions[1], name


def test_every_fieldset_of_the_story_and_consent_forms_starts_with_a_legend(admin_client):
    story = StoryFactory(kommune=kommune("kreis-dueren"))
    consent = Consent.objects.get(story=story)
    for url in (ADD_URL, f"/admin/stories/story/{story.pk}/change/", f"/admin/consent/consent/{consent.pk}/change/"):
        fieldsets = parse(admin_client.get(url).content).find_all("fieldset")
        assert len(fieldsets) >= 5
        unnamed = [fs.attrs for fs in fieldsets if not fs.children or fs.children[0].tag != "legend"]
        assert not unnamed, url
        assert all(fs.children[0].all_text() for fs in fieldsets), url


def test_a_photo_row_is_named_after_the_photo(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    assert '<legend class="visually-hidden">Foto 1</legend>' in html
    assert '<legend class="visually-hidden">Foto, neu</legend>' in html  # the row "hinzufügen" copies


def test_video_section_is_folded_without_a_video_and_open_with_one(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    section = re.search(r"<details( open)?><summary>\s*<h2[^>]*>Eigenes Video</h2>", html)
    assert section and section.group(1) is None
    story = StoryFactory(kommune=kommune("kreis-dueren"), external_platform="youtube", external_video_id="abc12345678")
    html = admin_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    section = re.search(r"<details( open)?><summary>\s*<h2[^>]*>Eigenes Video</h2>", html)
    assert section and section.group(1) == " open"


def test_quote_teaser_and_alt_text_are_text_areas_sized_to_their_limit(admin_client):
    page = parse(admin_client.get(ADD_URL).content)
    areas = {area.attrs["name"]: area.attrs for area in page.find_all("textarea")}
    for name, limit, rows in [
        ("quote_de", "300", "4"),
        ("quote_en", "300", "4"),
        ("teaser_de", "500", "6"),
        ("photos-0-alt_text", "250", "3"),
    ]:
        assert areas[name]["maxlength"] == limit, name
        assert areas[name]["rows"] == rows, name
        assert "data-char-count" in areas[name], name


def test_line_breaks_in_a_quote_become_spaces(admin_client):
    response = admin_client.post(ADD_URL, story_form(quote="Ich habe es\r\ngeschafft.", status="draft"))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Story.objects.get(slug="leonie-braun").quote == "Ich habe es geschafft."


def test_kommune_is_chosen_for_an_editor_of_one_kommune(dueren_client):
    dueren = kommune("kreis-dueren")
    for url in (ADD_URL, "/admin/consent/consent/add/"):
        form = dueren_client.get(url).context["adminform"].form
        assert form.initial.get("kommune") == dueren.pk, url
        assert f'<option value="{dueren.pk}" selected>' in str(form["kommune"])


def test_kommune_is_left_open_for_an_editor_of_two_and_for_the_central_team(client, central_client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren", "landeshauptstadt-stuttgart"))
    assert "kommune" not in client.get(ADD_URL).context["adminform"].form.initial
    assert "kommune" not in central_client.get(ADD_URL).context["adminform"].form.initial


def test_a_link_naming_the_kommune_keeps_it(dueren_client):
    form = dueren_client.get("/admin/consent/consent/add/?kommune=7").context["adminform"].form
    assert form.initial["kommune"] == "7"


def test_fields_a_kommune_editor_may_not_change_say_so_in_words(dueren_client):
    html = dueren_client.get(ADD_URL).content.decode()
    row = html[html.index('class="form-row field-featured"') : html.index('class="form-row field-cover_story"')]
    assert "icon-no.svg" not in row and "icon-yes.svg" not in row
    assert 'Nein. <span class="readonly-note">Wählt die Zentrale Redaktion.</span>' in row
    assert html.count("Wählt die Zentrale Redaktion.") == 2  # featured and cover story


def test_central_team_gets_the_checkboxes(central_client):
    html = central_client.get(ADD_URL).content.decode()
    assert 'name="featured"' in html and "Wählt die Zentrale Redaktion." not in html


def test_hidden_version_field_has_no_label(admin_client):
    story = StoryFactory(kommune=kommune("kreis-dueren"))
    html = admin_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'type="hidden" name="loaded_version"' in html
    assert 'for="id_loaded_version"' not in html
    assert "Loaded version" not in html


def test_error_summary_links_each_field_in_error_in_page_order(admin_client):
    data = story_form(name="", quote="", status="draft", photo={"alt_text": "Leonie", "caption": "Im Laden"})
    data.pop("photos-0-credit_de", None)
    data["photos-0-image"] = ""
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert "Bitte die folgenden" in summary and "Fehler korrigieren" in summary
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    anchors = [anchor for anchor, _text in links]
    assert "id_name" in anchors and "id_quote_de" in anchors
    photo_anchors = [anchor for anchor in anchors if anchor.startswith("id_photos-0-")]
    assert photo_anchors, links
    # the person first, then the photo row, then the quote (the order of the page)
    assert anchors.index("id_name") < anchors.index(photo_anchors[0]) < anchors.index("id_quote_de")
    text = dict(links)
    assert text["id_name"].startswith("Name: ")
    assert text[photo_anchors[0]].startswith("Foto 1: ")
    # every link points at an element of the page
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor
    assert "errornote" not in html


def test_error_of_the_status_set_by_the_buttons_links_to_the_buttons(admin_client):
    story = StoryFactory(kommune=kommune("kreis-dueren"), status=Status.DRAFT, consent=False)
    data = story_change_data(admin_client, story, _workflow="submit")
    response = admin_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 200
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert '<a href="#workflow-actions">' in summary
    assert "Ohne gültige Einwilligung" in summary
    assert 'id="workflow-actions"' in html
    story.refresh_from_db()
    assert story.status == Status.DRAFT


def test_a_published_story_viewed_by_its_kommune_shows_yes_in_words(dueren_client):
    story = StoryFactory(kommune=kommune("kreis-dueren"), status=Status.PUBLISHED, featured=True)
    html = dueren_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    row = html[html.index('class="form-row field-featured"') : html.index('class="form-row field-cover_story"')]
    assert 'Ja. <span class="readonly-note">Wählt die Zentrale Redaktion.</span>' in row
    assert "icon-yes.svg" not in html and "icon-no.svg" not in html
