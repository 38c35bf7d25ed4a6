"""One upload gate for every file field (mediafiles/uploads.py, issue 12): each FileField and
ImageField of every model runs through `gate(kind)`, so a new field cannot skip it, and files
are stored under random names."""

import io
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from campaign.demo import DEMO_MEDIA, STEM
from campaign.models import SignLanguageVideo
from mediafiles import uploads
from tests.factories import PhotoFactory, image_file
from tests.stories.test_images import camera_exif

MP4 = (DEMO_MEDIA / f"{STEM}.mp4").read_bytes()
VTT = (DEMO_MEDIA / f"{STEM}.vtt").read_bytes()
# Per kind: a file name the kind accepts, so that only the content is wrong.
ACCEPTED_NAME = {
    "image": "bild.jpg",
    "video_mp4": "video.mp4",
    "video_webm": "video.webm",
    "video_source": "video.mov",
    "captions": "untertitel.vtt",
    "document": "scan.pdf",
    "kit": "foto.jpg",
}
PHP = b"<?php system($_GET['c']); ?>"


def project_file_fields() -> list:
    """Every FileField/ImageField of every installed model (historical revisions excepted)."""
    return [
        pytest.param(field, id=f"{model._meta.label}.{field.name}")
        for model in apps.get_models()
        if not model._meta.model_name.startswith("historical")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def encoded(image_format: str, size=(600, 400), **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (26, 61, 165)).save(buffer, image_format, **options)
    return buffer.getvalue()


def test_there_are_file_fields_to_check():
    assert len(list(project_file_fields())) >= 15


@pytest.mark.parametrize("field", project_file_fields())
def test_every_file_field_runs_through_the_gate_and_refuses_a_bad_file(field):
    kind = uploads.gate_kind(field)
    assert kind in uploads.GATE_KINDS, f"{field} does not use mediafiles.uploads.gate()"
    bad = SimpleUploadedFile(ACCEPTED_NAME[kind], b"\x00\x01 " + PHP)
    with pytest.raises(ValidationError):
        field.run_validators(bad)


@pytest.mark.parametrize("field", project_file_fields())
def test_every_file_field_stores_under_a_random_name(field):
    model = field.model
    instance = model()
    if hasattr(instance, "signed_on"):
        import datetime

        instance.signed_on = datetime.date(2026, 1, 5)
    name = field.generate_filename(instance, "Max Mustermann Wohnort.JPG")
    assert "Mustermann" not in name
    assert re.fullmatch(r"([\w-]+/)+[0-9a-f]{32}\.jpg", name), name


@pytest.mark.parametrize(
    ("content", "name"),
    [(encoded("GIF"), "poster.jpg"), (encoded("TIFF"), "poster.jpg"), (encoded("GIF"), "poster.gif")],
)
def test_gif_and_tiff_posters_are_refused_in_german(content, name):
    with pytest.raises(ValidationError) as error:
        uploads.gate_image(SimpleUploadedFile(name, content))
    assert "JPEG, PNG, WebP, AVIF oder HEIC" in " ".join(error.value.messages)


def test_avif_and_webp_images_pass_the_gate():
    uploads.gate_image(SimpleUploadedFile("bild.avif", encoded("AVIF")))
    uploads.gate_image(SimpleUploadedFile("bild.webp", encoded("WEBP")))


def test_too_many_bytes_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_IMAGE_BYTES", 1000)
    with pytest.raises(ValidationError) as error:
        uploads.gate_image(SimpleUploadedFile("bild.png", encoded("PNG", (600, 400))))
    assert "Das Bild ist zu groß" in error.value.messages[0]


def post_sign_language_video(admin_client, poster):
    from tests.campaign.test_sign_language import ADD, admin_data, upload

    files = {"video_mp4": upload("dgs.mp4", MP4), "captions": upload("dgs.vtt", VTT), "poster": poster}
    return admin_client.post(ADD, admin_data(**files))


@pytest.mark.django_db
def test_sign_language_poster_loses_gps_is_upright_and_drops_a_php_payload(admin_client, settings):
    """Finding 1: a JPEG with camera data and a trailing PHP payload, as the poster of a sign-language video."""
    poster = image_file("poster.jpg", width=800, height=500, exif=camera_exif())
    poster = SimpleUploadedFile("poster.jpg", poster.read() + PHP)
    response = post_sign_language_video(admin_client, poster)
    assert response.status_code == 302
    video = SignLanguageVideo.objects.get()
    stored = (settings.MEDIA_ROOT / video.poster.name).read_bytes()
    assert b"<?php" not in stored
    assert b"Testkamera" not in stored
    with Image.open(settings.MEDIA_ROOT / video.poster.name) as image:
        assert image.size == (500, 800)
        assert dict(image.getexif()) == {}
    assert re.fullmatch(r"gebaerdensprache/posters/[0-9a-f]{32}\.jpg", video.poster.name)


@pytest.mark.django_db
def test_sign_language_gif_poster_is_refused_and_nothing_is_stored(admin_client, settings):
    response = post_sign_language_video(admin_client, SimpleUploadedFile("poster.jpg", encoded("GIF")))
    assert response.status_code == 200
    assert "JPEG, PNG, WebP, AVIF oder HEIC" in response.content.decode()
    assert not SignLanguageVideo.objects.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


@pytest.mark.django_db
def test_story_photo_gets_a_random_name_with_its_extension():
    photo = PhotoFactory(image=image_file("Erika Musterfrau.png", image_format="PNG"))
    assert re.fullmatch(r"stories/photos/[0-9a-f]{32}\.png", photo.image.name)


@pytest.mark.django_db
def test_a_photographed_consent_document_loses_camera_data_and_payload(settings):
    import datetime

    from consent.models import Consent
    from tests.factories import kommune

    scan = image_file("scan.jpg", width=800, height=500, exif=camera_exif()).read() + PHP
    upload = SimpleUploadedFile("scan.jpg", scan)
    consent = Consent(person="Erika", kommune=kommune(), signed_on=datetime.date(2026, 1, 5), document=upload)
    consent.clean_fields(exclude=["story"])
    consent.save()
    stored = (settings.CONSENT_ROOT / consent.document.name).read_bytes()
    assert b"<?php" not in stored and b"Testkamera" not in stored
    assert re.fullmatch(r"2026/[0-9a-f]{32}\.jpg", consent.document.name)


def test_a_broken_scan_is_refused_in_german():
    whole = image_file("scan.jpg", width=800, height=600).read()
    with pytest.raises(ValidationError) as error:
        uploads.gate_document(SimpleUploadedFile("scan.jpg", whole[: len(whole) // 2]))
    assert error.value.messages[0].startswith("Das Bild ist beschädigt oder unvollständig.")
