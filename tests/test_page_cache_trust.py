"""The page cache cannot be fooled (issue 26): only a real signed-in session skips it, the scheme
and host are part of its key, compression is deterministic (the same ETag from every process),
Brotli where the client asks for it, and If-Modified-Since answers 304 wherever Last-Modified
is sent. The same over two real gunicorn processes: tests/test_page_cache_servers.py."""

import gzip
import time
from datetime import timedelta
from importlib import import_module

import brotli
import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import caches
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from shared import compression, pagecache
from shared.publication import Status
from tests.factories import PressReleaseFactory, StoryFactory, kommune

pytestmark = pytest.mark.django_db

GALLERY = "/geschichten/"
BR = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate"}
# Shaped like a key Django makes (32 of a-z0-9), so that only the session store can refuse it.
WELL_FORMED = "abcdefghijklmnopqrstuvwxyz012345"


def decoded(response) -> str:
    body = response.content
    encoding = response.get("Content-Encoding")
    if encoding == "br":
        body = brotli.decompress(body)
    elif encoding == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def stored_session(**data) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store.update(data)
    store.create()
    return store.session_key


# --- only a real session skips the cache ------------------------------------------------------


@pytest.mark.parametrize("cookie", ["x", WELL_FORMED])
def test_a_made_up_session_cookie_gets_a_cache_hit(client, cookie, django_assert_max_num_queries):
    story = StoryFactory(name="Lea Keks")
    plain = client.get(story.get_absolute_url())
    assert plain["X-Page-Cache"] == "miss"
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    # At most one look-up in the session store (none for a key Django could never have made)...
    with django_assert_max_num_queries(1):
        first = client.get(story.get_absolute_url())
    # ...and none for the same made-up key again: a loop with it costs a cache hit only.
    with django_assert_max_num_queries(0):
        again = client.get(story.get_absolute_url())
    for response in (first, again):
        assert response["X-Page-Cache"] == "hit"
        assert response.content == plain.content
        assert "Set-Cookie" not in response


def test_an_authorization_header_gets_a_cache_hit(client):
    client.get(GALLERY)
    response = client.get(GALLERY, HTTP_AUTHORIZATION="Basic YWRtaW46YWRtaW4=")
    assert response["X-Page-Cache"] == "hit"
    assert client.get(GALLERY, HTTP_AUTHORIZATION="Bearer made-up")["X-Page-Cache"] == "hit"


def test_a_made_up_cookie_on_a_miss_gets_the_public_page_and_it_is_stored_for_everybody(client):
    """The request is rendered as a visitor's: no editor's preview, no cookie deleted, and the
    page it stores is the one a visitor without any cookie gets."""
    draft = StoryFactory(name="Lea Entwurf", status=Status.DRAFT, publish_from=None)
    published = StoryFactory(name="Lea Öffentlich")
    client.cookies[settings.SESSION_COOKIE_NAME] = WELL_FORMED
    assert client.get(draft.get_absolute_url()).status_code == 404
    first = client.get(published.get_absolute_url(), **BR)
    assert first["X-Page-Cache"] == "miss"
    assert "Set-Cookie" not in first
    assert first["Content-Encoding"] == "br"  # public, so compressed (BREACH: nothing secret in it)
    del client.cookies[settings.SESSION_COOKIE_NAME]
    plain = client.get(published.get_absolute_url(), **BR)
    assert plain["X-Page-Cache"] == "hit"
    assert plain.content == first.content


def test_a_signed_in_editor_skips_the_cache_and_sees_drafts(client, admin_user):
    draft = StoryFactory(name="Lea Entwurf", status=Status.DRAFT, publish_from=None)
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url(), **BR)
    assert response.status_code == 200 and response["X-Page-Cache"] == "bypass"
    assert "Content-Encoding" not in response  # varies by cookie, and the cookie is a real session
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_stored_session_without_a_signed_in_user_does_not_skip_the_cache(client):
    """The password step of the login keeps a session before the code is typed: anyone with a
    password could make one, so only a session with a signed-in user counts."""
    client.get(GALLERY)
    client.cookies[settings.SESSION_COOKIE_NAME] = stored_session(pending={"user": 1})
    assert client.get(GALLERY)["X-Page-Cache"] == "hit"


