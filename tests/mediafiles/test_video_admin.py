"""The video section of the editor's desk (issue 25, mediafiles/video_admin.py): the JSON status that
static/js/video-status.js polls while a video is processed, the download of the uploaded original
(never served under MEDIA_URL), and the rights of both, which are those of the change view."""

import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from mediafiles.videos import Processing
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.campaign.test_sign_language import ADD, admin_data
from tests.factories import ExplainerVideoFactory, StoryFactory, UserFactory, add_video, editor, kommune
from tests.mediafiles.test_video_pipeline import phone_video  # noqa: F401 (a fixture)

ORIGINAL_BYTES = b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"phone video" * 100


def status_url(story) -> str:
    return f"/admin/stories/story/{story.pk}/video-status/"


def original_url(story) -> str:
    return f"/admin/stories/story/{story.pk}/video-original/"


def change_url(story) -> str:
    return f"/admin/stories/story/{story.pk}/change/"


def uploaded_story(**fields) -> Story:
    """A draft of Kreis Düren with a phone video just uploaded (the task has not run: "waiting")."""
    story = StoryFactory(
        status=Status.DRAFT, kommune=kommune("kreis-dueren"), name="Björn Mehren", slug="bjoern-mehren", **fields
    )
    story.video_source.save("IMG_0001.MOV", ContentFile(ORIGINAL_BYTES))
    story.refresh_from_db()
    assert story.processing_state == Processing.WAITING
    return story


@pytest.fixture
def dueren_client(client, db):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    return client


def answer(client, story) -> dict:
    response = client.get(status_url(story))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


# -- the status view ----------------------------------------------------------------------------


def test_status_of_a_waiting_video_says_so_in_german_without_a_percentage(dueren_client):
    story = uploaded_story()
    data = answer(dueren_client, story)
    assert {key: data[key] for key in ("state", "pending", "message", "progress")} == {
        "state": "waiting",
        "pending": True,
        "message": "Wartet auf die Verarbeitung.",
        "progress": None,
    }
    assert data["preview"] == "– erscheint, sobald das Video verarbeitet ist –"


def test_status_of_a_running_video_gives_its_percentage(dueren_client):
    story = uploaded_story()
    Story.objects.filter(pk=story.pk).update(processing_state=Processing.RUNNING, processing_progress=42)
    data = answer(dueren_client, story)
    assert (data["state"], data["pending"], data["progress"]) == ("running", True, 42)
    assert data["message"] == "Wird verarbeitet: 42 % fertig."


def test_status_of_a_finished_video_says_done_and_brings_the_preview(dueren_client):
    story = add_video(uploaded_story())
    Story.objects.filter(pk=story.pk).update(processing_state=Processing.READY, processing_progress=100, duration=2)
    data = answer(dueren_client, story)
    assert (data["state"], data["pending"], data["progress"]) == ("ready", False, None)
    assert data["message"] == "Fertig: MP4 und WebM für das Web, Dauer 0:02."
    assert data["preview"].startswith('<video class="video-preview" controls preload="metadata"')
    assert f'<source src="{story.video_webm.url}" type="video/webm">' in data["preview"]
    assert f'<track kind="captions" srclang="de" label="Deutsch" src="{story.captions.url}" default>' in data["preview"]


def test_status_of_a_failed_video_gives_the_german_error(dueren_client):
    story = uploaded_story()
    error = "Die Video-Datei kann nicht gelesen werden: Sie ist beschädigt."
    Story.objects.filter(pk=story.pk).update(processing_state=Processing.FAILED, processing_error=error)
    data = answer(dueren_client, story)
    assert (data["state"], data["pending"], data["progress"]) == ("failed", False, None)
    assert data["message"] == f"Fehlgeschlagen: {error}"


def test_status_without_an_uploaded_file_says_there_is_none(dueren_client):
    story = StoryFactory(status=Status.DRAFT)
    data = answer(dueren_client, story)
    assert (data["state"], data["pending"], data["message"]) == ("none", False, "– keine Video-Datei hochgeladen –")


def test_status_of_a_story_of_another_kommune_is_not_found(client, db):
    story = uploaded_story()
    client.force_login(editor(KOMMUNE_EDITORS, "landeshauptstadt-stuttgart"))
    response = client.get(status_url(story))
    assert response.status_code == 404
    assert b"waiting" not in response.content and b"Wartet" not in response.content


def test_status_is_refused_to_staff_without_a_right_on_stories(client, db):
    story = uploaded_story()
    client.force_login(UserFactory(is_staff=True))
    assert client.get(status_url(story)).status_code == 403


