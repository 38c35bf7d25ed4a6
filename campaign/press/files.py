"""Files for the press kit: what they are, read from their content, and whether they are safe.

A journalist downloads what the kit offers and prints or publishes it, so every upload is
checked before it is stored: its type comes from its bytes (a renamed file is refused), a
raster image must be whole and large enough, and an SVG must be a plain drawing, because
/media/ serves it from our own origin (no scripts, event handlers, embedded documents or
references to other files).
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from stories.images import MAX_IMAGE_PIXELS, MIN_IMAGE_WIDTH

MAX_KIT_FILE_BYTES = 50 * 1024 * 1024
MAX_SVG_BYTES = 2 * 1024 * 1024

SVG = "image/svg+xml"
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
PDF = "application/pdf"
RASTER_TYPES = {PNG, JPEG, WEBP}
# MIME type -> (label shown to visitors, file extensions that fit it)
KIT_TYPES = {
    SVG: ("SVG", ("svg",)),
    PNG: ("PNG", ("png",)),
    JPEG: ("JPEG", ("jpg", "jpeg")),
    WEBP: ("WebP", ("webp",)),
    PDF: ("PDF", ("pdf",)),
}

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "image"}
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def type_label(mime_type: str) -> str:
    """ "PNG", "SVG", "PDF" … for a MIME type; the type itself for anything else."""
    return KIT_TYPES.get(mime_type, (mime_type,))[0]


def _head(file, size: int = 512) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _read_all(file) -> bytes:
    file.seek(0)
    content = file.read()
    file.seek(0)
    return content


def detect_type(file) -> str | None:
    """The MIME type of a kit file from its first bytes (SVG by its root element), or None."""
    head = _head(file)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in _head(file, 4096):
        return SVG
    return None


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def svg_problem(content: bytes) -> str | None:
    """Why this SVG may not be offered (German), or None when it is a plain drawing."""
    if len(content) > MAX_SVG_BYTES:
        return str(_("Die SVG-Datei ist größer als 2 MB."))
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        return str(_("Die SVG-Datei enthält eine DOCTYPE- oder ENTITY-Angabe."))
    try:
        root = ET.fromstring(content)  # noqa: S314 (no DOCTYPE, no entities: checked above)
    except ET.ParseError:
        return str(_("Die SVG-Datei ist kein gültiges XML."))
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return str(_("Die Datei ist keine SVG-Grafik (das äußerste Element ist nicht „svg“)."))
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in FORBIDDEN_SVG_ELEMENTS:
            return str(_("Die SVG-Datei enthält ein nicht erlaubtes Element: „%(name)s“.") % {"name": name})
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return str(_("Die SVG-Datei enthält ein Skript-Attribut: „%(name)s“.") % {"name": local})
            if local == "href" and not value.strip().startswith("#"):
                return str(_("Die SVG-Datei verweist auf eine andere Datei oder Adresse."))
            if CSS_URL.search(value):
                return str(_("Die SVG-Datei lädt etwas über „url(…)“ nach."))
        if name == "style" and element.text and (CSS_URL.search(element.text) or "@import" in element.text):
            return str(_("Die SVG-Datei lädt Stile oder Dateien nach."))
    return None


@dataclass(frozen=True)
class RasterInfo:
    width: int
    height: int


def raster_info(file) -> RasterInfo:
    """Size of a whole, decodable raster image; ValidationError (German) otherwise."""
    try:
        file.seek(0)
        with Image.open(file) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _("Das Bild ist zu groß (%(width)s × %(height)s Pixel). Bitte höchstens 40 Megapixel hochladen."),
                    code="image_too_large",
                    params={"width": width, "height": height},
                )
            image.load()  # decodes every pixel: a truncated file fails here
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Das Bild ist beschädigt oder unvollständig. Bitte die Datei noch einmal exportieren und hochladen."),
            code="image_broken",
        ) from error
    finally:
        file.seek(0)
    if width < MIN_IMAGE_WIDTH:
        raise ValidationError(
            _("Das Bild ist nur %(width)s Pixel breit. Bitte ein Bild mit mindestens %(minimum)s Pixeln Breite."),
            code="image_too_small",
            params={"width": width, "minimum": MIN_IMAGE_WIDTH},
        )
    return RasterInfo(width=width, height=height)


def validate_kit_file(file) -> None:
    """Model validator for the press kit's files: SVG, PNG, JPEG, WebP or PDF, checked by content."""
    if getattr(file, "_committed", False):
        return  # stored earlier, checked when it came
    if file.size > MAX_KIT_FILE_BYTES:
        raise ValidationError(
            _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(MAX_KIT_FILE_BYTES)},
        )
    detected = detect_type(file)
    if detected is None:
        raise ValidationError(
            _("Bitte laden Sie eine Datei im Format SVG, PNG, JPEG, WebP oder PDF hoch."),
            code="invalid_type",
        )
    label, extensions = KIT_TYPES[detected]
    if _extension(file.name) not in extensions:
        raise ValidationError(
            _(
                "Die Dateiendung passt nicht zum Inhalt: Die Datei ist eine %(kind)s-Datei. "
                "Bitte nennen Sie sie „….%(ext)s“."
            ),
            code="wrong_extension",
            params={"kind": label, "ext": extensions[0]},
        )
    if detected == SVG:
        problem = svg_problem(_read_all(file))
        if problem:
            raise ValidationError(
                _(
                    "Diese SVG-Datei kann nicht angeboten werden: %(reason)s "
                    "Bitte eine einfache Grafik ohne Skripte hochladen."
                ),
                code="unsafe_svg",
                params={"reason": problem},
            )
    elif detected in RASTER_TYPES:
        raster_info(file)
