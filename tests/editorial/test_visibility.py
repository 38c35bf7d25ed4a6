"""A draft, a story submitted but not approved and a story scheduled for tomorrow are absent from
every public page, feed, sitemap, search result and the press kit; the scheduled one appears when
its time comes, without any job running (the clock is moved)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, give_consent, kommune
from tests.helpers import public_text

pytestmark = pytest.mark.django_db

SEARCH = "Unsichtbar"


@pytest.fixture
def hidden_stories(db):
    tomorrow = timezone.now() + timedelta(days=1)
    stories = {
        "draft": StoryFactory(name="Unsichtbar Entwurf", slug="unsichtbar-entwurf", status=Status.DRAFT),
        "review": StoryFactory(name="Unsichtbar Eingereicht", slug="unsichtbar-eingereicht", status=Status.REVIEW),
        "scheduled": StoryFactory(
            name="Unsichtbar Geplant", slug="unsichtbar-geplant", publish_from=tomorrow, featured=True
        ),
    }
    for story in stories.values():
        story.kommune = kommune("kreis-dueren")
        story.save()
        give_consent(story, scope_press=True)
        PhotoFactory(story=story, caption=f"Foto von {story.name}")
    return stories


def test_unpublished_stories_are_nowhere_public(client, hidden_stories):
    text = public_text(client, SEARCH)
    for story in hidden_stories.values():
        assert story.name not in text
        assert story.slug not in text
        assert client.get(story.get_absolute_url()).status_code == 404


def test_the_scheduled_story_appears_when_its_time_comes(client, hidden_stories, monkeypatch):
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=1, hours=1))
    text = public_text(client, SEARCH)
    scheduled = hidden_stories["scheduled"]
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    for url in ["/geschichten/", "/geschichten/feed/", "/sitemap.xml", "/suche/?q=Unsichtbar", "/"]:
        assert scheduled.slug in client.get(url).content.decode(), url
    assert f"Foto von {scheduled.name}" in client.get("/presse/").content.decode()  # the press kit
    assert "Unsichtbar Entwurf" not in text and "Unsichtbar Eingereicht" not in text
