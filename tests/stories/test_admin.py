"""Editors in the admin: previews, required texts before publishing, clear German errors for wrong files."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mediafiles.images import rendition_paths
from shared.publication import Status
from stories.models import Photo, Story
from tests.factories import PhotoFactory, StoryFactory, demo_media_file, give_consent, image_file, kommune
from tests.helpers import in_german, story_change_data
from tests.stories.test_images import camera_exif

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/stories/story/add/"


def upload(content_file, name=None, content_type="application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name or content_file.name, content_file.read(), content_type=content_type)


def story_form(photo: dict | None = None, **fields) -> dict:
    data = {
        "kind": "testimonial",
        "name": "Leonie Braun",
        "slug": "leonie-braun",
        "role": "",
        "quote": "Ich habe es geschafft.",
        "teaser": "Kurz gesagt.",
        "body": "<p>Text <script>alert(1)</script></p>",
        "kommune": str(kommune("kreis-dueren").pk),
        "status": "published",
        "publish_from_0": "2026-01-15",
        "publish_from_1": "08:00",
        "publish_until_0": "",
        "publish_until_1": "",
        "transcript": "",
        "duration": "",
        "poster_alt": "",
        "external_platform": "",
        "external_video_id": "",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "photos-0-position": "0",
        "photos-0-alt_text": "",
        "photos-0-caption": "",
        "photos-0-credit": "",
    }
    for key, value in (photo or {}).items():
        data[f"photos-0-{key}"] = value
    data.update(fields)
    return in_german(data, Story)


def errors_of(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    return response.content.decode()


def test_editor_saves_a_story_with_a_photo_that_loses_its_location(admin_client, settings):
    photo_upload = upload(image_file("vom-handy.jpg", 900, 600, exif=camera_exif()), content_type="image/jpeg")
    response = admin_client.post(
        ADD_URL,
        story_form(
            photo={"image": photo_upload, "alt_text": "Leonie im Laden", "caption": "Im Laden", "credit": "Foto: JC"},
            status="draft",
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    story = Story.objects.get(slug="leonie-braun")
    assert "<script>" not in story.body  # rich text is sanitized
    photo = story.photos.get()
    with Image.open(settings.MEDIA_ROOT / photo.image.name) as stored:
        assert stored.size == (600, 900)
        assert dict(stored.getexif()) == {}
    assert all((settings.MEDIA_ROOT / name).exists() for name in rendition_paths(photo, "image"))

    change_page = admin_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert f'<img src="{photo.image_jpeg_480.url}" width="240" height="360" alt="Leonie im Laden">' in change_page


def test_publishing_without_photo_or_video_is_refused_and_nothing_is_stored(admin_client):
    story = StoryFactory(slug="leonie-braun", status=Status.DRAFT, publish_from=None)
    html = errors_of(
        admin_client.post(
            f"/admin/stories/story/{story.pk}/change/", story_change_data(admin_client, story, status="published")
        )
    )
    assert "braucht eine Geschichte mindestens ein Foto" in html
    story.refresh_from_db()
    assert story.status == Status.DRAFT


def test_a_new_story_cannot_be_published_before_its_consent_is_recorded(admin_client):
    html = errors_of(
        admin_client.post(
            ADD_URL,
            story_form(
                photo={
                    "image": upload(image_file(), content_type="image/jpeg"),
                    "alt_text": "a",
                    "caption": "b",
                    "credit": "c",
                }
            ),
        )
    )
    assert "Ohne gültige Einwilligung für die Website" in html
    assert 'value="Leonie Braun"' in html  # what was typed stays
    assert not Story.objects.exists() and not Photo.objects.exists()


def test_a_draft_may_be_saved_without_a_photo(admin_client):
    response = admin_client.post(ADD_URL, story_form(status="draft"))
    assert response.status_code == 302
    assert Story.objects.get().status == "draft"


def test_photo_needs_alt_text_caption_and_credit(admin_client):
    photo_upload = upload(image_file(), content_type="image/jpeg")
    html = errors_of(admin_client.post(ADD_URL, story_form(photo={"image": photo_upload})))
    assert html.count("Dieses Feld ist zwingend erforderlich.") >= 3
    assert not Story.objects.exists() and not Photo.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bild.jpg", b"kein Bild", "Diese Datei ist kein Bild oder sie ist beschädigt."),
        ("bild.gif", None, "„bild.gif“: Bitte laden Sie ein Bild im Format JPEG, PNG, WebP, AVIF oder HEIC hoch"),
        ("klein.jpg", "small", "Das Bild ist nur 300 Pixel breit."),
        ("halb.jpg", "truncated", "Das Bild ist beschädigt oder unvollständig."),
    ],
)
def test_wrong_images_get_a_german_error(admin_client, name, content, message):
    if content is None:
        file = upload(image_file(name, image_format="GIF"))
    elif content == "small":
        file = upload(image_file(name, width=300, height=200))
    elif content == "truncated":
        whole = image_file(name, width=800, height=600).read()
        file = SimpleUploadedFile(name, whole[: len(whole) * 2 // 3])
    else:
        file = SimpleUploadedFile(name, content)
    form = story_form(photo={"image": file, "alt_text": "A", "caption": "B", "credit": "C"})
    assert message in errors_of(admin_client.post(ADD_URL, form))
    assert not Story.objects.exists()


@pytest.mark.parametrize(
    ("field", "name", "content", "message"),
    [
        ("video_webm", "video.webm", b"Das ist Text, kein Video.", "Diese Datei ist kein WebM-Video."),
        ("video_webm", "video.avi", b"RIFF", "Bitte eine WebM-Datei mit der Endung .webm hochladen."),
        ("video_mp4", "video.mp4", b"\x1aE\xdf\xa3webm", "Diese Datei ist kein MP4-Video."),
        ("captions", "text.vtt", b"1\n00:00.000 --> 00:01.000\nHallo", "Die erste Zeile muss"),
        ("captions", "text.vtt", b"WEBVTT\n\nnur Text", "Nach der Kennung fehlt die Zeitangabe"),
        ("captions", "text.vtt", "WEBVTT\n\nÄ".encode("latin-1"), "nicht als UTF-8 gespeichert"),
    ],
)
def test_wrong_video_files_get_a_german_error(admin_client, field, name, content, message):
    form = story_form(status="draft", **{field: SimpleUploadedFile(name, content)})
    html = errors_of(admin_client.post(ADD_URL, form))
    assert message in html
    assert not Story.objects.exists()


def test_a_video_story_needs_its_captions_and_transcript(admin_client):
    form = story_form(video_webm=upload(demo_media_file("videos", "bjoern-mehren.webm")))
    html = errors_of(admin_client.post(ADD_URL, form))
    assert "Zu einem Video gehören deutsche Untertitel (WebVTT-Datei)." in html
    assert "Zu einem Video gehört ein Transkript mit dem vollständigen Text." in html
    assert not Story.objects.exists()


def test_a_complete_video_story_is_published_once_its_consent_is_recorded(admin_client):
    form = story_form(
        video_webm=upload(demo_media_file("videos", "bjoern-mehren.webm")),
        captions=upload(demo_media_file("captions", "bjoern-mehren.vtt")),
        poster=upload(image_file("poster.jpg", 640, 360), content_type="image/jpeg"),
        poster_alt="Texttafel",
        transcript="Der Text.",
        duration="9",
        status="draft",
    )
    assert admin_client.post(ADD_URL, form).status_code == 302
    story = Story.objects.get()
    assert story.has_own_video and story.video_webm_size > 0
    assert all(name for name in rendition_paths(story, "poster"))
    give_consent(story)
    response = admin_client.post(
        f"/admin/stories/story/{story.pk}/change/", story_change_data(admin_client, story, status="published")
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.is_published


def test_changelist_marks_examples_and_offers_the_filters(admin_client):
    PhotoFactory(story=StoryFactory(name="Erfundene Person", is_example=True))
    html = admin_client.get("/admin/stories/story/").content.decode()
    assert "Erfundene Person" in html
    assert "Beispielinhalt" in html
    assert "?is_example__exact=1" in html
    assert admin_client.get("/admin/stories/story/?is_example__exact=1").status_code == 200
    assert admin_client.get("/admin/stories/topic/").status_code == 200
    assert admin_client.get("/admin/stories/explainervideo/add/").status_code == 200


def test_a_refused_form_does_not_show_an_unsaved_poster_as_stored(admin_client):
    form = story_form(
        status="draft",
        video_webm=SimpleUploadedFile("video.webm", b"Das ist Text, kein Video."),
        poster=upload(image_file("poster.jpg", 640, 360), content_type="image/jpeg"),
        poster_alt="Texttafel",
    )
    html = errors_of(admin_client.post(ADD_URL, form))
    assert "Diese Datei ist kein WebM-Video." in html
    assert "/media/" not in html  # no preview or link of a file that was never stored
    assert "„poster.jpg“ ist nicht gespeichert. Bitte wählen Sie die Datei erneut aus." in html
    assert not Story.objects.exists()


def test_a_refused_change_keeps_showing_the_stored_poster_only(admin_client):
    story = StoryFactory(poster=image_file("alt.jpg", 640, 360), poster_alt="Alt")
    stored = story.poster.url
    data = story_change_data(
        admin_client,
        story,
        video_webm=SimpleUploadedFile("video.webm", b"Das ist Text, kein Video."),
        poster=upload(image_file("neu.jpg", 640, 360), content_type="image/jpeg"),
    )
    html = errors_of(admin_client.post(f"/admin/stories/story/{story.pk}/change/", data))
    assert "neu" not in "".join(re.findall(r'(?:src|href)="(/media/[^"]+)"', html))
    assert "„neu.jpg“ ist nicht gespeichert. Bitte wählen Sie die Datei erneut aus." in html
    story.refresh_from_db()
    assert story.poster.url == stored
