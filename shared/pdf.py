"""The PDF engine: documents made by WeasyPrint for every app that offers one (the Leitbild,
the key-figures sheet of the press kit).

Rendering takes up to a few seconds, so it never happens in a request: background tasks
render each document when its content changes and store it (generated/). The document is
first written as HTML (cheap); `content_digest` hashes that HTML, its stylesheets and the
WeasyPrint version, so a task knows whether the stored PDF is still current.

WeasyPrint never touches the network: its URL fetcher only reads our own static files
(the print stylesheets and the Fira Sans fonts they reference).
"""

import hashlib
import mimetypes
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from django.contrib.staticfiles import finders
from PIL import ImageFile
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Importing WeasyPrint switches Pillow to accept truncated images, for the whole process.
# Our PDFs embed no raster images, and uploads elsewhere must refuse broken files: switch it back.
ImageFile.LOAD_TRUNCATED_IMAGES = False


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
