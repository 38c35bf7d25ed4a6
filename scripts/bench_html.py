"""Pure helpers of `make bench` (no Django, no network): which picture a phone's browser loads from a
page's HTML, where a story page's video and poster are, and the ratios and verdicts of the report.

The picture choice follows the HTML rules a browser applies, reduced to what our templates write
(templates/includes/picture.html): in a <picture>, the first <source> whose type the browser
supports (AVIF first), else the <img>; `sizes` evaluated at the viewport width (min-width/max-width
in px or em; lengths in px, rem, em, vw); then the smallest `w` candidate of `srcset` at least as wide
as the slot times the device pixel ratio, else the widest. Tested in tests/test_bench.py.
"""

import re
from html.parser import HTMLParser
from statistics import median
from urllib.parse import urlsplit

ROOT_EM_PX = 16
SUPPORTED_TYPES = ("image/avif", "image/webp", "image/jpeg", "image/png", "image/svg+xml", "image/gif")


def parse_srcset(srcset: str) -> list[tuple[str, int | None]]:
    """[(url, width or None)] of a srcset; density descriptors (2x) and bare URLs give None."""
    candidates = []
    for part in srcset.split(","):
        bits = part.split()
        if not bits:
            continue
        width = None
        if len(bits) > 1 and bits[1].endswith("w") and bits[1][:-1].isdigit():
            width = int(bits[1][:-1])
        candidates.append((bits[0], width))
    return candidates


def length_px(length: str, viewport: int) -> float | None:
    """A CSS length of a `sizes` entry in px; None when we do not understand it."""
    match = re.fullmatch(r"\s*([\d.]+)(px|rem|em|vw)\s*", length)
    if not match:
        return None
    value, unit = float(match.group(1)), match.group(2)
    if unit == "px":
        return value
    if unit in ("rem", "em"):
        return value * ROOT_EM_PX
    return value * viewport / 100


def media_matches(condition: str, viewport: int) -> bool:
    """(min-width: …) and (max-width: …), joined with `and`; anything else does not match."""
    parts = re.findall(r"\(\s*(min|max)-width\s*:\s*([^)]+)\)", condition)
    if not parts:
        return False
    for kind, length in parts:
        px = length_px(length, viewport)
        if px is None:
            return False
        if (kind == "min" and viewport < px) or (kind == "max" and viewport > px):
            return False
    return True


def slot_width(sizes: str, viewport: int) -> float:
    """The width the image is shown at, from `sizes` (the viewport width when empty or not understood)."""
    for entry in sizes.split(","):
        entry = entry.strip()
        if not entry:
            continue
        match = re.fullmatch(r"(\(.*\))\s+(\S+)", entry)
        if match:
            if media_matches(match.group(1), viewport):
                return length_px(match.group(2), viewport) or viewport
            continue
        return length_px(entry, viewport) or viewport
    return viewport


def pick(srcset: str, sizes: str, viewport: int, dpr: float, fallback: str = "") -> str:
    """The candidate a browser loads: the narrowest at least slot × dpr wide, else the widest."""
    candidates = parse_srcset(srcset)
    widths = [(w, url) for url, w in candidates if w]
    if not widths:
        return candidates[0][0] if candidates else fallback
    needed = slot_width(sizes, viewport) * dpr
    wide_enough = sorted(c for c in widths if c[0] >= needed)
    return (wide_enough[0] if wide_enough else max(widths))[1]


class _Pictures(HTMLParser):
    def __init__(self, viewport: int, dpr: float, types: tuple[str, ...]):
        super().__init__(convert_charrefs=True)
        self.viewport, self.dpr, self.types = viewport, dpr, types
        self.urls: list[str] = []
        self.in_picture = False
        self.chosen: str | None = None
        self.video: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "picture":
            self.in_picture, self.chosen = True, None
        elif tag == "source" and self.in_picture:
            if self.chosen is None and a.get("type", "") in self.types and a.get("srcset"):
                self.chosen = pick(a["srcset"], a.get("sizes", ""), self.viewport, self.dpr)
        elif tag == "img":
            url = self.chosen if self.in_picture and self.chosen else None
            if url is None:
                url = pick(a.get("srcset", ""), a.get("sizes", ""), self.viewport, self.dpr, a.get("src", ""))
            if url:
                self.urls.append(url)
            self.chosen = None
        elif tag == "video" and "poster" not in self.video:
            self.video["poster"] = a.get("poster", "")
        elif tag == "source" and a.get("type", "").startswith("video/") and a.get("src"):
            self.video.setdefault(a["type"], a["src"])

    def handle_endtag(self, tag):
        if tag == "picture":
            self.in_picture, self.chosen = False, None


def page_pictures(html: str, viewport: int = 390, dpr: float = 2, types: tuple[str, ...] = SUPPORTED_TYPES) -> list:
    """Every picture a browser of that width loads from the page (lazy ones included: the visitor scrolls),
    as local paths, in page order, repeats kept (a browser fetches a repeated URL once; so do we: see
    `unique`)."""
    parser = _Pictures(viewport, dpr, types)
    parser.feed(html)
    return [local_path(u) for u in parser.urls]


def video_of(html: str) -> dict:
    """{"poster": path, "video/mp4": path, ...} of the page's first <video>, {} without one."""
    parser = _Pictures(390, 2, SUPPORTED_TYPES)
    parser.feed(html)
    return {k: local_path(v) for k, v in parser.video.items() if v}


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def unique(paths: list[str]) -> list[str]:
    return list(dict.fromkeys(paths))


def story_links(html: str) -> list[str]:
    """Story pages linked from a page (the gallery's cards), in order, without repeats."""
    return unique(re.findall(r'href="(/geschichten/(?!feed/)[a-z0-9-]+/)"', html))


def ratio(value: float | None, static: float | None) -> float | None:
    """value / static, None when either is missing or static is 0."""
    if value is None or not static:
        return None
    return value / static


def median_ms(seconds: list[float]) -> float:
    return median(seconds) * 1000


def verdict(value: float | None, target: float, higher_is_better: bool) -> bool:
    """Met when value is on the right side of target (None: not measured, not met)."""
    if value is None:
        return False
    return value >= target if higher_is_better else value <= target
