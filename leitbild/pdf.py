"""The whole Leitbild as a tagged, accessible PDF (PDF/UA-1), made by WeasyPrint.

Rendering takes a second or two, so it happens once per version of the content: the
document is first written as HTML (cheap), and the PDF is stored in the cache under a
hash of that HTML, its stylesheet and the WeasyPrint version. Any edit of a text,
chapter or commitment changes the HTML, so the next request renders the new PDF once
and every later request gets the stored bytes. Nothing has to remember to invalidate
anything, and an edit made any other way (shell, bulk update) is picked up as well.

WeasyPrint never touches the network: its URL fetcher only reads our own static files
(the print stylesheet and the Fira Sans fonts it references).
"""

import hashlib
import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache as django_cache
from django.template.loader import render_to_string
from PIL import ImageFile
from weasyprint.urls import URLFetcher, URLFetcherResponse

from leitbild.models import Leitbild

# Importing WeasyPrint switches Pillow to accept truncated images, for the whole process.
# Our PDF embeds no raster images, and uploads elsewhere must refuse broken files: switch it back.
ImageFile.LOAD_TRUNCATED_IMAGES = False

FILENAME = "leitbild-2030.pdf"
TEMPLATE = "leitbild/leitbild_pdf.html"
# The same stylesheet prints the Leitbild pages from the browser (media="print").
STYLESHEET = "css/leitbild-print.css"
CACHE_KEY = "leitbild:pdf:{digest}"
# A new version gets a new key; old versions simply expire (or are culled earlier).
CACHE_TIMEOUT = 60 * 60 * 24 * 30


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    digest: str
    rendered_at: datetime


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


def stylesheet_path() -> Path:
    found = finders.find(STYLESHEET)
    if not found:
        raise FileNotFoundError(STYLESHEET)
    return Path(found).resolve()


def document_html(leitbild: Leitbild) -> str:
    """The PDF's HTML. Uses the prefetched content of `leitbild` (no further queries)."""
    return render_to_string(
        TEMPLATE,
        {
            "leitbild": leitbild,
            "chapters": leitbild.numbered_chapters(),
            "closing_sections": leitbild.closing_sections(),
            "stylesheet_url": stylesheet_path().as_uri(),
            "site_name": settings.SITE_NAME,
            "site_claim": settings.SITE_CLAIM,
        },
    )


@cache
def _stylesheet_digest(path: Path, mtime_ns: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_digest(html: str) -> str:
    path = stylesheet_path()
    digest = hashlib.sha256()
    digest.update(weasyprint.__version__.encode())
    digest.update(_stylesheet_digest(path, path.stat().st_mtime_ns).encode())
    digest.update(html.encode())
    return digest.hexdigest()[:32]


def render_pdf(html: str) -> bytes:
    """HTML to a tagged PDF/UA-1 document; headings become bookmarks."""
    document = weasyprint.HTML(string=html, base_url=stylesheet_path().as_uri(), url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def rendered_pdf(leitbild: Leitbild) -> RenderedPdf:
    """The PDF of the current content: from the cache, or rendered now and cached."""
    html = document_html(leitbild)
    digest = content_digest(html)
    key = CACHE_KEY.format(digest=digest)
    stored = django_cache.get(key)
    if stored is None:
        # Plain values in the cache (not this module's class), so that any deploy can read them.
        stored = (render_pdf(html), datetime.now(tz=UTC).timestamp())
        django_cache.set(key, stored, timeout=CACHE_TIMEOUT)
    content, rendered_at = stored
    return RenderedPdf(content=content, digest=digest, rendered_at=datetime.fromtimestamp(rendered_at, tz=UTC))
