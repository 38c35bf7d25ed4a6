"""Two app servers, one site: two gunicorn processes on different ports share one PostgreSQL
database, one Redis (cache) and one MEDIA_ROOT. What one process writes, the other server shows
at once: a story published, its photo, and the story gone again when it is unpublished.

Content is written by a third process through the ORM (like an editor's save on any server),
while both servers have already rendered, and could have cached, the pages before.
Needs DATABASE_URL (PostgreSQL) and REDIS_URL; skips without, fails with CI_REQUIRE_SCALE=1.
"""

import json

import pytest

from tests.servers import Database, Gunicorn, get, manage, require_postgres_and_redis, run_python, server_env

SLUG = "amira-zweiserver"
NAME = "Amira Zweiserver"


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    database_url, redis_url = require_postgres_and_redis()
    root = tmp_path_factory.mktemp("two-servers")
    media = root / "media"
    media.mkdir()
    database = Database(database_url).create()
    env = server_env(database.url, redis_url, media)
    servers = []
    try:
        manage(env, "migrate", "--noinput", "-v0")
        servers = [Gunicorn(env, root / "a.log").start(), Gunicorn(env, root / "b.log").start()]
        yield env, media, *servers
    finally:
        for server in servers:
            server.stop()
        database.drop()


def make_draft_story_with_photo(env) -> dict:
    code = f"""
import json
from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory
story = StoryFactory(name={NAME!r}, slug={SLUG!r}, status=Status.DRAFT)
photo = PhotoFactory(story=story)
print(json.dumps({{"photo": photo.image.name}}))
"""
    return json.loads(run_python(env, code).strip().splitlines()[-1])


def set_status(env, status: str) -> None:
    # Through save(), as the admin does, so that whatever listens to saves (the cache) hears it.
    run_python(
        env,
        f"from stories.models import Story\ns = Story.objects.get(slug={SLUG!r})\ns.status = {status!r}\ns.save()",
    )


def test_a_story_published_by_one_process_is_shown_by_both_servers_at_once(two_servers):
    env, media, server_a, server_b = two_servers
    assert server_a.port != server_b.port
    files = make_draft_story_with_photo(env)
    photo_path = files["photo"]
    assert (media / photo_path).is_file(), "the photo is stored in the one shared MEDIA_ROOT"

    # Both servers render the pages before the publication (a page cache would now hold them).
    for server in (server_a, server_b):
        assert get(server.url + f"/geschichten/{SLUG}/")[0] == 404
        status, body = get(server.url + "/geschichten/")
        assert status == 200
        assert NAME.encode() not in body
        assert get(server.url + f"/media/{photo_path}")[0] == 404, "a draft's photo is hidden"

    set_status(env, "published")

    for server in (server_b, server_a):
        status, body = get(server.url + f"/geschichten/{SLUG}/")
        assert status == 200, server.log()
        assert NAME.encode() in body
        status, body = get(server.url + "/geschichten/")
        assert NAME.encode() in body
        status, body = get(server.url + f"/media/{photo_path}")
        assert status == 200
        assert body == (media / photo_path).read_bytes()

    set_status(env, "draft")

    for server in (server_b, server_a):
        assert get(server.url + f"/geschichten/{SLUG}/")[0] == 404
        assert NAME.encode() not in get(server.url + "/geschichten/")[1]
        assert get(server.url + f"/media/{photo_path}")[0] == 404


def test_a_file_stored_by_another_process_is_served_by_both_servers(two_servers):
    env, media, server_a, server_b = two_servers
    # A process of the site stores an upload through the default storage (the admin's path for any file) …
    name = run_python(
        env,
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "print(default_storage.save('presse/zwei-server.txt', ContentFile(b'Ein Server, zwei Server.')))",
    ).strip()
    assert (media / name).is_file()
    # … and both servers, each a process with its own memory, serve it from the shared directory.
    status, body = get(server_b.url + f"/media/{name}")
    assert status == 200
    assert body == b"Ein Server, zwei Server."
    assert get(server_a.url + f"/media/{name}")[1] == body
