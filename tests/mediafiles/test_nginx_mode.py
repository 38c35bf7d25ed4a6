"""Behind nginx (DJANGO_MEDIA_ACCEL_REDIRECT): Django decides who may fetch a file and answers with
X-Accel-Redirect, nginx sends the bytes from an `internal` location (README "Deployment").

The Django side is tested with the test client; the whole chain with a real nginx (Debian's package)
in front of a real gunicorn. Without nginx that test skips, unless CI_REQUIRE_NGINX=1."""

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from shared.publication import Status
from tests import dbtemplate
from tests.factories import PhotoFactory, PressKitItemFactory, StoryFactory, editor, svg_file
from tests.servers import Gunicorn, free_port

PROJECT = Path(__file__).resolve().parent.parent.parent
ACCEL = "/protected-media/"


@pytest.fixture
def accel(settings):
    settings.MEDIA_ACCEL_REDIRECT = ACCEL


@pytest.fixture
def photo(db):
    return PhotoFactory(story=StoryFactory(status=Status.PUBLISHED))


def redirected(url: str) -> str:
    return ACCEL + url.removeprefix("/media/")


@pytest.mark.django_db
def test_a_public_file_is_handed_to_nginx_with_its_caching(client, accel, photo):
    for url in (photo.image.url, photo.image_jpeg_480.url):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == redirected(url)
        assert response.content == b""  # nginx sends the file, with its own Range and ETag
        assert response.get("Content-Length", "0") == "0"
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "public, max-age=31536000, s-maxage=300, immutable"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "X-Accel-Expires" not in response


@pytest.mark.django_db
def test_a_draft_file_is_404_from_django_and_never_handed_on(client, accel, photo):
    story = photo.story
    story.status = Status.DRAFT
    story.save()
    for url in (photo.image.url, photo.image_jpeg_480.url):
        response = client.get(url)
        assert response.status_code == 404
        assert "X-Accel-Redirect" not in response


@pytest.mark.django_db
def test_an_editor_previewing_a_draft_gets_it_private_through_nginx(client, accel, photo):
    story = photo.story
    story.status = Status.DRAFT
    story.save()
    client.force_login(editor("Zentrale Redaktion"))
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == redirected(photo.image.url)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Accel-Expires"] == "0"  # nor kept by an nginx proxy cache


