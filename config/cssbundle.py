"""One render-blocking stylesheet instead of five: `css/site.bundle.css`.

Every page needs the KERN rules, the frame and the apps' styles before it can paint; as five
files a phone on a slow network waits for five requests (and Chromium's six connections per
host are then shared with the preloaded fonts and the first photo). The bundle is the sources
below, in this order (the cascade is unchanged), joined when the static files are collected or
looked up: it is never committed, so it cannot go stale, and an edit of css/site.css is in it
at the next `collectstatic` (or, with DEBUG, at the next request for it). The collected copy is
hashed and compressed like every static file, and its relative url()s (the fonts in
css/site.css) stay valid because it lives in css/ too.

Wired in as a staticfiles finder (settings.STATICFILES_FINDERS), so WhiteNoise, runserver and
collectstatic all find it; templates link it with {% static "css/site.bundle.css" %}.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage

BUNDLE = "css/site.bundle.css"
SOURCES = (
    "vendor/kern/kern.min.css",
    "css/site.css",
    "css/campaign.css",
    "css/stories.css",
    "css/leitbild.css",
)
CHARSET = re.compile(r'^\s*@charset\s+"[^"]*"\s*;', re.IGNORECASE)


def _location() -> Path:
    return Path(settings.BASE_DIR) / "var" / "cssbundle"


def _source_paths() -> list[Path]:
    others = [finder for finder in finders.get_finders() if not isinstance(finder, BundleFinder)]
    paths = []
    for name in SOURCES:
        found = next((path for finder in others if (path := finder.find(name))), None)
        if not found:
            raise FileNotFoundError(f"{BUNDLE}: source {name} not found by the static files finders")
        paths.append(Path(found))
    return paths


def bundle_text() -> str:
    """The sources joined, each under a comment naming it; one @charset at the very top."""
    parts = ['@charset "UTF-8";']
    for name, path in zip(SOURCES, _source_paths(), strict=True):
        css = CHARSET.sub("", path.read_text(encoding="utf-8"), count=1).strip()
        parts.append(f"/* --- {name} --- */\n{css}")
    return "\n".join(parts) + "\n"


def build() -> Path:
    """Write the bundle (only when its bytes change) and return its path."""
    target = _location() / BUNDLE
    text = bundle_text()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return target


class BundleFinder(finders.BaseFinder):
    """Finds css/site.bundle.css, built from SOURCES when asked for."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path != BUNDLE:
            return [] if find_all else None
        built = str(build())
        return [built] if find_all else built

    def list(self, ignore_patterns):
        build()
        yield BUNDLE, FileSystemStorage(location=str(_location()))
