"""Heavy uploads off the request (issue 26): the pixel limit is read from the header before anything is
decoded and told in German with the file's name and size; a big picture is stored as it came and the
task worker makes its clean copy and renditions (mediafiles/image_preparation.py); until then no page
shows a broken image and the admin says „Bild wird aufbereitet“."""

import io
import struct
import time
import zlib
from functools import cache
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import models
from django_tasks_db.models import DBTaskResult
from PIL import Image

from mediafiles import image_preparation, images, uploads
from mediafiles.images import INCOMING_FOLDER, is_pending, rendition_paths
from stories.models import Photo, Story
from tests.factories import PhotoFactory, StoryFactory, give_consent, image_file
from tests.mediafiles.test_upload_gate import project_file_fields
from tests.stories.test_admin import ADD_URL, story_form
from tests.stories.test_images import camera_exif

pytestmark = pytest.mark.django_db


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header says `width` × `height` and whose pixel data is a few garbage bytes: only a
    gate that reads the header before decoding can say how large it is (decoding would fail)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"\x78\x9c\x00") + chunk(b"IEND", b"")


@cache
def flat_png_36_megapixels() -> bytes:
    """The picture of the issue: 7360 × 4912 pixels of one colour, about 120 KB as PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (7360, 4912), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def post_story(admin_client, content: bytes, name: str):
    photo = {
        "image": SimpleUploadedFile(name, content, content_type="image/png"),
        "alt_text": "Leonie im Laden",
        "caption": "Im Laden",
        "credit": "Foto: JC",
    }
    return admin_client.post(ADD_URL, story_form(photo=photo, status="draft"))


def stored_files(settings) -> list:
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def run_worker(monkeypatch, capture) -> None:
    """A real task worker run (django-tasks-db), inside the test's transaction; what the tasks leave
    for after their commit runs too (`capture`: django_capture_on_commit_callbacks)."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    with capture(execute=True):
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)


# -- the limit -------------------------------------------------------------------------------------------
def image_fields() -> list:
    return [
        param
        for param in project_file_fields()
        if isinstance(param.values[0], models.ImageField) and param.values[0].editable
    ]


def test_there_are_image_fields_with_help():
    assert len(image_fields()) >= 5


@pytest.mark.parametrize("field", image_fields())
def test_every_image_field_tells_the_formats_and_the_limits(field):
    help_text = str(field.help_text)
    assert "JPEG, PNG, WebP, AVIF oder HEIC" in help_text
    assert f"höchstens {uploads.MAX_IMAGE_PIXELS // 1_000_000} Megapixel" in help_text
    assert f"und {uploads.MAX_IMAGE_BYTES // (1024 * 1024)} MB" in help_text


@pytest.mark.parametrize(
    ("width", "height", "told"),
    [
        (10_000, 8_000, "„riesig.png“: Das Bild hat 10.000 × 8.000 Pixel (80,0 Megapixel). Erlaubt sind höchstens "
         "64 Megapixel. Bitte verkleinern Sie es, z. B. auf 8.900 Pixel an der längeren Seite"),
        # A decompression bomb: Pillow's own guard (over twice the limit) would refuse it without a size.
        (60_000, 60_000, "„riesig.png“: Das Bild hat 60.000 × 60.000 Pixel (3.600,0 Megapixel)."),
    ],
)  # fmt: skip
def test_a_picture_over_the_limit_is_refused_by_its_header_and_nothing_is_stored(
    admin_client, settings, width, height, told
):
    response = post_story(admin_client, png_header_only(width, height), "riesig.png")
    assert response.status_code == 200
    html = response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
    assert told in html
    assert "beschädigt" not in html  # nothing was decoded
    assert "Ich habe es geschafft." in html and "Leonie im Laden" in html  # what the editor typed stays
    assert not Story.objects.exists() and not Photo.objects.exists()
    assert stored_files(settings) == []


def test_pillow_refuses_a_bomb_anywhere_in_the_process():
    assert Image.MAX_IMAGE_PIXELS == uploads.MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(png_header_only(20_000, 20_000)))


# -- a big picture in the request ------------------------------------------------------------------------
def test_a_big_picture_costs_the_request_little_and_no_rendition_is_made_in_it(admin_client, settings):
    """The issue's 36-megapixel PNG cost 11–18 s in the request; now the gate's one decode is most of it."""
    content = flat_png_36_megapixels()
    with (
        mock.patch.object(images, "clean_original", wraps=images.clean_original) as cleaned,
        mock.patch("imagekit.cachefiles.ImageCacheFile.generate") as generated,
    ):
        started = time.process_time()
        response = post_story(admin_client, content, "gross.png")
        spent = time.process_time() - started
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert cleaned.call_count == 0
    assert generated.call_count == 0
    assert spent < 2.0, f"the request took {spent:.2f} s of CPU"
    photo = Photo.objects.get()
    assert photo.image.name.startswith(f"stories/photos/{INCOMING_FOLDER}/")
    assert (settings.MEDIA_ROOT / photo.image.name).read_bytes() == content  # as it came, for the worker
    assert photo.picture is None and photo.card_picture is None


