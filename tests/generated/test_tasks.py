"""Background tasks make the PDFs; the requests only serve what is stored.

A real worker (django-tasks-db's `db_worker`, one batch) runs the queued tasks here, as in
production; no test renders a PDF inside a request.
"""

import io
import os
from unittest import mock

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult
from django_tasks_redis.management.commands.run_redis_tasks import Command as RunRedisTasks
from pypdf import PdfReader

from generated import makers
from generated.models import GeneratedFile
from leitbild import pdf as leitbild_pdf
from leitbild.models import Chapter
from press import pdf as press_pdf
from tests.servers import require_redis

pytestmark = pytest.mark.django_db

LEITBILD_URL = "/leitbild/leitbild-2030.pdf"
FIGURES_URL = "/presse/kennzahlen.pdf"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings):
    """The database queue, emptied of what `migrate` queued when the test database was made."""
    settings.TASKS = DATABASE_TASKS
    DBTaskResult.objects.all().delete()


@pytest.fixture
def renders(monkeypatch):
    """Every real WeasyPrint rendering of our two documents, by module name."""
    calls = []
    for module in (leitbild_pdf, press_pdf):
        original = module.render_pdf

        def counting(html, original=original, name=module.__name__):
            calls.append(name)
            return original(html)

        monkeypatch.setattr(module, "render_pdf", counting)
    return calls


def run_worker(capture_on_commit):
    """One batch of the real database worker: runs every queued task, then returns. Its
    after-commit work (deleting replaced files) runs as the test's transaction never commits."""
    with capture_on_commit(execute=True):
        if connection.vendor == "postgresql":
            # Inside the test's transaction the worker must not close the connection.
            with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
                call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)
        else:
            call_command("db_worker", batch=True, queue_name="*", startup_delay=False, reload=False)


def test_pdf_views_answer_503_with_retry_after_until_the_worker_made_them(
    client, database_tasks, renders, django_capture_on_commit_callbacks
):
    GeneratedFile.objects.all().delete()
    for url in (LEITBILD_URL, FIGURES_URL):
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert "Die Datei wird gerade erstellt" in response.content.decode()
    assert renders == []

    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_generated_files", stdout=io.StringIO())
    assert renders == []  # only queued
    run_worker(django_capture_on_commit_callbacks)
    assert sorted(renders) == sorted([leitbild_pdf.__name__, press_pdf.__name__])

    for url in (LEITBILD_URL, FIGURES_URL):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_editing_a_chapter_queues_the_task_and_the_worker_remakes_the_pdf(
    client, database_tasks, renders, django_capture_on_commit_callbacks
):
    makers.make_all()
    before = GeneratedFile.objects.get(key=leitbild_pdf.KEY)
    renders.clear()
    chapter = Chapter.objects.numbered().first()
    chapter.title = "Ein ganz neuer Kapiteltitel"
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save()
    assert renders == []  # the edit itself renders nothing
    run_worker(django_capture_on_commit_callbacks)
    assert renders == [leitbild_pdf.__name__]

    after = GeneratedFile.objects.get(key=leitbild_pdf.KEY)
    assert after.digest != before.digest
    assert not default_storage.exists(before.path), "the old file is deleted from storage"
    assert default_storage.exists(after.path)
    assert after.size == default_storage.size(after.path)
    response = client.get(LEITBILD_URL)
    assert response["ETag"] == f'"{after.digest}"'
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "EinganzneuerKapiteltitel" in text.replace(" ", "").replace("\n", "")


def test_making_twice_renders_once_and_leaves_no_files_behind(renders):
    makers.make_all()
    makers.make_all()
    assert sorted(renders) == sorted([leitbild_pdf.__name__, press_pdf.__name__])
    stored = {row.path for row in GeneratedFile.objects.all()}
    _dirs, files = default_storage.listdir("generated")
    assert {f"generated/{name}" for name in files} == stored


def test_newsroom_shows_the_stored_sizes_and_renders_no_pdf(client, renders):
    GeneratedFile.objects.all().delete()
    page = client.get("/presse/").content.decode()
    assert renders == []
    assert "PDF, " not in page.replace("PDF, barrierefrei", "")  # no size while not made yet

    makers.make_all()
    renders.clear()
    page = client.get("/presse/").content.decode()
    assert renders == []
    size = GeneratedFile.objects.get(key=leitbild_pdf.KEY).size
    from django.template.defaultfilters import filesizeformat

    assert str(filesizeformat(size)).replace("\xa0", " ") in page.replace("\xa0", " ").replace("&nbsp;", " ")


def test_the_redis_backend_runs_the_tasks_with_a_real_redis(settings, renders, django_capture_on_commit_callbacks):
    require_redis()
    prefix = f"kjc-test-tasks-{os.getpid()}"
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_redis.RedisTaskBackend",
            "OPTIONS": {"REDIS_URL": os.environ["REDIS_URL"], "REDIS_KEY_PREFIX": prefix},
        }
    }
    GeneratedFile.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        makers.enqueue_all()
    assert renders == []
    # The worker's command object: django_tasks_redis is an installed app only with DJANGO_TASKS_BACKEND=redis.
    call_command(RunRedisTasks(), stdout=io.StringIO())
    assert sorted(renders) == sorted([leitbild_pdf.__name__, press_pdf.__name__])
    assert set(GeneratedFile.objects.values_list("key", flat=True)) == {leitbild_pdf.KEY, press_pdf.KEY}
