"""Responsive images: cleaned originals, renditions made on save, never during a page view."""

from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.core.files.storage import default_storage
from PIL import Image

from mediafiles.images import RENDITION_WIDTHS, generate_renditions, picture_for, rendition_paths
from tests.factories import PhotoFactory, StoryFactory, add_video, image_file, many_stories

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def camera_exif() -> Image.Exif:
    """What a phone writes: rotate 90° on display, the camera model and where it was."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the pixels are stored lying on their side
    exif[MAKE] = "Testkamera"
    exif[GPS_IFD] = {1: "N", 2: (50.0, 48.0, 0.0), 3: "E", 4: (6.0, 29.0, 0.0)}
    return exif


def files_in(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_upload_is_turned_upright_and_loses_all_camera_metadata(settings):
    # Stored 800×500 with "rotate 90°": shown upright it is 500 wide and 800 high.
    photo = PhotoFactory(image=image_file("handy.jpg", width=800, height=500, exif=camera_exif()))

    with Image.open(settings.MEDIA_ROOT / photo.image.name) as original:
        assert original.size == (500, 800)
        assert dict(original.getexif()) == {}
        assert "exif" not in original.info
    assert (photo.width, photo.height) == (500, 800)

    crops = set(rendition_paths(photo, "image", crops_only=True))  # 4:3 around the focal point
    for name in rendition_paths(photo, "image"):
        with Image.open(settings.MEDIA_ROOT / name) as rendition:
            assert name in crops or rendition.height > rendition.width, name
            assert dict(rendition.getexif()) == {}, name
            assert "exif" not in rendition.info, name


def test_saving_a_photo_makes_avif_webp_and_jpeg_renditions_at_every_width(settings):
    photo = PhotoFactory(image=image_file(width=1400, height=700))

    made = {}
    for name in rendition_paths(photo, "image"):
        with Image.open(settings.MEDIA_ROOT / name) as rendition:
            made.setdefault(rendition.format, set()).add(rendition.size)
    whole = {(width, width // 2) for width in RENDITION_WIDTHS}
    cut = {(480, 360), (800, 600), (933, 700)}  # 4:3 from the full height (933 × 700), never upscaled
    assert made == {"AVIF": whole | cut, "WEBP": whole | cut, "JPEG": whole | cut}


def test_picture_lists_only_real_widths_for_a_small_image():
    photo = PhotoFactory(image=image_file(width=640, height=480))
    picture = photo.picture

    assert [entry.rsplit(" ", 1)[1] for entry in picture.srcset.split(", ")] == ["480w", "640w"]
    assert (picture.width, picture.height) == (640, 480)
    assert [source.mime_type for source in picture.sources] == ["image/avif", "image/webp"]
    assert picture.sources[0].srcset.count(".avif") == 2
    assert picture.alt == "Ein blaues Rechteck"


def test_picture_of_a_story_without_image_is_none():
    story = StoryFactory()
    assert story.cover_picture is None
    assert picture_for(story, "poster", "", None, None) is None


def test_generate_renditions_remakes_files_lost_from_storage():
    photo = PhotoFactory()
    names = rendition_paths(photo, "image")
    for name in names:
        default_storage.delete(name)
    caches["imagekit"].clear()  # e.g. a new server whose cache does not know the files yet
    generate_renditions(photo, "image")
    assert all(default_storage.exists(name) for name in names)


def test_page_views_neither_write_files_nor_encode_images(client, settings):
    stories = many_stories(30)
    video_story = add_video(StoryFactory(slug="mit-video"))
    # Even a missing rendition is not made on demand: that is the job of saving (or of
    # `generate_renditions`), not of a visitor's request.
    missing = rendition_paths(stories[0].photos.get(), "image")[0]
    default_storage.delete(missing)
    caches["imagekit"].clear()
    before = files_in(settings.MEDIA_ROOT)
    assert any(name.endswith(".avif") for name in before)

    real_save = Image.Image.save
    with mock.patch.object(Image.Image, "save", autospec=True, side_effect=real_save) as encode:
        for url in ["/geschichten/", "/geschichten/?seite=2", stories[0].get_absolute_url(), "/geschichten/mit-video/"]:
            assert client.get(url).status_code == 200, url

    assert encode.call_count == 0
    assert files_in(settings.MEDIA_ROOT) == before
    assert missing not in before
    assert video_story.poster_picture.largest_src.endswith(".jpg")


def test_truncated_images_stay_refused_after_weasyprint_is_loaded():
    # WeasyPrint (Leitbild PDF) switches Pillow's LOAD_TRUNCATED_IMAGES on when imported.
    from PIL import ImageFile

    import leitbild.pdf  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
