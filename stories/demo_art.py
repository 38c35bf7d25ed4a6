"""Illustrations for the demo stories, drawn with Pillow: people at work, as flat drawings.

A figure (varied skin tones, hair and work clothes) at the place its role names (workshop,
bus, ward, kitchen, warehouse, garden, salon, Kita, shop, office, caretaker's room), in the
campaign's colours. Drawn, never photographed or generated from photos: the demo must never
show a real face that could be mistaken for the person in a story, and every picture is ours
(no stock photo of unknown licence). The same name and variant always give the same picture;
`illustration()` also returns where the face is, which load_demo stores as the focal point.

    .venv/bin/python scripts/demo_pictures.py OUT_DIR     (draws every demo picture for a look)
"""

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

SIZE = (1200, 800)
# (background, shapes, initials) in the campaign's colours (also used by press/demo.py's motifs).
PALETTES = [
    ((26, 61, 165), [(255, 210, 90), (93, 126, 222), (15, 38, 112)], (255, 255, 255)),
    ((255, 210, 90), [(26, 61, 165), (255, 236, 179), (214, 160, 30)], (19, 21, 37)),
    ((0, 92, 90), [(120, 200, 180), (255, 210, 90), (0, 60, 58)], (255, 255, 255)),
    ((240, 236, 228), [(26, 61, 165), (232, 122, 90), (190, 182, 166)], (19, 21, 37)),
    ((123, 36, 74), [(240, 160, 180), (255, 210, 90), (80, 20, 46)], (255, 255, 255)),
]
BLUE, YELLOW, GREEN, INK, WHITE = (26, 61, 165), (255, 210, 90), (0, 92, 90), (19, 21, 37), (255, 255, 255)
WALLS = [(232, 238, 250), (250, 243, 224), (226, 242, 238), (244, 238, 230), (238, 234, 246)]
SKIN = [(255, 219, 180), (241, 194, 150), (224, 172, 125), (198, 134, 92), (141, 85, 54), (98, 60, 38)]
HAIR = [(40, 28, 20), (90, 56, 30), (160, 110, 60), (220, 190, 120), (120, 120, 125), (20, 20, 24)]

# Which place a role names, by a word in it; the first match wins, an office is the default.
PLACES = [
    (("schlosser", "mechatroniker", "elektroniker", "anlagenmechaniker"), "workshop"),
    (("maler",), "painter"),
    (("bus", "kraftfahrer"), "vehicle"),
    (("pflege",), "care"),
    (("koch",), "kitchen"),
    (("lager", "spedition"), "warehouse"),
    (("gärtner", "garten"), "garden"),
    (("friseur",), "salon"),
    (("erzieher",), "kita"),
    (("hofladen", "verkäuf", "einzelhandel"), "shop"),
    (("hausmeister",), "caretaker"),
]
# What the alternative text says the picture shows, per place.
SCENES = {
    "workshop": "an einer Werkbank mit Schraubstock, Werkzeug an der Wand",
    "painter": "mit einer Farbrolle vor einer frisch gestrichenen Wand",
    "vehicle": "vor einem Bus mit großen Fenstern",
    "care": "in Pflegekleidung neben einem Pflegebett",
    "kitchen": "mit Kochmütze am Herd, darauf Töpfe",
    "warehouse": "vor Regalen mit Kartons in einem Lager",
    "garden": "mit einer Schaufel zwischen Sträuchern und Blumen",
    "salon": "mit einer Schere neben einem Friseurstuhl und einem Spiegel",
    "kita": "mit bunten Bauklötzen und Kinderbildern an der Wand",
    "shop": "hinter einer Ladentheke mit Kisten voller Obst und Gemüse",
    "caretaker": "mit Werkzeugkoffer neben einer Leiter",
    "office": "am Schreibtisch mit Bildschirm und einer Pflanze",
}


@dataclass(frozen=True)
class Drawing:
    jpeg: bytes
    focal: tuple[float, float]  # the face, as shares of width and height
    alt: str


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:2]).upper()


def place_of(role: str) -> str:
    lowered = role.lower()
    for words, place in PLACES:
        if any(word in lowered for word in words):
            return place
    return "office"


