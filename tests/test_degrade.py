"""Degrade, don't fall over (issue 27): a real redis-server stopped and started by the tests, and the
task worker not running.

- Redis down (stopped, or hung: SIGSTOP): public pages 200 from the database, editors log in and save,
  one warning per outage, not one per request.
- Redis back: the page cache works again and never serves a page from before a change saved while it
  was down (a hung Redis keeps its keys, the old generation included).
- The Redis task queue down: a save succeeds, its tasks wait in the database, the worker hands them to
  Redis and runs them once it answers.
- The worker stopped (database queue): a save succeeds, the tasks wait, the central team sees them
  on the admin's start page and in the task list, `db_worker --batch` does them.
"""

import io
import logging
import shutil
import signal
import subprocess
import time
import uuid
from datetime import timedelta
from unittest import mock

import pytest
import redis
from django.core.cache import caches
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from django_tasks_redis.management.commands.run_redis_tasks import Command as RunRedisTasks

from shared import rediscache, taskqueue
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.models import Story
from tests.factories import PhotoFactory, StoryFactory, editor
from tests.helpers import in_german, story_change_data
from tests.servers import free_port

CACHE_BACKEND = "shared.rediscache.ResilientRedisCache"
TASK_BACKEND = "shared.taskqueue.RedisTaskBackend"
PAGES = ["/", "/geschichten/", "/leitbild/", "/presse/", "/suche/?q=arbeit", "/geschichten/feed/", "/sitemap.xml"]
PASSWORD = "ein-langes-testpasswort"
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"  # Debian's package redis-server


