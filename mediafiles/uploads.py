"""Every check of a file an editor uploads: images, videos, captions and press-kit files.

The type is read from the file's content, not its name: a renamed file (an .exe called
video.mp4, a PDF called captions.vtt) is refused with a German message before it is
stored, so a page never offers visitors a broken or dangerous download. Model fields use
these functions as validators; stored files were checked when they came and are not
read again.
"""

import logging
import re
import struct
import tempfile
import uuid
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pillow_heif import register_heif_opener

from mediafiles.webvtt import parse_webvtt

logger = logging.getLogger(__name__)

# iPhones save photos as HEIC (HEIF with HEVC) unless told otherwise. Registered once, here, where
# every image upload is checked: from then on Pillow (the gate, Django's ImageField, the clean copy
# in mediafiles/images.py) reads HEIC/HEIF like any format. Stored is always a web format (JPEG).
register_heif_opener(thumbnails=False)

# -- limits -------------------------------------------------------------------------------
MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_CAPTIONS_BYTES = 1024 * 1024
MAX_KIT_FILE_BYTES = 50 * 1024 * 1024
MAX_SVG_BYTES = 2 * 1024 * 1024
# The smallest rendition (mediafiles/images.py); smaller uploads would look blurred on every screen.
MIN_IMAGE_WIDTH = 480
# 64 megapixels: every phone's full-resolution mode (iPhone 48 MP: 8064 × 6048 = 48.8 MP; Pixel and
# Galaxy 50 MP: 8160 × 6144 = 50.1 MP) and every full-frame camera (Sony α7R V: 9504 × 6336 = 60.2 MP).
# Refused: the 108/200-MP phone modes and medium format (100 MP), which no web page needs. The limit
# bounds the work per picture: one decoded 64-MP picture is 192 MB (RGB), and the worker, not the
# request, decodes it again for the clean copy and the renditions (mediafiles/image_preparation.py).
MAX_IMAGE_PIXELS = 64_000_000
MAX_IMAGE_BYTES = 40 * 1024 * 1024
# Pillow's own guard against decompression bombs, for every Image.open in the process (imagekit, the
# worker, share cards): a warning above MAX_IMAGE_PIXELS, DecompressionBombError above twice that. The
# gate reads the pixel size from the file's header before Pillow decodes anything (header_size).
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

# -- file types by content ------------------------------------------------------------------
SVG = "image/svg+xml"
PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
HEIF = "image/heif"
PDF = "application/pdf"
# Read by Pillow and re-encoded when stored (a HEIF as JPEG, mediafiles.images.clean_original).
RASTER_TYPES = {PNG, JPEG, WEBP, HEIF}
# MIME type -> (label shown to visitors, file extensions that fit it)
KIT_TYPES = {
    SVG: ("SVG", ("svg",)),
    PNG: ("PNG", ("png",)),
    JPEG: ("JPEG", ("jpg", "jpeg")),
    WEBP: ("WebP", ("webp",)),
    PDF: ("PDF", ("pdf",)),
}
# What an iPhone (or another phone) names its HEIC photos in the ISO base media header.
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
# MIME type -> (label, file extensions) of every type `detect_type` knows (the press kit takes KIT_TYPES).
FILE_TYPES = {**KIT_TYPES, HEIF: ("HEIC", ("heic", "heif"))}
# ISO base media brands that browsers play as MP4 (QuickTime "qt  " is refused).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V ", b"mmp4"}

IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# What the image gate accepts, by the format Pillow reads from the content (GIF, TIFF, BMP, DNG … are
# refused). HEIF (an iPhone's HEIC) is accepted and stored as JPEG (mediafiles.images.clean_original).
GATE_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF", "HEIF"}
GATE_IMAGE_EXTENSIONS = [*IMAGE_EXTENSIONS, "avif", "heic", "heif"]


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
    return FILE_TYPES.get(mime_type, (mime_type,))[0]