@pytest.mark.engine  # the worker's queue rows and the switch's select_for_update
def test_a_big_picture_is_prepared_by_the_task_worker(admin_client, settings, monkeypatch,
                                                       django_capture_on_commit_callbacks):  # fmt: skip
    """The whole way: the admin form answers, the task is queued after the commit, the story's page and
    the admin show no picture but no broken one either, a real worker run makes the clean copy and every
    rendition under imagekit's names, and the page shows the picture."""
    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)  # a small picture: a quick worker run
    upload = image_file("vom-handy.jpg", 900, 600, exif=camera_exif())
    with django_capture_on_commit_callbacks(execute=True):
        response = post_story(admin_client, upload.read(), "vom-handy.jpg")
    assert response.status_code == 302
    story = Story.objects.get()
    photo = story.photos.get()
    incoming = photo.image.name
    assert is_pending(incoming) and photo.width == 900  # the header's size (the camera's turn comes later)
    assert DBTaskResult.objects.filter(task_path="mediafiles.image_preparation.prepare_picture").count() == 1
    assert not (settings.MEDIA_ROOT / "CACHE").exists()

    change_url = f"/admin/stories/story/{story.pk}/change/"
    assert "Bild wird aufbereitet" in admin_client.get(change_url).content.decode()
    page = admin_client.get(story.get_absolute_url()).content.decode()
    assert INCOMING_FOLDER not in page and "<picture>" not in page and 'src=""' not in page

    run_worker(monkeypatch, django_capture_on_commit_callbacks)

    photo.refresh_from_db()
    assert not is_pending(photo.image.name)
    assert photo.image.name.startswith("stories/photos/") and photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height) == (600, 900)  # upright now
    with Image.open(settings.MEDIA_ROOT / photo.image.name) as stored:
        assert stored.size == (600, 900)
        assert dict(stored.getexif()) == {}
    assert photo.file_size == (settings.MEDIA_ROOT / photo.image.name).stat().st_size
    assert not (settings.MEDIA_ROOT / incoming).exists()
    made = rendition_paths(photo, "image")
    assert len(made) == 18 and all((settings.MEDIA_ROOT / name).is_file() for name in made)
    page = admin_client.get(story.get_absolute_url()).content.decode()
    assert photo.image_jpeg_480.url in page and photo.image_crop_avif_800.url.rsplit("/", 1)[0] in page
    assert "Bild wird aufbereitet" not in admin_client.get(change_url).content.decode()


@pytest.mark.engine  # the worker's queue rows and the switch's select_for_update
def test_a_published_story_shows_its_new_picture_when_ready(client, settings, monkeypatch,
                                                           django_capture_on_commit_callbacks):  # fmt: skip
    """Visitors: before, the story shows its other photo and nothing broken; after the worker, both."""
    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    story = StoryFactory(slug="leonie-braun")
    give_consent(story, scope_press=True)
    first = PhotoFactory(story=story, image=image_file("klein.jpg", 300, 200), position=0)
    with django_capture_on_commit_callbacks(execute=True):
        big = PhotoFactory(story=story, image=image_file("gross.jpg", 700, 500), position=1)
    assert not is_pending(first.image.name) and is_pending(big.image.name)
    before = client.get(story.get_absolute_url()).content.decode()
    assert first.image_jpeg_480.url in before
    assert before.count("<picture>") == 1 and INCOMING_FOLDER not in before
    assert before.count('<figure class="stories-photo">') == 1  # no caption without its picture
    cleared = Photo.objects.cleared_for_press().values_list("pk", flat=True)
    assert list(cleared) == [first.pk]  # the press kit offers no download of an upload in preparation

    cards = DBTaskResult.objects.filter(task_path="stories.tasks.make_story_card")
    run_worker(monkeypatch, django_capture_on_commit_callbacks)
    assert cards.filter(status="READY").exists()  # the share card is made again with the prepared photo

    big.refresh_from_db()
    after = client.get(story.get_absolute_url()).content.decode()
    assert after.count("<picture>") == 2 and after.count('<figure class="stories-photo">') == 2
    assert big.image_jpeg_480.url in after
    assert sorted(cleared.all()) == sorted([first.pk, big.pk])
    assert (settings.MEDIA_ROOT / big.image_jpeg_480.name).is_file()


@pytest.mark.engine  # the worker's queue rows and the switch's select_for_update
def test_the_task_is_idempotent_and_gives_up_on_a_replaced_picture(settings, monkeypatch,
                                                                  django_capture_on_commit_callbacks):  # fmt: skip
    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    photo = PhotoFactory(image=image_file("gross.jpg", 700, 500))
    incoming = photo.image.name
    label = photo._meta.label
    image_preparation.prepare_picture.call(label, photo.pk, "image", incoming)
    photo.refresh_from_db()
    prepared = photo.image.name
    files = sorted(stored_files(settings))
    image_preparation.prepare_picture.call(label, photo.pk, "image", incoming)  # delivered twice
    photo.refresh_from_db()
    assert photo.image.name == prepared and sorted(stored_files(settings)) == files

    # Replaced by the editor before the worker came: the old task leaves the new picture alone.
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = image_file("neu.jpg", 800, 500)
        photo.save()
    newer = photo.image.name
    image_preparation.prepare_picture.call(label, photo.pk, "image", incoming)
    photo.refresh_from_db()
    assert photo.image.name == newer and is_pending(newer)


