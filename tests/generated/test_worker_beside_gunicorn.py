"""`make run` is one command: gunicorn's hooks (config/gunicorn.conf.py) start the task worker
as a child when DJANGO_TASK_WORKER=true and stop it when gunicorn stops. A real gunicorn on a
free port, a real `db_worker` on its own SQLite database."""

import os
import signal
import time
from pathlib import Path

import pytest

from tests import dbtemplate
from tests.servers import Gunicorn

ROOT = Path(__file__).resolve().parents[2]


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def wait_for(condition, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.2)
    return None


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
def test_gunicorn_starts_and_stops_the_task_worker(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_TASKS_BACKEND": "database",
        "DJANGO_TASK_WORKER": "true",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "1",
    }
    env.pop("REDIS_URL", None)
    dbtemplate.copy_to(tmp_path / "db.sqlite3")  # migrated once per run (tests/dbtemplate.py)
    gunicorn = Gunicorn(env, tmp_path / "gunicorn.log", workers=1, threads=1).start()
    server = gunicorn.process
    try:
        worker = wait_for(lambda: next((pid for pid in children(server.pid) if "db_worker" in command_line(pid)), None))
        assert worker, "gunicorn started no db_worker child"
        assert "--queue-name=*" in command_line(worker)
        time.sleep(1)
        assert "db_worker" in command_line(worker), "the worker keeps running beside gunicorn"
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        assert wait_for(lambda: not command_line(worker), 10), "the worker outlived gunicorn"
    finally:
        gunicorn.stop()
