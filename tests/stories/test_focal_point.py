"""The focal point: every crop (cards, the landing page's hero) keeps it in the picture."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from mediafiles.images import CROP_RATIO, crop_box, rendition_name, rendition_paths
from shared.roles import CENTRAL_EDITORS
from stories.models import Photo
from tests.factories import PhotoFactory, StoryFactory, UserFactory, add_video, give_consent, image_file, kommune
from tests.helpers import story_change_data

pytestmark = pytest.mark.django_db

RED = (230, 0, 0)


def image_with_dot(width: int, height: int, centre: tuple[int, int], radius: int = 30) -> ContentFile:
    """A grey picture with one red dot: where the "face" is."""
    image = Image.new("RGB", (width, height), (128, 128, 128))
    x, y = centre
    ImageDraw.Draw(image).ellipse((x - radius, y - radius, x + radius, y + radius), fill=RED)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")  # lossless: the dot's colour stays exact in the original
    return ContentFile(buffer.getvalue(), name="punkt.png")


def red_pixels(path) -> int:
    with Image.open(path) as rendition:
        raw = rendition.convert("RGB").tobytes()
    return sum(1 for i in range(0, len(raw), 3) if raw[i] > 180 and raw[i + 1] < 90 and raw[i + 2] < 90)


@pytest.mark.parametrize(
    ("size", "dot"),
    [
        ((2000, 600), (60, 540)),  # a wide panorama, the face at the bottom left corner
        ((2000, 600), (1950, 40)),  # … at the top right corner
        ((600, 1800), (550, 1750)),  # a portrait, the face at the bottom right corner
        ((600, 1800), (40, 40)),  # … at the top left
    ],
)
def test_a_focal_point_near_an_edge_stays_inside_every_rendition(settings, size, dot):
    width, height = size
    photo = PhotoFactory(image=image_with_dot(width, height, dot), focal_x=dot[0] / width, focal_y=dot[1] / height)

    paths = rendition_paths(photo, "image")
    assert len(paths) == 18  # 3 formats × 3 widths, whole and cut
    for name in paths:
        assert red_pixels(settings.MEDIA_ROOT / name) > 20, f"the dot is cut off in {name}"
    for name in rendition_paths(photo, "image", crops_only=True):
        with Image.open(settings.MEDIA_ROOT / name) as crop:
            assert crop.width * CROP_RATIO[1] == pytest.approx(crop.height * CROP_RATIO[0], abs=4), name


def test_without_a_focal_point_the_middle_is_kept_and_an_edge_dot_is_cut(settings):
    # The control for the test above: the dot is lost when the crop ignores it.
    photo = PhotoFactory(image=image_with_dot(2000, 600, (60, 540)))
    crops = rendition_paths(photo, "image", crops_only=True)
    assert all(red_pixels(settings.MEDIA_ROOT / name) == 0 for name in crops)


def test_crop_box_is_centred_on_the_point_and_clamped_to_the_image():
    assert crop_box((1600, 900), (0.5, 0.5)) == (200, 0, 1400, 900)
    assert crop_box((1600, 900), (0.0, 0.5)) == (0, 0, 1200, 900)
    assert crop_box((1600, 900), (1.0, 1.0)) == (400, 0, 1600, 900)
    assert crop_box((600, 1800), (0.5, 0.1)) == (0, 0, 600, 450)
    assert crop_box((600, 1800), (0.5, 0.95)) == (0, 1350, 600, 1800)


def test_moving_the_focal_point_remakes_the_crops_and_removes_the_old_ones(settings):
    photo = PhotoFactory(image=image_with_dot(2000, 600, (60, 540)))
    old_crops = rendition_paths(photo, "image", crops_only=True)
    whole = rendition_paths(photo, "image")[:9]
    old_url = photo.card_picture.src

    photo = Photo.objects.get(pk=photo.pk)
    photo.focal_x, photo.focal_y = 0.03, 0.9
    photo.save()

    photo = Photo.objects.get(pk=photo.pk)
    new_crops = rendition_paths(photo, "image", crops_only=True)
    assert set(new_crops).isdisjoint(old_crops)
    assert photo.card_picture.src != old_url
    for name in new_crops:
        assert red_pixels(settings.MEDIA_ROOT / name) > 20, name
    assert not any(default_storage.exists(name) for name in old_crops)
    assert all(default_storage.exists(name) for name in whole)  # the whole picture stays as it was


def test_a_video_poster_has_its_own_focal_point_for_the_cards(settings):
    story = StoryFactory(slug="poster-fokus")
    add_video(story)
    story.poster = image_with_dot(1280, 720, (1240, 40))
    story.poster_focal_x, story.poster_focal_y = 1240 / 1280, 40 / 720
    story.save()

    assert story.card_picture is story.poster_card_picture
    assert (story.card_picture.width, story.card_picture.height) == (960, 720)
    for name in rendition_paths(story, "poster", crops_only=True):
        assert red_pixels(settings.MEDIA_ROOT / name) > 20, name


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_a_focal_point_outside_the_picture_gets_a_german_error(value):
    photo = PhotoFactory.build(story=StoryFactory(), image=image_file(), focal_x=value)
    with pytest.raises(ValidationError) as refused:
        photo.full_clean()
    assert refused.value.message_dict["focal_x"] == [
        "Bitte eine Zahl von 0 bis 1 angeben, zum Beispiel 0,5 für die Mitte."
    ]


def photo_row(photo, **fields) -> dict:
    data = {
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "1",
        "photos-0-id": str(photo.pk),
        "photos-0-story": str(photo.story.pk),
        "photos-0-alt_text": photo.alt_text,
        "photos-0-caption": photo.caption,
        "photos-0-credit": photo.credit,
        "photos-0-position": "0",
        "photos-0-focal_x": "0.5",
        "photos-0-focal_y": "0.5",
    }
    data.update({f"photos-0-{key}": value for key, value in fields.items()})
    return data


def test_the_admin_refuses_a_wrong_focal_point_and_stores_nothing(admin_client):
    photo = PhotoFactory(story=StoryFactory(slug="fokus-admin", status="draft"))
    data = {**story_change_data(admin_client, photo.story), **photo_row(photo, focal_x="2")}
    response = admin_client.post(f"/admin/stories/story/{photo.story.pk}/change/", data)

    assert response.status_code == 200
    assert "Bitte eine Zahl von 0 bis 1 angeben" in response.content.decode()
    photo.refresh_from_db()
    assert photo.focal_x == 0.5


def test_the_admin_stores_the_focal_point_typed_in_and_remakes_the_crops(admin_client, settings):
    photo = PhotoFactory(
        story=StoryFactory(slug="fokus-getippt", status="draft"), image=image_with_dot(2000, 600, (60, 540))
    )
    data = {**story_change_data(admin_client, photo.story), **photo_row(photo, focal_x="0.03", focal_y="0.9")}
    response = admin_client.post(f"/admin/stories/story/{photo.story.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    photo = Photo.objects.get(pk=photo.pk)
    assert (photo.focal_x, photo.focal_y) == (0.03, 0.9)
    for name in rendition_paths(photo, "image", crops_only=True):
        assert red_pixels(settings.MEDIA_ROOT / name) > 20, name


def test_the_admin_offers_the_focal_point_picker_with_its_script(admin_client):
    photo = PhotoFactory(story=StoryFactory(slug="fokus-picker", status="draft"))
    html = admin_client.get(f"/admin/stories/story/{photo.story.pk}/change/").content.decode()

    assert 'data-focal-picker="focal"' in html
    assert 'name="photos-0-focal_x"' in html and 'name="photos-0-focal_y"' in html
    assert "Fokuspunkt waagerecht" in html
    assert "js/focal-point.js" in html


def test_cards_use_the_cut_renditions(client):
    story = StoryFactory(slug="karte", kommune=kommune("kreis-dueren"))
    photo = PhotoFactory(story=story, image=image_file(width=1600, height=900))
    give_consent(story)
    html = client.get("/geschichten/").content.decode()

    crop_jpeg = getattr(photo, rendition_name("image", "jpeg", 800, crop=True)).url
    assert crop_jpeg in html
    assert 'width="1200" height="900"' in html


def test_only_the_central_team_chooses_the_titelgeschichte(client):
    story = StoryFactory(slug="titel-wahl", kommune=kommune("kreis-dueren"), status="draft")
    editor = UserFactory(is_staff=True)
    editor.kommunen.add(story.kommune)
    from django.contrib.auth.models import Group

    editor.groups.add(Group.objects.get(name="Redaktion Kommune"))
    client.force_login(editor)
    html = client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="cover_story"' not in html
    assert "Titelgeschichte" in html  # shown, read-only

    central = UserFactory(is_staff=True)
    central.groups.add(Group.objects.get(name=CENTRAL_EDITORS))
    client.force_login(central)
    html = client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="cover_story"' in html


def test_there_is_only_one_titelgeschichte():
    first = StoryFactory(slug="erste", cover_story=True)
    second = StoryFactory(slug="zweite", cover_story=True)
    first.refresh_from_db()
    assert (first.cover_story, second.cover_story) == (False, True)
