"""The production serving stack as `make run` uses it: collectstatic with hashed names,
gunicorn with config/gunicorn.conf.py, WhiteNoise for static files and mediafiles/serving.py for
uploads (HTTP Range), DEBUG off. Runs in its own processes on a free local port."""

import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import dbtemplate, snapshots
from tests.servers import Gunicorn

PROJECT = Path(__file__).resolve().parent.parent


def fetch(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("served")
    media = tmp / "media"
    (media / "videos").mkdir(parents=True)
    (media / "videos" / "clip.webm").write_bytes(b"0123456789" * 1000)
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "served-site-test-key",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(media),
        "GUNICORN_WORKERS": "1",
    }
    env.pop("DJANGO_STATICFILES_STORAGE", None)  # the real, hashed, compressed storage
    env.pop("REDIS_URL", None)
    # The migrated database and the collected static files, made once per state of the code.
    dbtemplate.copy_to(tmp / "db.sqlite3")
    env["DJANGO_STATIC_ROOT"] = str(snapshots.collected_static())
    server = Gunicorn(env, tmp / "gunicorn.log", workers=1).start()
    yield server.url
    server.stop()


def test_home_is_served_by_gunicorn_with_hashed_static_files(served_site):
    status, headers, body = fetch(served_site + "/")
    assert status == 200
    html = body.decode()
    assert 'lang="de"' in html
    assert "/static/css/site." in html and "/static/css/site.css" not in html  # hashed name
    assert "Set-Cookie" not in headers


def test_static_files_are_compressed_and_cached_forever(served_site):
    html = fetch(served_site + "/")[2].decode()
    css = html.split('href="/static/css/site.')[1].split('"')[0]
    status, headers, _ = fetch(f"{served_site}/static/css/site.{css}", {"Accept-Encoding": "br"})
    assert status == 200
    assert headers.get("Content-Encoding") == "br"
    assert "immutable" in headers.get("Cache-Control", "")


def test_video_upload_answers_range_requests_through_gunicorn(served_site):
    status, headers, body = fetch(served_site + "/media/videos/clip.webm", {"Range": "bytes=100-199"})
    assert status == 206
    assert headers["Content-Range"] == "bytes 100-199/10000"
    assert body == (b"0123456789" * 10)
    assert headers["Content-Type"] == "video/webm"


def test_debug_is_off_in_the_served_site(served_site):
    status, _, body = fetch(served_site + "/nicht-da/")
    assert status == 404
    assert b"Seite nicht gefunden" in body
    assert b"Django tried these URL patterns" not in body
