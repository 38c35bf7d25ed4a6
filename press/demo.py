"""The newsroom's demo content, loaded by `manage.py load_demo`.

Releases and the coverage entry (press/demo_content.py) are created when missing
and never overwritten, so that an editor's correction survives the next `load_demo`. The
press kit gets the campaign logo (static/img/logo.svg and its PNG drawing
press/demo_media/kampagnenlogo.png) and three campaign motifs drawn here in print
resolution; their files are copied into storage under presse/demo/ and put back if the
storage lost them.
"""

import io
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from mediafiles.images import generate_renditions
from press.demo_content import COVERAGE_2021, RELEASE_022_2018, RELEASE_ORTENAUKREIS
from press.models import CAMPAIGN_CREDIT, KitKind, PressCoverage, PressKitItem, PressRelease
from shared.demo import store
from shared.publication import Status
from stories.demo_art import PALETTES

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
STORAGE_DIR = "presse/demo"
LOGO_SVG = Path(settings.BASE_DIR) / "static" / "img" / "logo.svg"
LOGO_PNG = DEMO_MEDIA / "kampagnenlogo.png"
LOGO_ALT = "Logo der Kampagne: ein weißes Sechseck auf blauem Grund, darin eine gelbe, stilisierte Person"
# 3000 × 2000 pixels: 25 × 17 cm at 300 dpi, print resolution for a newspaper page.
MOTIF_SIZE = (3000, 2000)
MOTIFS = [("stark", "Stark.", 0), ("sozial", "Sozial.", 2), ("vor-ort", "Vor Ort.", 4)]


def load(command, options) -> None:
    logos = [
        _kit_item(
            "kampagnenlogo.svg",
            LOGO_SVG.read_bytes(),
            title="Logo der Kampagne (SVG, Vektorgrafik)",
            kind=KitKind.LOGO,
            alt_text=LOGO_ALT,
            position=1,
        ),
        _kit_item(
            "kampagnenlogo.png",
            LOGO_PNG.read_bytes(),
            title="Logo der Kampagne (PNG, 1000 × 1000 Pixel, transparenter Hintergrund)",
            kind=KitKind.LOGO,
            alt_text=LOGO_ALT,
            position=2,
        ),
    ]
    for index, (slug, word, palette) in enumerate(MOTIFS):
        _kit_item(
            f"kampagnenmotiv-{slug}.jpg",
            motif(word, palette),
            title=f"Kampagnenmotiv „{word}“",
            kind=KitKind.PHOTO,
            alt_text=f"Das Wort „{word}“ in großer Schrift auf einer Fläche mit farbigen Kreisen",
            position=10 + index,
        )
    _release(RELEASE_022_2018, downloads=logos)
    _release(RELEASE_ORTENAUKREIS)
    if not PressCoverage.objects.filter(title=COVERAGE_2021["title"], date=COVERAGE_2021["date"]).exists():
        coverage = PressCoverage(**COVERAGE_2021)
        coverage.full_clean()
        coverage.save()
    command.stdout.write("Presse: 2 Pressemitteilungen, 1 Beitrag im Pressespiegel, Logo und 3 Motive")


def _store(name: str, content: bytes) -> str:
    return store(f"{STORAGE_DIR}/{name}", content)


def _kit_item(name: str, content: bytes, **fields) -> PressKitItem:
    item = PressKitItem.objects.filter(is_demo=True, title=fields["title"]).first()
    if item is None:
        item = PressKitItem(is_demo=True, credit=CAMPAIGN_CREDIT, **fields)
    item.file = _store(name, content)
    item.save()  # reads type, size and pixel size from the stored file
    generate_renditions(item, "preview")
    return item


def _release(data: dict, downloads: list[PressKitItem] = ()) -> PressRelease:
    release = PressRelease.objects.filter(slug=data["slug"]).first()
    if release is not None:
        return release
    body = "".join(f"<p>{paragraph}</p>" for paragraph in data["paragraphs"])
    if data.get("list"):
        body += "<ul>" + "".join(f"<li><p>{item}</p></li>" for item in data["list"]) + "</ul>"
    if data.get("closing"):
        body += f"<p>{data['closing']}</p>"
    release = PressRelease(
        number=data["number"],
        date=data["date"],
        slug=data["slug"],
        title=data["title"],
        issuers=data["issuers"],
        is_joint=data["is_joint"],
        lead=data["lead"],
        body=body,
        footnotes="\n".join(data["footnotes"]),
        status=Status.PUBLISHED,
    )
    release.full_clean()
    release.save()
    release.downloads.set(downloads)
    return release


def motif(word: str, palette: int = 0) -> bytes:
    """A campaign motif in print resolution: one word of the claim on calm coloured shapes (JPEG)."""
    background, shapes, ink = PALETTES[palette % len(PALETTES)]
    width, height = MOTIF_SIZE
    image = Image.new("RGB", MOTIF_SIZE, background)
    draw = ImageDraw.Draw(image)
    # Fixed shapes (no randomness): the same word always gives the same picture.
    circles = [(-0.08, -0.15, 0.42), (0.72, 0.55, 0.55), (0.80, -0.20, 0.30), (0.05, 0.70, 0.25)]
    for index, (x, y, size) in enumerate(circles):
        left, top, diameter = x * width, y * height, size * width
        draw.ellipse((left, top, left + diameter, top + diameter), fill=shapes[index % len(shapes)])
    draw.rounded_rectangle((width * 0.12, height * 0.32, width * 0.88, height * 0.68), radius=80, fill=background)
    font = ImageFont.truetype(str(Path(settings.BASE_DIR) / "static/vendor/kern/fonts/FiraSans-SemiBold.woff2"), 420)
    left, top, right, bottom = draw.textbbox((0, 0), word, font=font)
    draw.text(((width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top), word, font=font, fill=ink)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=90, dpi=(300, 300))
    return output.getvalue()
