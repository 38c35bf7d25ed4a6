"""The sign-language page: validated uploads (type by content, size, WebVTT), player, download, demo."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from campaign.demo import DEMO_MEDIA, STEM
from campaign.models import SignLanguageVideo
from campaign.templatetags.campaign_tags import clock_time, playing_time
from config import uploads
from config.uploads import parse_webvtt, validate_video_file, validate_webvtt
from tests.helpers import count_queries

MP4 = (DEMO_MEDIA / f"{STEM}.mp4").read_bytes()
VTT = (DEMO_MEDIA / f"{STEM}.vtt").read_bytes()
# The first bytes of a WebM file: EBML header with DocType "webm".
WEBM = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_mp4_and_webm_are_recognised_by_their_content():
    validate_video_file(upload("video.mp4", MP4))
    validate_video_file(upload("video.webm", WEBM + b"\0" * 100))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("video.mp4", b"MZ\x90\x00 not a video at all", "Die Datei ist kein Video im Format MP4 oder WebM."),
        ("video.mp4", b"%PDF-1.7\n", "Die Datei ist kein Video im Format MP4 oder WebM."),
        ("video.webm", MP4, "Die Dateiendung passt nicht zum Inhalt: Die Datei ist ein MP4-Video."),
        ("video.mkv", WEBM, "Die Dateiendung passt nicht zum Inhalt: Die Datei ist ein WebM-Video."),
    ],
)
def test_other_files_are_refused_in_german(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload(name, content))
    assert message in error.value.messages[0]


def test_too_large_video_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_VIDEO_BYTES", 1024)
    with pytest.raises(ValidationError) as error:
        validate_video_file(upload("video.mp4", MP4))
    assert error.value.messages[0].startswith("Das Video ist zu groß (6,4\xa0KB). Erlaubt sind höchstens 1,0\xa0KB.")


def test_demo_captions_are_valid_webvtt():
    cues = parse_webvtt(VTT.decode())
    assert len(cues) == 3
    assert cues[0][:2] == (0.0, 3.5)
    assert cues[-1][1] == 10.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"1\n00:00:01.000 --> 00:00:02.000\nHallo\n", "Die erste Zeile muss „WEBVTT“ lauten."),
        (b"WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHallo\n", "Zeile 3: Die Zeitangabe ist ungültig"),
        (b"WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nHallo\n", "Zeile 3: Das Ende liegt nicht nach dem Anfang."),
        (b"WEBVTT\n\nNOTE nur eine Notiz\n", "Die Datei enthält keine Untertitel"),
        (b"WEBVTT\n\nkennung-ohne-zeit\n", "Zeile 3: Nach der Kennung fehlt die Zeitangabe."),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nGrüße\n".encode("latin-1"), "nicht als UTF-8 gespeichert"),
    ],
)
def test_broken_captions_are_refused_in_german(content, message):
    with pytest.raises(ValidationError) as error:
        validate_webvtt(upload("captions.vtt", content))
    assert message in error.value.messages[0]


def test_webvtt_with_bom_crlf_identifiers_and_short_timestamps_is_accepted():
    text = "\ufeffWEBVTT - Titel\r\nKind: captions\r\n\r\nintro\r\n00:01.000 --> 00:02.500 line:90%\r\nHallo\r\n"
    assert parse_webvtt(text) == [(1.0, 2.5, "Hallo")]


@pytest.mark.parametrize(
    ("seconds", "text", "iso"),
    [(10, "10 Sekunden", "PT10S"), (61, "1 Minute 1 Sekunde", "PT1M1S"), (3720, "1 Stunde 2 Minuten", "PT1H2M0S")],
)
def test_playing_time_reads_naturally(seconds, text, iso):
    assert playing_time(timedelta(seconds=seconds)) == text
    assert clock_time(timedelta(seconds=seconds)) == iso


def make_video(**overrides) -> SignLanguageVideo:
    video = SignLanguageVideo(title="Über diese Website", transcript="Text zum Video.", duration=timedelta(seconds=10))
    video.video.save("dgs.mp4", ContentFile(MP4), save=False)
    video.captions.save("dgs.vtt", ContentFile(VTT), save=False)
    for name, value in overrides.items():
        setattr(video, name, value)
    video.save()
    return video


@pytest.mark.django_db
def test_page_shows_the_video_with_captions_download_and_transcript(client):
    video = make_video(transcript="Erster Absatz.\n\nZweiter Absatz.")
    assert video.video_size == len(MP4)
    assert video.video_type == "video/mp4"
    html = client.get("/gebaerdensprache/").content.decode()
    assert '<video class="campaign-video__player" controls preload="metadata">' in html
    assert f'<source src="{video.video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" srclang="de" label="Deutsch" src="{video.captions.url}" default>' in html
    assert f'<a class="kern-link" href="{video.video.url}" download>Video herunterladen</a>' in html
    assert '(MP4, 6,4\xa0KB, Spieldauer: <time datetime="PT10S">10 Sekunden</time>)' in html
    assert "<p>Erster Absatz.</p>\n\n<p>Zweiter Absatz.</p>" in html
    assert "Das Video wird gerade erstellt" not in html


@pytest.mark.django_db
def test_page_shows_the_poster_when_there_is_one(client):
    video = make_video()
    video.poster.save("poster.jpg", ContentFile((DEMO_MEDIA / f"{STEM}.jpg").read_bytes()))
    assert f'poster="{video.poster.url}"' in client.get("/gebaerdensprache/").content.decode()


@pytest.mark.django_db
def test_page_without_published_video_explains_and_points_to_leichte_sprache(client):
    make_video(published=False)
    html = client.get("/gebaerdensprache/").content.decode()
    assert "<video" not in html
    assert "Das Video wird gerade erstellt" in html
    assert 'href="/leichte-sprache/"' in html


@pytest.mark.django_db
def test_admin_upload_is_validated_and_nothing_is_stored_on_error(admin_client):
    data = {"title": "Neu", "transcript": "Text", "duration": "0:00:10", "position": "0", "published": "on"}
    files = {"video": upload("dgs.mp4", b"kein video"), "captions": upload("dgs.vtt", b"keine untertitel")}
    response = admin_client.post("/admin/campaign/signlanguagevideo/add/", {**data, **files})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Datei ist kein Video im Format MP4 oder WebM." in html
    assert "Die Untertitel sind keine gültige WebVTT-Datei: Die erste Zeile muss „WEBVTT“ lauten." in html
    assert not SignLanguageVideo.objects.exists()

    files = {"video": upload("dgs.mp4", MP4), "captions": upload("dgs.vtt", VTT)}
    response = admin_client.post("/admin/campaign/signlanguagevideo/add/", {**data, **files})
    assert response.status_code == 302
    video = SignLanguageVideo.objects.get()
    assert (video.video_size, video.video_type) == (len(MP4), "video/mp4")


@pytest.mark.django_db
def test_captions_are_required(admin_client):
    data = {"title": "Neu", "transcript": "Text", "duration": "0:00:10", "position": "0", "video": upload("a.mp4", MP4)}
    response = admin_client.post("/admin/campaign/signlanguagevideo/add/", data)
    assert response.status_code == 200
    assert not SignLanguageVideo.objects.exists()


@pytest.mark.django_db
def test_load_demo_adds_one_marked_demo_video_with_its_files(client, settings):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    video = SignLanguageVideo.objects.get()
    assert video.is_demo
    for field in (video.video, video.poster, video.captions):
        assert (settings.MEDIA_ROOT / field.name).is_file()
    assert (settings.MEDIA_ROOT / video.captions.name).read_bytes() == VTT
    html = client.get("/gebaerdensprache/").content.decode()
    assert "Beispielvideo: Diese Website in Gebärdensprache" in html


@pytest.mark.django_db
def test_sign_language_page_query_budget(client):
    make_video()
    one = count_queries(client, "/gebaerdensprache/")
    make_video(title="Zweites Video")
    make_video(title="Drittes Video")
    assert count_queries(client, "/gebaerdensprache/") == one <= 2
