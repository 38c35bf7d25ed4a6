"""gunicorn settings for `make run` and for production. Every value can be overridden
with the usual GUNICORN_CMD_ARGS or on the command line."""

import os
import subprocess
import sys
from pathlib import Path

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Threads let one slow client (a long video download) not block every other visitor.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = 60
graceful_timeout = 20
keepalive = 5
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
# Who may say that a request came over HTTPS. gunicorn believes X-Forwarded-Proto (and sets the
# scheme Django sees) only from these addresses: the TLS proxy, on this machine by default. A
# proxy elsewhere is listed here (FORWARDED_ALLOW_IPS=10.0.0.5); "*" would let any client that
# reaches gunicorn make its request https. Django does not read the header itself
# (SECURE_PROXY_SSL_HEADER is None), and the page cache keeps https and http pages apart.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn >= 25.1 opens a control socket at a per-user default path; two instances of
# the same user would fight over it. Nobody here uses it.
control_socket_disable = True


# The background-task worker beside gunicorn (DJANGO_TASK_WORKER=true, set by `make run`):
# started as a child of the arbiter once gunicorn is ready, stopped when gunicorn exits, so
# one command runs the whole site. A crashed worker is not restarted; tasks wait in the queue.
_task_worker: subprocess.Popen | None = None


def task_worker_command() -> list[str]:
    manage = str(Path(__file__).resolve().parent.parent / "manage.py")
    if os.environ.get("DJANGO_TASKS_BACKEND", "database").strip().lower() == "redis":
        return [sys.executable, manage, "run_redis_tasks", "--continuous"]
    return [sys.executable, manage, "db_worker", "--queue-name=*", "--no-reload"]


def when_ready(server):
    global _task_worker
    if os.environ.get("DJANGO_TASK_WORKER", "").strip().lower() not in ("1", "true", "yes", "on"):
        return
    _task_worker = subprocess.Popen(task_worker_command())  # noqa: S603 -- our own fixed command line
    server.log.info("Started the task worker (pid %s)", _task_worker.pid)


def on_exit(server):
    global _task_worker
    if _task_worker is None or _task_worker.poll() is not None:
        return
    _task_worker.terminate()
    try:
        _task_worker.wait(timeout=graceful_timeout)
    except subprocess.TimeoutExpired:
        _task_worker.kill()
        _task_worker.wait()
    server.log.info("Stopped the task worker")
    _task_worker = None
