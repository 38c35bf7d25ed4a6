"""Issue 27, finding 6: an uploaded document (a press-kit PDF, a PDF/HTML polyglot, anything under
/media/ that is not a picture, a video or captions) is never shown inline from our own origin: it is
served as a download (`Content-Disposition: attachment`) with `Content-Security-Policy: sandbox` and
nosniff, by the view, by the fast path, behind nginx (X-Accel-Redirect) and from S3. Pictures keep
their headers (the fast path costs what it did)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from mediafiles import serving
from mediafiles.middleware import PublicMediaMiddleware
from shared.publication import Status
from tests.factories import PhotoFactory, PressKitItemFactory, StoryFactory, editor, svg_file

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# Opened as HTML it runs the script; a PDF reader finds its header within the first 1024 bytes.
POLYGLOT = b"<html><body><script>alert(document.domain)</script>\n" + PDF + b"</body></html>\n"
SANDBOX = "sandbox"


def pdf_item(status=Status.PUBLISHED, content=PDF):
    from django.core.files.base import ContentFile

    return PressKitItemFactory(
        title="Pressemappe", kind="dokument", alt_text="", file=ContentFile(content, name="mappe.pdf"), status=status
    )


def polyglot_file(settings) -> str:
    """A polyglot stored as a PDF (written straight into MEDIA_ROOT: the upload gate refuses it)."""
    folder = settings.MEDIA_ROOT / "presse"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("ab" * 16 + ".pdf")).write_bytes(POLYGLOT)
    return "presse/" + "ab" * 16 + ".pdf"


def assert_download(response) -> None:
    assert response["Content-Disposition"].startswith("attachment"), response.headers
    assert response["Content-Security-Policy"] == SANDBOX
    assert response["X-Content-Type-Options"] == "nosniff"


def fast_path(path: str, **headers):
    """The answer of mediafiles/middleware.py itself (None: it handed the request on to the view)."""
    middleware = PublicMediaMiddleware(lambda request: HttpResponse(status=599))
    request = RequestFactory().get("/media/" + path, headers=headers)
    return middleware.answer(request, path)


def view(path: str, user=None, **headers):
    request = RequestFactory().get("/media/" + path, headers=headers)
    request.user = user or AnonymousUser()
    return serving.serve_media(request, path)


def test_a_press_kit_pdf_is_a_sandboxed_download_from_the_fast_path_and_the_view(settings):
    item = pdf_item()
    name = item.file.name
    for response in (fast_path(name), view(name)):
        assert response is not None and response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert_download(response)
        assert b"".join(response.streaming_content) == PDF
    # Ranges and revalidations keep it a download.
    assert_download(fast_path(name, range="bytes=0-9"))
    etag = view(name)["ETag"]
    assert fast_path(name, if_none_match=etag).status_code == 304
    assert_download(fast_path(name, if_none_match=etag))


def test_the_same_through_the_whole_stack(client):
    item = pdf_item()
    response = client.get(item.file.url)
    assert response.status_code == 200
    assert_download(response)
    assert client.head(item.file.url)["Content-Security-Policy"] == SANDBOX


def test_a_pdf_html_polyglot_is_a_sandboxed_pdf_download(settings, client):
    name = polyglot_file(settings)
    for response in (fast_path(name), view(name), client.get("/media/" + name)):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert_download(response)


def test_an_html_file_under_media_is_a_sandboxed_download(settings, client):
    (settings.MEDIA_ROOT / "seite.html").write_bytes(b"<script>alert(1)</script>")
    for response in (fast_path("seite.html"), client.get("/media/seite.html")):
        assert response["Content-Type"].startswith("text/html")
        assert_download(response)


def test_an_editor_previewing_a_draft_pdf_gets_it_privately_as_a_sandboxed_download(client):
    item = pdf_item(status=Status.DRAFT)
    assert fast_path(item.file.name) is None, "not for visitors: the view decides"
    assert client.get(item.file.url).status_code == 404
    client.force_login(editor("Zentrale Redaktion"))
    response = client.get(item.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert_download(response)


def test_an_svg_logo_stays_a_download_and_is_sandboxed_too(client):
    item = PressKitItemFactory(file=svg_file())
    assert_download(client.get(item.file.url))


def test_behind_nginx_the_reply_carries_the_same_headers(client, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    item = pdf_item()
    for response in (fast_path(item.file.name), client.get(item.file.url)):
        assert response["X-Accel-Redirect"] == "/protected-media/" + item.file.name
        assert_download(response)


def test_pictures_videos_and_captions_keep_their_inline_headers(client):
    photo = PhotoFactory(story=StoryFactory(status=Status.PUBLISHED))
    for response in (fast_path(photo.image.name), client.get(photo.image.url)):
        assert response.status_code == 200
        assert "Content-Disposition" not in response
        assert response.get("Content-Security-Policy", "") != SANDBOX
    (response,) = [fast_path(photo.image.name)]
    assert "Content-Security-Policy" not in response, "the fast path adds nothing to a picture"


def test_a_consent_document_is_a_sandboxed_download_with_a_readable_name(client):
    from datetime import date

    from django.core.files.base import ContentFile

    from consent.models import Consent
    from tests.factories import kommune

    story = StoryFactory(consent=False, name="Dora Dürenerin", kommune=kommune("kreis-dueren"))
    consent = Consent(story=story, person="Dora Dürenerin", kommune=story.kommune, signed_on=date(2026, 5, 4))
    consent.document.save("scan.pdf", ContentFile(POLYGLOT), save=False)
    consent.save()
    client.force_login(editor("Zentrale Redaktion"))
    response = client.get(f"/admin/consent/consent/{consent.pk}/dokument/")
    assert response.status_code == 200
    assert_download(response)
    assert "Einwilligung%20Dora%20D%C3%BCrenerin%202026-05-04.pdf" in response["Content-Disposition"]
