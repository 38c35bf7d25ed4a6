"""Photos from phones (issue 25): an iPhone's HEIC/HEIF goes through the one image gate like every
photo (mediafiles/uploads.py) and is stored as an upright JPEG without camera data (mediafiles/images.py);
what is still refused names the file and says which formats work and how to get one from a phone."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from mediafiles import uploads
from mediafiles.admin import FILE_FIELDS
from mediafiles.images import rendition_paths, store_clean_original
from stories.models import Photo, Story
from tests.mediafiles.test_upload_gate import encoded, project_file_fields
from tests.stories.test_admin import ADD_URL, errors_of, story_form
from tests.stories.test_images import camera_exif

RED, BLUE = (200, 30, 30), (30, 30, 200)
FORMATS = "JPEG, PNG, WebP, AVIF oder HEIC"
PHONE_ADVICE = "Einstellungen › Kamera › Formate › „Maximale Kompatibilität“"


def heic_photo(width: int = 800, height: int = 600) -> bytes:
    """A photo as an iPhone saves it: HEIC, stored lying on its side (EXIF orientation 6) with the
    camera and the place. Stored left half red, right half blue; upright, red is above blue."""
    pixels = Image.new("RGB", (width, height), RED)
    pixels.paste(BLUE, (width // 2, 0, width, height))
    buffer = io.BytesIO()
    pixels.save(buffer, "HEIF", quality=90, exif=camera_exif().tobytes())
    content = buffer.getvalue()
    assert content[4:12] == b"ftypheic"
    with Image.open(io.BytesIO(content)) as check:  # what the phone hands over: GPS and camera inside
        assert check.getexif().get_ifd(0x8825)
    return content


def heic_upload(name: str = "IMG_0042.HEIC") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, heic_photo(), content_type="image/heic")


def assert_upright_jpeg_without_metadata(path) -> None:
    content = path.read_bytes()
    assert b"Testkamera" not in content
    with Image.open(path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (600, 800)  # turned upright
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info and "xmp" not in stored.info
        stored = stored.convert("RGB")
        top, bottom = stored.getpixel((300, 100)), stored.getpixel((300, 700))
    assert top[0] > 150 and top[2] < 80, top  # red above
    assert bottom[2] > 150 and bottom[0] < 80, bottom  # blue below


def image_gate_fields() -> list:
    return [param for param in project_file_fields() if uploads.gate_kind(param.values[0]) == "image"]


def test_there_are_image_fields_to_check():
    assert len(image_gate_fields()) >= 4


@pytest.mark.django_db
@pytest.mark.parametrize("field", image_gate_fields())
def test_every_image_field_accepts_a_heic_and_stores_it_as_upright_jpeg(field, settings):
    # The admin's form field (Pillow must read it) and the model's validators (the gate) accept it ...
    form_field = field.formfield(**FILE_FIELDS[models.ImageField])
    assert form_field.clean(heic_upload()) is not None
    field.run_validators(heic_upload())
    # ... and the model's clean copy is a JPEG under a random name.
    instance = field.model()
    setattr(instance, field.name, heic_upload())
    field_file = getattr(instance, field.name)
    store_clean_original(field_file)
    assert field_file.name.endswith(".jpg") and "IMG_0042" not in field_file.name
    assert_upright_jpeg_without_metadata(settings.MEDIA_ROOT / field_file.name)


@pytest.mark.django_db
def test_an_iphone_photo_uploaded_in_the_story_form_is_stored_as_upright_jpeg_without_location(admin_client, settings):
    photo = {"image": heic_upload(), "alt_text": "Leonie im Laden", "caption": "Im Laden", "credit": "Foto: JC"}
    response = admin_client.post(ADD_URL, story_form(photo=photo, status="draft"))
    assert response.status_code == 302, response.content.decode()[-3000:]
    stored = Story.objects.get(slug="leonie-braun").photos.get()
    assert stored.image.name.endswith(".jpg")
    assert (stored.width, stored.height) == (600, 800)
    assert_upright_jpeg_without_metadata(settings.MEDIA_ROOT / stored.image.name)
    for name in rendition_paths(stored, "image"):  # the renditions were made from the JPEG
        assert (settings.MEDIA_ROOT / name).is_file(), name


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("IMG_0043.DNG", encoded("TIFF"), "Bitte laden Sie ein Bild im Format JPEG, PNG, WebP, AVIF oder HEIC hoch"),
        ("IMG_0044.tif", encoded("TIFF"), "Bitte laden Sie ein Bild im Format JPEG, PNG, WebP, AVIF oder HEIC hoch"),
        ("IMG_0045.jpg", encoded("GIF"), "Bilder im Format GIF werden nicht angenommen."),
        ("IMG_0046.HEIC", b"\x00\x00\x00\x18ftypheic kaputt", "Diese Datei ist kein Bild oder sie ist beschädigt."),
    ],
    ids=["raw", "tiff", "gif-named-jpg", "broken-heic"],
)
def test_a_refused_photo_names_the_file_the_formats_and_how_to_get_a_jpeg_from_a_phone(
    admin_client, settings, name, content, reason
):
    photo = {"image": SimpleUploadedFile(name, content), "alt_text": "A", "caption": "B", "credit": "C"}
    html = errors_of(admin_client.post(ADD_URL, story_form(photo=photo, status="draft")))
    assert f"„{name}“: {reason}" in html
    assert FORMATS in html
    assert PHONE_ADVICE in html
    assert not Story.objects.exists() and not Photo.objects.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_a_photo_refused_for_its_size_names_the_file_without_format_advice():
    small = SimpleUploadedFile("IMG_0047.HEIC", heic_photo(300, 200))
    with pytest.raises(ValidationError) as error:
        uploads.gate_image(small)
    assert error.value.messages == [
        "„IMG_0047.HEIC“: Das Bild ist nur 200 Pixel breit. Bitte ein Bild mit mindestens 480 Pixeln Breite."
    ]


@pytest.mark.django_db
def test_a_consent_form_photographed_with_an_iphone_is_stored_as_jpeg_without_metadata(settings):
    import datetime

    from consent.models import Consent
    from tests.factories import kommune

    upload = SimpleUploadedFile("IMG_0050.HEIC", heic_photo(), content_type="image/heic")
    consent = Consent(person="Erika", kommune=kommune(), signed_on=datetime.date(2026, 1, 5), document=upload)
    consent.clean_fields(exclude=["story"])
    consent.save()
    assert consent.document.name.endswith(".jpg")
    assert_upright_jpeg_without_metadata(settings.CONSENT_ROOT / consent.document.name)


def test_a_press_kit_file_stays_refused_as_heic():
    # The kit offers its originals for download as they are: a HEIC would not open everywhere.
    with pytest.raises(ValidationError) as error:
        uploads.gate_kit(heic_upload("motiv.heic"))
    assert error.value.messages == ["Bitte laden Sie eine Datei im Format SVG, PNG, JPEG, WebP oder PDF hoch."]
