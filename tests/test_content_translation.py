"""Content fields translated by editors (django-modeltranslation): English where an editor wrote it,
German with lang="de" where not; German everywhere else (admin, search, feeds)."""

import re

import pytest
from django.utils import translation

from campaign.models import LandingPage
from shared import pagecache
from shared.publication import Status
from shared.roles import KOMMUNE_EDITORS
from stories.models import Story
from tests.factories import PhotoFactory, StoryFactory, editor
from tests.helpers import story_change_data

pytestmark = pytest.mark.django_db

QUOTE_DE = "Ich habe wieder Arbeit gefunden."
QUOTE_EN = "I have found work again."


def english_story(**fields):
    story = StoryFactory(quote=QUOTE_DE, teaser="Ein kurzer Text.", body="<p>Der deutsche Text.</p>", **fields)
    story.quote_en = QUOTE_EN
    story.body_en = "<p>The English text.</p>"
    story.save()
    return story


def test_an_english_story_page_shows_the_english_text_and_the_german_page_the_german(client):
    story = english_story()
    english = client.get(f"/en/geschichten/{story.slug}/").content.decode()
    assert f"„{QUOTE_EN}“" in english and QUOTE_DE not in english
    assert "The English text." in english
    assert not re.search(r'lang="de">„' + QUOTE_EN, english)
    german = client.get(f"/geschichten/{story.slug}/").content.decode()
    assert f"„{QUOTE_DE}“" in german and QUOTE_EN not in german
    assert "Der deutsche Text." in german


def test_an_untranslated_field_falls_back_to_german_marked_lang_de(client):
    story = StoryFactory(quote=QUOTE_DE, teaser="Ein kurzer Text.", body="<p>Der deutsche Text.</p>")
    story.quote_en = QUOTE_EN
    story.save()
    english = client.get(f"/en/geschichten/{story.slug}/").content.decode()
    assert re.search(r'[^"]>„' + QUOTE_EN, english)  # English: no mark
    # The text has no English: German, marked.
    assert re.search(r'<p class="kern-body kern-body--large" lang="de">Ein kurzer Text', english)
    assert re.search(r'<div lang="de">\s*<p>Der deutsche Text.', english)
    # The teaser has its own language: English teaser beside a German text is not marked German.
    story.teaser_en = "A short text."
    story.save()
    pagecache.renew()
    english = client.get(f"/en/geschichten/{story.slug}/").content.decode()
    assert re.search(r'<p class="kern-body kern-body--large">A short text.</p>', english)
    assert re.search(r'<div lang="de">\s*<p>Der deutsche Text.', english)
    untranslated = StoryFactory(quote="Nur auf Deutsch.")
    html = client.get(f"/en/geschichten/{untranslated.slug}/").content.decode()
    assert re.search(r'lang="de">„Nur auf Deutsch\.“', html)


def test_the_original_column_keeps_german_whatever_language_saves():
    story = english_story()
    with translation.override("en"):
        story.quote = "Changed in English."
        story.save()
    row = Story.objects.filter(pk=story.pk).values("quote_de", "quote_en").get()
    assert row == {"quote_de": QUOTE_DE, "quote_en": "Changed in English."}
    with translation.override("de"):
        assert Story.objects.get(pk=story.pk).quote == QUOTE_DE


def test_the_english_rich_text_is_sanitized_too():
    story = StoryFactory()
    story.body_en = '<p onclick="x()">Hi<script>alert(1)</script></p>'
    story.full_clean()  # what the admin form does, for the German field the same way
    assert "script" not in story.body_en and "onclick" not in story.body_en
    assert "Hi" in story.body_en


def test_a_kommune_editor_translates_a_story_in_the_admin(client):
    user = editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren-en")
    client.force_login(user)
    story = StoryFactory(quote=QUOTE_DE, status=Status.DRAFT)
    html = client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    for name in ("quote_de", "quote_en", "teaser_en", "body_en", "role_en"):
        assert f'name="{name}"' in html
    assert 'name="quote"' not in html
    assert "<script>" not in html.replace("<script src=", "")  # CSP: no inline scripts
    data = story_change_data(client, story, quote_en=QUOTE_EN)
    assert client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
    story.refresh_from_db()
    assert (story.quote_de, story.quote_en) == (QUOTE_DE, QUOTE_EN)


def test_german_stays_required_in_the_admin(admin_client):
    story = StoryFactory()
    data = story_change_data(admin_client, story, quote_de="", quote_en=QUOTE_EN)
    response = admin_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    story.refresh_from_db()
    assert story.quote_en is None or story.quote_en == ""


def test_the_english_home_page_uses_the_english_landing_texts(client):
    landing = LandingPage.objects.get()
    landing.lead_en = "Municipal job centres: strong, social, local."
    landing.save()
    pagecache.renew()
    english = client.get("/en/").content.decode()
    assert "Municipal job centres: strong, social, local." in english
    assert not re.search(r'lang="de">Municipal job centres', english)
    assert landing.lead_de in client.get("/").content.decode()


def test_untranslated_landing_texts_with_a_german_default_start_empty_in_english():
    field = LandingPage._meta.get_field("stories_link_text_en")
    assert not field.has_default()
    assert LandingPage.objects.get().stories_link_text_en in (None, "")


def test_search_and_history_stay_german(client):
    story = english_story()
    assert story.history.first().quote_de == QUOTE_DE
    assert story.history.first().quote_en == QUOTE_EN
    html = client.get("/suche/", {"q": "wieder Arbeit gefunden"}).content.decode()
    assert story.get_absolute_url() in html


def test_the_search_index_stays_german_when_saved_in_english(client):
    story = english_story()
    with translation.override("en"):
        story.save()
    assert client.get("/suche/", {"q": "wieder Arbeit gefunden"}).content.decode().count(story.get_absolute_url())


def test_german_alternative_texts_are_marked_german_on_english_pages(client):
    story = english_story()
    PhotoFactory(story=story, alt_text="Björn Mehren an der Werkbank")
    pagecache.renew()
    english = client.get(f"/en/geschichten/{story.slug}/").content.decode()
    assert re.search(r'alt="Björn Mehren an der Werkbank" lang="de"', english)
    german = client.get(f"/geschichten/{story.slug}/").content.decode()
    assert 'alt="Björn Mehren an der Werkbank"' in german
    assert not re.search(r'alt="Björn Mehren an der Werkbank" lang=', german)
