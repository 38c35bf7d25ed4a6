"""Checks for uploaded video and caption files, with German messages for editors.

They look at the file's first bytes, not only its name, so that a renamed file is
refused with a clear reason. (A later issue hardens every upload further.)
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_CAPTION_BYTES = 1024 * 1024

validate_webm_extension = FileExtensionValidator(
    ["webm"], message=_("Bitte eine WebM-Datei mit der Endung .webm hochladen.")
)
validate_mp4_extension = FileExtensionValidator(
    ["mp4"], message=_("Bitte eine MP4-Datei mit der Endung .mp4 hochladen.")
)
validate_vtt_extension = FileExtensionValidator(
    ["vtt"], message=_("Bitte die Untertitel als WebVTT-Datei mit der Endung .vtt hochladen.")
)

# A WebVTT cue timing line: "00:00:01.000 --> 00:00:04.000" (hours optional).
CUE_TIMING = re.compile(r"^(\d{2,}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(\d{2,}:)?\d{2}:\d{2}\.\d{3}", re.MULTILINE)


def _head(file, length: int = 64) -> bytes:
    file.seek(0)
    head = file.read(length)
    file.seek(0)
    return head


def _check_size(file, maximum: int, message) -> None:
    if file.size > maximum:
        raise ValidationError(message, code="file_too_large")


def validate_webm(file) -> None:
    _check_size(file, MAX_VIDEO_BYTES, _("Das Video ist größer als 500 MB. Bitte eine kleinere Fassung hochladen."))
    head = _head(file)
    if not head.startswith(b"\x1a\x45\xdf\xa3") or b"webm" not in head:
        raise ValidationError(
            _("Diese Datei ist kein WebM-Video. Bitte das Video als WebM (VP9 oder VP8) exportieren."),
            code="not_webm",
        )


def validate_mp4(file) -> None:
    _check_size(file, MAX_VIDEO_BYTES, _("Das Video ist größer als 500 MB. Bitte eine kleinere Fassung hochladen."))
    if _head(file, 12)[4:8] != b"ftyp":
        raise ValidationError(
            _("Diese Datei ist kein MP4-Video. Bitte das Video als MP4 (H.264 und AAC) exportieren."),
            code="not_mp4",
        )


def validate_webvtt(file) -> None:
    _check_size(file, MAX_CAPTION_BYTES, _("Die Untertiteldatei ist größer als 1 MB."))
    file.seek(0)
    raw = file.read()
    file.seek(0)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Die Untertiteldatei ist nicht in UTF-8 gespeichert. Bitte als UTF-8 speichern und erneut hochladen."),
            code="not_utf8",
        ) from exc
    if not text.startswith("WEBVTT"):
        raise ValidationError(
            _("Diese Datei ist keine WebVTT-Untertiteldatei: Die erste Zeile muss mit „WEBVTT“ beginnen."),
            code="not_webvtt",
        )
    if not CUE_TIMING.search(text):
        raise ValidationError(
            _("Die Untertiteldatei enthält keinen Untertitel mit Zeitangabe (z. B. „00:00:01.000 --> 00:00:04.000“)."),
            code="no_cues",
        )
