"""The key-figures sheet of the press kit: the published KeyFigures with source and Stand on
one tagged PDF page, rendered by a background task when the figures change (press/tasks.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from press.models import CAMPAIGN_CREDIT, USAGE_TERMS
from shared import pdf as shared_pdf

FILENAME = "kennzahlen-kommunale-jobcenter.pdf"
TEMPLATE = "press/key_figures_pdf.html"
STYLESHEET = "css/press-print.css"
# The product in generated/ (GeneratedFile.key).
KEY = "key-figures-pdf"
TITLE = _("Kennzahlen der kommunalen Jobcenter")


def document_html(figures: list) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "title": TITLE,
            "figures": figures,
            "stylesheet_url": shared_pdf.static_path(STYLESHEET).as_uri(),
            "site_name": settings.SITE_NAME,
            "site_claim": settings.SITE_CLAIM,
            "credit": CAMPAIGN_CREDIT,
            "usage_terms": USAGE_TERMS,
        },
    )


def render_pdf(html: str) -> bytes:
    return shared_pdf.render_pdf(html, STYLESHEET)
