"""The whole Leitbild as a tagged, accessible PDF (PDF/UA-1), made by WeasyPrint.

The document is written as HTML from the current content; a background task renders it
when that HTML changes and stores it (leitbild/tasks.py, generated/). Requests only serve
the stored file.

It opens with the campaign's cover (its mark and the claim "Stark. Sozial. Vor Ort.") and,
as the printed Leitbild of November 2020 does, ends with the list of the kommunalen Jobcenter
by Land. That list is the campaign's directory of the 104 (campaign.Kommune): the campaign app,
a floor above, hands it in through `provide_jobcenter_list` and asks for a new PDF when a
Kommune changes (campaign/apps.py), so there is one list and no arrow upwards.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
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
LOGO = "img/logo.svg"
CLAIM_WORD = re.compile(r"[^.\s][^.]*\.")


@dataclass(frozen=True)
class JobcenterGroup:
    """One Land of the closing list: its name and the Kommunen in it, in the order to print."""

    land: str
    slug: str
    names: list[str]


_jobcenter_list: list[Callable[[], list[JobcenterGroup]]] = []


def provide_jobcenter_list(function: Callable[[], list[JobcenterGroup]]) -> None:
    """Set where the closing list comes from (a function without arguments, one query)."""
    _jobcenter_list[:] = [function]


def jobcenter_groups() -> list[JobcenterGroup]:
    return _jobcenter_list[0]() if _jobcenter_list else []


def stylesheet_path() -> Path:
    return shared_pdf.static_path(STYLESHEET)


def document_html(leitbild: Leitbild) -> str:
    """The PDF's HTML. Uses the prefetched content of `leitbild`, plus one query for the list."""
    groups = jobcenter_groups()
    return render_to_string(
        TEMPLATE,
        {
            "leitbild": leitbild,
            "jobcenter_groups": groups,
            "jobcenter_count": sum(len(group.names) for group in groups),
            "logo_url": shared_pdf.static_path(LOGO).as_uri(),
            "chapters": leitbild.numbered_chapters(),
            "closing_sections": leitbild.closing_sections(),
            "stylesheet_url": stylesheet_path().as_uri(),
            "site_name": settings.SITE_NAME,
            "site_claim": settings.SITE_CLAIM,
            # "Stark. Sozial. Vor Ort." as the campaign's three words, one per line on the cover.
            "site_claim_words": CLAIM_WORD.findall(str(settings.SITE_CLAIM)) or [settings.SITE_CLAIM],
        },
    )


def content_digest(html: str) -> str:
    return shared_pdf.content_digest(html, STYLESHEET)


def render_pdf(html: str) -> bytes:
    """HTML to a tagged PDF/UA-1 document; headings become bookmarks."""
    return shared_pdf.render_pdf(html, STYLESHEET)
