"""The sign-language page: one video model (mediafiles/videos.py) and player, publication, demo."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from campaign.demo import DEMO_MEDIA, STEM
from campaign.models import SignLanguageVideo
from shared.publication import Status
from tests.factories import image_file
from tests.helpers import count_queries

MP4 = (DEMO_MEDIA / f"{STEM}.mp4").read_bytes()
VTT = (DEMO_MEDIA / f"{STEM}.vtt").read_bytes()
ADD = "/admin/campaign/signlanguagevideo/add/"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def make_video(**overrides) -> SignLanguageVideo:
    video = SignLanguageVideo(title="Über diese Website", transcript="Text zum Video.", duration=10)
    video.video_mp4.save("dgs.mp4", ContentFile(MP4), save=False)
    video.captions.save("dgs.vtt", ContentFile(VTT), save=False)
    for name, value in overrides.items():
        setattr(video, name, value)
    video.save()
    return video


@pytest.mark.django_db
def test_page_shows_the_video_with_captions_download_and_transcript(client):
    video = make_video(transcript="Erster Absatz.\n\nZweiter Absatz.")
    assert video.video_mp4_size == len(MP4)
    assert video.video_mp4.name.startswith("gebaerdensprache/videos/")
    html = client.get("/gebaerdensprache/").content.decode()
    assert f'id="video-{video.pk}-player"' in html
    assert f'<source src="{video.video_mp4.url}" type="video/mp4">' in html
    assert f'<track kind="captions" srclang="de" label="Deutsch" src="{video.captions.url}" default>' in html
    assert f'<a class="kern-link" href="{video.video_mp4.url}" download>' in html
    assert "Video herunterladen (MP4, 6,4\xa0KB, 0:10 Min.)" in html
    assert "<p>Erster Absatz.</p>\n\n<p>Zweiter Absatz.</p>" in html
    assert "Das Video wird gerade erstellt" not in html


@pytest.mark.django_db
def test_page_shows_the_poster_through_the_image_pipeline(client):
    video = make_video(poster=image_file("poster.jpg", width=640, height=360), poster_alt="Standbild")
    assert (video.poster_width, video.poster_height) == (640, 360)
    html = client.get("/gebaerdensprache/").content.decode()
    assert f'poster="{video.poster_picture.largest_src}"' in html
    assert "/media/CACHE/" in video.poster_picture.largest_src


@pytest.mark.django_db
def test_page_without_published_video_explains_and_points_to_leichte_sprache(client):
    make_video(status=Status.DRAFT)
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<video" not in html
    assert "Das Video wird gerade erstellt" in html
    assert 'href="/leichte-sprache/"' in html


def admin_data(**extra) -> dict:
    data = {
        "title": "Neu",
        "transcript": "Text",
        "duration": "10",
        "position": "0",
        "status": "published",
        "publish_from_0": "",
        "publish_from_1": "",
        "publish_until_0": "",
        "publish_until_1": "",
        "poster_alt": "Standbild aus dem Video",
        "external_platform": "",
        "external_video_id": "",
    }
    return {**data, **extra}


@pytest.mark.django_db
def test_admin_upload_is_validated_and_nothing_is_stored_on_error(admin_client, settings):
    files = {
        "video_mp4": upload("dgs.mp4", b"kein video"),
        "captions": upload("dgs.vtt", b"keine untertitel"),
        "poster": image_file("poster.jpg", width=640, height=360),
    }
    response = admin_client.post(ADD, admin_data(**files))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diese Datei ist kein MP4-Video." in html
    assert "Die Untertitel sind keine gültige WebVTT-Datei: Die erste Zeile muss „WEBVTT“ lauten." in html
    assert not SignLanguageVideo.objects.exists()
    assert not (settings.MEDIA_ROOT / "gebaerdensprache").exists()

    files = {
        "video_mp4": upload("dgs.mp4", MP4),
        "captions": upload("dgs.vtt", VTT),
        "poster": image_file("poster.jpg", width=640, height=360),
    }
    response = admin_client.post(ADD, admin_data(**files))
    assert response.status_code == 302
    video = SignLanguageVideo.objects.get()
    assert video.video_mp4_size == len(MP4)
    assert video.is_published


@pytest.mark.django_db
def test_captions_and_a_video_file_are_required(admin_client):
    response = admin_client.post(ADD, admin_data(video_mp4=upload("a.mp4", MP4)))
    assert response.status_code == 200
    assert "Zu einem Video gehören deutsche Untertitel (WebVTT-Datei)." in response.content.decode()
    response = admin_client.post(ADD, admin_data(captions=upload("dgs.vtt", VTT)))
    assert "Ein Video in Gebärdensprache braucht eine eigene Video-Datei." in response.content.decode()
    assert not SignLanguageVideo.objects.exists()


@pytest.mark.django_db
def test_load_demo_adds_one_marked_demo_video_with_its_files(client, settings):
    call_command("load_demo", only=["campaign"], verbosity=0)
    call_command("load_demo", only=["campaign"], verbosity=0)
    video = SignLanguageVideo.objects.get()
    assert video.is_demo
    for field in (video.video_mp4, video.poster, video.captions):
        assert (settings.MEDIA_ROOT / field.name).is_file()
    assert (settings.MEDIA_ROOT / video.captions.name).read_bytes() == VTT
    html = client.get("/gebaerdensprache/").content.decode()
    assert "Beispielvideo: Diese Website in Gebärdensprache" in html
    assert (settings.MEDIA_ROOT / video.poster_picture.largest_src.removeprefix("/media/")).is_file()


@pytest.mark.django_db
def test_sign_language_page_query_budget(client):
    make_video()
    one = count_queries(client, "/gebaerdensprache/")
    make_video(title="Zweites Video")
    make_video(title="Drittes Video")
    assert count_queries(client, "/gebaerdensprache/") == one <= 2
