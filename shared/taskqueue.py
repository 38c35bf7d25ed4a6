"""The task queue when a service is down: no save fails, no work is lost, waiting work is seen.

- **Redis down** (DJANGO_TASKS_BACKEND=redis): `RedisTaskBackend` is django-tasks-redis' backend
  with short timeouts, and a task it cannot hand to Redis is kept as a row of the database queue
  (django-tasks-db's table, the same `backend_name`): the save that queued it succeeds. The worker
  (`manage.py run_redis_tasks`, through `ForwardingBroker`) hands such rows to Redis and deletes
  them, at its start and every FORWARD_SECONDS, as soon as Redis answers. At least once, as the
  Redis queue itself: a row handed over just before a crash may run twice (tasks are idempotent).
  The outage is the one the cache records (shared/rediscache.py): while it lasts no enqueue waits
  for Redis.
- **Worker stopped** (either queue): tasks wait. `waiting()` counts those due for more than
  WAITING_AFTER; the admin's start page tells the central team (editorial/dashboard.py), and the
  task list of the admin shows them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import close_old_connections, connection, transaction
from django.db.models import Q
from django.tasks import TaskResultStatus, task_backends
from django.tasks.exceptions import TaskResultDoesNotExist
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_redis.backends import RedisTaskBackend as BaseRedisTaskBackend
from django_tasks_redis.brokers.streams import RedisStreamsBroker
from django_tasks_redis.utils import get_status_index_key
from redis.exceptions import RedisError

from shared import rediscache

logger = logging.getLogger(__name__)

FORWARD_SECONDS = 5.0
FORWARD_BATCH = 200
WAITING_AFTER = timedelta(minutes=10)
# Short enough that a save does not wait long for a hung Redis; the worker's blocking reads
# (django-tasks-redis waits in chunks of one second) stay below the socket timeout.
OPTIONS = {
    "REDIS_SOCKET_CONNECT_TIMEOUT": 1,
    "REDIS_SOCKET_TIMEOUT": 2,
    "REDIS_BLOCK_TIMEOUT": 1000,
}


class ForwardingBroker(RedisStreamsBroker):
    """The worker's broker: before reading, the tasks kept in the database go to Redis."""

    def __init__(self, backend, options=None):
        super().__init__(backend, options)
        self._next_forward = 0.0

    def receive(self, queue_name=None, max_messages=1, wait_seconds=0, worker_id=None):
        if time.monotonic() >= self._next_forward:
            self._next_forward = time.monotonic() + FORWARD_SECONDS
            try:
                if not connection.in_atomic_block:
                    close_old_connections()  # a long-running worker: a connection lost meanwhile is replaced
                self.backend.forward()
            except Exception:
                logger.exception("Handing the tasks kept in the database to Redis failed; trying again later")
        return super().receive(queue_name, max_messages, wait_seconds, worker_id)


class RedisTaskBackend(BaseRedisTaskBackend):
    broker_class = ForwardingBroker

    def __init__(self, alias, params):
        params = {**params, "OPTIONS": {**OPTIONS, **params.get("OPTIONS", {})}}
        self.outage = rediscache.outage_for(params["OPTIONS"]["REDIS_URL"])
        super().__init__(alias, params)

    def _ping(self) -> None:
        self.get_client().ping()

    def enqueue(self, task, args, kwargs):
        if not (self.outage.down and self.outage.skip()):
            try:
                return super().enqueue(task, args, kwargs)
            except RedisError as error:
                self.outage.begin(error, self._ping)
        return self.keep(task, args, kwargs)

    def keep(self, task, args, kwargs):
        """The task as a row of the database queue, until Redis takes it (`forward`)."""
        self.validate_task(task)
        row = DatabaseBackend(self.alias, {})._task_to_db_task(task, args, kwargs)
        logger.warning("Task %s kept in the database until Redis answers (%s)", task.module_path, row.pk)
        return row.task_result

    def get_result(self, result_id):
        if not (self.outage.down and self.outage.skip()):
            try:
                return super().get_result(result_id)
            except TaskResultDoesNotExist:
                pass
            except RedisError as error:
                self.outage.begin(error, self._ping)
        row = DBTaskResult.objects.filter(pk=result_id, backend_name=self.alias).first()
        if row is None:
            raise TaskResultDoesNotExist(result_id)
        return row.task_result

    def forward(self, limit: int = FORWARD_BATCH) -> int:
        """Hand the tasks kept in the database to Redis, oldest first; how many were handed over."""
        if self.outage.down:
            return 0
        moved = 0
        with transaction.atomic():
            rows = (
                DBTaskResult.objects.select_for_update(skip_locked=True)
                .filter(backend_name=self.alias, status=TaskResultStatus.READY)
                .order_by("enqueued_at")[:limit]
            )
            for row in rows:
                try:
                    task = row.task
                except ImportError:
                    logger.exception("Task row %s names no task (%s): left in the database", row.pk, row.task_path)
                    continue
                try:
                    BaseRedisTaskBackend.enqueue(self, task, row.args_kwargs["args"], row.args_kwargs["kwargs"])
                except RedisError as error:
                    self.outage.begin(error, self._ping)
                    break
                row.delete()
                moved += 1
        if moved:
            logger.warning("%s task(s) kept in the database while Redis was down handed to Redis", moved)
        return moved


@dataclass
class Waiting:
    count: int
    oldest: datetime | None
    in_database: int  # of them, rows of the database queue (listed by the admin's task list)


def waiting(after: timedelta = WAITING_AFTER) -> Waiting:
    """Tasks due for longer than `after` and not started: the worker is not running (or is far behind)."""
    cutoff = timezone.now() - after
    rows = DBTaskResult.objects.filter(status=TaskResultStatus.READY, enqueued_at__lte=cutoff).filter(
        Q(run_after=get_date_max()) | Q(run_after__lte=cutoff)
    )
    count = rows.count()
    oldest = rows.order_by("enqueued_at").values_list("enqueued_at", flat=True).first() if count else None
    found = Waiting(count, oldest, count)
    backend = task_backends["default"]
    if isinstance(backend, RedisTaskBackend) and not backend.outage.down:
        found.count += _waiting_in_redis(backend, cutoff)
    return found


def _waiting_in_redis(backend, cutoff: datetime) -> int:
    """READY tasks in Redis waiting since before `cutoff` (the backend's status index, scored by that moment)."""
    key = get_status_index_key(backend.key_prefix, backend.alias, TaskResultStatus.READY)
    try:
        return int(backend.get_client().zcount(key, "-inf", cutoff.timestamp()))
    except RedisError as error:
        backend.outage.begin(error, backend._ping)
        return 0
