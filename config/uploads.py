"""Checks for video, poster and caption files that editors upload, used by every app.

The type is read from the file's content, not its name: a renamed file (an .exe called
video.mp4, a PDF called captions.vtt) is refused with a German message before it is
stored, so a page never offers visitors a broken download.
"""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_POSTER_BYTES = 5 * 1024 * 1024
MAX_CAPTIONS_BYTES = 1024 * 1024

VIDEO_TOO_LARGE = _("Das Video ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
# ISO base media brands that browsers play as MP4 (QuickTime "qt  " is refused).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"M4V ", b"mmp4"}


def _head(file, size: int = 64) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def detect_video_type(file) -> str | None:
    """'mp4' or 'webm' from the first bytes of `file`, None for anything else."""
    head = _head(file)
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return "mp4"
    # WebM is Matroska (EBML header) with the document type "webm".
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head:
        return "webm"
    return None


def check_size(file, limit: int, message) -> None:
    """Refuse `file` when it is larger than `limit` bytes; `message` takes %(size)s and %(limit)s."""
    if file.size > limit:
        raise ValidationError(
            message,
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_video_file(file) -> None:
    check_size(file, MAX_VIDEO_BYTES, VIDEO_TOO_LARGE)
    detected = detect_video_type(file)
    if detected is None:
        raise ValidationError(
            _("Die Datei ist kein Video im Format MP4 oder WebM. Bitte laden Sie eine MP4- oder WebM-Datei hoch."),
            code="invalid_type",
        )
    if _extension(file.name) != detected:
        raise ValidationError(
            _(
                "Die Dateiendung passt nicht zum Inhalt: Die Datei ist ein %(kind)s-Video. "
                "Bitte nennen Sie sie „….%(ext)s“."
            ),
            code="wrong_extension",
            params={"kind": detected.upper() if detected == "mp4" else "WebM", "ext": detected},
        )


def validate_poster_size(file) -> None:
    check_size(file, MAX_POSTER_BYTES, _("Das Vorschaubild ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."))


TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^({TIMESTAMP})[ \t]+-->[ \t]+({TIMESTAMP})(?:[ \t].*)?$")


def _seconds(timestamp: str) -> float:
    parts = timestamp.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """The cues of a WebVTT document as (start, end, text); ValueError with a German reason.

    Follows the WebVTT syntax closely enough for captions: the "WEBVTT" signature, blocks
    separated by blank lines, NOTE/STYLE/REGION blocks, optional cue identifiers, and
    "start --> end" timings with end after start.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValueError(_("Die erste Zeile muss „WEBVTT“ lauten."))
    cues = []
    block: list[tuple[int, str]] = []
    # Skip the header block, then read blank-line separated blocks.
    index = 1
    while index < len(lines) and lines[index].strip():
        index += 1
    for number, line in enumerate([*lines[index:], ""], start=index + 1):
        if line.strip():
            block.append((number, line))
            continue
        if block:
            cues.extend(_parse_block(block))
            block = []
    if not cues:
        raise ValueError(
            _("Die Datei enthält keine Untertitel (keine Zeile der Form „00:00:01.000 --> 00:00:04.000“).")
        )
    return cues


def _parse_block(block: list[tuple[int, str]]) -> list[tuple[float, float, str]]:
    first_line = block[0][1]
    if first_line.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first_line:
        return []
    timing_at = 0 if "-->" in first_line else 1
    if timing_at >= len(block):
        raise ValueError(_("Zeile %(line)d: Nach der Kennung fehlt die Zeitangabe.") % {"line": block[0][0]})
    number, timing = block[timing_at]
    match = CUE_TIMING.match(timing.strip())
    if not match:
        raise ValueError(
            _("Zeile %(line)d: Die Zeitangabe ist ungültig (erwartet z. B. „00:00:01.000 --> 00:00:04.000“).")
            % {"line": number}
        )
    start, end = _seconds(match.group(1)), _seconds(match.group(2))
    if end <= start:
        raise ValueError(_("Zeile %(line)d: Das Ende liegt nicht nach dem Anfang.") % {"line": number})
    text = "\n".join(line for _number, line in block[timing_at + 1 :])
    return [(start, end, text)]


def validate_webvtt(file) -> None:
    check_size(
        file, MAX_CAPTIONS_BYTES, _("Die Untertiteldatei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
    )
    file.seek(0)
    raw = file.read()
    file.seek(0)
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
