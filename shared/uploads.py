"""Every check of a file an editor uploads: images, videos, captions and press-kit files.

The type is read from the file's content, not its name: a renamed file (an .exe called
video.mp4, a PDF called captions.vtt) is refused with a German message before it is
stored, so a page never offers visitors a broken or dangerous download. Model fields use
these functions as validators; stored files were checked when they came and are not
read again.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

from shared.webvtt import parse_webvtt

# -- limits -------------------------------------------------------------------------------
MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_CAPTIONS_BYTES = 1024 * 1024
MAX_KIT_FILE_BYTES = 50 * 1024 * 1024
MAX_SVG_BYTES = 2 * 1024 * 1024
# The smallest rendition (shared/images.py); smaller uploads would look blurred on every screen.
MIN_IMAGE_WIDTH = 480
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: every camera photo, no decompression bombs

# -- file types by content ------------------------------------------------------------------
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
# ISO base media brands that browsers play as MP4 (QuickTime "qt  " is refused).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V ", b"mmp4"}

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


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


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _is_new_upload(file) -> bool:
    return not getattr(file, "_committed", False)


def stored_size(field_file, known: int = 0) -> int:
    """Size in bytes of a stored file for a download link; `known` (the last size read) when
    the storage cannot tell, e.g. after MEDIA_ROOT was wiped; 0 for no file."""
    if not field_file:
        return 0
    try:
        return field_file.size
    except OSError:
        return known


def check_size(file, limit: int, message) -> None:
    """Refuse `file` when it is larger than `limit` bytes; `message` takes %(size)s and %(limit)s."""
    if file.size > limit:
        raise ValidationError(
            message,
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def type_label(mime_type: str) -> str:
    """ "PNG", "SVG", "PDF" … for a MIME type; the type itself for anything else."""
    return KIT_TYPES.get(mime_type, (mime_type,))[0]


def detect_type(file) -> str | None:
    """The MIME type of an image or document from its first bytes (SVG by its root element), or None."""
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


# -- raster images --------------------------------------------------------------------------
validate_image_extension = FileExtensionValidator(
    IMAGE_EXTENSIONS,
    message=_(
        "Bitte laden Sie ein Bild im Format JPEG, PNG oder WebP hoch (Dateiendung .jpg, .jpeg, .png oder .webp)."
    ),
)


@dataclass(frozen=True)
class RasterInfo:
    width: int
    height: int


def raster_info(file) -> RasterInfo:
    """Size of a whole, decodable raster image of at least MIN_IMAGE_WIDTH pixels and at most
    MAX_IMAGE_PIXELS; ValidationError with a German message otherwise."""
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
            image.load()  # decodes every pixel: a truncated file fails here, not when saving
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


def validate_image_size(file) -> None:
    """Model validator of an ImageField: a whole image, large enough for the renditions and
    not absurdly large. A file that is no image at all is reported by the ImageField itself."""
    if not _is_new_upload(file) or not getattr(file, "width", None):
        return
    raster_info(file)


# -- videos and captions --------------------------------------------------------------------
VIDEO_TOO_LARGE = _("Das Video ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")

validate_webm_extension = FileExtensionValidator(
    ["webm"], message=_("Bitte eine WebM-Datei mit der Endung .webm hochladen.")
)
validate_mp4_extension = FileExtensionValidator(
    ["mp4"], message=_("Bitte eine MP4-Datei mit der Endung .mp4 hochladen.")
)
validate_vtt_extension = FileExtensionValidator(
    ["vtt"], message=_("Bitte die Untertitel als WebVTT-Datei mit der Endung .vtt hochladen.")
)


def detect_video_type(file) -> str | None:
    """'mp4' or 'webm' from the first bytes of `file`, None for anything else."""
    head = _head(file, 64)
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    # WebM is Matroska (EBML header) with the document type "webm".
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head:
        return "webm"
    return None


def validate_webm(file) -> None:
    check_size(file, MAX_VIDEO_BYTES, VIDEO_TOO_LARGE)
    if detect_video_type(file) != "webm":
        raise ValidationError(
            _("Diese Datei ist kein WebM-Video. Bitte das Video als WebM (VP9 oder VP8) exportieren."),
            code="not_webm",
        )


def validate_mp4(file) -> None:
    check_size(file, MAX_VIDEO_BYTES, VIDEO_TOO_LARGE)
    if detect_video_type(file) != "mp4":
        raise ValidationError(
            _("Diese Datei ist kein MP4-Video. Bitte das Video als MP4 (H.264 und AAC) exportieren."),
            code="not_mp4",
        )


def validate_webvtt(file) -> None:
    check_size(
        file, MAX_CAPTIONS_BYTES, _("Die Untertiteldatei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
    )
    raw = _read_all(file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Die Untertiteldatei ist nicht als UTF-8 gespeichert. Bitte speichern Sie sie als UTF-8."),
            code="encoding",
        ) from None
    try:
        parse_webvtt(text)
    except ValueError as error:
        raise ValidationError(
            _("Die Untertitel sind keine gültige WebVTT-Datei: %(reason)s"),
            code="invalid_webvtt",
            params={"reason": str(error)},
        ) from None


# -- press-kit files: SVG, PNG, JPEG, WebP, PDF -----------------------------------------------
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FORBIDDEN_SVG_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "image"}
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def svg_problem(content: bytes) -> str | None:
    """Why this SVG may not be offered (German), or None when it is a plain drawing.

    /media/ serves it from our own origin, so it must hold no scripts, event handlers,
    embedded documents or references to other files."""
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


def checked_type(file, limit: int, allowed: tuple[str, ...], wrong_type_message) -> str:
    """The MIME type of an upload within `limit` bytes whose content is one of `allowed` and whose
    file name ends as that type's does; a German ValidationError otherwise."""
    check_size(file, limit, _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."))
    detected = detect_type(file)
    if detected not in allowed:
        raise ValidationError(wrong_type_message, code="invalid_type")
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
    return detected


def validate_kit_file(file) -> None:
    """Model validator for the press kit's files: SVG, PNG, JPEG, WebP or PDF, checked by content."""
    if not _is_new_upload(file):
        return  # stored earlier, checked when it came
    detected = checked_type(
        file,
        MAX_KIT_FILE_BYTES,
        tuple(KIT_TYPES),
        _("Bitte laden Sie eine Datei im Format SVG, PNG, JPEG, WebP oder PDF hoch."),
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


# -- signed documents (consent register) ------------------------------------------------------
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = (PDF, JPEG, PNG)


def validate_document_upload(file) -> None:
    """A scanned or signed document: PDF, JPEG or PNG by content, at most 10 MB."""
    if not _is_new_upload(file):
        return
    checked_type(
        file,
        MAX_DOCUMENT_BYTES,
        DOCUMENT_TYPES,
        _("Bitte laden Sie das Dokument als PDF, JPEG oder PNG hoch (z. B. einen Scan der Unterschrift)."),
    )


# -- CSV tables (imports in the admin) --------------------------------------------------------
MAX_CSV_BYTES = 1024 * 1024
# Spreadsheets and documents saved in their own format instead of as CSV:
# ZIP (xlsx, ods, docx), OLE (xls, doc).
OFFICE_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
SAVE_AS_CSV = _(
    "Bitte speichern Sie die Tabelle als „CSV UTF-8 (durch Trennzeichen getrennt)“ und laden Sie diese Datei hoch."
)


def read_csv_text(file) -> str:
    """The text of an uploaded CSV table, or a German ValidationError: at most MAX_CSV_BYTES,
    UTF-8 with or without the BOM that Excel writes, not a spreadsheet or other binary file."""
    check_size(
        file,
        MAX_CSV_BYTES,
        _("Die Datei ist zu groß (%(size)s). Eine CSV-Datei für den Import darf höchstens %(limit)s groß sein."),
    )
    raw = _read_all(file)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError(
            _("Die Datei ist als UTF-16 („Unicode-Text“) gespeichert. %(advice)s"),
            code="encoding",
            params={"advice": SAVE_AS_CSV},
        )
    if detect_type(file) or raw.startswith(OFFICE_SIGNATURES) or b"\x00" in raw:
        raise ValidationError(
            _("Diese Datei ist keine CSV-Datei. %(advice)s"), code="not_csv", params={"advice": SAVE_AS_CSV}
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Die Datei ist nicht als UTF-8 gespeichert, Umlaute würden verfälscht. %(advice)s"),
            code="encoding",
            params={"advice": SAVE_AS_CSV},
        ) from None
    if not text.strip():
        raise ValidationError(_("Die Datei ist leer."), code="empty")
    return text