def test_an_expired_session_does_not_skip_the_cache(client, admin_user):
    client.force_login(admin_user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    model = import_module(settings.SESSION_ENGINE).SessionStore.get_model_class()
    model.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    client.get(GALLERY)  # stored (the expired session is no session)
    assert client.get(GALLERY)["X-Page-Cache"] == "hit"


def test_a_session_of_a_signed_in_user_is_recognised_from_the_store():
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = stored_session(**{SESSION_KEY: "1"})
    assert pagecache.signed_in(request)
    request = RequestFactory().get("/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "Y" * 32  # not a shape Django makes
    assert not pagecache.signed_in(request)


# --- scheme and host --------------------------------------------------------------------------


def test_an_https_request_does_not_change_the_cached_http_page(client):
    """gunicorn makes a request https when a trusted proxy says so (X-Forwarded-Proto); the page
    it renders names https:// addresses and must never be served to a plain request."""
    story = StoryFactory(name="Lea Schema")
    url = story.get_absolute_url()
    secure = client.get(url, secure=True)
    assert client.get(url, secure=True)["X-Page-Cache"] == "hit"
    assert f'content="https://testserver{url}"' in secure.content.decode()
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "miss"
    html = plain.content.decode()
    assert f'<meta property="og:url" content="http://testserver{url}">' in html
    assert "https://testserver" not in html
    assert client.get(url, secure=True).content == secure.content


def test_each_host_has_its_own_pages(client):
    client.get(GALLERY, HTTP_HOST="localhost")
    response = client.get(GALLERY, HTTP_HOST="127.0.0.1")
    assert response["X-Page-Cache"] == "miss"
    assert "http://127.0.0.1/geschichten/" in response.content.decode()


def test_a_forged_forwarded_proto_is_not_trusted_by_django():
    """Only gunicorn, which knows the peer's address (FORWARDED_ALLOW_IPS), decides the scheme."""
    assert settings.SECURE_PROXY_SSL_HEADER is None


# --- deterministic compression and one ETag per encoding --------------------------------------


@pytest.mark.parametrize("headers", [GZIP, BR])
def test_every_process_gives_the_same_compressed_page_and_etag(client, headers):
    """Another worker has its own memory cache: it renders and compresses the page again."""
    story = StoryFactory(name="Lea Etag")
    first = client.get(story.get_absolute_url(), **headers)
    caches[pagecache.ALIAS].clear()  # as if the next request went to another worker
    second = client.get(story.get_absolute_url(), **headers)
    assert second["X-Page-Cache"] == "miss"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert client.get(story.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"], **headers).status_code == 304


def test_an_empty_feed_is_the_same_from_every_process(client):
    """Django dates a feed without items with the time it was rendered."""
    first = client.get("/presse/feed/atom/")
    assert "<entry>" not in first.content.decode()
    time.sleep(0.01)
    caches[pagecache.ALIAS].clear()
    second = client.get("/presse/feed/atom/")
    assert second["X-Page-Cache"] == "miss"
    assert second.content == first.content and second["ETag"] == first["ETag"]


def test_the_gzip_stream_carries_no_time_and_no_name():
    body = compression.encode(b"<p>Stark. Sozial. Vor Ort.</p>" * 20, "gzip")
    assert body[3] == 0  # FLG: no FNAME, FCOMMENT, FEXTRA
    assert body[4:8] == b"\0\0\0\0"  # MTIME 0
    assert compression.encode(b"<p>x</p>" * 100, "br") == compression.encode(b"<p>x</p>" * 100, "br")


@pytest.mark.parametrize("path", ["/", GALLERY, "/geschichten/feed/", "/presse/feed/atom/", "/sitemap.xml"])
def test_brotli_when_the_client_asks_for_it_gzip_otherwise(client, path):
    br = client.get(path, **BR)
    assert br.status_code == 200, path
    assert br["Content-Encoding"] == "br"
    assert "accept-encoding" in br["Vary"].lower()
    gz = client.get(path, **GZIP)
    assert gz["Content-Encoding"] == "gzip"
    plain = client.get(path)
    assert "Content-Encoding" not in plain
    assert decoded(br) == decoded(gz) == plain.content.decode()
    assert len({br["ETag"], gz["ETag"], plain["ETag"]}) == 3
    # A hit serves the stored bytes; the ETag of one encoding does not match another.
    assert client.get(path, **BR)["X-Page-Cache"] == "hit"
    assert client.get(path, HTTP_IF_NONE_MATCH=gz["ETag"], **BR).status_code == 200
    assert client.get(path, HTTP_IF_NONE_MATCH=br["ETag"], **BR).status_code == 304


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=1.0, br;q=0.5", "gzip"),
        ("BR", "br"),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("deflate", "identity"),
        ("gzip;q=0", "identity"),
        ("gzip;q=nonsense", "identity"),
        ("", "identity"),
    ],
)
def test_the_encoding_follows_accept_encoding(accept, expected):
    assert compression.accepted(accept) == expected


def test_a_weak_etag_from_a_proxy_still_matches(client):
    etag = client.get(GALLERY, **GZIP)["ETag"]
    assert client.get(GALLERY, HTTP_IF_NONE_MATCH=f"W/{etag}", **GZIP).status_code == 304


def test_a_cookie_on_a_miss_does_not_leave_an_uncompressed_page_in_the_cache(client):
    """A page that varies by cookie is not compressed for a request with a cookie; the page cache
    still stores it compressed, because what it stores is public by definition."""
    story = StoryFactory(name="Lea Krümel")
    client.cookies["irgendwas"] = "1"
    first = client.get(story.get_absolute_url(), **BR)
    assert first["X-Page-Cache"] == "miss" and first["Content-Encoding"] == "br"
    del client.cookies["irgendwas"]
    assert client.get(story.get_absolute_url(), **BR)["Content-Encoding"] == "br"


# --- If-Modified-Since ------------------------------------------------------------------------


def feed_urls() -> list[str]:
    dueren = kommune("kreis-dueren")
    return [
        "/geschichten/feed/",
        "/geschichten/feed/atom/",
        "/presse/feed/",
        "/presse/feed/atom/",
        f"{dueren.get_absolute_url()}feed/",
        f"{dueren.get_absolute_url()}feed/atom/",
    ]


def test_feeds_answer_if_modified_since_with_304(client):
    StoryFactory(name="Lea Feed", kommune=kommune("kreis-dueren"))
    PressReleaseFactory()
    for url in feed_urls():
        first = client.get(url)
        assert first.status_code == 200, url
        last_modified = first["Last-Modified"]
        # A hit and a miss (another worker, the same generation) answer alike.
        for _ in range(2):
            response = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
            assert response.status_code == 304, url
            assert response.content == b""
            assert response["Last-Modified"] == last_modified
            caches[pagecache.ALIAS].clear()
        earlier = http_date(parse_http_date(last_modified) - 1)
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200, url


def test_if_none_match_wins_over_if_modified_since(client):
    first = client.get("/geschichten/feed/")
    response = client.get(
        "/geschichten/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"], HTTP_IF_NONE_MATCH='"anderes"'
    )
    assert response.status_code == 200


def test_a_feed_that_lost_an_item_is_newer_than_the_copy_a_reader_holds(client, settings):
    """Django's Last-Modified is the newest item's date: taking the newest story off the feed
    would move it backwards, and a reader's If-Modified-Since would keep the old feed. The
    page cache's Last-Modified is never older than the change that started its generation."""
    now = timezone.now()
    old = StoryFactory(name="Lea Alt", publish_from=now - timedelta(days=30))
    newest = StoryFactory(name="Lea Neu", publish_from=now - timedelta(days=1))
    type(old).objects.filter(pk=old.pk).update(updated_at=now - timedelta(days=30))
    type(old).objects.filter(pk=newest.pk).update(updated_at=now - timedelta(days=1))
    # The generation began a minute ago (HTTP dates have whole seconds: the change below must
    # not fall into the same second as the start of the generation the reader saw).
    token, due = pagecache.current()
    pagecache._write(f"{token} {due} {now.timestamp() - 60}")  # as a renewal writes it
    first = client.get("/geschichten/feed/")
    assert "Lea Neu" in first.content.decode()
    newest.status = Status.DRAFT
    newest.save()
    response = client.get("/geschichten/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200
    assert "Lea Neu" not in response.content.decode()