def detect_type(file) -> str | None:
    """The MIME type of an image or document from its first bytes (SVG by its root element), or None."""
    head = _head(file)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return HEIF
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


IMAGE_FORMAT_REFUSED = _(
    "Bilder im Format %(format)s werden nicht angenommen. "
    "Bitte laden Sie das Bild als JPEG, PNG, WebP, AVIF oder HEIC hoch."
)
# What an editor can do with a photo the gate refuses for its format (mediafiles.uploads.image_refused).
IMAGE_FORMAT_ADVICE = _(
    "Es gehen Fotos als JPEG, PNG, WebP, AVIF oder HEIC (so speichert das iPhone). "
    "Ein Foto vom Telefon wird zum JPEG, wenn Sie es per „Teilen“ als E-Mail-Anhang an sich selbst senden; "
    "am iPhone speichert die Kamera JPEG unter Einstellungen › Kamera › Formate › „Maximale Kompatibilität“. "
    "Am Computer: das Bild im Bildprogramm als JPEG exportieren."
)
# Refusals for what the file is (not for its size): these get the advice above.
FORMAT_CODES = {"invalid_extension", "image_format", "not_an_image", "image_broken", "invalid_image"}


IMAGE_TOO_LARGE = _(
    "Das Bild hat %(width)s × %(height)s Pixel (%(megapixels)s Megapixel). Erlaubt sind höchstens "
    "%(limit)s Megapixel. Bitte verkleinern Sie es, z. B. auf %(side)s Pixel an der längeren Seite, "
    "oder laden Sie das Foto so hoch, wie die Kamera es in normaler Auflösung speichert."
)
# What the gate lets Pillow read: formats by their plugin (Image.OPEN), in this order.
HEADER_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "HEIF")


def header_size(file) -> tuple[int, int] | None:
    """Width and height of a JPEG, PNG, WebP, AVIF or HEIF image as its header states them, or None.

    Nothing is decoded, and Pillow's decompression-bomb check (which refuses without saying the size)
    is not reached: the plugin reads the header only. The gate refuses a picture over the limit with its
    size before any pixel is decoded."""
    head = _head(file, 16)
    Image.init()
    try:
        for image_format in HEADER_FORMATS:
            factory, accept = Image.OPEN.get(image_format, (None, None))
            if factory is None or (accept and not accept(head)):
                continue
            file.seek(0)
            try:
                image = factory(file, "")
            except (SyntaxError, IndexError, TypeError, struct.error, OSError, ValueError, EOFError):
                continue
            return image.size
    finally:
        file.seek(0)
    return None


