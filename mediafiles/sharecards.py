"""Share cards: the 1200×630 images that social networks and messengers show for a link.

`render_card` draws one with Pillow from plain inputs (the quote, a name, a line below it, an
optional photo): a story's card (stories/tasks.py) or the campaign card the other pages show
(`manage.py build_share_card` writes static/img/share-card.jpg). Background tasks call it,
never a request. The fonts are the vendored Fira Sans originals (vendor/kern/fonts, WOFF2,
which FreeType reads directly), so the cards speak the site's typeface.
"""

import hashlib
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from mediafiles.images import crop_box
from shared.structured_data import SHARE_HEIGHT, SHARE_WIDTH

WIDTH, HEIGHT = SHARE_WIDTH, SHARE_HEIGHT  # what the page's share tags announce
PHOTO_WIDTH = 460
BRAND = (26, 61, 165)  # --site-brand
ACCENT = (255, 210, 90)  # --site-accent
WHITE = (255, 255, 255)
FONT_DIR = Path(__file__).resolve().parent.parent / "vendor" / "kern" / "fonts"
# Raised whenever the drawing changes: part of every card's digest, so a deploy remakes them.
# 2: the photo is cut around its focal point (as the admin's share-card frame shows it).
VERSION = "2"
MARGIN = 64


@cache
def font(cut: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / f"FiraSans-{cut}.woff2"), size)


def digest(*parts: str | bytes) -> str:
    """The digest of a card's inputs (with VERSION): equal inputs, equal card."""
    sha = hashlib.sha256(VERSION.encode())
    for part in parts:
        sha.update(b"\0" + (part if isinstance(part, bytes) else part.encode()))
    return sha.hexdigest()


def _wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=face) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(draw, text: str, cut: str, width: int, height: int, sizes=(64, 56, 50, 44, 38, 34)) -> tuple:
    """The largest size at which `text` fits into the box; at the smallest, cut with an ellipsis."""
    for size in sizes:
        face = font(cut, size)
        lines = _wrap(draw, text, face, width)
        if len(lines) * size * 1.22 <= height:
            return face, lines
    face = font(cut, sizes[-1])
    lines = _wrap(draw, text, face, width)
    keep = max(1, int(height // (sizes[-1] * 1.22)))
    if len(lines) > keep:
        lines = lines[:keep]
        lines[-1] = lines[-1].rstrip(" ,.;:–") + " …"
    return face, lines


def _mark(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """The campaign mark of static/img/logo.svg (a house in a hexagon), drawn at `size` px."""
    s = size / 48
    draw.rounded_rectangle((x, y, x + size, y + size), radius=int(8 * s), fill=BRAND, outline=WHITE, width=2)
    hexagon = [(24, 8), (38, 16), (38, 32), (24, 40), (10, 32), (10, 16), (24, 8)]
    draw.line([(x + px * s, y + py * s) for px, py in hexagon], fill=WHITE, width=max(2, int(3 * s)), joint="curve")
    r = 4.5 * s
    draw.ellipse((x + 24 * s - r, y + 21 * s - r, x + 24 * s + r, y + 21 * s + r), fill=ACCENT)
    draw.arc((x + 16.5 * s, y + 25.5 * s, x + 31.5 * s, y + 40.5 * s), 180, 360, fill=ACCENT, width=max(2, int(3 * s)))


def render_card(
    *,
    quote: str,
    name: str,
    line: str,
    campaign: str,
    claim: str,
    photo: bytes | None = None,
    focal: tuple[float, float] = (0.5, 0.5),
    quoted: bool = True,
) -> bytes:
    """A JPEG of 1200×630: `quote` large, `name` and `line` (e.g. role · Kommune) below it,
    the campaign mark with `campaign` and `claim` at the foot; `photo` (image bytes) fills the
    left side when given, cut around its `focal` point like every crop (mediafiles.images.crop_box),
    else the text takes the whole width. `quoted=False` sets the large
    text upright without quotation marks (the campaign card's claim)."""
    card = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    left = MARGIN
    if photo:
        with Image.open(BytesIO(photo)) as source:
            upright = ImageOps.exif_transpose(source).convert("RGB")
            box = crop_box(upright.size, focal, (PHOTO_WIDTH, HEIGHT))
            picture = upright.crop(box).resize((PHOTO_WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        card.paste(picture, (0, 0))
        left = PHOTO_WIDTH + MARGIN
    draw = ImageDraw.Draw(card)
    draw.rectangle((left, MARGIN, left + 96, MARGIN + 8), fill=ACCENT)
    width = WIDTH - left - MARGIN

    foot_top = HEIGHT - MARGIN - 64
    name_face, line_face = font("Bold", 34), font("Regular", 28)
    name_lines = _wrap(draw, name, name_face, width)[:1]
    detail_lines = _wrap(draw, line, line_face, width)[:2] if line else []
    byline_height = 44 * len(name_lines) + 36 * len(detail_lines)
    quote_top, quote_bottom = MARGIN + 40, foot_top - 32 - byline_height - 24
    if quote:
        text, cut = (f"„{quote}“", "Italic") if quoted else (quote, "Bold")
        face, lines = _fit(
            draw, text, cut, width, quote_bottom - quote_top, sizes=(64, 56, 50, 44, 38, 34) if quoted else (96, 80, 64)
        )
        y = quote_top
        for text in lines:
            draw.text((left, y), text, font=face, fill=WHITE)
            y += int(face.size * 1.22)
    y = foot_top - 32 - byline_height
    for text in name_lines:
        draw.text((left, y), text, font=name_face, fill=ACCENT)
        y += 44
    for text in detail_lines:
        draw.text((left, y), text, font=line_face, fill=WHITE)
        y += 36

    _mark(draw, left, foot_top, 64)
    draw.text((left + 84, foot_top + 2), campaign, font=font("SemiBold", 28), fill=WHITE)
    draw.text((left + 84, foot_top + 36), claim, font=font("Regular", 24), fill=ACCENT)

    out = BytesIO()
    card.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    return out.getvalue()