@pytest.mark.django_db
def test_missing_outside_and_never_served_files_are_404(client, accel, settings):
    source = settings.MEDIA_ROOT / "stories" / "video-sources" / "original.mov"
    source.parent.mkdir(parents=True)
    source.write_bytes(b"\0" * 100)
    for url in ("/media/nix.jpg", "/media/../config/settings.py", "/media/stories/video-sources/original.mov"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "X-Accel-Redirect" not in response


@pytest.mark.django_db
def test_an_svg_stays_a_download_through_nginx(client, accel):
    item = PressKitItemFactory(file=svg_file())
    response = client.get(item.file.url)
    assert response["X-Accel-Redirect"] == redirected(item.file.url)
    assert response["Content-Disposition"] == "attachment"


def test_the_setting_is_read_from_the_environment():
    from tests.helpers import run_django

    code = "from django.conf import settings; print(repr(settings.MEDIA_ACCEL_REDIRECT))"
    found = run_django(code, DJANGO_SECRET_KEY="x", DJANGO_MEDIA_ACCEL_REDIRECT="protected-media")
    assert found.stdout.strip().endswith("'/protected-media/'"), found.stderr
    assert run_django(code, DJANGO_SECRET_KEY="x").stdout.strip().endswith("''")


# --- a real nginx in front of a real gunicorn ---------------------------------------------------

NGINX_CONF = """
daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
{locations}
    }}
}}
"""


def nginx_locations(media_root: Path) -> str:
    """The media part of README's nginx example, with this test's MEDIA_ROOT."""
    readme = (PROJECT / "README.md").read_text()
    block = readme.split("<!-- nginx-media -->")[1].split("```nginx")[1].split("```")[0]
    return block.replace("/srv/kjc/media/", f"{media_root}/")


def fetch(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def require_nginx() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found:
        return found
    if os.environ.get("CI_REQUIRE_NGINX") == "1":
        pytest.fail("CI_REQUIRE_NGINX=1 but nginx is not installed (Debian package nginx)")
    pytest.skip("needs nginx (Debian package nginx; .ci/run installs it)")


def make_rows(env: dict) -> dict:
    """A published and a draft story photo in the served site's database and MEDIA_ROOT."""
    code = (
        "import json\n"
        "from shared.publication import Status\n"
        "from tests.factories import PhotoFactory, StoryFactory\n"
        "public = PhotoFactory(story=StoryFactory(status=Status.PUBLISHED))\n"
        "draft = PhotoFactory(story=StoryFactory(status=Status.DRAFT))\n"
        "print(json.dumps({'public': public.image.url, 'rendition': public.image_jpeg_480.url,"
        " 'draft': draft.image.url, 'draft_rendition': draft.image_jpeg_480.url}))\n"
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], env=env, cwd=PROJECT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-3000:]
    import json

    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def behind_nginx(tmp_path_factory):
    nginx = require_nginx()
    tmp = tmp_path_factory.mktemp("nginx")
    media = tmp / "media"
    (media / "videos").mkdir(parents=True)
    (media / "videos" / "clip.webm").write_bytes(bytes(range(256)) * 40)
    (media / "stories" / "video-sources").mkdir(parents=True)
    (media / "stories" / "video-sources" / "original.mov").write_bytes(b"\0" * 100)
    (media / "presse").mkdir()
    (media / "presse" / "mappe.pdf").write_bytes(b"<html><script>alert(1)</script>%PDF-1.7\n%%EOF\n")
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "nginx-test-key",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_PAGE_CACHE_STAMP": str(tmp / "page-cache-generation"),
        "MEDIA_ROOT": str(media),
        "DJANGO_MEDIA_ACCEL_REDIRECT": ACCEL,
    }
    env.pop("REDIS_URL", None)
    dbtemplate.copy_to(tmp / "db.sqlite3")  # migrated once per state of the code
    rows = make_rows(env)
    app = Gunicorn(env, tmp / "gunicorn.log", workers=1).start()
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(tmp=tmp, port=port, upstream=app.port, locations=nginx_locations(media)).replace(
            "\n\n\n", "\n"
        )
    )
    process = subprocess.Popen([nginx, "-c", str(conf), "-e", str(tmp / "nginx-error.log")], cwd=tmp)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            fetch(url + "/health/")
            break
        except OSError:
            time.sleep(0.2)
    yield url, rows
    process.terminate()
    process.wait(timeout=10)
    app.stop()


def test_nginx_serves_a_public_file_with_range_etag_and_djangos_caching(behind_nginx):
    url, _rows = behind_nginx
    data = bytes(range(256)) * 40
    status, headers, body = fetch(url + "/media/videos/clip.webm")
    assert (status, body) == (200, data)
    assert headers["Content-Type"] == "video/webm"
    assert headers["Cache-Control"] == "public, max-age=3600, must-revalidate"  # Django's
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Accel-Redirect" not in headers
    status, headers206, body = fetch(url + "/media/videos/clip.webm", {"Range": "bytes=100-199"})
    assert (status, body) == (206, data[100:200])
    assert headers206["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert fetch(url + "/media/videos/clip.webm", {"Range": "bytes=99999-"})[0] == 416
    assert fetch(url + "/media/videos/clip.webm", {"If-None-Match": headers["ETag"]})[0] == 304


def test_nginx_keeps_drafts_and_originals_private(behind_nginx):
    url, rows = behind_nginx
    for name in ("public", "rendition"):
        status, headers, _ = fetch(url + rows[name])
        assert status == 200, name
        assert headers["Cache-Control"] == "public, max-age=31536000, s-maxage=300, immutable"
    for name in ("draft", "draft_rendition"):
        assert fetch(url + rows[name])[0] == 404, name
    assert fetch(url + "/media/stories/video-sources/original.mov")[0] == 404


def test_the_internal_location_cannot_be_asked_directly(behind_nginx):
    url, rows = behind_nginx
    for path in ("/protected-media/videos/clip.webm", "/protected-media/" + rows["draft"].removeprefix("/media/")):
        assert fetch(url + path)[0] == 404, path


def test_nginx_serves_a_document_as_a_sandboxed_download(behind_nginx):
    """Issue 27: nginx keeps Django's Content-Disposition and passes on its Content-Security-Policy."""
    url, rows = behind_nginx
    status, headers, body = fetch(url + "/media/presse/mappe.pdf")
    assert status == 200 and body.startswith(b"<html>")
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == "attachment"
    assert headers["Content-Security-Policy"] == "sandbox"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, _ = fetch(url + rows["public"])
    assert status == 200 and "Content-Disposition" not in headers and "Content-Security-Policy" not in headers