def test_a_big_iphone_photo_waits_as_heic_and_becomes_an_upright_jpeg(settings, monkeypatch):
    """HEIC from a phone: stored as it came (nothing decoded for it in the request), made upright JPEG
    without camera data by the preparation (here the way `load_demo` and `generateimages` take it:
    generate_renditions() prepares a picture in preparation at once, in this process)."""
    from tests.mediafiles.test_heic import assert_upright_jpeg_without_metadata, heic_upload

    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    photo = PhotoFactory(image=heic_upload())
    incoming = photo.image.name
    assert is_pending(incoming) and incoming.endswith(".heic")
    images.generate_renditions(photo, "image")
    assert not is_pending(photo.image.name) and photo.image.name.endswith(".jpg")
    assert (photo.width, photo.height) == (600, 800) and photo.picture.width == 600
    assert_upright_jpeg_without_metadata(settings.MEDIA_ROOT / photo.image.name)
    prepared = photo.image.name
    photo.refresh_from_db()
    assert (photo.image.name, photo.width, photo.height) == (prepared, 600, 800)
    assert all((settings.MEDIA_ROOT / name).is_file() for name in rendition_paths(photo, "image"))


@pytest.mark.engine  # the worker's queue rows and the switch's select_for_update
def test_a_poster_passed_on_by_a_published_change_is_still_prepared(settings, monkeypatch,
                                                                    django_capture_on_commit_callbacks):  # fmt: skip
    """A change of a published story gets a big poster and is published before the worker comes: the
    change row is gone, the story names the upload, and the worker prepares it there."""
    from stories.drafts import publish_change, start_change

    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    story = StoryFactory(slug="leonie-braun")
    change = start_change(story)
    with django_capture_on_commit_callbacks(execute=True):
        change.poster = image_file("plakat.jpg", 800, 450)
        change.poster_alt = "Leonie"
        change.save()
    incoming = change.poster.name
    assert is_pending(incoming)
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(change)
    story.refresh_from_db()
    assert story.poster.name == incoming and not Story.objects.filter(pk=change.pk).exists()

    run_worker(monkeypatch, django_capture_on_commit_callbacks)

    story.refresh_from_db()
    assert not is_pending(story.poster.name) and story.poster_picture is not None
    assert (settings.MEDIA_ROOT / story.poster_jpeg_480.name).is_file()
    assert not (settings.MEDIA_ROOT / incoming).exists()


@pytest.mark.engine  # the worker's queue rows and the switch's select_for_update
def test_a_big_press_photo_joins_the_kit_when_prepared(client, settings, monkeypatch,
                                                       django_capture_on_commit_callbacks):  # fmt: skip
    """The press kit offers the original for download: a big photo is offered only once the worker has
    made its clean copy, with the copy's size and upright pixel size."""
    from press.models import PressKitItem
    from tests.factories import PressKitItemFactory

    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    upload = image_file("pressefoto.jpg", 900, 600, exif=camera_exif())
    with django_capture_on_commit_callbacks(execute=True):
        item = PressKitItemFactory(title="Großes Pressefoto", file=SimpleUploadedFile("pressefoto.jpg", upload.read()))
    assert is_pending(item.file.name) and item.preview.name == item.file.name
    assert not PressKitItem.objects.in_kit().exists()
    assert "Großes Pressefoto" not in client.get("/presse/").content.decode()

    run_worker(monkeypatch, django_capture_on_commit_callbacks)

    item.refresh_from_db()
    assert not is_pending(item.file.name) and item.preview.name == item.file.name
    stored = settings.MEDIA_ROOT / item.file.name
    assert (item.width, item.height, item.file_size) == (600, 900, stored.stat().st_size)
    assert b"Testkamera" not in stored.read_bytes()
    html = client.get("/presse/").content.decode()
    assert "Großes Pressefoto" in html and item.preview_jpeg_480.url in html


def test_prepare_pictures_prepares_what_waits_without_a_worker(settings, monkeypatch):
    monkeypatch.setattr(images, "PREPARE_NOW_PIXELS", 100_000)
    photo = PhotoFactory(image=image_file("gross.jpg", 700, 500))
    assert is_pending(photo.image.name)
    out = io.StringIO()
    call_command("prepare_pictures", stdout=out)
    assert out.getvalue().strip() == "1 Bild(er) aufbereitet."
    photo.refresh_from_db()
    assert not is_pending(photo.image.name)
    assert all((settings.MEDIA_ROOT / name).is_file() for name in rendition_paths(photo, "image"))
