"""Uploaded media served by mediafiles/serving.py: Range requests, conditional requests, safety."""

import pytest

from tests.helpers import run_django

pytestmark = pytest.mark.django_db

DATA = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def video(settings):
    path = settings.MEDIA_ROOT / "videos" / "clip.mp4"
    path.parent.mkdir(parents=True)
    path.write_bytes(DATA)
    return "/media/videos/clip.mp4"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_whole_file_with_accept_ranges(client, video):
    response = client.get(video)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/mp4"
    assert response["Content-Length"] == str(len(DATA))
    assert body(response) == DATA


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=10000-", 10000, 10239),
        ("bytes=-40", 10200, 10239),
        ("bytes=10200-99999", 10200, 10239),
    ],
)
def test_range_request_answers_206_with_exactly_those_bytes(client, video, header, first, last):
    response = client.get(video, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(DATA)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert body(response) == DATA[first : last + 1]


def test_unsatisfiable_range_answers_416(client, video):
    response = client.get(video, headers={"Range": "bytes=20000-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


def test_stale_if_range_gets_the_whole_file(client, video):
    response = client.get(video, headers={"Range": "bytes=0-9", "If-Range": '"not-the-current-etag"'})
    assert response.status_code == 200
    assert body(response) == DATA


def test_matching_if_range_gets_the_range(client, video):
    etag = client.get(video)["ETag"]
    response = client.get(video, headers={"Range": "bytes=0-9", "If-Range": etag})
    assert response.status_code == 206


def test_etag_revalidation_answers_304(client, video):
    etag = client.get(video)["ETag"]
    assert client.get(video, headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize(
    "path", ["/media/../config/settings.py", "/media/%2e%2e/manage.py", "/media/videos/", "/media/nix.mp4"]
)
def test_paths_outside_media_or_missing_answer_404(client, video, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/media/a%00", "/media/CACHE/images/a%00b/x.jpg", "/media/videos/cl%00ip.mp4", "/media/videos%00/clip.mp4"],
)
def test_paths_with_a_nul_byte_answer_404(client, video, path):
    assert client.get(path).status_code == 404


def test_post_is_refused(client, video):
    assert client.post(video).status_code == 405


def test_media_can_be_left_to_a_web_server():
    # With DJANGO_SERVE_MEDIA=false the URL is not routed at all (checked in a fresh process).
    code = "from django.urls import resolve\nresolve('/media/x.mp4')"
    assert "Resolver404" in run_django(code, DJANGO_SECRET_KEY="x", DJANGO_SERVE_MEDIA="false").stderr
    assert run_django(code, DJANGO_SECRET_KEY="x").returncode == 0


def test_a_file_shown_inline_does_not_name_its_random_stored_name(client, video):
    # A Content-Disposition filename would win over the press kit link's readable `download` name.
    response = client.get(video)
    assert "Content-Disposition" not in response
