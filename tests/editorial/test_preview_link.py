"""A signed preview link shows one draft in the real page layout to a reviewer without an account."""

import time

import pytest
from django.core import signing

from editorial import preview
from shared.publication import Status
from tests.factories import StoryFactory, kommune

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    return StoryFactory(name="Dora Dürenerin", status=Status.REVIEW, publish_from=None, kommune=kommune("kreis-dueren"))


def test_the_admin_offers_the_link_and_it_shows_the_draft_to_anybody(dueren, client, draft):
    html = dueren.get(f"/admin/stories/story/{draft.pk}/change/").content.decode()
    assert "Vorschau-Link" in html and "http://testserver/vorschau/" in html
    dueren.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    response = client.get(preview.link_for(draft))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dora Dürenerin" in html and "Vorschau" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_link_expires(client, draft, monkeypatch, settings):
    link = preview.link_for(draft)
    later = time.time() + (settings.PREVIEW_LINK_DAYS * 86400) + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(link)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Der Vorschau-Link ist abgelaufen" in html and "Dora Dürenerin" not in html


@pytest.mark.parametrize("token", ["kaputt", "x" * 300])
def test_a_forged_link_is_a_404(client, draft, token):
    assert client.get(f"/vorschau/{token}/").status_code == 404


def test_a_tampered_link_reveals_no_other_draft(client, draft):
    other = StoryFactory(name="Stella Geheim", status=Status.DRAFT, kommune=kommune("landeshauptstadt-stuttgart"))
    # Signed with another salt (or key) or with the other row's key put into a valid link's payload.
    forged = signing.dumps(["stories.story", str(other.pk)], salt="something-else")
    assert client.get(f"/vorschau/{forged}/").status_code == 404
    valid = preview.token_for(draft)
    other_payload = signing.dumps(["stories.story", str(other.pk)], salt=preview.SALT).split(":")[0]
    tampered = ":".join([other_payload, *valid.split(":")[1:]])
    response = client.get(f"/vorschau/{tampered}/")
    assert response.status_code == 404
    assert "Stella Geheim" not in response.content.decode()


def test_the_pictures_of_the_draft_load_for_the_link_holder_only(client, draft, settings, tmp_path):
    from tests.factories import PhotoFactory

    settings.MEDIA_ROOT = tmp_path
    photo = PhotoFactory(story=draft)
    other = PhotoFactory(story=StoryFactory(status=Status.DRAFT, kommune=kommune("kreis-dueren")))
    link = "http://testserver" + preview.link_for(draft)
    assert client.get(photo.image_jpeg_480.url).status_code == 404
    assert client.get(photo.image_jpeg_480.url, headers={"referer": link}).status_code == 200
    assert client.get(photo.image.url, headers={"referer": link}).status_code == 200
    # The link opens this draft's files only, and a forged or foreign Referer opens nothing.
    assert client.get(other.image.url, headers={"referer": link}).status_code == 404
    foreign = link.replace("testserver", "evil.example")
    assert client.get(photo.image.url, headers={"referer": foreign}).status_code == 404
    assert client.get(photo.image.url, headers={"referer": "http://testserver/vorschau/kaputt/"}).status_code == 404
