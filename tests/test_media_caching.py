"""How long browsers and caches keep media (mediafiles/serving.py): a year for files under random stored
names and their renditions, an hour with revalidation for others, never for an editor's preview."""

import pytest

from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, editor, kommune

pytestmark = pytest.mark.django_db

LONG = "public, max-age=31536000, s-maxage=300, immutable"
SHORT = "public, max-age=3600, must-revalidate"


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    story = StoryFactory(status=Status.PUBLISHED, kommune=kommune("kreis-dueren"))
    return PhotoFactory(story=story)


def test_a_published_photo_and_its_renditions_are_kept_for_a_year(client, photo):
    assert photo.image.name.startswith("stories/photos/")
    for url in [photo.image.url, photo.image_jpeg_480.url, photo.image_webp_800.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == LONG, url


def test_a_not_modified_answer_repeats_the_long_lifetime(client, photo):
    etag = client.get(photo.image.url)["ETag"]
    response = client.get(photo.image.url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["Cache-Control"] == LONG


def test_a_file_under_a_readable_name_is_revalidated_after_an_hour(client, settings):
    path = settings.MEDIA_ROOT / "videos" / "clip.webm"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"0123456789" * 100)
    response = client.get("/media/videos/clip.webm")
    assert response.status_code == 200
    assert response["Cache-Control"] == SHORT


def test_a_name_that_only_looks_random_in_part_is_not_kept_long(client, settings):
    name = "presse/" + "a" * 31 + "g.pdf"
    (settings.MEDIA_ROOT / "presse").mkdir(parents=True)
    (settings.MEDIA_ROOT / name).write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert client.get("/media/" + name)["Cache-Control"] == SHORT


def test_an_editor_previewing_a_draft_photo_gets_it_uncached(client, photo):
    type(photo.story).objects.filter(pk=photo.story.pk).update(status=Status.DRAFT)
    client.force_login(editor("Zentrale Redaktion"))
    for url in [photo.image.url, photo.image_jpeg_480.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url


def test_a_withdrawn_story_photo_is_no_longer_served(client, photo):
    assert client.get(photo.image.url).status_code == 200
    # Archived by a save, as the admin and stories/withdrawal.py do: the save renews the page cache's
    # generation, under which the answer "public" was kept (mediafiles/access.py).
    story = photo.story
    story.status = Status.ARCHIVED
    story.save()
    response = client.get(photo.image.url)
    assert response.status_code == 404
    assert "immutable" not in response.get("Cache-Control", "")


def test_a_kept_answer_ends_when_the_story_goes_offline_at_its_time(client, photo, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    story = photo.story
    story.publish_until = timezone.now() + timedelta(hours=1)
    story.save()
    assert client.get(photo.image.url).status_code == 200
    assert client.get(photo.image_jpeg_480.url).status_code == 200
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # no save: the scheduled moment alone
    assert client.get(photo.image.url).status_code == 404
    assert client.get(photo.image_jpeg_480.url).status_code == 404


def test_a_preview_link_holder_gets_the_draft_photo_uncached(client, photo):
    from editorial import preview

    story = photo.story
    type(story).objects.filter(pk=story.pk).update(status=Status.REVIEW, publish_from=None)
    story.refresh_from_db()
    link = "http://testserver" + preview.link_for(story)
    response = client.get(photo.image.url, headers={"referer": link})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"  # no shared cache may keep a draft