def too_large(width: int, height: int) -> ValidationError:
    limit = MAX_IMAGE_PIXELS // 1_000_000
    scale = (MAX_IMAGE_PIXELS / (width * height)) ** 0.5
    return ValidationError(
        IMAGE_TOO_LARGE,
        code="image_too_large",
        params={
            "width": number_format(width, force_grouping=True),
            "height": number_format(height, force_grouping=True),
            "megapixels": number_format(width * height / 1_000_000, 1, force_grouping=True),
            "limit": limit,
            "side": number_format(int(max(width, height) * scale) // 100 * 100, force_grouping=True),
        },
    )


def check_pixels(file) -> None:
    """Refuse an image whose header states more than MAX_IMAGE_PIXELS, before anything is decoded."""
    size = header_size(file)
    if size and size[0] * size[1] > MAX_IMAGE_PIXELS:
        raise too_large(*size)


def raster_info(file, min_width: int = MIN_IMAGE_WIDTH) -> RasterInfo:
    """Size of a whole, decodable JPEG, PNG, WebP, AVIF or HEIF image of at least MIN_IMAGE_WIDTH pixels
    and at most MAX_IMAGE_PIXELS; ValidationError with a German message otherwise. The pixel count is
    checked in the header (check_pixels) before the pixels are decoded."""
    check_pixels(file)
    try:
        file.seek(0)
        with Image.open(file) as image:
            if image.format not in GATE_IMAGE_FORMATS:
                raise ValidationError(IMAGE_FORMAT_REFUSED, code="image_format", params={"format": image.format})
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise too_large(width, height)
            image.load()  # decodes every pixel: a truncated file fails here, not when saving
    except Image.UnidentifiedImageError as error:
        raise ValidationError(
            _("Diese Datei ist kein Bild. Bitte laden Sie ein Bild als JPEG, PNG, WebP, AVIF oder HEIC hoch."),
            code="not_an_image",
        ) from error
    except Image.DecompressionBombError as error:  # a format whose header check_pixels cannot read
        raise ValidationError(
            _("Das Bild ist zu groß. Erlaubt sind höchstens %(limit)s Megapixel."),
            code="image_too_large",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from error
    except (OSError, ValueError) as error:
        raise ValidationError(
            _("Das Bild ist beschädigt oder unvollständig. Bitte die Datei noch einmal exportieren und hochladen."),
            code="image_broken",
        ) from error
    finally:
        file.seek(0)
    if width < min_width:
        raise ValidationError(
            _("Das Bild ist nur %(width)s Pixel breit. Bitte ein Bild mit mindestens %(minimum)s Pixeln Breite."),
            code="image_too_small",
            params={"width": width, "minimum": min_width},
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


NOT_WEBM = _("Diese Datei ist kein WebM-Video. Bitte das Video als WebM (VP9 oder VP8) exportieren.")
NOT_MP4 = _("Diese Datei ist kein MP4-Video. Bitte das Video als MP4 (H.264 und AAC) exportieren.")
NOT_A_VIDEO = _(
    "Diese Datei ist kein Video, das wir lesen können. Bitte laden Sie das Video so hoch, wie Telefon oder "
    "Kamera es speichern: als MP4, MOV oder WebM (H.264, HEVC oder VP9)."
)
# PyAV (FFmpeg's libraries, from the `av` wheel) reads the container with the demuxer named here
# (never one it guesses: a playlist named video.mp4 must not make it fetch addresses), and must
# find a video stream in a codec it decodes, and decode its first picture.
PROBE = {
    "mp4": ("mov", {"h264", "hevc", "av1"}, NOT_MP4),
    "webm": ("matroska", {"vp8", "vp9", "av1"}, NOT_WEBM),
}
# What an editor may upload straight from a phone or camera (mediafiles/video_processing.py makes
# the web files from it).
SOURCE_CODECS = {"h264", "hevc", "vp8", "vp9", "av1"}
SOURCE_EXTENSIONS = ["mp4", "mov", "m4v", "webm"]
MAX_SOURCE_BYTES = 2 * 1024 * 1024 * 1024
# Atoms a QuickTime file may start with when it has no "ftyp" (older cameras).
QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}


@dataclass(frozen=True)
class VideoProbe:
    """What the site needs to know of a video file: codec, size as shown (after the rotation a
    phone records), duration in seconds, and whether it has sound."""

    codec: str
    width: int
    height: int
    duration: float
    has_audio: bool


@contextmanager
def _on_disk(file):
    """A path to the upload's bytes: its temporary file when Django wrote one, else a copy."""
    for candidate in (file, getattr(file, "file", None)):
        if hasattr(candidate, "temporary_file_path"):
            yield candidate.temporary_file_path()
            return
    with tempfile.NamedTemporaryFile(prefix="kjc-probe-") as copy:
        file.seek(0)
        for chunk in file.chunks():
            copy.write(chunk)
        copy.flush()
        file.seek(0)
        yield copy.name


def container_of(head: bytes) -> str | None:
    """The FFmpeg demuxer for these first bytes: "mov" (MP4, MOV, M4V), "matroska" (WebM, MKV) or None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mov"
    if len(head) >= 8 and head[4:8] in QUICKTIME_ATOMS:
        return "mov"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    return None


def probe_path(path: str, demuxer: str, codecs: set[str]) -> VideoProbe | None:
    """Open `path` with `demuxer` and decode the first picture of its first video stream in one of
    `codecs`; None when that fails (no video, another codec, a damaged or truncated file)."""
    import av  # imported here: the `av` wheel is only loaded by the processes that read videos

    try:
        with av.open(path, format=demuxer, timeout=FFPROBE_TIMEOUT) as container:
            streams = [s for s in container.streams.video if s.codec_context.name in codecs]
            if not streams:
                return None
            stream = streams[0]
            frame = next(container.decode(stream), None)
            if frame is None:
                return None
            width, height = frame.width, frame.height
            if abs(getattr(frame, "rotation", 0) or 0) % 180 == 90:
                width, height = height, width
            if container.duration:
                duration = container.duration / 1_000_000
            elif stream.duration and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            else:
                duration = 0.0
            return VideoProbe(
                codec=stream.codec_context.name,
                width=width,
                height=height,
                duration=duration,
                has_audio=bool(container.streams.audio),
            )
    except (av.FFmpegError, OSError, ValueError, IndexError, StopIteration):
        return None


FFPROBE_TIMEOUT = 60


def probe_video(file, kind: str) -> VideoProbe:
    """Refuse `file` unless it is a `kind` ("mp4", "webm") container with a playable video stream."""
    demuxer, codecs, not_video = PROBE[kind]
    with _on_disk(file) as path:
        info = probe_path(path, demuxer, codecs)
    if info is None:
        raise ValidationError(not_video, code=f"not_{kind}")
    return info


def probe_source(file) -> VideoProbe:
    """The probe of a video as phones and cameras save it, or a German ValidationError."""
    demuxer = container_of(_head(file, 64))
    info = None
    if demuxer is not None:
        with _on_disk(file) as path:
            info = probe_path(path, demuxer, SOURCE_CODECS)
    if info is None or info.duration <= 0:
        raise ValidationError(NOT_A_VIDEO, code="not_a_video")
    return info


def validate_webm(file) -> None:
    check_size(file, MAX_VIDEO_BYTES, VIDEO_TOO_LARGE)
    if detect_video_type(file) != "webm":
        raise ValidationError(NOT_WEBM, code="not_webm")
    probe_video(file, "webm")


def validate_mp4(file) -> None:
    check_size(file, MAX_VIDEO_BYTES, VIDEO_TOO_LARGE)
    if detect_video_type(file) != "mp4":
        raise ValidationError(NOT_MP4, code="not_mp4")
    probe_video(file, "mp4")


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
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
# Refused outright (with the reason): scripts, embedded documents and pictures, and animation,
# which can set any attribute (`<set attributeName="onmouseover">`, `<animate attributeName="href">`).
FORBIDDEN_SVG_ELEMENTS = {
    "script", "foreignobject", "iframe", "embed", "object", "audio", "video", "image", "handler", "listener",
    "animate", "set", "animatetransform", "animatemotion", "animatecolor", "discard", "mpath",
}  # fmt: skip
# What a stored SVG may hold; everything else (editor metadata, unknown elements) is dropped.
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
    "polyline", "polygon", "text", "tspan", "textPath", "clipPath", "mask", "linearGradient",
    "radialGradient", "stop", "pattern", "marker", "style", "filter", "feGaussianBlur", "feOffset",
    "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge", "feMergeNode",
}  # fmt: skip
SVG_ATTRIBUTES = {
    "id", "class", "style", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "fr", "width", "height", "viewBox", "preserveAspectRatio", "points", "transform", "fill", "fill-opacity",
    "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
    "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "clip-path", "clip-rule", "mask",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "letter-spacing", "word-spacing", "dx", "dy", "rotate", "textLength", "lengthAdjust", "offset",
    "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "href",
    "version", "baseProfile", "space", "lang", "role", "aria-label", "aria-hidden", "focusable",
    "visibility", "display", "color", "vector-effect", "shape-rendering", "text-rendering", "markerWidth",
    "markerHeight", "refX", "refY", "orient", "markerUnits", "marker-start", "marker-mid", "marker-end",
    "filter", "stdDeviation", "in", "in2", "result", "mode", "type", "values", "operator", "k1", "k2",
    "k3", "k4", "flood-color", "flood-opacity", "filterUnits", "primitiveUnits", "paint-order",
    "mix-blend-mode", "isolation", "media",
}  # fmt: skip
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _style_problem(css: str) -> str | None:
    """CSS in an SVG may style, never load: no escapes (`@\\69mport` is `@import`), no @import,
    no url() other than a fragment of the same file, no old IE expressions."""
    if "\\" in css:
        return str(_("Die SVG-Datei enthält CSS mit Escape-Zeichen („\\“)."))
    lowered = css.lower()
    if "@import" in lowered or "@font-face" in lowered or CSS_URL.search(css) or "expression(" in lowered:
        return str(_("Die SVG-Datei lädt Stile oder Dateien nach."))
    return None


def svg_problem(content: bytes) -> str | None:
    """Why this SVG may not be offered (German), or None when it is a plain drawing.

    /media/ serves it from our own origin (as a download, mediafiles/serving.py), so it must hold no
    scripts, event handlers, animation, embedded documents or references to other files."""
    if len(content) > MAX_SVG_BYTES:
        return str(_("Die SVG-Datei ist größer als 2 MB."))
    if b"<!DOCTYPE" in content.upper() or b"<!ENTITY" in content.upper():
        return str(_("Die SVG-Datei enthält eine DOCTYPE- oder ENTITY-Angabe."))
    if b"<?xml-stylesheet" in content:
        return str(_("Die SVG-Datei lädt Stile oder Dateien nach."))
    try:
        root = ET.fromstring(content)  # noqa: S314 (no DOCTYPE, no entities: checked above)
    except ET.ParseError:
        return str(_("Die SVG-Datei ist kein gültiges XML."))
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return str(_("Die Datei ist keine SVG-Grafik (das äußerste Element ist nicht „svg“)."))
    for element in root.iter():
        name = _local(element.tag).lower()
        if name in FORBIDDEN_SVG_ELEMENTS:
            return str(_("Die SVG-Datei enthält ein nicht erlaubtes Element: „%(name)s“.") % {"name": name})
        for attribute, value in element.attrib.items():
            local = _local(attribute).lower()
            if local.startswith("on"):
                return str(_("Die SVG-Datei enthält ein Skript-Attribut: „%(name)s“.") % {"name": local})
            if local == "href" and not value.strip().startswith("#"):
                return str(_("Die SVG-Datei verweist auf eine andere Datei oder Adresse."))
            if CSS_URL.search(value):
                return str(_("Die SVG-Datei lädt etwas über „url(…)“ nach."))
            if local == "style" and (problem := _style_problem(value)):
                return problem
        if name == "style" and (problem := _style_problem(element.text or "")):
            return problem
    return None


SVG_PREFIXES = {XLINK_NAMESPACE: "xlink:", XML_NAMESPACE: "xml:"}


def sanitize_svg(content: bytes) -> bytes:
    """The SVG rebuilt from the allow-list: allowed elements (with their allowed attributes and
    text) only; comments, processing instructions and everything unknown are dropped. Called
    on content that `svg_problem` accepted; it checks href and styles again on its own."""
    root = ET.fromstring(content)  # noqa: S314 (accepted by svg_problem: no DOCTYPE, no entities)
    out: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']

    def attributes(source) -> str:
        kept = []
        for attribute, value in source.attrib.items():
            namespace, local = attribute[1:].split("}", 1) if attribute.startswith("{") else ("", attribute)
            if local not in SVG_ATTRIBUTES or (namespace and namespace not in SVG_PREFIXES):
                continue
            if (local == "href" and not value.strip().startswith("#")) or CSS_URL.search(value):
                continue
            if local == "style" and _style_problem(value):
                continue
            kept.append(f" {SVG_PREFIXES.get(namespace, '')}{local}={quoteattr(value)}")
        return "".join(kept)

    def copy(source, tail: bool) -> None:
        name = _local(source.tag)
        if source.tag.startswith(f"{{{SVG_NAMESPACE}}}") and name in SVG_ELEMENTS:
            extra = f' xmlns="{SVG_NAMESPACE}" xmlns:xlink="{XLINK_NAMESPACE}"' if source is root else ""
            out.append(f"<{name}{extra}{attributes(source)}>")
            text = source.text or ""
            if name == "style" and _style_problem(text):
                text = ""
            out.append(xml_escape(text))
            for child in source:
                copy(child, name in ("text", "tspan", "textPath"))
            out.append(f"</{name}>")
        if tail:
            out.append(xml_escape(source.tail or ""))

    copy(root, False)
    return "".join(out).encode("utf-8")


def checked_type(file, limit: int, allowed: tuple[str, ...], wrong_type_message) -> str:
    """The MIME type of an upload within `limit` bytes whose content is one of `allowed` and whose
    file name ends as that type's does; a German ValidationError otherwise."""
    check_size(file, limit, _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."))
    detected = detect_type(file)
    if detected not in allowed:
        raise ValidationError(wrong_type_message, code="invalid_type")
    label, extensions = FILE_TYPES[detected]
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
# A photo of the signed form from a phone (HEIC) is stored as JPEG, like a scan without metadata.
DOCUMENT_TYPES = (PDF, JPEG, PNG, HEIF)


def validate_document_upload(file) -> None:
    """A scanned or signed document: PDF, JPEG, PNG or a phone's HEIC by content, at most 10 MB."""
    if not _is_new_upload(file):
        return
    checked_type(
        file,
        MAX_DOCUMENT_BYTES,
        DOCUMENT_TYPES,
        _(
            "Bitte laden Sie das Dokument als PDF, JPEG, PNG oder HEIC hoch (z. B. einen Scan der Unterschrift "
            "oder ein Foto davon mit dem Telefon)."
        ),
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


# -- the one gate -------------------------------------------------------------------------------
def image_refused(file, error: ValidationError) -> ValidationError:
    """`error` about an image upload, told with the file's name („IMG_0042.DNG“: …) so that an editor
    who chose several files knows which one; a refusal for the file's kind adds which formats work and
    how to get one from a phone (IMAGE_FORMAT_ADVICE)."""
    name = PurePath(getattr(file, "name", "") or "").name
    messages = []
    for item in error.error_list:
        message = str(item.message % item.params if item.params else item.message)
        if item.code in FORMAT_CODES:
            message = f"{message} {IMAGE_FORMAT_ADVICE}"
        messages.append(
            ValidationError(_("„%(name)s“: %(reason)s"), code=item.code, params={"name": name, "reason": message})
            if name
            else ValidationError(message, code=item.code)
        )
    return ValidationError(messages)


def gate_image(file) -> None:
    """Photos and posters: JPEG, PNG, WebP, AVIF or HEIC/HEIF by content, whole, within the byte and
    pixel limits. The model re-encodes it on save (mediafiles.images.store_clean_original): upright,
    without metadata and without anything appended to the pixels, HEIF as JPEG. Every refusal names
    the file (image_refused)."""
    if not _is_new_upload(file):
        return
    try:
        FileExtensionValidator(
            GATE_IMAGE_EXTENSIONS,
            message=_(
                "Bitte laden Sie ein Bild im Format JPEG, PNG, WebP, AVIF oder HEIC hoch "
                "(Dateiendung .jpg, .jpeg, .png, .webp, .avif, .heic oder .heif)."
            ),
        )(file)
        check_size(file, MAX_IMAGE_BYTES, _("Das Bild ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."))
        raster_info(file)
    except ValidationError as error:
        raise image_refused(file, error) from None


class ImageFormField(forms.ImageField):
    """Django's form ImageField (Pillow must read the upload), refusing in the gate's words: with the
    file's name and the formats that work (image_refused). The file extension is the gate's to judge
    (its list, its message), not Django's list of every format Pillow knows."""

    default_validators = []
    default_error_messages = {
        "invalid_image": _("Diese Datei ist kein Bild oder sie ist beschädigt."),
    }

    def to_python(self, data):
        try:
            if data and hasattr(data, "read"):
                check_pixels(data)  # before Pillow opens it: its own guard would refuse without the size
            return super().to_python(data)
        except ValidationError as error:
            raise image_refused(data, error) from None


def gate_video_mp4(file) -> None:
    if _is_new_upload(file):
        validate_mp4_extension(file)
        validate_mp4(file)


def gate_video_webm(file) -> None:
    if _is_new_upload(file):
        validate_webm_extension(file)
        validate_webm(file)


SOURCE_TOO_LARGE = _("Das Video ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
validate_source_extension = FileExtensionValidator(
    SOURCE_EXTENSIONS,
    message=_("Bitte ein Video mit der Endung .mp4, .mov, .m4v oder .webm hochladen."),
)


def gate_video_source(file) -> None:
    """One video as a phone or camera saves it: MP4, MOV or WebM with H.264, HEVC, VP9 (also VP8,
    AV1), portrait or landscape, at most 2 GB, read by FFmpeg's libraries before it is stored."""
    if _is_new_upload(file):
        validate_source_extension(file)
        check_size(file, MAX_SOURCE_BYTES, SOURCE_TOO_LARGE)
        probe_source(file)


def gate_captions(file) -> None:
    if _is_new_upload(file):
        validate_vtt_extension(file)
        validate_webvtt(file)


def gate_document(file) -> None:
    """A signed document: PDF, or a scan that Pillow decodes whole (it is re-encoded on save)."""
    validate_document_upload(file)
    if _is_new_upload(file) and detect_type(file) in RASTER_TYPES:
        raster_info(file, min_width=1)


def gate_kit(file) -> None:
    validate_kit_file(file)


GATES = {
    "image": gate_image,
    "video_mp4": gate_video_mp4,
    "video_webm": gate_video_webm,
    "video_source": gate_video_source,
    "captions": gate_captions,
    "document": gate_document,
    "kit": gate_kit,
}
GATE_KINDS = tuple(GATES)
for _kind, _validator in GATES.items():
    _validator.upload_gate = _kind  # the marker tests/mediafiles/test_upload_gate.py looks for


def gate(kind: str) -> list:
    """The validators of every file field of the site: `FileField(..., validators=gate("image"))`.
    tests/mediafiles/test_upload_gate.py finds each model's file fields and checks they use it."""
    return [GATES[kind]]


def gate_kind(field) -> str | None:
    """The gate a model field runs through, or None."""
    return next((v.upload_gate for v in field.validators if getattr(v, "upload_gate", None) in GATES), None)


# -- stored names -------------------------------------------------------------------------------
SAFE_EXTENSION = re.compile(r"[a-z0-9]{1,8}")


def random_name(filename: str) -> str:
    """`<32 hex digits>.<extension>`: no person's name or upload name ends up in a public address."""
    extension = _extension(filename)
    return uuid.uuid4().hex + (f".{extension}" if SAFE_EXTENSION.fullmatch(extension) else "")


@deconstructible
class RandomName:
    """`upload_to` of a file field: `<folder>/<random name>.<extension>`."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{random_name(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder
