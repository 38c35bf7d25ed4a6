"""The page cache across real gunicorn processes (issue 26): each has its own memory cache, as two
workers or two app servers do; they share the database and the page cache's generation file.

- The same compressed page gives the same ETag from both, and either answers the other's ETag
  with 304 (Django's GZipMiddleware put random bytes into every gzip header: 200, 304, 200, …).
- X-Forwarded-Proto is believed only from FORWARDED_ALLOW_IPS: a forged one neither makes the
  request https nor leaves an https page in the cache for plain requests, even with the old
  DJANGO_BEHIND_PROXY=true in the environment.
"""

import gzip
import urllib.error
import urllib.request

import brotli
import pytest

from tests import dbtemplate
from tests.servers import Gunicorn, run_python, server_env

ENCODINGS = {"gzip": "gzip, deflate", "br": "gzip, deflate, br, zstd"}


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """One host name for all servers, as behind one proxy (each has its own port here)."""
    request = urllib.request.Request(url, headers={"Host": "localhost", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def decoded(headers: dict, body: bytes) -> str:
    if headers.get("Content-Encoding") == "br":
        body = brotli.decompress(body)
    elif headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two app servers of one site (the proxy on this machine: 127.0.0.1 is trusted, gunicorn's
    default) and a third whose proxy is elsewhere (192.0.2.1), so that 127.0.0.1 is not."""
    tmp = tmp_path_factory.mktemp("pagecache-servers")
    env = server_env(
        f"sqlite:///{tmp / 'db.sqlite3'}",
        "",  # no Redis: each process caches in its own memory
        tmp / "media",
        DJANGO_PAGE_CACHE_STAMP=str(tmp / "page-cache-generation"),
    )
    (tmp / "media").mkdir()
    dbtemplate.copy_to(tmp / "db.sqlite3")  # migrated once per state of the code
    story_path = run_python(
        env,
        "from tests.factories import StoryFactory\nprint(StoryFactory(name='Lea Zwei Server').get_absolute_url())",
    ).strip()
    untrusting = {**env, "FORWARDED_ALLOW_IPS": "192.0.2.1", "DJANGO_BEHIND_PROXY": "true"}
    servers = [
        Gunicorn(env, tmp / "a.log", workers=1, threads=2),
        Gunicorn(env, tmp / "b.log", workers=1, threads=2),
        Gunicorn(untrusting, tmp / "c.log", workers=1, threads=2),
    ]
    try:
        for server in servers:
            server.start()
        yield {"a": servers[0].url, "b": servers[1].url, "elsewhere": servers[2].url, "story": story_path}
    finally:
        for server in servers:
            server.stop()


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_two_servers_give_one_page_the_same_etag_and_answer_each_others_304(site, encoding):
    accept = {"Accept-Encoding": ENCODINGS[encoding]}
    for path in (site["story"], "/", "/geschichten/feed/"):
        answers = [fetch(site[name] + path, accept) for name in ("a", "b", "a", "b")]
        assert {status for status, _, _ in answers} == {200}, path
        assert {headers["Content-Encoding"] for _, headers, _ in answers} == {encoding}, path
        assert len({headers["ETag"] for _, headers, _ in answers}) == 1, path
        assert len({body for _, _, body in answers}) == 1, path
        etag = answers[0][1]["ETag"]
        # Eight revalidations, alternating between the servers: every one a 304.
        revalidations = [fetch(site[name] + path, {**accept, "If-None-Match": etag})[0] for name in ("a", "b") * 4]
        assert revalidations == [304] * 8, path


def test_a_feed_answers_if_modified_since_from_both_servers(site):
    _, headers, _ = fetch(site["a"] + "/geschichten/feed/")
    last_modified = headers["Last-Modified"]
    assert fetch(site["b"] + "/geschichten/feed/")[1]["Last-Modified"] == last_modified
    for name in ("a", "b"):
        assert fetch(site[name] + "/geschichten/feed/", {"If-Modified-Since": last_modified})[0] == 304


def test_a_proxys_https_page_is_never_served_to_a_plain_request(site):
    """127.0.0.1 is the trusted proxy here: its https requests get https pages, kept apart."""
    path = site["story"]
    for _ in range(2):  # the second one from the cache
        _, _, body = fetch(site["a"] + path, {"X-Forwarded-Proto": "https"})
        assert f'<meta property="og:url" content="https://localhost{path}">' in body.decode()
    _, _, body = fetch(site["a"] + path)
    html = body.decode()
    assert f'<meta property="og:url" content="http://localhost{path}">' in html
    assert "https://localhost" not in html


def test_a_forged_forwarded_proto_from_an_untrusted_address_changes_nothing(site):
    path = site["story"]
    for _ in range(2):
        _, _, body = fetch(site["elsewhere"] + path, {"X-Forwarded-Proto": "https"})
        html = body.decode()
        assert f'<meta property="og:url" content="http://localhost{path}">' in html
        assert "https://localhost" not in html
    _, headers, body = fetch(site["elsewhere"] + path)
    assert headers["X-Page-Cache"] == "hit"
    assert "https://localhost" not in body.decode()
