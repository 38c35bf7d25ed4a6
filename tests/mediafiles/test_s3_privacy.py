"""S3 mode keeps the files of unpublished rows private in the bucket (mediafiles/s3.py,
mediafiles/visibility.py), against moto's S3 server.

moto is a FAKE of S3 (tests/s3.py). What these tests can prove with it: an anonymous GET — a
visitor's browser or a CDN fetching from the bucket — is refused (403) for a private object and
answered for a public-read one; moto enforces object ACLs on anonymous reads, and a changed ACL
counts at once. What moto does NOT check, so these tests assert it from the URL instead: the
signature and the expiry of a presigned URL (moto lets any URL with a signature parameter read
any object, expired or not); and the Condition of a bucket policy, so the "tag" mode is checked
by the objects' tags only, not by a refused read. A real provider must be tried on staging.
"""

import io
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.tasks import default_task_backend
from django.utils import timezone

from campaign.models import SignLanguageVideo
from config.storage import storages as storages_from_env
from mediafiles import visibility
from mediafiles.files import rendition_folder
from shared.publication import Status
from stories.models import Photo, Story
from tests.factories import (
    PhotoFactory,
    PressKitItemFactory,
    StoryFactory,
    demo_media_file,
    give_consent,
    image_file,
)
from tests.s3 import anonymous_get, credentials, moto_server

pytest.importorskip("moto")

CDN = "medien.example.org"
STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


@pytest.fixture(scope="module")
def fake_s3(tmp_path_factory):
    with moto_server(tmp_path_factory.mktemp("moto")) as server:
        yield server


class Bucket:
    def __init__(self, endpoint, client, name):
        self.endpoint, self.client, self.name = endpoint, client, name

    @property
    def storage(self):
        return storages["default"]

    def keys(self, prefix: str) -> list[str]:
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return [entry["Key"] for entry in listed.get("Contents", [])]

    def with_renditions(self, name: str) -> list[str]:
        return [name, *self.keys(rendition_folder(name) + "/")]

    def visitor_status(self, key: str) -> int:
        """What a browser (or a CDN) without credentials gets from the bucket."""
        return anonymous_get(f"{self.endpoint}/{self.name}/{key}")

    def statuses(self, keys: list[str]) -> set[int]:
        return {self.visitor_status(key) for key in keys}

    def tags(self, key: str) -> dict[str, str]:
        tag_set = self.client.get_object_tagging(Bucket=self.name, Key=key)["TagSet"]
        return {tag["Key"]: tag["Value"] for tag in tag_set}


def _bucket(settings, fake_s3, monkeypatch, **env) -> Bucket:
    endpoint, client = fake_s3
    credentials(monkeypatch)
    name = f"kjc-media-{uuid.uuid4().hex[:12]}"  # each test its own bucket
    client.create_bucket(Bucket=name)
    environ = {"DJANGO_S3_BUCKET": name, "DJANGO_S3_ENDPOINT_URL": endpoint, "DJANGO_S3_CUSTOM_DOMAIN": CDN, **env}
    settings.STORAGES = storages_from_env(environ, STATIC)
    settings.MEDIA_URL = f"https://{CDN}/"
    return Bucket(endpoint, client, name)


@pytest.fixture
def bucket(settings, fake_s3, monkeypatch, immediate_tasks):
    """S3 mode on a fresh bucket; tasks (the visibility sync) run as soon as they are queued."""
    return _bucket(settings, fake_s3, monkeypatch)


def saved(capture, make):
    """Run `make()` and the commit hooks it queues (the sync task among them), as a request would."""
    with capture(execute=True):
        return make()


def assert_presigned(url: str, seconds: int = 600) -> None:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert parts.netloc != CDN, "signed by the bucket's endpoint, not the CDN's address"
    assert "X-Amz-Signature" in query, url
    assert query["X-Amz-Expires"] == [str(seconds)], url
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs((timezone.now() - signed_at).total_seconds()) < 60
    assert query["response-cache-control"] == ["private, no-store"], "no shared cache keeps an editor's copy"


