"""Videos as editors have them (issue 15): one file from a phone, the web files made by a background
task (mediafiles/video_processing.py), typed captions, and no publication before the video is ready.

The phone video is made here by the ffmpeg of the imageio-ffmpeg wheel: 2 s of HEVC in a MOV,
recorded landscape with the rotation tag a phone writes, so it shows upright as 360 × 640."""

import subprocess
from unittest import mock

import av
import imageio_ffmpeg
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult
from PIL import Image

from campaign.models import SignLanguageVideo
from mediafiles import video_processing
from mediafiles.videos import Processing
from mediafiles.webvtt import parse_typed_captions, parse_webvtt, to_webvtt
from shared.publication import Status
from tests.campaign.test_sign_language import ADD, admin_data
from tests.factories import StoryFactory

NOT_A_VIDEO = "Diese Datei ist kein Video, das wir lesen können."
CAPTIONS = "0:00 Hallo, ich bin Björn.\n0:01.2 - 0:02 Ich arbeite\nwieder als Schlosser."


def ffmpeg(*args: str) -> None:
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def phone_video(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("phone")
    landscape, phone = folder / "landscape.mov", folder / "IMG_0001.MOV"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
        "-t", "2", "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
        "-tag:v", "hvc1", "-c:a", "aac", str(landscape),
    )  # fmt: skip
    ffmpeg("-display_rotation", "90", "-i", str(landscape), "-c", "copy", str(phone))
    return phone.read_bytes()


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    DBTaskResult.objects.all().delete()


def run_worker(capture_on_commit) -> None:
    """One batch of the real database worker (django-tasks-db's db_worker)."""
    with capture_on_commit(execute=True):
        if connection.vendor == "postgresql":
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)
        else:
            call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)


def streams(path) -> dict:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        frame = next(container.decode(video))
        return {
            "format": container.format.name,
            "video": video.codec_context.name,
            "audio": [stream.codec_context.name for stream in container.streams.audio],
            "size": (frame.width, frame.height),
            "duration": container.duration / 1_000_000,
        }


def top_level_atoms(data: bytes) -> list[bytes]:
    atoms, offset = [], 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset : offset + 4], "big")
        atoms.append(data[offset + 4 : offset + 8])
        if size < 8:
            break
        offset += size
    return atoms


