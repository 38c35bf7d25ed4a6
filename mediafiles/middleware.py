"""/media/ files that every visitor may see, answered right after WhiteNoise, as cheaply as a static file.

A request for a photo, a rendition, a poster, captions or a video used to run the whole middleware
stack (sessions, CSRF, authentication, CSP …) and two queries of the access rule before the first
byte: 30 times the CPU of a static file of the same size. Here the access decision comes from
`mediafiles.access.visitor_audience` (kept per file under the page cache's generation: no query
on a repeated request), the file's headers are worked out once per name (`serving.locate`), and
the reply is built like WhiteNoise's: open, fstat, a FileResponse that gunicorn sends with
sendfile. Range, conditional requests and the caching headers are mediafiles/serving.py's
(`respond`), the same code the view uses.

Anything a visitor may not fetch goes on to the view (mediafiles/urls.py) untouched: a signed-in
editor previewing a draft gets it privately, everyone else 404. So do requests this path cannot
answer (other methods, missing files, paths outside MEDIA_ROOT), to be answered as before.
"""

import os
import stat
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse

from mediafiles import serving
from mediafiles.access import PUBLIC, visitor_audience

# Names located per process: {path below MEDIA_URL: Stored}; emptied when it grows past this.
REMEMBERED = 20_000


class PublicMediaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        if not settings.SERVE_MEDIA or not settings.MEDIA_URL.startswith("/"):
            raise MiddlewareNotUsed  # a web server or a bucket on another host serves MEDIA_URL
        self.get_response = get_response
        self.prefix = settings.MEDIA_URL
        self.checked = bool(settings.MEDIA_ACCESS_CHECK)
        self.accel = bool(settings.MEDIA_ACCEL_REDIRECT)
        self.located: dict[str, serving.Stored | None] = {}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if not path.startswith(self.prefix) or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        response = self.answer(request, path[len(self.prefix) :])
        return response if response is not None else self.get_response(request)

    def answer(self, request: HttpRequest, path: str) -> HttpResponse | None:
        stored = self.located.get(path)
        if stored is None:
            stored = serving.locate(path)
            if stored is None:
                return None
            if len(self.located) >= REMEMBERED:
                self.located.clear()
            self.located[path] = stored
        if self.checked and visitor_audience(stored.name) != PUBLIC:
            return None  # the view decides: an editor's private preview, or 404
        try:
            file = open(stored.path, "rb")  # noqa: SIM115 - the response closes it
        except (OSError, ValueError):
            return None  # the view answers 404
        st = os.fstat(file.fileno())
        if not stat.S_ISREG(st.st_mode):
            file.close()
            return None
        if self.accel:
            file.close()
            return serving.accel_response(stored, stored.public_cache_control)
        return serving.respond(request, stored, st, stored.public_cache_control, file)
