"""Files of unpublished stories are not reachable by guessing their URL (mediafiles/serving.py asks
mediafiles.access); editors who may preview the story see them."""

import pytest

from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, UserFactory, editor, kommune

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    return PhotoFactory(story=story)


def urls(photo) -> list[str]:
    return [photo.image.url, photo.image_jpeg_480.url, photo.image_webp_800.url]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_visitors_get_404_for_files_of_unpublished_stories(client, photo, status):
    type(photo.story).objects.filter(pk=photo.story.pk).update(status=status)
    for url in urls(photo):
        assert client.get(url).status_code == 404, url
    sneaky = photo.image.url.replace("/media/stories/", "/media/stories//./")
    assert client.get(sneaky).status_code == 404


def test_files_of_a_published_story_are_served(client, photo):
    type(photo.story).objects.filter(pk=photo.story.pk).update(status=Status.PUBLISHED)
    for url in urls(photo):
        assert client.get(url).status_code == 200, url


def test_a_scheduled_story_keeps_its_files_hidden_until_its_time(client, photo):
    from datetime import timedelta

    from django.utils import timezone

    story = photo.story
    type(story).objects.filter(pk=story.pk).update(
        status=Status.PUBLISHED, publish_from=timezone.now() + timedelta(days=1)
    )
    assert client.get(photo.image.url).status_code == 404


def test_editors_of_the_kommune_see_them_others_do_not(client, photo):
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    assert all(client.get(url).status_code == 200 for url in urls(photo))
    client.force_login(editor("Redaktion Kommune", "landeshauptstadt-stuttgart"))
    assert all(client.get(url).status_code == 404 for url in urls(photo))
    client.force_login(editor("Zentrale Redaktion"))
    assert all(client.get(url).status_code == 200 for url in urls(photo))


def test_a_staff_user_without_permissions_sees_neither_the_draft_nor_its_files(client, photo):
    nobody = UserFactory(is_staff=True)
    nobody.kommunen.set([kommune("kreis-dueren")])  # even of the story's own Kommune
    client.force_login(nobody)
    assert client.get(photo.story.get_absolute_url()).status_code == 404
    for url in urls(photo):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("folder", ["stories/video-sources", "stories/photos/image-sources", "presse/image-sources"])
def test_originals_kept_for_processing_are_never_served(client, settings, folder):
    # An uploaded video and a big picture waiting for the worker: only their web files are served.
    original = settings.MEDIA_ROOT / folder / ("a" * 32 + ".jpg")
    original.parent.mkdir(parents=True)
    original.write_bytes(b"\xff\xd8\xff" + b"\0" * 100)
    url = f"/media/{folder}/{original.name}"
    assert client.get(url).status_code == 404
    client.force_login(editor("Zentrale Redaktion"))
    assert client.get(url).status_code == 404