def files_in(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.mark.django_db
def test_phone_video_uploaded_in_the_admin_becomes_mp4_webm_and_poster_through_the_worker(
    admin_client, settings, phone_video, database_tasks, django_capture_on_commit_callbacks
):
    data = admin_data(
        status="draft",
        transcript="",
        duration="",
        poster_time="0.5",
        caption_text=CAPTIONS,
        video_source=SimpleUploadedFile("IMG_0001.MOV", phone_video, content_type="video/quicktime"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    video = SignLanguageVideo.objects.get()
    assert video.processing_state == Processing.WAITING
    assert video.video_source.name.startswith("gebaerdensprache/video-sources/")
    assert not video.has_own_video
    # The captions were written as WebVTT, the empty transcript filled from them.
    cues = parse_webvtt((settings.MEDIA_ROOT / video.captions.name).read_text())
    assert cues == [(0.0, 1.2, "Hallo, ich bin Björn."), (1.2, 2.0, "Ich arbeite\nwieder als Schlosser.")]
    assert video.transcript == "Hallo, ich bin Björn.\n\nIch arbeite wieder als Schlosser."
    change = f"/admin/campaign/signlanguagevideo/{video.pk}/change/"
    assert "Wartet auf die Verarbeitung" in admin_client.get(change).content.decode()
    assert DBTaskResult.objects.count() == 1

    run_worker(django_capture_on_commit_callbacks)

    video.refresh_from_db()
    assert (video.processing_state, video.processing_progress, video.processing_error) == ("ready", 100, "")
    assert video.duration == 2
    mp4 = settings.MEDIA_ROOT / video.video_mp4.name
    webm = settings.MEDIA_ROOT / video.video_webm.name
    assert video.video_mp4.name.startswith("gebaerdensprache/videos/") and mp4.suffix == ".mp4"
    assert streams(mp4) | {"duration": 2} == {
        "format": "mov,mp4,m4a,3gp,3g2,mj2", "video": "h264", "audio": ["aac"], "size": (360, 640), "duration": 2
    }  # fmt: skip
    assert abs(streams(mp4)["duration"] - 2) < 0.2
    atoms = top_level_atoms(mp4.read_bytes())
    assert atoms.index(b"moov") < atoms.index(b"mdat"), "faststart: the index comes before the data"
    assert streams(webm)["format"] == "matroska,webm"
    assert (streams(webm)["video"], streams(webm)["audio"], streams(webm)["size"]) == ("vp9", ["opus"], (360, 640))
    assert video.video_mp4_size == mp4.stat().st_size and video.video_webm_size == webm.stat().st_size
    with Image.open(settings.MEDIA_ROOT / video.poster.name) as poster:
        assert (poster.format, poster.size) == ("JPEG", (360, 640))
    assert (video.poster_width, video.poster_height) == (360, 640)
    assert "Fertig: MP4 und WebM für das Web, Dauer 0:02." in admin_client.get(change).content.decode()

    # Now it may be published, and the page plays the web files, never the original.
    response = admin_client.post(change, admin_data(status="published", transcript=video.transcript, duration="2"))
    assert response.status_code == 302, response.content.decode()[:3000]
    html = admin_client.get("/gebaerdensprache/").content.decode()
    assert f'<source src="{video.video_webm.url}" type="video/webm">' in html
    assert f'<source src="{video.video_mp4.url}" type="video/mp4">' in html
    assert "video-sources" not in html
    admin_client.logout()
    assert admin_client.get(video.video_mp4.url).status_code == 200
    assert admin_client.get(video.video_source.url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("video.mov", b"<!doctype html><html><body><script>alert(1)</script></body></html>"),
        ("video.mp4", b"\x00\x00\x00\x18ftypqt  \x00\x00\x02\x00qt  " + b"\x00" * 2000),
        ("video.webm", b"\x1a\x45\xdf\xa3" + b"webm" * 400),
    ],
)
@pytest.mark.django_db
def test_a_file_that_is_not_a_video_gets_a_german_error_and_nothing_is_stored(
    admin_client, settings, database_tasks, django_capture_on_commit_callbacks, name, content
):
    data = admin_data(status="draft", caption_text=CAPTIONS, video_source=SimpleUploadedFile(name, content))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert NOT_A_VIDEO in response.content.decode()
    assert not SignLanguageVideo.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_video_cannot_be_published_while_it_is_processed(admin_client, settings, phone_video):
    data = admin_data(status="published", video_source=SimpleUploadedFile("IMG_0001.MOV", phone_video))
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert "Das Video wird noch verarbeitet. Bitte speichern Sie als Entwurf" in response.content.decode()
    assert not SignLanguageVideo.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


@pytest.mark.django_db
def test_a_story_needs_a_ready_video_with_captions_for_review_and_publication(phone_video):
    story = StoryFactory(status=Status.DRAFT)
    story.video_source.save("IMG_0001.MOV", ContentFile(phone_video), save=False)
    story.poster_alt = "Björn an der Werkbank"
    story.processing_state = Processing.RUNNING
    story.full_clean()  # a draft may wait for its video
    for status in (Status.REVIEW, Status.PUBLISHED):
        story.status = status
        with pytest.raises(ValidationError) as error:
            story.full_clean()
        assert error.value.message_dict["video_source"][0].startswith("Das Video wird noch verarbeitet.")
        assert error.value.message_dict["captions"][0].startswith("Ohne Untertitel kann das Video weder eingereicht")
    story.processing_state = Processing.FAILED
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert error.value.message_dict["video_source"][0].startswith("Das Video konnte nicht verarbeitet werden.")


@pytest.mark.django_db
def test_a_stored_file_the_worker_cannot_read_ends_with_a_german_error(immediate_tasks, settings):
    video = SignLanguageVideo(title="Kaputt", status=Status.DRAFT)
    # Stored without the upload gate (as after a damaged copy): the task must still fail cleanly.
    video.video_source.save("kaputt.mov", ContentFile(b"\x00\x00\x00\x18ftypqt  " + b"\x00" * 500), save=False)
    video.save()
    video.refresh_from_db()
    assert video.processing_state == Processing.WAITING
    video_processing.process_video.call(video._meta.label, video.pk)
    video.refresh_from_db()
    assert video.processing_state == Processing.FAILED
    assert video.processing_error.startswith("Die Video-Datei kann nicht gelesen werden")
    assert not video.video_mp4 and not video.video_webm


def test_progress_is_read_from_ffmpeg_progress_lines(monkeypatch, tmp_path):
    seen = []

    def fake_run(command, on_line=None):
        for line in ["frame=10", "out_time_us=500000", "out_time_us=1500000", "progress=end", "out_time_us=N/A"]:
            on_line(line)

    monkeypatch.setattr(video_processing, "_run", fake_run)
    video_processing.transcode("in.mov", tmp_path / "out.mp4", [], 2.0, seen.append, has_audio=True)
    assert seen == [0.25, 0.75]


def test_typed_captions_become_webvtt():
    cues = parse_typed_captions("0:01 Erste Zeile\n\n0:03,5 Zweite\n1:02:03 Dritte", duration=3725)
    assert cues == [(1.0, 3.5, "Erste Zeile"), (3.5, 7.5, "Zweite"), (3723.0, 3725, "Dritte")]
    assert to_webvtt(cues).startswith("WEBVTT\n\n00:00:01.000 --> 00:00:03.500\nErste Zeile\n\n")
    assert parse_webvtt(to_webvtt(cues)) == cues


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hallo ohne Zeit", "Zeile 1: Am Anfang fehlt die Startzeit"),
        ("0:05 Eins\n0:02 Zwei", "Zeile 2: Die Startzeit liegt vor der Zeile davor."),
        ("0:05-0:04 Rückwärts", "Zeile 1: Das Ende liegt nicht nach dem Anfang."),
        ("0:05 Eins\n5:7 Zwei", "Zeile 2: Am Anfang fehlt die Startzeit"),
    ],
)
def test_typed_captions_with_mistakes_are_refused_in_german(text, message):
    with pytest.raises(ValueError, match=message):
        parse_typed_captions(text)
