"""The whole Leitbild as a tagged, accessible PDF (PDF/UA-1), made by WeasyPrint.

The document is written as HTML from the current content and rendered once per version
of that HTML (shared/pdf.py: the hash-keyed cache and the fetcher that reads only our
own static files). Any edit of a text, chapter or commitment changes the HTML, so the
next request renders the new PDF once and every later request gets the stored bytes.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from leitbild.models import Leitbild
from shared import pdf as shared_pdf
from shared.pdf import RenderedPdf

FILENAME = "leitbild-2030.pdf"
TEMPLATE = "leitbild/leitbild_pdf.html"
# The same stylesheet prints the Leitbild pages from the browser (media="print").
STYLESHEET = "css/leitbild-print.css"
CACHE_KEY_PREFIX = "leitbild:pdf"


def stylesheet_path() -> Path:
    return shared_pdf.static_path(STYLESHEET)


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


def content_digest(html: str) -> str:
    return shared_pdf.content_digest(html, STYLESHEET)


def render_pdf(html: str) -> bytes:
    """HTML to a tagged PDF/UA-1 document; headings become bookmarks."""
    return shared_pdf.render_pdf(html, STYLESHEET)


def rendered_pdf(leitbild: Leitbild) -> RenderedPdf:
    """The PDF of the current content: from the cache, or rendered now and cached."""
    # `render` is looked up here, at call time, so that tests can count the renderings.
    return shared_pdf.cached_pdf(
        document_html(leitbild), stylesheet=STYLESHEET, key_prefix=CACHE_KEY_PREFIX, render=render_pdf
    )