@pytest.mark.django_db
def test_a_draft_storys_photo_and_renditions_are_not_readable_from_the_bucket(
    bucket, django_capture_on_commit_callbacks
):
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = bucket.with_renditions(photo.image.name)
    assert len(keys) > 10, "the renditions are in the bucket too"
    assert bucket.statuses(keys) == {403}
    # The editor's preview gets a signed address of the bucket.
    url = bucket.storage.url(photo.image.name)
    assert_presigned(url)
    assert anonymous_get(url) == 200


@pytest.mark.django_db
def test_publishing_makes_the_files_public_and_unpublishing_private_again(bucket, django_capture_on_commit_callbacks):
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = bucket.with_renditions(photo.image.name)
    assert bucket.statuses(keys) == {403}

    story.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, story.save)
    assert bucket.statuses(keys) == {200}
    assert bucket.storage.url(photo.image.name) == f"https://{CDN}/{photo.image.name}", "plain, cacheable"

    story.status = Status.ARCHIVED
    saved(django_capture_on_commit_callbacks, story.save)
    assert bucket.statuses(keys) == {403}
    assert_presigned(bucket.storage.url(photo.image.name))


@pytest.mark.django_db
def test_a_consent_given_makes_the_files_public_and_its_withdrawal_removes_them(
    bucket, django_capture_on_commit_callbacks
):
    """The consent, another app's row, is what changes: no story row is saved."""
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(consent=False))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = bucket.with_renditions(photo.image.name)
    assert bucket.statuses(keys) == {403}, "published, but nobody on record has consented yet"

    consent = saved(django_capture_on_commit_callbacks, lambda: give_consent(story))
    assert bucket.statuses(keys) == {200}

    consent.withdrawn_on = timezone.localdate()
    saved(django_capture_on_commit_callbacks, consent.save)
    assert bucket.statuses(keys) == {404}, "a withdrawal deletes the files (stories/withdrawal.py)"


@pytest.mark.django_db
def test_a_scheduled_story_goes_public_at_its_moment_with_no_save(
    bucket, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """publish_from reached changes no row: the sync queued for the page cache's next moment does it."""
    # Before Berlin's next midnight, which is the page cache's next moment too (the test failed
    # between 23:00 and 24:00 in Berlin when publish_from was an hour ahead).
    now = timezone.now()
    midnight = (timezone.localtime(now) + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    moment = min(now + timedelta(hours=1), now + (midnight - now) / 2)
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(publish_from=moment))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = bucket.with_renditions(photo.image.name)
    cards = bucket.keys("generated/")
    assert len(cards) == 1, "a scheduled story has its share card already (stories/tasks.py)"
    keys += cards
    assert bucket.statuses(keys) == {403}

    # With a backend that can wait (the database or Redis queue), each sync queues the next one
    # for the moment the page cache's generation is due: here publish_from.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    caches[visibility.STATE_CACHE].delete(visibility.SYNCED_KEY)
    assert visibility.sync() == 0
    waiting = [result for result in default_task_backend.results if result.task.func is visibility.sync_task.func]
    assert [result.task.run_after.timestamp() for result in waiting] == [pytest.approx(moment.timestamp(), abs=1)]
    visibility.sync()
    assert len(default_task_backend.results) == 1, "one task per moment, however often the sync runs"

    # The worker runs the queued task at its moment (the clock moved on, nothing was saved).
    later = moment + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert visibility.sync() == 2, "the photo (with its renditions) and the share card"
    assert bucket.statuses(keys) == {200}


@pytest.mark.django_db
def test_with_a_shared_pages_cache_the_sync_waits_for_the_new_generation(
    bucket, settings, tmp_path, django_capture_on_commit_callbacks
):
    """With Redis (several app servers) a process re-reads the page cache's generation at most once
    a second (mediafiles/access.py): a sync right after a publication must not decide by the
    answers kept from just before it. (A file-based cache stands in for Redis: shared too.)"""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "p")},
    }
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = bucket.with_renditions(photo.image.name)
    assert visibility.visitor_audience(photo.image.name) == visibility.HIDDEN  # kept for this generation

    story.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, story.save)
    assert bucket.statuses(keys) == {200}