class RedisServer:
    """A redis-server of this module on a free port: stopped (gone, its keys with it), started, or
    hung (SIGSTOP: connections open, no answer, its keys kept)."""

    def __init__(self, directory):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.directory = directory
        self.process = None

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [*command, "--dir", str(self.directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url, socket_timeout=1).ping()
                return
            except redis.RedisError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def hang(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def wake(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)

    def running(self) -> bool:
        return self.process is not None


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


def wait_until_back(server: RedisServer) -> None:
    """Until this process uses Redis again (the outage's thread pings it every second)."""
    outage = rediscache.outage_for(server.url)
    deadline = time.monotonic() + 10
    while outage.down:
        assert time.monotonic() < deadline, "the outage did not end"
        time.sleep(0.05)


@pytest.fixture
def redis_site(settings, redis_server):
    """This test's caches (and the page cache's generation) in the module's Redis, running."""
    if not redis_server.running():
        redis_server.start()
    redis_server.wake()
    prefix = f"degrade-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        alias: {"BACKEND": CACHE_BACKEND, "LOCATION": redis_server.url, "KEY_PREFIX": f"{prefix}-{alias}"}
        for alias in ("default", "imagekit", "pages")
    }
    caches["pages"].get("warm-up")  # the outage of an earlier test (if any) ends at the first ping
    wait_until_back(redis_server)
    yield redis_server
    redis_server.wake()


@pytest.fixture
def story(db):
    story = StoryFactory(name="Anna Beispiel", slug="anna-beispiel", quote="Vorher: Ich habe wieder Arbeit.")
    PhotoFactory(story=story)
    return story


def change_data(client, story, quote: str) -> dict:
    """The story's admin form as the browser sends it, its photo row included, with a new quote."""
    data = story_change_data(client, story, quote=quote)
    photo = story.photos.get()
    data |= {"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1", "photos-0-id": photo.pk}
    data |= {"photos-0-story": story.pk, "photos-0-position": photo.position}
    data |= {"photos-0-focal_x": "0.5", "photos-0-focal_y": "0.5"}
    data |= {f"photos-0-{name}": getattr(photo, name) for name in ("alt_text", "caption", "credit")}
    return in_german(data, Story)


def form_errors(response) -> str:
    if response.status_code != 200:
        return ""
    formsets = [(f.formset.errors, f.formset.non_form_errors()) for f in response.context["inline_admin_formsets"]]
    return f"{response.context['errors']} {formsets}"


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def test_public_pages_are_served_from_the_database_while_redis_is_stopped(client, redis_site, story, caplog):
    for url in PAGES:
        visit(client, url)
    assert visit(client, "/geschichten/")["X-Page-Cache"] == "hit"

    redis_site.stop()
    with caplog.at_level(logging.WARNING, logger="shared.rediscache"):
        for _round in range(3):
            for url in [*PAGES, story.get_absolute_url()]:
                response = visit(client, url)
                assert response["X-Page-Cache"] == "miss"
    assert "Anna Beispiel" in visit(client, story.get_absolute_url()).content.decode()
    assert client.get("/health/").status_code == 200  # the load balancer keeps the server
    # One warning for the outage, not one per request.
    assert len([r for r in caplog.records if r.name == "shared.rediscache"]) == 1


def test_a_hung_redis_costs_one_timeout_then_nothing(client, redis_site, story):
    visit(client, "/geschichten/")
    redis_site.hang()
    started = time.monotonic()
    visit(client, "/geschichten/")
    first = time.monotonic() - started
    assert first < rediscache.SOCKET_TIMEOUT + 1.5
    started = time.monotonic()
    for url in PAGES:
        visit(client, url)
    assert time.monotonic() - started < 3  # no call waits for the hung Redis any more


def test_editor_logs_in_and_saves_a_story_while_redis_is_stopped(client, redis_site, story):
    editor(CENTRAL_EDITORS, username="zentrale-degrade")
    redis_site.stop()

    response = client.post("/admin/login/", {"username": "zentrale-degrade", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    data = change_data(client, story, "Nachher: gespeichert ohne Redis.")
    response = client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 302, form_errors(response)
    story.refresh_from_db()
    assert story.quote == "Nachher: gespeichert ohne Redis."
    client.logout()
    assert "gespeichert ohne Redis" in visit(client, story.get_absolute_url()).content.decode()


def test_after_redis_returns_no_page_from_before_a_change_made_while_it_was_down(client, redis_site, story):
    url = story.get_absolute_url()
    visit(client, url)
    assert visit(client, url)["X-Page-Cache"] == "hit"

    redis_site.hang()  # Redis keeps its keys: the old generation and the old page are still in it
    visit(client, "/")  # the outage is noticed (a command sent before stays in the socket: a hung Redis runs it later)
    Story.objects.filter(pk=story.pk).update(quote="Neu, während Redis hing.")
    Story.objects.get(pk=story.pk).save()  # the signals of a save: a new generation, which Redis cannot take
    assert "Neu, während Redis hing." in visit(client, url).content.decode()

    redis_site.wake()
    deadline = time.monotonic() + 10
    while True:  # while the outage lasts pages come from the database; once it ended, from the cache
        page = visit(client, url).content.decode()
        assert "Vorher: Ich habe wieder Arbeit." not in page, "a page from before the change was served"
        assert "Neu, während Redis hing." in page
        if not rediscache.outage_for(redis_site.url).down or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    wait_until_back(redis_site)
    page = visit(client, url)
    assert "Neu, während Redis hing." in page.content.decode()
    assert visit(client, url)["X-Page-Cache"] == "hit"  # the cache works again


def test_the_page_cache_works_again_after_a_restart_of_redis(client, redis_site, story):
    url = story.get_absolute_url()
    visit(client, url)
    redis_site.stop()
    visit(client, url)
    redis_site.start()
    wait_until_back(redis_site)
    visit(client, url)
    assert visit(client, url)["X-Page-Cache"] == "hit"


done = []


@task
def note(value: str) -> str:
    """A task of this module: what the worker ran."""
    done.append(value)
    return value


@pytest.fixture
def redis_tasks(db, settings, redis_site):
    settings.TASKS = {
        "default": {
            "BACKEND": TASK_BACKEND,
            "OPTIONS": {"REDIS_URL": redis_site.url, "REDIS_KEY_PREFIX": f"degrade-tasks-{uuid.uuid4().hex[:8]}"},
        }
    }
    done.clear()
    DBTaskResult.objects.all().delete()  # what `migrate` queued (the PDFs): not what these tests look at
    return redis_site


def run_redis_worker() -> None:
    call_command(RunRedisTasks(), stdout=io.StringIO())


def test_a_task_queued_while_redis_is_stopped_is_done_after_it_returns(
    client, redis_tasks, story, django_capture_on_commit_callbacks
):
    central = editor(CENTRAL_EDITORS, username="zentrale-degrade")
    client.force_login(central)
    redis_tasks.stop()

    data = change_data(client, story, "Gespeichert, die Warteschlange ist weg.")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/stories/story/{story.pk}/change/", data)
        result = note.enqueue("während des Ausfalls")
    assert response.status_code == 302
    kept = DBTaskResult.objects.filter(backend_name="default", status="READY")
    assert kept.filter(task_path="tests.test_degrade.note").count() == 1
    assert note.get_backend().get_result(result.id).args == ["während des Ausfalls"]

    # Visible while it waits: the central team's start page counts it.
    kept.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    assert "seit über 10 Minuten" in client.get("/admin/").content.decode()

    redis_tasks.start()
    wait_until_back(redis_tasks)
    run_redis_worker()
    assert done == ["während des Ausfalls"]
    assert not DBTaskResult.objects.filter(backend_name="default").exists()
    assert "seit über 10 Minuten" not in client.get("/admin/").content.decode()


def test_an_enqueue_to_a_hung_redis_does_not_hold_the_save(db, redis_tasks):
    redis_tasks.hang()
    started = time.monotonic()
    note.enqueue("erste")
    note.enqueue("zweite")  # the outage is known: straight to the database
    assert time.monotonic() - started < 2 + 1.5  # REDIS_SOCKET_TIMEOUT of shared/taskqueue.py, once
    assert DBTaskResult.objects.filter(task_path="tests.test_degrade.note").count() == 2
    redis_tasks.wake()
    wait_until_back(redis_tasks)
    run_redis_worker()
    assert sorted(done) == ["erste", "zweite"]


def test_tasks_waiting_in_redis_for_a_stopped_worker_are_counted(db, redis_tasks):
    note.enqueue("in Redis")
    found = taskqueue.waiting(after=timedelta(0))
    assert (found.count, found.in_database) == (1, 0)
    assert taskqueue.waiting().count == 0  # not 10 minutes yet
    run_redis_worker()
    assert done == ["in Redis"]
    assert taskqueue.waiting(after=timedelta(0)).count == 0


# --- the worker stopped (database queue) --------------------------------------------------------


def run_database_worker() -> None:
    # Inside the test's transaction the worker must not close the connection (LIBRARIES.md).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False, stdout=io.StringIO())


def test_with_the_worker_stopped_a_save_succeeds_and_the_waiting_work_is_shown(
    client, settings, story, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The tasks `migrate` queued in the test database's template: as old as the template (minutes or
    # days), they would already raise the alarm that this test expects only after 10 minutes.
    DBTaskResult.objects.all().delete()
    done.clear()
    central = editor(CENTRAL_EDITORS, username="zentrale-degrade")
    client.force_login(central)
    data = change_data(client, story, "Gespeichert, der Worker steht.")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/stories/story/{story.pk}/change/", data).status_code == 302
        note.enqueue("wartet")
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.filter(task_path="tests.test_degrade.note").exists()
    assert "seit über 10 Minuten" not in client.get("/admin/").content.decode()  # young tasks are no alarm

    waiting.update(enqueued_at=timezone.now() - timedelta(minutes=11))
    start_page = client.get("/admin/").content.decode()
    count = waiting.count()
    assert count >= 2  # the story's share card and the note
    assert f"{count} Aufgaben warten seit über 10 Minuten" in start_page
    assert "läuft der Hintergrunddienst?" in start_page
    assert "Hintergrundaufgaben" in start_page and "Task Results" not in start_page  # the queue in German
    listing = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=READY")
    assert listing.status_code == 200
    assert "note" in listing.content.decode()

    kommune_editor = editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-degrade")
    client.force_login(kommune_editor)
    assert "läuft der Hintergrunddienst?" not in client.get("/admin/").content.decode()
    assert client.get("/admin/django_tasks_database/dbtaskresult/").status_code == 403

    run_database_worker()
    assert done == ["wartet"]
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert taskqueue.waiting().count == 0
    client.force_login(central)
    assert "läuft der Hintergrunddienst?" not in client.get("/admin/").content.decode()
