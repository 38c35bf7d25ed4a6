"""German first in the admin (shared/translation_admin.py): the German fields carry the plain
labels, each other language waits in one closed section at the end, which opens on an error."""

import re

import pytest
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from shared.translation_admin import GermanFirstTranslationAdmin
from tests.factories import StoryFactory
from tests.helpers import story_change_data

pytestmark = pytest.mark.django_db

SECTION = "Fassung auf Englisch (optional)"


def fieldset_names(response) -> list[str]:
    return [str(fieldset.name) for fieldset in response.context["adminform"]]


def test_every_translated_admin_puts_german_first():
    for model_admin in admin.site._registry.values():
        if isinstance(model_admin, TranslationAdmin):
            assert isinstance(model_admin, GermanFirstTranslationAdmin), model_admin


def test_story_form_labels_german_plainly_and_keeps_english_in_a_closed_section(admin_client):
    response = admin_client.get("/admin/stories/story/add/")
    html = response.content.decode()

    assert "[de]" not in html and "[en]" not in html
    assert re.search(r'<label[^>]*for="id_quote_de"[^>]*>Zitat:</label>', html)
    assert re.search(r'<label[^>]*for="id_quote_en"[^>]*>Zitat \(Englisch\):</label>', html)
    assert fieldset_names(response)[-1] == SECTION
    (english,) = [fieldset for fieldset in response.context["adminform"] if str(fieldset.name) == SECTION]
    assert {"quote_en", "teaser_en", "body_en", "role_en"} <= set(english.fields)
    assert not any(
        name.endswith("_en")
        for fieldset in response.context["adminform"]
        for name in fieldset.fields
        if str(fieldset.name) != SECTION
    )
    assert english.is_collapsible  # a closed <details>
    assert "<details><summary>" in html
    assert "zeigt die Website dort in der deutschen Fassung" in html


def test_an_error_in_the_english_version_opens_its_section_and_keeps_the_input(admin_client):
    story = StoryFactory(slug="mit-englisch")
    data = story_change_data(admin_client, story, quote_en="x" * 301, teaser_en="Short teaser in English.")

    response = admin_client.post(f"/admin/stories/story/{story.pk}/change/", data)

    assert response.status_code == 200
    (english,) = [fieldset for fieldset in response.context["adminform"] if str(fieldset.name) == SECTION]
    assert not english.is_collapsible  # shown open, with its error
    html = response.content.decode()
    assert "Short teaser in English." in html
    assert "höchstens 300 Zeichen" in html
    story.refresh_from_db()
    assert story.teaser_en in ("", None)  # nothing half-saved
