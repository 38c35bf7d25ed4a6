"""Draw kampagnenlogo.png (1000 × 1000, transparent corners) from the shapes of static/img/logo.svg.

The press kit offers the logo as SVG (static/img/logo.svg itself) and as this PNG for
programs that take no vector graphics. Run after changing the SVG, and commit the result:

    .venv/bin/python press/demo_media/build_logo.py

Drawn four times larger and scaled down, so that the edges are smooth.
"""

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 1000
SUPERSAMPLE = 4
VIEWBOX = 48
BLUE = (26, 61, 165, 255)  # #1a3da5
WHITE = (255, 255, 255, 255)
YELLOW = (255, 210, 90, 255)  # #ffd25a
OUTPUT = Path(__file__).resolve().parent / "kampagnenlogo.png"


def cubic(p0, p1, p2, p3, steps=600):
    return [
        tuple(
            (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d
            for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
        )
        for t in (i / steps for i in range(steps + 1))
    ]


def draw_logo(size: int = SIZE) -> Image.Image:
    big = size * SUPERSAMPLE
    scale = big / VIEWBOX

    def points(coordinates):
        return [(x * scale, y * scale) for x, y in coordinates]

    def stroke(draw, coordinates, width, fill):
        draw.line(points(coordinates), fill=fill, width=round(width * scale), joint="curve")

    def round_stroke(draw, coordinates, width, fill):
        """A curve with round caps: a disc at each of many points along it."""
        radius = width * scale / 2
        for x, y in points(coordinates):
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)

    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # <rect width="48" height="48" rx="8" fill="#1a3da5"/>
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(8 * scale), fill=BLUE)
    # <path d="M24 8 38 16v16L24 40 10 32V16z" stroke="#fff" stroke-width="3" stroke-linejoin="round"/>
    hexagon = [(24, 8), (38, 16), (38, 32), (24, 40), (10, 32), (10, 16), (24, 8), (38, 16)]
    stroke(draw, hexagon, 3, WHITE)
    # <circle cx="24" cy="21" r="4.5" fill="#ffd25a"/>
    cx, cy, r = 24 * scale, 21 * scale, 4.5 * scale
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=YELLOW)
    # <path d="M16.5 33c1.6-5 4.2-7.5 7.5-7.5s5.9 2.5 7.5 7.5" stroke="#ffd25a" stroke-width="3"
    #       stroke-linecap="round"/>
    arc = cubic((16.5, 33), (18.1, 28), (20.7, 25.5), (24, 25.5)) + cubic(
        (24, 25.5), (27.3, 25.5), (29.9, 28), (31.5, 33)
    )
    round_stroke(draw, arc, 3, YELLOW)
    return image.resize((size, size), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    draw_logo().save(OUTPUT, "PNG", optimize=True)
    print(f"{OUTPUT} written")
