"""Checks for values editors enter in the campaign app. File checks live in config/uploads.py."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Migrations refer to the file checks under this module's name; they live in config/uploads.py.
from config.uploads import validate_poster_size, validate_video_file, validate_webvtt

__all__ = ["validate_poster_size", "validate_source_url", "validate_video_file", "validate_webvtt"]


def validate_source_url(value: str) -> None:
    """A link to a source: a path on this site ("/leitbild/") or an http(s) address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    if re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        return
    raise ValidationError(
        _(
            "Bitte geben Sie eine Adresse auf dieser Website (beginnt mit „/“) "
            "oder eine vollständige Adresse mit https:// an."
        ),
        code="invalid_url",
    )