@pytest.mark.django_db
def test_the_sync_is_idempotent_and_survives_a_lost_memory(bucket, django_capture_on_commit_callbacks):
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    story.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, story.save)
    keys = bucket.with_renditions(photo.image.name)
    assert visibility.sync() == 0, "nothing changed since the last run"
    # --all sets every protected file again: the photo (with its renditions) and the share card.
    assert visibility.sync(force=True) == 2
    caches[visibility.STATE_CACHE].clear()  # a flushed Redis
    assert visibility.sync() == 2
    assert visibility.sync() == 0
    assert bucket.statuses(keys) == {200}
    out = io.StringIO()
    call_command("sync_media_visibility", "--all", stdout=out)
    assert out.getvalue().strip() == "2 Dateien neu gesetzt."
    assert bucket.statuses(keys) == {200}


def test_the_command_says_when_there_is_no_bucket():
    with pytest.raises(CommandError, match="nicht in einem S3-Bucket"):
        call_command("sync_media_visibility")


@pytest.mark.django_db
def test_pages_for_visitors_never_hold_a_signed_address(
    bucket, client, central_editor, django_capture_on_commit_callbacks
):
    """The editor's preview signs the draft's pictures; once published, the visitor's page (the one
    the page cache stores) names them by their plain addresses, even in a process that rendered
    the preview before (mediafiles/images.py keeps rendition URLs per process)."""
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    client.force_login(central_editor)
    preview = client.get(story.get_absolute_url())
    assert preview.status_code == 200
    assert "X-Amz-Signature" in preview.content.decode()
    assert preview["X-Page-Cache"] == "bypass"
    client.logout()

    story.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, story.save)
    for expected in ("miss", "hit"):
        page = client.get(story.get_absolute_url())
        assert page.status_code == 200
        assert page["X-Page-Cache"] == expected
        html = page.content.decode()
        assert f"https://{CDN}/CACHE/images/" in html
        assert "X-Amz-" not in html


@pytest.mark.django_db
def test_a_draft_sign_language_video_stays_private_until_published(bucket, django_capture_on_commit_callbacks):
    def make():
        video = SignLanguageVideo(title="Über diese Website", transcript="Text.", duration=10, status=Status.DRAFT)
        video.video_mp4.save("dgs.mp4", demo_media_file("videos", "bjoern-mehren.mp4"), save=False)
        video.captions.save("dgs.vtt", demo_media_file("captions", "bjoern-mehren.vtt"), save=False)
        video.poster.save("dgs.jpg", image_file("poster.jpg", width=640, height=360), save=False)
        video.save()
        return video

    video = saved(django_capture_on_commit_callbacks, make)
    keys = [video.video_mp4.name, video.captions.name, *bucket.with_renditions(video.poster.name)]
    assert bucket.statuses(keys) == {403}
    assert_presigned(bucket.storage.url(video.video_mp4.name))

    video.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, video.save)
    assert bucket.statuses(keys) == {200}
    assert bucket.storage.url(video.video_mp4.name) == f"https://{CDN}/{video.video_mp4.name}"


@pytest.mark.django_db
def test_a_draft_press_kit_item_stays_private_until_published(bucket, django_capture_on_commit_callbacks):
    item = saved(django_capture_on_commit_callbacks, lambda: PressKitItemFactory(status=Status.DRAFT))
    keys = bucket.with_renditions(item.file.name)
    assert len(keys) > 1, "its previews are renditions of the file"
    assert bucket.statuses(keys) == {403}

    item.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, item.save)
    assert bucket.statuses(keys) == {200}

    item.status = Status.DRAFT
    saved(django_capture_on_commit_callbacks, item.save)
    assert bucket.statuses(keys) == {403}


