"""Redis that may fail: the site keeps answering, from the database, while Redis does not.

`ResilientRedisCache` is Django's RedisCache with short timeouts, and a Redis error is a miss (a
read gives the default, a write stores nothing) instead of a 500. The task queue on Redis
(shared/taskqueue.py) shares the same record of the outage.

An outage (`Outage`, one per Redis address and process) begins with the first error: from then on
no call waits for Redis at all (a hung Redis would cost each call the socket timeout), one warning
is logged, and again once per LOG_SECONDS while it lasts. A thread pings Redis every
RETRY_SECONDS; when it answers, the functions registered with `when_back` run first (the page cache
starts a new generation: a change saved during the outage could not renew the token kept in Redis,
and the pages stored before it would be served again, shared/pagecache.py), and only then do
calls go to Redis again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Redis is on the local network: a connection takes milliseconds, any command far less than a second.
CONNECT_TIMEOUT = 0.5
SOCKET_TIMEOUT = 1.0
RETRY_SECONDS = 1.0
LOG_SECONDS = 60.0

_back_hooks: list[Callable[[], None]] = []


def when_back(hook: Callable[[], None]) -> None:
    """Run `hook` in every process that saw Redis fail, once it answers again (before any other call)."""
    if hook not in _back_hooks:
        _back_hooks.append(hook)


def _shown(location: str) -> str:
    """The address without a password, for the log."""
    parts = urlsplit(location)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}{f':{parts.port}' if parts.port else ''}{parts.path}"


class Outage:
    """Whether Redis at one address is down for this process, and the thread that waits for it."""

    def __init__(self, location: str):
        self.location = location
        self.down = False  # read on every cache call: a plain attribute
        self.since = 0.0
        self.skipped = 0
        self._lock = threading.Lock()
        self._probing = threading.local()

    def skip(self) -> bool:
        """True while calls must not go to Redis (the prober's own calls do)."""
        if getattr(self._probing, "active", False):
            return False
        self.skipped += 1
        return True

    def begin(self, error: Exception, ping: Callable[[], object]) -> None:
        with self._lock:
            if self.down:
                return
            self.down, self.since, self.skipped = True, time.monotonic(), 0
        logger.warning(
            "Redis at %s does not answer (%s: %s): the site works without it (pages from the database, "
            "tasks kept in the database) until it answers again",
            _shown(self.location),
            type(error).__name__,
            error,
        )
        threading.Thread(target=self._wait, args=(ping,), name="redis-outage", daemon=True).start()

    def _wait(self, ping: Callable[[], object]) -> None:
        logged = time.monotonic()
        while True:
            time.sleep(RETRY_SECONDS)
            try:
                ping()
                break
            except Exception as error:  # any failure means: still down
                if time.monotonic() - logged >= LOG_SECONDS:
                    logged = time.monotonic()
                    logger.warning(
                        "Redis at %s still does not answer after %.0f s (%s; %s calls skipped)",
                        _shown(self.location),
                        logged - self.since,
                        type(error).__name__,
                        self.skipped,
                    )
        self._probing.active = True
        try:
            for hook in list(_back_hooks):
                try:
                    hook()
                except Exception:
                    logger.exception("Redis is back: %s failed", getattr(hook, "__qualname__", hook))
        finally:
            self._probing.active = False
            from django.db import connections

            connections.close_all()  # this thread's own connections, if a hook opened one
        with self._lock:
            self.down = False
        logger.warning(
            "Redis at %s answers again after %.0f s (%s calls skipped)",
            _shown(self.location),
            time.monotonic() - self.since,
            self.skipped,
        )


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage_for(location: str) -> Outage:
    found = _outages.get(location)
    if found is None:
        with _outages_lock:
            found = _outages.setdefault(location, Outage(location))
    return found


class ResilientRedisCache(RedisCache):
    """Django's RedisCache for which Redis failing is a miss (see the module's text)."""

    def __init__(self, server, params):
        options = {"socket_connect_timeout": CONNECT_TIMEOUT, "socket_timeout": SOCKET_TIMEOUT}
        super().__init__(server, {**params, "OPTIONS": {**options, **params.get("OPTIONS", {})}})
        self.outage = outage_for(self._servers[0])

    def _ping(self) -> None:
        self._cache.get_client(None, write=True).ping()

    def _failed(self, error: Exception) -> None:
        self.outage.begin(error, self._ping)

    # The page cache asks `get` twice per request: written out, no extra call when Redis is up.
    def get(self, key, default=None, version=None):
        if self.outage.down and self.outage.skip():
            return default
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self._failed(error)
            return default

    def _guarded(self, call: Callable, fallback):
        if self.outage.down and self.outage.skip():
            return fallback
        try:
            return call()
        except RedisError as error:
            self._failed(error)
            return fallback

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).add(key, value, timeout, version), False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        # Django's answer for a key that is not there: a counter in an unreachable Redis is not.
        missing = object()
        value = self._guarded(lambda: super(ResilientRedisCache, self).incr(key, delta, version), missing)
        if value is missing:
            raise ValueError(f"Key '{key}' not found (Redis does not answer).")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._guarded(lambda: super(ResilientRedisCache, self).clear(), False)
