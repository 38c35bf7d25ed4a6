"""HTML compression (config.middleware.PublicPageCompressionMiddleware): gzip for public pages,
never for pages with a secret (admin, CSRF token, cookies), media or partial replies."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from shared.compression import PublicPageCompressionMiddleware

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate"}  # Brotli: tests/test_page_cache_trust.py


def test_public_page_is_gzipped_and_decompresses_to_the_page(client):
    plain = client.get("/")
    compressed = client.get("/", headers=GZIP)
    assert compressed.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 3
    page = gzip.decompress(compressed.content).decode()
    assert 'lang="de"' in page and "</html>" in page
    assert "Content-Encoding" not in plain  # a client that did not ask gets plain HTML


@pytest.mark.parametrize("path", ["/geschichten/", "/leitbild/", "/jobcenter/", "/barrierefreiheit/melden/"])
def test_other_public_pages_are_gzipped(client, path):
    response = client.get(path, headers=GZIP)
    assert response.status_code == 200
    assert response.get("Content-Encoding") == "gzip", path


def test_detail_pages_that_look_for_an_editor_are_gzipped_for_visitors(client):
    """Story and press release pages ask whether the visitor may preview drafts, which reads the
    (absent) session and makes them vary by cookie: a visitor without cookies still gets gzip."""
    from tests.factories import PressReleaseFactory, StoryFactory

    for path in (StoryFactory().get_absolute_url(), PressReleaseFactory().get_absolute_url()):
        response = client.get(path, headers=GZIP)
        assert response.status_code == 200, path
        assert response.get("Content-Encoding") == "gzip", path
        assert {"cookie", "accept-encoding"} <= {v.strip().lower() for v in response["Vary"].split(",")}, path
        assert "</html>" in gzip.decompress(response.content).decode()


def test_a_cookie_varying_page_for_a_request_with_a_cookie_is_not_compressed():
    response = HttpResponse(LONG_HTML)
    response["Vary"] = "Cookie"
    request = RequestFactory().get("/geschichten/x/", headers={**GZIP, "Cookie": "sessionid=abc"})
    assert "Content-Encoding" not in PublicPageCompressionMiddleware(lambda request: response)(request)


def test_admin_login_with_its_csrf_token_is_not_compressed(client):
    response = client.get("/admin/login/", headers=GZIP)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response


def test_admin_pages_of_a_signed_in_editor_are_not_compressed(admin_client):
    response = admin_client.get("/admin/", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_public_page_seen_by_a_signed_in_editor_is_not_compressed(admin_client):
    # The session makes the page vary by cookie: it may show the editor's name or preview links.
    response = admin_client.get("/", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_media_files_are_not_compressed(client, settings):
    path = settings.MEDIA_ROOT / "texte" / "untertitel.vtt"
    path.parent.mkdir(parents=True)
    path.write_text("WEBVTT\n\n" + "00:00.000 --> 00:01.000\nHallo\n\n" * 50)
    response = client.get("/media/texte/untertitel.vtt", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def _respond(path: str, response: HttpResponse) -> HttpResponse:
    request = RequestFactory().get(path, headers=GZIP)
    return PublicPageCompressionMiddleware(lambda request: response)(request)


LONG_HTML = "<!doctype html><p>" + "Stark. Sozial. Vor Ort. " * 100


def test_a_plain_reply_is_compressed_by_the_middleware_itself():
    assert _respond("/", HttpResponse(LONG_HTML)).get("Content-Encoding") == "gzip"


def test_a_reply_that_sets_a_cookie_is_not_compressed():
    response = HttpResponse(LONG_HTML)
    response.set_cookie("sessionid", "geheim")
    assert "Content-Encoding" not in _respond("/", response)


def test_a_reply_with_a_csrf_field_is_not_compressed():
    response = HttpResponse(LONG_HTML + '<input type="hidden" name="csrfmiddlewaretoken" value="x">')
    assert "Content-Encoding" not in _respond("/", response)


def test_a_partial_reply_is_not_compressed():
    response = HttpResponse(LONG_HTML, status=206)
    response["Content-Range"] = f"bytes 0-{len(LONG_HTML) - 1}/99999"
    assert "Content-Encoding" not in _respond("/", response)
