"""The page cache: public pages served from a cache that is never stale.

Every cached page is stored under a *generation token*. Any change to what a public page can
show — a save, a delete or a many-to-many change of a row of a content app — renews the
token, so every page is rendered afresh on its next request (`connect()` wires the signals).
Changes that happen by themselves need no scheduler: with the token goes the moment it is due
to be renewed — the next `publish_from`/`publish_until`/`visible_from`/`visible_until` still to
come, at the latest the next local midnight (consents end with a day, `expires_on`). A request
that finds the moment reached renews the token first.

Where the token lives decides who agrees on it: in the "pages" cache itself when that is shared
(Redis, several app servers), else in a small file (`PAGE_CACHE_STAMP`), which every process of
one machine reads (gunicorn's workers each have their own memory cache).

Never cached, always rendered live: anyone with a session cookie (editors see their changes at
once), requests with credentials or a body, the admin, media, previews, health; replies that
are not 200, set a cookie, carry a CSRF token or a CSP nonce, or say private/no-store. Every
public reply gets an ETag and answers a matching If-None-Match with 304.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import DateTimeField
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dateparse import parse_datetime

logger = logging.getLogger(__name__)

ALIAS = "pages"
TOKEN_KEY = "pagecache:generation"  # noqa: S105 - a cache key, not a secret
# Fields whose moment, once reached, changes what pages show.
SCHEDULE_FIELDS = ("publish_from", "publish_until", "visible_from", "visible_until")
BYPASS_PREFIXES = ("/admin/", "/media/", "/static/", "/health/", "/vorschau/", "/.well-known/")
CACHEABLE_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/plain",
    "application/json",
    "text/vtt",
    "text/calendar",
)
MAX_QUERY = 300
HEADER = "X-Page-Cache"
SIGNAL_UID = "shared.pagecache"


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def _cache():
    return caches[ALIAS]


def _shared() -> bool:
    """True when the pages cache is one for all processes (Redis): the token lives there."""
    return not isinstance(_cache(), LocMemCache)


def _stamp_path() -> Path:
    return Path(getattr(settings, "PAGE_CACHE_STAMP", Path(settings.BASE_DIR) / "var" / "page-cache-generation"))


# --- the generation -------------------------------------------------------------------------


def _write(value: str) -> None:
    if _shared():
        _cache().set(TOKEN_KEY, value, timeout=None)
        return
    path = _stamp_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".stamp-")
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    os.replace(tmp, path)


def _read() -> str | None:
    if _shared():
        return _cache().get(TOKEN_KEY)
    try:
        return _stamp_path().read_text()
    except OSError:
        return None


def current() -> tuple[str, float]:
    """The generation token and the moment (epoch seconds) it is due to be renewed."""
    value = _read()
    if value:
        token, _, due = value.partition(" ")
        try:
            return token, float(due)
        except ValueError:
            pass
    return renew()


def renew() -> tuple[str, float]:
    """Start a new generation: every page cached so far is out of date from now on."""
    token = secrets.token_hex(8)
    due = _next_change()
    _write(f"{token} {due}")
    return token, due


def _next_midnight(now: datetime) -> datetime:
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), time.min)
    return timezone.make_aware(midnight, timezone.get_current_timezone())


def _schedule_columns() -> list[tuple[str, str]]:
    columns = []
    for model in apps.get_models():
        if model._meta.app_label not in content_apps() or _ignored(model):
            continue
        for field in model._meta.concrete_fields:
            if field.name in SCHEDULE_FIELDS and isinstance(field, DateTimeField):
                columns.append((model._meta.db_table, field.column))
    return columns


def _next_change() -> float:
    """The next scheduled moment any content changes by itself: one query."""
    now = timezone.now()
    limit = _next_midnight(now)
    columns = _schedule_columns()
    if columns:
        connection = connections[DEFAULT_DB_ALIAS]
        quote = connection.ops.quote_name
        # Table and column names come from the models, quoted; the moment is a parameter.
        parts = [f"SELECT MIN({quote(c)}) AS m FROM {quote(t)} WHERE {quote(c)} > %s" for t, c in columns]  # noqa: S608
        sql = "SELECT MIN(m) FROM (" + " UNION ALL ".join(parts) + ") AS scheduled"  # noqa: S608
        value = connection.ops.adapt_datetimefield_value(now)
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [value] * len(parts))
                found = cursor.fetchone()[0]
        except Exception:
            logger.debug("page cache: no schedule read", exc_info=True)
            found = None
        if isinstance(found, str):
            found = parse_datetime(found)
        if found is not None:
            if timezone.is_naive(found):
                found = timezone.make_aware(found, timezone.UTC)
            limit = min(limit, found)
    return limit.timestamp()


# --- what changes pages ---------------------------------------------------------------------


def content_apps() -> tuple[str, ...]:
    return tuple(getattr(settings, "PAGE_CACHE_CONTENT_APPS", ()))


def _ignored(model) -> bool:
    return (
        model.__module__ == "__fake__"  # models of a migration's state
        or getattr(model, "page_cache_ignore", False)
        or hasattr(model, "instance_type")  # simple_history's history rows
    )


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label not in content_apps() or _ignored(sender):
        return
    changed()


def changed() -> None:
    """Content changed: a new generation now, and again when the transaction commits (a
    request that read the old rows in between must not keep its page)."""
    renew()
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(item[1] is _after_commit for item in connection.run_on_commit):
        return
    transaction.on_commit(_after_commit)


def _after_commit() -> None:
    renew()


def _migrated(sender, **kwargs) -> None:
    # `migrate` runs at every deploy: new code or templates start a new generation too.
    renew()


def _setting_changed(**kwargs) -> None:
    # Tests change settings while running: pages rendered under the old ones are old.
    if kwargs["setting"] not in ("CACHES", "PAGE_CACHE_STAMP"):
        renew()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid=f"{SIGNAL_UID}.save")
    post_delete.connect(_changed, dispatch_uid=f"{SIGNAL_UID}.delete")
    m2m_changed.connect(_changed, dispatch_uid=f"{SIGNAL_UID}.m2m")
    post_migrate.connect(_migrated, dispatch_uid=f"{SIGNAL_UID}.migrate")
    setting_changed.connect(_setting_changed, dispatch_uid=f"{SIGNAL_UID}.settings")


# --- the middleware -------------------------------------------------------------------------


def _bypass(request: HttpRequest) -> bool:
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
        or len(request.META.get("QUERY_STRING", "")) > MAX_QUERY
        or request.path.startswith(BYPASS_PREFIXES)
    )


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in CACHEABLE_TYPES:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    policy = response.get("Content-Security-Policy", "")
    return "'nonce-" not in policy


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _conditional(request: HttpRequest, response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    if etag in [t.strip() for t in request.META.get("HTTP_IF_NONE_MATCH", "").split(",")]:
        not_modified = HttpResponseNotModified()
        for name in ("ETag", "Cache-Control", "Vary", "Content-Security-Policy", HEADER):
            if name in response:
                not_modified[name] = response[name]
        return not_modified
    return response


def _key(request: HttpRequest, token: str) -> str:
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()
    raw = "\n".join(
        [request.get_host(), request.path, request.META.get("QUERY_STRING", ""), "gzip" if gzip else "identity"]
    )
    return f"page:{token}:{hashlib.sha256(raw.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serves public pages from the "pages" cache (placed right after WhiteNoise)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _bypass(request):
            response = self.get_response(request)
            response.headers.setdefault(HEADER, "bypass")
            return response
        if not enabled():
            response = self.get_response(request)
            if _storable(request, response):
                return _conditional(request, response, _etag(response.content))
            return response

        token, due = current()
        if timezone.now().timestamp() >= due:
            token, due = renew()
        key = _key(request, token)
        stored = _cache().get(key)
        if stored is not None and len(stored) == 4:
            status, headers, content, etag = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            if request.method == "HEAD":
                response.content = b""
                response["Content-Length"] = str(len(content))
            return _conditional(request, response, etag)

        response = self.get_response(request)
        if not _storable(request, response):
            response.headers.setdefault(HEADER, "bypass")
            return response
        patch_vary_headers(response, ["Accept-Encoding"])
        response[HEADER] = "miss"
        content = response.content
        etag = _etag(content)  # computed once per stored page, not per hit
        if request.method == "GET":
            headers = [(n, v) for n, v in response.items() if n not in ("Set-Cookie", HEADER)]
            timeout = max(1, int(due - timezone.now().timestamp()) + 1)
            _cache().set(key, (response.status_code, headers, content, etag), timeout=min(timeout, 86400))
        return _conditional(request, response, etag)
