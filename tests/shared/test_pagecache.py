"""The page cache (shared/pagecache.py): served from the cache, never stale.

Each invalidation path of issue 13 has its test: an edit, a publication, an unpublication, a
withdrawn and an expired consent, a publish-from/until moment being reached (no scheduler), a
Leitbild edit, a Kommune page edit. Editors are always live; conditional GET answers 304.
"""

import os
import time
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from leitbild.models import Chapter
from shared import pagecache
from shared.publication import Status
from tests.factories import StoryFactory, give_consent, kommune
from tests.servers import require_redis

pytestmark = pytest.mark.django_db

GALLERY = "/geschichten/"


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


def test_second_visit_is_a_hit_without_queries_and_answers_304_to_its_etag(client, django_assert_num_queries):
    story = StoryFactory(name="Lea Cache")
    first, html = fetch(client, story.get_absolute_url())
    assert first.status_code == 200 and "Lea Cache" in html
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(story.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Cache-Control"] == "no-cache"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    again = client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_miss_answers_304_too(client):
    etag = client.get(GALLERY)["ETag"]
    pagecache.renew()
    assert client.get(GALLERY, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_edit_is_shown_at_once(client):
    story = StoryFactory(name="Lea Cache", quote="Das alte Zitat.")
    assert "Das alte Zitat." in fetch(client, story.get_absolute_url())[1]
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"
    story.quote = "Das neue Zitat."
    story.save()
    response, html = fetch(client, story.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Das neue Zitat." in html and "Das alte Zitat." not in html
    assert "Das neue Zitat." in fetch(client, GALLERY)[1]


def test_publish_and_unpublish_are_shown_at_once(client):
    story = StoryFactory(name="Lea Entwurf", status=Status.DRAFT, publish_from=None)
    assert "Lea Entwurf" not in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 404
    story.status = Status.PUBLISHED
    story.save()
    assert "Lea Entwurf" in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 200
    story.status = Status.DRAFT
    story.save()
    assert "Lea Entwurf" not in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 404


def test_a_withdrawn_consent_takes_the_story_off_every_page_at_once(client, django_capture_on_commit_callbacks):
    story = StoryFactory(name="Lea Widerruf", consent=False)
    consent = give_consent(story)
    assert "Lea Widerruf" in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        consent.withdrawn_on = timezone.localdate()
        consent.save()
    assert "Lea Widerruf" not in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 404


def test_a_scheduled_publication_appears_when_its_time_comes_without_any_scheduler(client):
    soon = timezone.now() + timedelta(seconds=1.5)
    story = StoryFactory(name="Lea Später", publish_from=soon)
    assert "Lea Später" not in fetch(client, GALLERY)[1]
    assert client.get(GALLERY)["X-Page-Cache"] == "hit"
    _token, due = pagecache.current()
    assert abs(due - soon.timestamp()) < 0.01  # the generation ends exactly then
    time.sleep(max(0, soon.timestamp() - time.time()) + 0.1)
    response, html = fetch(client, GALLERY)
    assert response["X-Page-Cache"] == "miss" and "Lea Später" in html
    assert client.get(story.get_absolute_url()).status_code == 200


def test_a_publication_ends_when_publish_until_is_reached(client):
    until = timezone.now() + timedelta(seconds=1.5)
    story = StoryFactory(name="Lea Befristet", publish_until=until)
    assert "Lea Befristet" in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 200
    time.sleep(max(0, until.timestamp() - time.time()) + 0.1)
    assert "Lea Befristet" not in fetch(client, GALLERY)[1]
    assert client.get(story.get_absolute_url()).status_code == 404


def test_an_expiring_consent_ends_the_story_at_midnight(client, monkeypatch):
    day = timezone.localdate()
    story = StoryFactory(name="Lea Ablauf", consent=False)
    give_consent(story, expires_on=day)  # valid through today
    assert "Lea Ablauf" in fetch(client, GALLERY)[1]
    assert client.get(GALLERY)["X-Page-Cache"] == "hit"
    _token, due = pagecache.current()
    midnight = timezone.make_aware(datetime.combine(day + timedelta(days=1), datetime.min.time()))
    assert due <= midnight.timestamp()
    # The clock passes midnight (every reader of the time, the page cache included).
    monkeypatch.setattr(timezone, "now", lambda: midnight + timedelta(seconds=1))
    response, html = fetch(client, GALLERY)
    assert response["X-Page-Cache"] == "miss" and "Lea Ablauf" not in html


def test_a_leitbild_edit_is_shown_at_once(client):
    chapter = Chapter.objects.filter(kind="chapter").first()
    url = chapter.get_absolute_url()
    assert fetch(client, url)[0].status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    chapter.title = "Ein neuer Kapiteltitel"
    chapter.save()
    assert "Ein neuer Kapiteltitel" in fetch(client, url)[1]
    assert "Ein neuer Kapiteltitel" in fetch(client, "/leitbild/")[1]


def test_a_kommune_page_edit_is_shown_at_once(client):
    dueren = kommune("kreis-dueren")
    url = dueren.get_absolute_url()
    assert fetch(client, url)[0].status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    dueren.description = "Unser Jobcenter im Rurtal."
    dueren.save()
    assert "Unser Jobcenter im Rurtal." in fetch(client, url)[1]


def test_editors_always_see_live_pages_and_their_pages_are_never_stored(client, admin_user):
    story = StoryFactory(name="Lea Redaktion", quote="Vorher.")
    client.force_login(admin_user)
    response = client.get(story.get_absolute_url())
    assert response["X-Page-Cache"] == "bypass"
    type(story).objects.filter(pk=story.pk).update(quote="Nachher, ohne Signal.")
    assert "Nachher, ohne Signal." in fetch(client, story.get_absolute_url())[1]
    client.logout()
    client.cookies.clear()
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "miss"  # nothing was stored for editors


def test_pages_with_a_csrf_token_or_a_cookie_are_not_stored(client):
    assert client.get("/barrierefreiheit/melden/")["X-Page-Cache"] == "bypass"
    assert client.get("/barrierefreiheit/melden/")["X-Page-Cache"] == "bypass"
    assert client.get("/admin/login/")["X-Page-Cache"] == "bypass"


def test_errors_and_posts_are_never_cached(client):
    assert client.get("/geschichten/gibt-es-nicht/").status_code == 404
    assert client.get("/geschichten/gibt-es-nicht/")["X-Page-Cache"] == "bypass"
    story = StoryFactory(status=Status.DRAFT, publish_from=None)
    assert client.get(story.get_absolute_url()).status_code == 404
    story.status = Status.PUBLISHED
    story.save()
    assert client.get(story.get_absolute_url()).status_code == 200


def test_the_generation_is_shared_through_the_stamp_file(client, settings):
    """Each gunicorn worker has its own memory cache; the file tells all of them."""
    client.get(GALLERY)
    assert client.get(GALLERY)["X-Page-Cache"] == "hit"
    # Another process starts a new generation: it writes the file.
    settings.PAGE_CACHE_STAMP.write_text(f"fromanotherprocess {time.time() + 3600}")
    assert client.get(GALLERY)["X-Page-Cache"] == "miss"


def test_switched_off_it_still_answers_conditional_gets(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    first = client.get(GALLERY)
    assert "X-Page-Cache" not in first
    assert client.get(GALLERY, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_schedule_read_ignores_past_moments_and_caps_at_midnight():
    StoryFactory(publish_from=timezone.now() - timedelta(days=3), publish_until=timezone.now() - timedelta(days=1))
    _token, due = pagecache.renew()
    tomorrow = timezone.localdate() + timedelta(days=1)
    midnight = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    assert due == midnight.timestamp()
    assert date.fromtimestamp(due) >= timezone.localdate()


def test_with_redis_the_generation_lives_in_the_shared_cache(client, settings, tmp_path):
    require_redis()
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"test-pages-{tmp_path.name}",
        },
    }
    from django.core.cache import caches

    story = StoryFactory(name="Lea Redis", quote="Erstes Zitat.")
    assert "Erstes Zitat." in fetch(client, story.get_absolute_url())[1]
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"
    assert caches["pages"].get(pagecache.TOKEN_KEY)
    assert not settings.PAGE_CACHE_STAMP.exists() or "Erstes" not in settings.PAGE_CACHE_STAMP.read_text()
    story.quote = "Zweites Zitat."
    story.save()
    assert "Zweites Zitat." in fetch(client, story.get_absolute_url())[1]
    # Not clear(): on Redis that empties the whole database, which parallel tests share.
    caches["pages"].delete(pagecache.TOKEN_KEY)