def illustration(name: str, variant: int = 0, role: str = "") -> bytes:
    """A JPEG, 1200×800, of `name` at work (see `drawing()` for the face's position)."""
    return drawing(name, variant, role).jpeg


def drawing(name: str, variant: int = 0, role: str = "") -> Drawing:
    rng = random.Random(f"{name}/{variant}")  # noqa: S311 (pictures, not secrets)
    place = place_of(role)
    width, height = SIZE
    image = Image.new("RGB", SIZE, WALLS[rng.randrange(len(WALLS))])
    draw = ImageDraw.Draw(image)
    floor = int(height * 0.9)
    draw.rectangle((0, floor, width, height), fill=(205, 200, 190) if place != "garden" else (120, 170, 90))
    # The campaign's three colours as a band along the top: the motif of the site.
    for index, colour in enumerate((BLUE, YELLOW, GREEN)):
        draw.rectangle((index * width // 3, 0, (index + 1) * width // 3, 18), fill=colour)
    # The person stands left or right of the middle; the workplace fills the other side.
    left_side = (rng.random() < 0.5) != bool(variant % 2)
    person_x = int(width * (0.34 if left_side else 0.64)) + rng.randrange(-40, 41)
    scene_x = int(width * (0.72 if left_side else 0.26))
    _SCENE_DRAWERS[place](draw, rng, scene_x, floor)
    # The same person in every picture of a story: their looks depend on the name only.
    looks = random.Random(name)  # noqa: S311
    head = _person(draw, looks, person_x, floor, place, reach=1 if left_side else -1)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=82, optimize=True)
    who = f"{name}" + (f", {role}," if role else "")
    alt = f"Gezeichnete Illustration (kein Foto): {who} {SCENES[place]}"
    return Drawing(output.getvalue(), (round(head[0] / width, 3), round(head[1] / height, 3)), alt)


def _person(draw, rng, x: int, floor: int, place: str, reach: int) -> tuple[int, int]:
    """A standing figure from the floor up; returns the centre of the face."""
    skin = SKIN[rng.randrange(len(SKIN))]
    hair = HAIR[rng.randrange(len(HAIR))]
    clothes = {
        "workshop": BLUE,
        "painter": WHITE,
        "care": (120, 200, 180),
        "kitchen": WHITE,
        "warehouse": (232, 122, 90),
        "garden": GREEN,
        "vehicle": BLUE,
        "caretaker": (90, 90, 100),
    }.get(place, rng.choice([BLUE, GREEN, (123, 36, 74), (232, 122, 90)]))
    trousers = rng.choice([INK, (60, 70, 110), (90, 80, 70)])
    head_r = 62
    hip_y = floor - 190
    shoulder_y = hip_y - 230
    head_y = shoulder_y - head_r - 26
    # Legs and shoes
    for dx in (-38, 38):
        draw.rounded_rectangle((x + dx - 28, hip_y - 10, x + dx + 28, floor - 10), radius=14, fill=trousers)
        draw.rounded_rectangle((x + dx - 34, floor - 26, x + dx + 40, floor), radius=10, fill=INK)
    # Body
    draw.rounded_rectangle((x - 92, shoulder_y, x + 92, hip_y + 20), radius=46, fill=clothes)
    outline = INK if clothes == WHITE else None
    if outline:
        draw.rounded_rectangle((x - 92, shoulder_y, x + 92, hip_y + 20), radius=46, outline=(200, 200, 205), width=4)
    if place in ("workshop", "warehouse", "caretaker", "garden"):  # straps of work trousers or a vest
        for dx in (-46, 46):
            draw.rectangle((x + dx - 10, shoulder_y + 6, x + dx + 10, hip_y + 10), fill=YELLOW)
    if place in ("kitchen", "shop", "salon"):  # an apron
        draw.rounded_rectangle((x - 70, shoulder_y + 70, x + 70, hip_y + 60), radius=20, fill=YELLOW)
    # Arms: one reaches to the workplace, one hangs
    hand = (x + reach * 190, shoulder_y + 120)
    draw.line((x + reach * 70, shoulder_y + 40, *hand), fill=clothes, width=44)
    draw.ellipse((hand[0] - 24, hand[1] - 24, hand[0] + 24, hand[1] + 24), fill=skin)
    draw.line((x - reach * 78, shoulder_y + 40, x - reach * 96, shoulder_y + 210), fill=clothes, width=44)
    low = (x - reach * 96, shoulder_y + 220)
    draw.ellipse((low[0] - 24, low[1] - 24, low[0] + 24, low[1] + 24), fill=skin)
    # Hair that falls to the shoulders (behind the neck), neck and head
    style = rng.randrange(4)
    if style == 1:
        draw.rounded_rectangle((x - head_r - 12, head_y - 10, x + head_r + 12, shoulder_y + 30), radius=40, fill=hair)
    draw.rectangle((x - 20, head_y + head_r - 10, x + 20, shoulder_y + 10), fill=skin)
    draw.ellipse((x - head_r, head_y - head_r, x + head_r, head_y + head_r), fill=skin)
    if style == 2:  # curls
        for angle_x in range(-head_r, head_r + 1, 30):
            draw.ellipse((x + angle_x - 26, head_y - head_r - 24, x + angle_x + 26, head_y - head_r + 28), fill=hair)
    else:
        draw.chord((x - head_r - 4, head_y - head_r - 10, x + head_r + 4, head_y + head_r - 20), 180, 360, fill=hair)
    if style == 3:  # a bun
        draw.ellipse((x - 26, head_y - head_r - 44, x + 26, head_y - head_r + 6), fill=hair)
    if place == "kitchen":
        draw.rounded_rectangle((x - 50, head_y - head_r - 70, x + 50, head_y - head_r + 4), radius=30, fill=WHITE)
        draw.rectangle((x - 54, head_y - head_r - 8, x + 54, head_y - head_r + 14), fill=(235, 235, 240))
    # A friendly face: eyes and a smile
    for dx in (-22, 22):
        draw.ellipse((x + dx - 6, head_y - 4, x + dx + 6, head_y + 8), fill=INK)
    draw.arc((x - 26, head_y + 4, x + 26, head_y + 38), 20, 160, fill=INK, width=5)
    # The tool in the reaching hand
    if place == "painter":
        draw.rectangle((hand[0] - 4, hand[1] - 120, hand[0] + 4, hand[1]), fill=INK)
        draw.rounded_rectangle((hand[0] - 50, hand[1] - 150, hand[0] + 50, hand[1] - 110), radius=12, fill=YELLOW)
    elif place == "salon":
        draw.line((hand[0], hand[1], hand[0] + reach * 50, hand[1] - 40), fill=(150, 150, 160), width=8)
        draw.line((hand[0], hand[1], hand[0] + reach * 54, hand[1] - 10), fill=(150, 150, 160), width=8)
    elif place == "garden":
        draw.line((hand[0], hand[1] - 80, hand[0], floor - 40), fill=(120, 80, 40), width=10)
        draw.polygon([(hand[0] - 30, floor - 50), (hand[0] + 30, floor - 50), (hand[0], floor)], fill=(150, 150, 160))
    return x, head_y


def _workshop(draw, rng, x, floor):
    draw.rectangle((x - 230, floor - 250, x + 230, floor - 220), fill=(140, 95, 55))
    for dx in (-210, 190):
        draw.rectangle((x + dx, floor - 220, x + dx + 22, floor), fill=(110, 75, 45))
    draw.rectangle((x - 60, floor - 300, x + 40, floor - 250), fill=(90, 90, 100))  # vice
    draw.rectangle((x - 240, 170, x + 240, 400), fill=(215, 220, 230))  # tool wall
    for index in range(5):
        tx = x - 190 + index * 95
        draw.line((tx, 200, tx, 340), fill=rng.choice([BLUE, INK, (200, 60, 50)]), width=14)
        draw.ellipse((tx - 22, 190, tx + 22, 230), outline=INK, width=8)


def _painter(draw, rng, x, floor):
    draw.rectangle((x - 300, 60, x + 300, floor), fill=rng.choice([YELLOW, (160, 200, 240), (200, 230, 200)]))
    draw.rectangle((x - 60, floor - 90, x + 60, floor), fill=(90, 90, 100))  # paint bucket
    draw.ellipse((x - 60, floor - 106, x + 60, floor - 74), fill=BLUE)


def _vehicle(draw, rng, x, floor):
    colour = rng.choice([YELLOW, BLUE, GREEN])
    draw.rounded_rectangle((x - 330, floor - 470, x + 330, floor - 60), radius=50, fill=colour)
    for index in range(4):
        wx = x - 300 + index * 150
        draw.rounded_rectangle((wx, floor - 430, wx + 120, floor - 300), radius=16, fill=(200, 225, 245))
    for wx in (x - 200, x + 200):
        draw.ellipse((wx - 70, floor - 130, wx + 70, floor + 10), fill=INK)
        draw.ellipse((wx - 30, floor - 90, wx + 30, floor - 30), fill=(160, 160, 170))


def _care(draw, rng, x, floor):
    draw.rounded_rectangle((x - 260, floor - 230, x + 260, floor - 150), radius=20, fill=WHITE)
    draw.rectangle((x - 260, floor - 150, x + 260, floor - 130), fill=(160, 170, 190))
    draw.rounded_rectangle((x + 150, floor - 260, x + 240, floor - 220), radius=16, fill=(200, 215, 240))  # pillow
    for dx in (-250, 240):
        draw.rectangle((x + dx, floor - 330, x + dx + 16, floor), fill=(160, 170, 190))
    draw.rectangle((x - 40, 180, x + 40, 380), fill=(230, 70, 70))  # a cross sign
    draw.rectangle((x - 100, 240, x + 100, 320), fill=(230, 70, 70))


def _kitchen(draw, rng, x, floor):
    draw.rectangle((x - 260, floor - 300, x + 260, floor), fill=(180, 185, 195))
    draw.rectangle((x - 260, floor - 320, x + 260, floor - 300), fill=(120, 125, 135))
    for dx, colour in ((-150, (200, 60, 50)), (20, BLUE), (170, (90, 90, 100))):
        draw.rounded_rectangle((x + dx - 60, floor - 420, x + dx + 60, floor - 320), radius=14, fill=colour)
    draw.rectangle((x - 240, 140, x + 240, 170), fill=(120, 125, 135))  # hood
    draw.polygon([(x - 200, 170), (x + 200, 170), (x + 260, 260), (x - 260, 260)], fill=(150, 155, 165))


def _warehouse(draw, rng, x, floor):
    for shelf_y in (floor - 10, floor - 200, floor - 390):
        draw.rectangle((x - 300, shelf_y - 14, x + 300, shelf_y), fill=(60, 80, 150))
        bx = x - 290
        while bx < x + 240:
            box_w = rng.randrange(70, 130)
            box_h = rng.randrange(80, 160)
            draw.rectangle((bx, shelf_y - 14 - box_h, bx + box_w, shelf_y - 14), fill=(205, 160, 100))
            draw.line(
                (bx, shelf_y - 14 - box_h // 2, bx + box_w, shelf_y - 14 - box_h // 2), fill=(170, 125, 70), width=4
            )
            bx += box_w + 12
    for dx in (-300, 290):
        draw.rectangle((x + dx, floor - 560, x + dx + 14, floor), fill=(60, 80, 150))


def _garden(draw, rng, x, floor):
    draw.ellipse((x + 120, 60, x + 260, 200), fill=YELLOW)  # sun
    for index in range(4):
        bx = x - 280 + index * 150 + rng.randrange(-20, 20)
        size = rng.randrange(110, 170)
        draw.ellipse((bx - size // 2, floor - size - 20, bx + size // 2, floor + 10), fill=(60, 130, 70))
        for _ in range(3):
            fx, fy = bx + rng.randrange(-50, 50), floor - rng.randrange(40, size)
            draw.ellipse((fx - 12, fy - 12, fx + 12, fy + 12), fill=rng.choice([YELLOW, (240, 160, 180), WHITE]))
    draw.rectangle((x - 20, floor - 420, x + 20, floor - 150), fill=(120, 80, 40))  # a tree
    draw.ellipse((x - 150, floor - 600, x + 150, floor - 330), fill=GREEN)


def _salon(draw, rng, x, floor):
    draw.rounded_rectangle((x - 140, 130, x + 140, 430), radius=140, fill=(200, 225, 245), outline=YELLOW, width=14)
    draw.rounded_rectangle((x - 120, floor - 260, x + 120, floor - 170), radius=30, fill=(123, 36, 74))
    draw.rounded_rectangle((x - 110, floor - 400, x + 110, floor - 250), radius=30, fill=(123, 36, 74))
    draw.rectangle((x - 14, floor - 170, x + 14, floor - 30), fill=(150, 150, 160))
    draw.ellipse((x - 90, floor - 40, x + 90, floor), fill=(150, 150, 160))


def _kita(draw, rng, x, floor):
    for index in range(3):  # children's drawings on the wall
        px = x - 240 + index * 170
        draw.rectangle((px, 140, px + 140, 260), fill=WHITE)
        draw.ellipse((px + 30, 160, px + 110, 240), fill=rng.choice([YELLOW, (240, 160, 180), (120, 200, 180)]))
    for index in range(6):  # toy blocks
        bx = x - 240 + (index % 3) * 110
        by = floor - 90 - (index // 3) * 90
        draw.rectangle((bx, by, bx + 90, by + 90), fill=rng.choice([BLUE, YELLOW, GREEN, (230, 70, 70)]))


def _shop(draw, rng, x, floor):
    draw.rectangle((x - 300, floor - 260, x + 300, floor), fill=(140, 95, 55))
    draw.rectangle((x - 310, floor - 280, x + 310, floor - 250), fill=(110, 75, 45))
    for index in range(4):
        cx = x - 280 + index * 145
        draw.rectangle((cx, floor - 370, cx + 125, floor - 280), fill=(205, 160, 100))
        for fruit in range(4):
            fx = cx + 20 + fruit * 28
            draw.ellipse(
                (fx - 18, floor - 400, fx + 18, floor - 364),
                fill=rng.choice([(230, 70, 70), YELLOW, (90, 170, 70), (240, 140, 40)]),
            )
    draw.rectangle((x - 240, 120, x + 240, 190), fill=GREEN)  # a sign above the counter


def _caretaker(draw, rng, x, floor):
    draw.line((x - 120, floor, x - 20, floor - 520), fill=(150, 150, 160), width=16)  # ladder
    draw.line((x + 60, floor, x + 160, floor - 520), fill=(150, 150, 160), width=16)
    for step in range(1, 6):
        sy = floor - step * 90
        shift = step * 90 * 100 // 520
        draw.line((x - 120 + shift, sy, x + 60 + shift, sy), fill=(150, 150, 160), width=12)
    draw.rounded_rectangle((x + 170, floor - 120, x + 330, floor), radius=12, fill=(230, 70, 70))  # toolbox
    draw.rectangle((x + 220, floor - 150, x + 280, floor - 120), outline=INK, width=8)


def _office(draw, rng, x, floor):
    draw.rectangle((x - 260, floor - 240, x + 260, floor - 210), fill=(140, 95, 55))
    for dx in (-240, 220):
        draw.rectangle((x + dx, floor - 210, x + dx + 20, floor), fill=(110, 75, 45))
    draw.rounded_rectangle((x - 120, floor - 430, x + 120, floor - 270), radius=12, fill=INK)
    draw.rectangle((x - 104, floor - 414, x + 104, floor - 286), fill=(160, 200, 240))
    draw.rectangle((x - 16, floor - 270, x + 16, floor - 240), fill=INK)
    draw.rectangle((x + 160, floor - 300, x + 220, floor - 240), fill=(205, 120, 80))  # plant pot
    for dx in (-30, 0, 30):
        draw.ellipse((x + 190 + dx - 30, floor - 380, x + 190 + dx + 30, floor - 290), fill=(60, 130, 70))
    draw.rectangle((x - 260, 130, x + 0, 170), fill=YELLOW)  # a shelf with folders
    for index in range(5):
        draw.rectangle(
            (x - 250 + index * 48, 60, x - 214 + index * 48, 130), fill=rng.choice([BLUE, GREEN, (123, 36, 74)])
        )


_SCENE_DRAWERS = {
    "workshop": _workshop,
    "painter": _painter,
    "vehicle": _vehicle,
    "care": _care,
    "kitchen": _kitchen,
    "warehouse": _warehouse,
    "garden": _garden,
    "salon": _salon,
    "kita": _kita,
    "shop": _shop,
    "caretaker": _caretaker,
    "office": _office,
}
