"""The upload checks every app uses (mediafiles/uploads.py): videos by their content, WebVTT captions."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.demo import DEMO_MEDIA, STEM
from mediafiles import uploads
from mediafiles.uploads import validate_mp4, validate_webm, validate_webvtt
from mediafiles.webvtt import parse_webvtt
from tests.factories import STORIES_DEMO_MEDIA

MP4 = (DEMO_MEDIA / f"{STEM}.mp4").read_bytes()
VTT = (DEMO_MEDIA / f"{STEM}.vtt").read_bytes()
# The first bytes of a WebM file: EBML header with DocType "webm".
WEBM_HEAD = bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878104428581021853806701")
WEBM = (STORIES_DEMO_MEDIA / "videos" / "bjoern-mehren.webm").read_bytes()
HTML = b"<!doctype html><html><body><script>alert(document.domain)</script></body></html>"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_mp4_and_webm_are_recognised_by_their_content():
    validate_mp4(upload("video.mp4", MP4))
    validate_webm(upload("video.webm", WEBM))


@pytest.mark.parametrize(
    ("validator", "content", "message"),
    [
        (validate_mp4, b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + HTML, "Diese Datei ist kein MP4-Video."),
        (validate_mp4, MP4[:200] + HTML, "Diese Datei ist kein MP4-Video."),
        (validate_webm, WEBM_HEAD + HTML, "Diese Datei ist kein WebM-Video."),
    ],
)
def test_a_video_header_followed_by_html_is_refused(validator, content, message):
    """Finding 8: the first bytes are not enough; PyAV must decode a video stream."""
    with pytest.raises(ValidationError) as error:
        validator(upload("video", content))
    assert error.value.messages[0].startswith(message)


@pytest.mark.parametrize(
    ("validator", "content", "message"),
    [
        (validate_mp4, b"MZ\x90\x00 not a video at all", "Diese Datei ist kein MP4-Video."),
        (validate_mp4, b"%PDF-1.7\n", "Diese Datei ist kein MP4-Video."),
        (validate_webm, MP4, "Diese Datei ist kein WebM-Video."),
        (validate_mp4, WEBM, "Diese Datei ist kein MP4-Video."),
        (validate_webm, WEBM_HEAD + b"\0" * 100, "Diese Datei ist kein WebM-Video."),
    ],
)
def test_other_files_are_refused_in_german(validator, content, message):
    with pytest.raises(ValidationError) as error:
        validator(upload("video", content))
    assert message in error.value.messages[0]


def test_too_large_video_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_VIDEO_BYTES", 1024)
    with pytest.raises(ValidationError) as error:
        validate_mp4(upload("video.mp4", MP4))
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