@pytest.mark.django_db
def test_a_press_kit_pdf_is_a_download_from_the_bucket_and_from_a_signed_address(
    bucket, django_capture_on_commit_callbacks
):
    """Issue 27: a document is stored with Content-Disposition: attachment (a bucket has no CSP:
    it serves from its own origin, not the site's), and an editor's signed address asks for it too."""
    pdf = ContentFile(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", name="mappe.pdf")
    item = saved(
        django_capture_on_commit_callbacks,
        lambda: PressKitItemFactory(status=Status.DRAFT, kind="dokument", alt_text="", file=pdf),
    )
    stored = bucket.client.head_object(Bucket=bucket.name, Key=item.file.name)
    assert stored["ContentType"] == "application/pdf"
    assert stored["ContentDisposition"] == "attachment"
    query = parse_qs(urlsplit(bucket.storage.url(item.file.name)).query)
    assert query["response-content-disposition"] == ["attachment"]
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=StoryFactory(status=Status.DRAFT)))
    assert "ContentDisposition" not in bucket.client.head_object(Bucket=bucket.name, Key=photo.image.name)
    assert "response-content-disposition" not in parse_qs(urlsplit(bucket.storage.url(photo.image.name)).query)


@pytest.mark.django_db
def test_files_of_no_publishable_row_are_public_at_once(bucket):
    name = bucket.storage.save("generated/teilen.jpg", ContentFile(b"JPEG-Bytes"))  # e.g. a share card
    assert bucket.visitor_status(name) == 200
    assert bucket.storage.url(name) == f"https://{CDN}/{name}"


@pytest.mark.django_db
def test_uploaded_originals_are_never_public(bucket, django_capture_on_commit_callbacks):
    """A video's original as the editor uploaded it (video-sources/) stays private while its story
    is public; so does a large picture waiting for the worker (image-sources/, still with its
    camera metadata)."""
    story = saved(django_capture_on_commit_callbacks, StoryFactory)
    name = bucket.storage.save(f"{Story.MEDIA_FOLDER}/video-sources/original.mov", ContentFile(b"MOV-Bytes"))
    Story.objects.filter(pk=story.pk).update(video_source=name)
    assert visibility.sync(force=True) >= 1
    assert bucket.visitor_status(name) == 403
    assert_presigned(bucket.storage.url(name))

    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    waiting = bucket.storage.save("stories/photos/image-sources/gross.jpg", ContentFile(b"JPEG mit GPS"))
    Photo.objects.filter(pk=photo.pk).update(image=waiting)
    assert visibility.sync(force=True) >= 2
    assert bucket.visitor_status(waiting) == 403


@pytest.mark.django_db
def test_tag_mode_tags_drafts_private_and_published_files_public(
    settings, fake_s3, monkeypatch, immediate_tasks, django_capture_on_commit_callbacks
):
    """For buckets without ACLs: a bucket policy allows s3:GetObject where the tag says public
    (README). moto ignores a policy's Condition, so this checks the tags, not a refused read."""
    tagged = _bucket(settings, fake_s3, monkeypatch, DJANGO_S3_PUBLIC_BY="tag")
    story = saved(django_capture_on_commit_callbacks, lambda: StoryFactory(status=Status.DRAFT))
    photo = saved(django_capture_on_commit_callbacks, lambda: PhotoFactory(story=story))
    keys = tagged.with_renditions(photo.image.name)
    assert {tagged.tags(key)["visibility"] for key in keys} == {"private"}
    assert tagged.statuses(keys) == {403}, "no ACL makes them readable either"

    story.status = Status.PUBLISHED
    saved(django_capture_on_commit_callbacks, story.save)
    assert {tagged.tags(key)["visibility"] for key in keys} == {"public"}
