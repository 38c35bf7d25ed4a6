"""Illustrations for the demo stories, drawn with Pillow: coloured shapes and initials.

No photos of people (real or generated): the demo must never show a face that could be
mistaken for the person in a story. The same name always gives the same picture.
"""

import io
import random
from functools import cache

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 800)
# (background, shapes, initials) in the campaign's colours; initials contrast with the background.
PALETTES = [
    ((26, 61, 165), [(255, 210, 90), (93, 126, 222), (15, 38, 112)], (255, 255, 255)),
    ((255, 210, 90), [(26, 61, 165), (255, 236, 179), (214, 160, 30)], (19, 21, 37)),
    ((0, 92, 90), [(120, 200, 180), (255, 210, 90), (0, 60, 58)], (255, 255, 255)),
    ((240, 236, 228), [(26, 61, 165), (232, 122, 90), (190, 182, 166)], (19, 21, 37)),
    ((123, 36, 74), [(240, 160, 180), (255, 210, 90), (80, 20, 46)], (255, 255, 255)),
]


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(settings.BASE_DIR / "static/vendor/kern/fonts/FiraSans-SemiBold.woff2"), size)


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


def illustration(name: str, variant: int = 0) -> bytes:
    """A JPEG, 1200×800, for `name` (the `variant` gives a second picture of the same story)."""
    rng = random.Random(f"{name}/{variant}")  # noqa: S311 (pictures, not secrets)
    background, shapes, ink = PALETTES[rng.randrange(len(PALETTES))]
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    for _ in range(7):
        colour = rng.choice(shapes)
        x, y = rng.randrange(-200, width), rng.randrange(-200, height)
        size = rng.randrange(160, 520)
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        else:
            draw.rounded_rectangle((x, y, x + size, y + size * 0.6), radius=40, fill=colour)
    # A calm panel behind the initials keeps them legible over any shapes.
    draw.rounded_rectangle((width * 0.3, height * 0.25, width * 0.7, height * 0.75), radius=48, fill=background)
    text = initials(name)
    font = _font(260)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top), text, font=font, fill=ink)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88)
    return output.getvalue()
