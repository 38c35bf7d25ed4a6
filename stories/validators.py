"""Checks for the video and caption files of stories and explainer videos.

The format checks read the file's first bytes (config/uploads.py), so that a renamed file
is refused with a clear reason; captions are parsed as WebVTT there too.
"""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from config.uploads import MAX_VIDEO_BYTES, VIDEO_TOO_LARGE, check_size, detect_video_type, validate_webvtt

__all__ = ["validate_mp4", "validate_webm", "validate_webvtt"]

validate_webm_extension = FileExtensionValidator(
    ["webm"], message=_("Bitte eine WebM-Datei mit der Endung .webm hochladen.")
)
validate_mp4_extension = FileExtensionValidator(
    ["mp4"], message=_("Bitte eine MP4-Datei mit der Endung .mp4 hochladen.")
)
validate_vtt_extension = FileExtensionValidator(
    ["vtt"], message=_("Bitte die Untertitel als WebVTT-Datei mit der Endung .vtt hochladen.")
)


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