def test_status_asks_a_visitor_to_sign_in(client, db):
    story = uploaded_story()
    response = client.get(status_url(story))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_status_of_an_explainer_video_is_for_the_central_team_only(client, db):
    video = ExplainerVideoFactory(status=Status.DRAFT)
    url = f"/admin/stories/explainervideo/{video.pk}/video-status/"
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    assert client.get(url).status_code == 403
    client.force_login(editor(CENTRAL_EDITORS))
    assert client.get(url).status_code == 200


def test_the_form_has_the_status_line_that_the_script_follows(dueren_client):
    story = uploaded_story()
    html = dueren_client.get(change_url(story)).content.decode()
    assert f'data-video-status="{status_url(story)}" data-video-state="waiting"' in html
    assert '<span class="video-status__message" role="status">Wartet auf die Verarbeitung.</span>' in html
    assert "Laden Sie die Seite in einer Minute neu." in html  # without script, as before
    assert "/static/js/video-status.js" in html


def video_section_classes(client, story) -> list:
    response = client.get(change_url(story))
    sections = [opts for _name, opts in response.context["adminform"].fieldsets if "video_source" in opts["fields"]]
    return sections[0].get("classes", [])


def test_the_folded_video_section_is_open_once_a_video_is_uploaded(dueren_client):
    assert "collapse" in video_section_classes(dueren_client, StoryFactory(status=Status.DRAFT))
    assert "collapse" not in video_section_classes(dueren_client, uploaded_story())


def test_a_refused_form_does_not_call_an_unsaved_video_finished(admin_client, phone_video):  # noqa: F811
    data = admin_data(status="published", video_source=SimpleUploadedFile("IMG_0001.MOV", phone_video))
    html = admin_client.post(ADD, data).content.decode()
    assert "Das Video wird noch verarbeitet. Bitte speichern Sie als Entwurf" in html  # refused
    assert '<span class="video-status__message" role="status">– die Video-Datei ist noch nicht gespeichert –' in html
    assert "Fertig:" not in html and "Originaldatei herunterladen" not in html and "/media/" not in html


# -- the original's download -----------------------------------------------------------------


def test_the_editor_downloads_the_uploaded_original(dueren_client):
    story = uploaded_story()
    response = dueren_client.get(original_url(story))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bjoern-mehren-original.mov"'
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == ORIGINAL_BYTES


def test_the_file_widget_links_the_download_not_the_hidden_media_address(dueren_client):
    story = uploaded_story()
    html = dueren_client.get(change_url(story)).content.decode()
    assert f'Derzeit: <a href="{original_url(story)}">{story.video_source.name}</a>' in html
    assert f'href="{story.video_source.url}"' not in html
    assert dueren_client.get(story.video_source.url).status_code == 404  # the reason for the view


def test_the_original_of_a_story_of_another_kommune_is_not_handed_out(client, db):
    story = uploaded_story()
    client.force_login(editor(KOMMUNE_EDITORS, "landeshauptstadt-stuttgart"))
    response = client.get(original_url(story))
    assert response.status_code == 404
    assert ORIGINAL_BYTES not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_original_asks_a_visitor_to_sign_in(client, db):
    story = uploaded_story()
    response = client.get(original_url(story))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_original_whose_file_is_gone_is_not_found(dueren_client, settings):
    story = uploaded_story()
    (settings.MEDIA_ROOT / story.video_source.name).unlink()
    assert dueren_client.get(original_url(story)).status_code == 404


def test_a_published_story_the_editor_may_only_view_still_gives_the_original(dueren_client):
    story = uploaded_story()
    Story.objects.filter(pk=story.pk).update(status=Status.PUBLISHED, processing_state=Processing.READY)
    html = dueren_client.get(change_url(story)).content.decode()
    assert f'<a href="{original_url(story)}">Hochgeladene Originaldatei herunterladen</a>' in html
    assert f'<div class="readonly"><a href="{original_url(story)}">{story.video_source.name}</a></div>' in html
    assert f'href="{story.video_source.url}"' not in html  # the readonly field links no hidden address
    assert dueren_client.get(original_url(story)).status_code == 200


# -- the public player ----------------------------------------------------------------------


def test_a_portrait_video_gets_the_players_portrait_class(client, db):
    from tests.factories import image_file

    story = add_video(StoryFactory())
    story.poster = image_file("poster.jpg", width=360, height=640)
    story.save()
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'class="stories-video__player stories-video__player--portrait"' in html
    landscape = add_video(StoryFactory())
    html = client.get(landscape.get_absolute_url()).content.decode()
    assert 'class="stories-video__player" id=' in html
