"""The focal point picker's markup (shared/admin.py focal_preview): there before the first save, for
photos and posters, and without script nothing but the picture and the two typed fields
(tests/browser/test_focal_point.py drives it in Chromium)."""

import re

import pytest

from tests.factories import PhotoFactory, StoryFactory

pytestmark = pytest.mark.django_db


def pickers(html: str) -> list[str]:
    return re.findall(r'<div class="focal-picker" [^>]*>', html)


def test_the_add_form_has_a_picker_for_the_photo_and_the_poster_before_anything_is_saved(admin_client):
    html = admin_client.get("/admin/stories/story/add/").content.decode()
    found = pickers(html)
    assert any('data-focal-picker="focal" data-focal-source="image"' in p for p in found)
    assert any('data-focal-picker="poster_focal" data-focal-source="poster"' in p for p in found)
    assert "– noch kein Bild gespeichert –" in html
    assert 'name="photos-0-focal_x" value="0,5"' in html and 'name="poster_focal_y" value="0,5"' in html


def test_without_script_the_picker_is_no_control_and_its_texts_wait_hidden(admin_client):
    photo = PhotoFactory(story=StoryFactory(slug="ohne-skript", status="draft"))
    html = admin_client.get(f"/admin/stories/story/{photo.story.pk}/change/").content.decode()
    picker = html[html.index('data-focal-picker="focal"') :].split('<div class="form-row')[0]
    assert '<div class="focal-picker__stage"><img src="/media/CACHE/' in picker
    assert "tabindex" not in picker and "role=" not in picker  # focal-point.js makes it a control
    assert '<p class="focal-picker__help" hidden>' in picker
    assert '<div class="focal-picker__frames" hidden>' in picker
    assert '<p class="focal-picker__status" aria-live="polite"></p>' in picker
    assert 'data-position="Fokuspunkt: {x} % von links, {y} % von oben."' in picker
