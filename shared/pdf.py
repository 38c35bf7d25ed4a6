"""The PDF engine: documents made by WeasyPrint for every app that offers one (the Leitbild,
the key-figures sheet of the press kit).

Rendering takes up to a few seconds, so it happens once per version of the content: the
document is first written as HTML (cheap), and the PDF is stored in the cache under a
hash of that HTML, its stylesheet and the WeasyPrint version. Any edit changes the HTML,
so the next request renders the new PDF once and every later request gets the stored
bytes. Nothing has to remember to invalidate anything.

Requests that arrive while a version is being rendered wait for it instead of rendering it
too: the renderer holds a lock in the cache (`cache.add`, atomic in LocMem and Redis), the
others poll the cache for the result, for at most RENDER_WAIT seconds; if the renderer fails
or takes longer, a waiting request renders the document itself.

WeasyPrint never touches the network: its URL fetcher only reads our own static files
(the print stylesheets and the Fira Sans fonts they reference).
"""

import hashlib
import mimetypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.contrib.staticfiles import finders
from django.core.cache import cache as django_cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from PIL import ImageFile
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Importing WeasyPrint switches Pillow to accept truncated images, for the whole process.
# Our PDFs embed no raster images, and uploads elsewhere must refuse broken files: switch it back.
ImageFile.LOAD_TRUNCATED_IMAGES = False

# A new version gets a new key; old versions simply expire (or are culled earlier).
CACHE_TIMEOUT = 60 * 60 * 24 * 30
# A render takes a few seconds; the lock expires by itself should its holder die.
RENDER_LOCK_TIMEOUT = 120
RENDER_WAIT = 30
RENDER_POLL = 0.2


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    digest: str
    rendered_at: datetime

    @property
    def size(self) -> int:
        return len(self.content)


def static_roots() -> list[Path]:
    """Every folder the staticfiles finders read from."""
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(Path(storage.location).resolve())
    return roots


class StaticFilesFetcher(URLFetcher):
    """Reads file: URLs inside our static folders and refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, fail_on_errors=True)
        self.roots = static_roots()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise ValueError(f"Only our own static files may be read, not {url}")
        path = Path(url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise ValueError(f"Not one of our static files: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})


def static_path(name: str) -> Path:
    """The file of a static asset (e.g. "css/leitbild-print.css") as the finders see it."""
    found = finders.find(name)
    if not found:
        raise FileNotFoundError(name)
    return Path(found).resolve()


@cache
def _file_digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CSS_IMPORT = re.compile(r"""@import\s+url\(\s*["']?([^"')]+)["']?\s*\)""")


def stylesheet_files(path: Path) -> list[Path]:
    """The stylesheet and every stylesheet it @imports (e.g. print-base.css), in order."""
    files = [path]
    for name in CSS_IMPORT.findall(path.read_text(encoding="utf-8")):
        imported = (path.parent / name).resolve()
        if imported.is_file() and imported not in files:
            files.extend(f for f in stylesheet_files(imported) if f not in files)
    return files


def content_digest(html: str, stylesheet: str) -> str:
    """A short hash of everything that shapes the PDF: HTML, stylesheets, WeasyPrint version."""
    digest = hashlib.sha256()
    digest.update(weasyprint.__version__.encode())
    for path in stylesheet_files(static_path(stylesheet)):
        digest.update(_file_digest(path, path.stat().st_mtime_ns).encode())
    digest.update(html.encode())
    return digest.hexdigest()[:32]


def render_pdf(html: str, stylesheet: str) -> bytes:
    """HTML to a tagged PDF/UA-1 document; headings become bookmarks.

    Relative URLs in the HTML resolve against the stylesheet's folder.
    """
    base_url = static_path(stylesheet).as_uri()
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def cached_pdf(html: str, *, stylesheet: str, key_prefix: str, render: Callable[[str], bytes]) -> RenderedPdf:
    """The PDF of `html`: from the cache, or made now by `render(html)` and cached."""
    digest = content_digest(html, stylesheet)
    key = f"{key_prefix}:{digest}"
    lock_key = f"{key}:rendering"
    give_up = time.monotonic() + RENDER_WAIT
    while (stored := django_cache.get(key)) is None:
        if django_cache.add(lock_key, True, timeout=RENDER_LOCK_TIMEOUT):
            try:
                stored = _render_and_store(key, html, render)
            finally:
                django_cache.delete(lock_key)
            break
        if time.monotonic() >= give_up:  # the other render is stuck: do not keep the visitor waiting
            stored = _render_and_store(key, html, render)
            break
        time.sleep(RENDER_POLL)
    content, rendered_at = stored
    return RenderedPdf(content=content, digest=digest, rendered_at=datetime.fromtimestamp(rendered_at, tz=UTC))


def _render_and_store(key: str, html: str, render: Callable[[str], bytes]) -> tuple[bytes, float]:
    # Plain values in the cache (not this module's class), so that any deploy can read them.
    stored = (render(html), datetime.now(tz=UTC).timestamp())
    django_cache.set(key, stored, timeout=CACHE_TIMEOUT)
    return stored


def pdf_response(request: HttpRequest, rendered: RenderedPdf, filename: str) -> HttpResponse:
    """The PDF with ETag and Last-Modified, or 304 when the browser has this version."""
    etag = quote_etag(rendered.digest)
    last_modified = int(rendered.rendered_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(rendered.content, content_type="application/pdf")
        response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    # Browsers and proxies may keep the file but must ask again: an edit shows at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response
