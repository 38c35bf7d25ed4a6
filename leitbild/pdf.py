"""The whole Leitbild as a tagged, accessible PDF (PDF/UA-1), made by WeasyPrint.

The document is written as HTML from the current content; a background task renders it
when that HTML changes and stores it (leitbild/tasks.py, generated/). Requests only serve
the stored file.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from leitbild.models import Leitbild
from shared import pdf as shared_pdf

FILENAME = "leitbild-2030.pdf"
TEMPLATE = "leitbild/leitbild_pdf.html"
# The same stylesheet prints the Leitbild pages from the browser (media="print").
STYLESHEET = "css/leitbild-print.css"
# The product in generated/ (GeneratedFile.key).
KEY = "leitbild-pdf"


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
