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
one machine reads (gunicorn's workers each have their own memory cache). While Redis does not
answer (shared/rediscache.py), every request is a miss rendered from the database and nothing is
stored; a change saved meanwhile could not renew the token in Redis, so every process that saw the
outage starts a new generation when Redis answers again, before anything is read from it.

Never cached, always rendered live: a signed-in editor (a session cookie whose session the
session store holds with a signed-in user: editors see their changes at once), requests with a
body, the admin, media, previews, health; replies that are not 200, set a cookie, carry a CSRF
token or a CSP nonce, or say private/no-store. A made-up session cookie or an Authorization
header changes nothing: the request is a visitor's, rendered without the cookie and answered
from the cache (else a loop with such a header would make every request a full render).

The key holds the scheme and host besides the path and query: a page rendered for https (a
trusted proxy said so, see config/gunicorn.conf.py) names https:// addresses and is never
served to a plain request. It holds the encoding the client accepts (Brotli, gzip, none,
shared/compression.py): a hit sends stored bytes and compresses nothing.

Every public reply gets an ETag (a hash of the bytes sent; compression is deterministic, so
every worker and app server gives the same tag) and answers a matching If-None-Match with 304,
and If-Modified-Since with 304 wherever the view sent a Last-Modified (the feeds, the sitemap).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import string
import tempfile
from collections.abc import Callable
from datetime import datetime, time, timedelta
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY as USER_IN_SESSION
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import DateTimeField
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_http_date_safe

from shared import compression, rediscache

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
    _last_stamp[:] = [None, None]  # this process reads its own write back, whatever the file system's clock


# The stamp as last read by this process: (path, inode, mtime in ns, size) and its text. Every
# renewal replaces the file whole (`_write`: a new file, then os.replace), so one stat call tells
# whether it changed, and a page-cache hit costs no open and read (issue 26: ~15 % of a hit).
_last_stamp: list = [None, None]


def _read() -> str | None:
    if _shared():
        return _cache().get(TOKEN_KEY)
    path = _stamp_path()
    try:
        st = os.stat(path)
    except OSError:
        return None
    identity = (str(path), st.st_ino, st.st_mtime_ns, st.st_size)
    known, text = _last_stamp
    if identity == known:
        return text
    try:
        text = path.read_text()
    except OSError:
        return None
    _last_stamp[:] = [identity, text]
    return text


def generation() -> tuple[str, float, float]:
    """The generation token, the moment it is due to be renewed and the moment it began (epoch
    seconds). Content changed last at or before its beginning: any change starts a new one."""
    value = _read()
    if value:
        parts = value.split(" ")
        if len(parts) == 3:
            try:
                return parts[0], float(parts[1]), float(parts[2])
            except ValueError:
                pass
    return _begin()


def current() -> tuple[str, float]:
    """The generation token and the moment (epoch seconds) it is due to be renewed."""
    token, due, _began = generation()
    return token, due


def renew() -> tuple[str, float]:
    """Start a new generation: every page cached so far is out of date from now on."""
    token, due, _began = _begin()
    return token, due


def _begin() -> tuple[str, float, float]:
    began = timezone.now().timestamp()
    token = secrets.token_hex(8)
    due = _next_change()
    _write(f"{token} {due} {began}")
    return token, due, began


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
    rediscache.when_back(_redis_back)


def _redis_back() -> None:
    """Redis answers again after an outage (shared/rediscache.py): a new generation. It runs in a thread
    of its own, without the database: due in a minute, when a request starts one with the schedule."""
    if _shared():
        now = timezone.now().timestamp()
        _write(f"{secrets.token_hex(8)} {now + 60} {now}")


# --- who is a visitor -----------------------------------------------------------------------

# Django makes session keys of 32 characters a-z0-9 (SessionBase._get_new_session_key); a cookie
# of another shape cannot name a session of any store but the signed-cookie one.
_KEY_CHARACTERS = frozenset(string.ascii_lowercase + string.digits)
_SIGNED_COOKIES = "django.contrib.sessions.backends.signed_cookies"
# Session keys found to be no signed-in session, per process. A key never turns into one later:
# signing in always gives the session a new key (django.contrib.auth.login cycles it), and keys
# are random. So a loop with one made-up cookie costs one look-up per process, then none; a loop
# with ever new well-shaped keys costs one indexed read of the session store each (the database's
# primary key, or one Redis GET with a cached session engine), still no page render.
_refused: dict[str, None] = {}
REFUSED_MEMORY = 10_000


def _well_shaped(key: str) -> bool:
    return settings.SESSION_ENGINE == _SIGNED_COOKIES or (len(key) == 32 and _KEY_CHARACTERS.issuperset(key))


def signed_in(request: HttpRequest) -> bool:
    """Whether the request carries the session of a signed-in user, as the session store says.

    Only a session with a user counts: the password step of the admin's login keeps a session
    before the second factor, and anyone with a password could make one and loop with it.
    """
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key or key in _refused or not _well_shaped(key):
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    try:
        data = store.load()
    except Exception:
        # The store does not answer: serve the public page (it shows an editor nothing of theirs).
        logger.warning("page cache: the session store did not answer", exc_info=True)
        return False
    if store.session_key == key and USER_IN_SESSION in data:
        return True
    if len(_refused) >= REFUSED_MEMORY:
        _refused.clear()
    _refused[key] = None
    return False


def _as_visitor(request: HttpRequest) -> None:
    """Take a session cookie that names no signed-in session off the request: the view renders
    exactly the page a visitor without cookies gets (the one the cache stores for everybody), and
    Django's SessionMiddleware does not answer with a Set-Cookie that deletes it (which would make
    the reply unstorable and let a loop with the cookie render every time)."""
    cookies = dict(request.COOKIES)
    cookies.pop(settings.SESSION_COOKIE_NAME, None)
    request.COOKIES = cookies


# --- the middleware -------------------------------------------------------------------------


def _bypass(request: HttpRequest) -> bool:
    return (
        request.method not in ("GET", "HEAD")
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


def _prepare(response: HttpResponse, encoding: str, began: float) -> tuple[str, int | None]:
    """A storable reply as it is stored and sent: compressed, its ETag and its Last-Modified."""
    patch_vary_headers(response, ["Accept-Encoding"])
    if encoding != "identity" and not response.has_header("Content-Encoding"):
        # The compression middleware leaves a page that varies by cookie alone for a request with
        # some cookie. A page stored here is sent to everybody, so it holds no secret: compress it,
        # or the first visitor with a cookie would leave an uncompressed page for all.
        compression.apply(response, encoding)
    etag = _etag(response.content)  # once per stored page, not per hit
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if last_modified is not None:
        # A view's Last-Modified may go backwards (a feed's is its newest item's date: take that
        # item off and it is older). Content changed at the latest when this generation began:
        # never older than that, so If-Modified-Since never keeps a copy from before a change.
        last_modified = max(last_modified, int(began))
        response["Last-Modified"] = http_date(last_modified)
    return etag, last_modified


def _conditional(request: HttpRequest, response: HttpResponse, etag: str, last_modified: int | None) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    # RFC 9110 13.2.2: If-None-Match (compared weakly) first, If-Modified-Since only without it.
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if answer is not response:
        for name in ("Content-Security-Policy", HEADER):
            if name in response:
                answer[name] = response[name]
    return answer


def _key(request: HttpRequest, token: str, encoding: str) -> str:
    raw = "\n".join([request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", ""), encoding])
    return f"page:{token}:{hashlib.sha256(raw.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serves public pages from the "pages" cache (placed right after WhiteNoise)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def _bypass(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(HEADER, "bypass")
        return response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _bypass(request):
            return self._bypass(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            if signed_in(request):
                return self._bypass(request)
            _as_visitor(request)

        token, due, began = generation()
        if timezone.now().timestamp() >= due:
            token, due, began = _begin()
        encoding = compression.accepted_by(request)
        if not enabled():
            response = self.get_response(request)
            if _storable(request, response):
                return _conditional(request, response, *_prepare(response, encoding, began))
            return response

        key = _key(request, token, encoding)
        stored = _cache().get(key)
        if stored is not None and len(stored) == 5:
            status, headers, content, etag, last_modified = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            if request.method == "HEAD":
                response.content = b""
                response["Content-Length"] = str(len(content))
            return _conditional(request, response, etag, last_modified)

        response = self.get_response(request)
        if not _storable(request, response):
            response.headers.setdefault(HEADER, "bypass")
            return response
        response[HEADER] = "miss"
        etag, last_modified = _prepare(response, encoding, began)
        if request.method == "GET":
            headers = [(n, v) for n, v in response.items() if n not in ("Set-Cookie", HEADER)]
            timeout = max(1, int(due - timezone.now().timestamp()) + 1)
            entry = (response.status_code, headers, response.content, etag, last_modified)
            _cache().set(key, entry, timeout=min(timeout, 86400))
        return _conditional(request, response, etag, last_modified)
