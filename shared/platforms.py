"""Video platforms a story may link to instead of a self-hosted video.

Nothing is embedded as free-form HTML: an editor chooses a platform and enters the
video's ID, which must match the platform's ID format. The embed and watch URLs are
built from that ID. The site's Content-Security-Policy allows exactly the EMBED_ORIGIN
of each platform as `frame-src` (config/settings.py; a test keeps the two in step).
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Platform:
    label: str
    id_pattern: re.Pattern
    id_help: str
    embed_url: str
    watch_url: str
    embed_origin: str
    operator: str


class PlatformChoice(models.TextChoices):
    YOUTUBE = "youtube", _("YouTube")
    VIMEO = "vimeo", _("Vimeo")


PLATFORMS = {
    PlatformChoice.YOUTUBE: Platform(
        label="YouTube",
        id_pattern=re.compile(r"^[A-Za-z0-9_-]{11}$"),
        id_help=_("11 Zeichen aus Buchstaben, Ziffern, „-“ und „_“, z. B. aus youtube.com/watch?v=ID"),
        # The youtube-nocookie host sets no cookies until the video is played.
        embed_url="https://www.youtube-nocookie.com/embed/{id}?autoplay=1&rel=0",
        watch_url="https://www.youtube.com/watch?v={id}",
        embed_origin="https://www.youtube-nocookie.com",
        operator="Google Ireland Limited",
    ),
    PlatformChoice.VIMEO: Platform(
        label="Vimeo",
        id_pattern=re.compile(r"^[0-9]{6,12}$"),
        id_help=_("nur Ziffern, z. B. aus vimeo.com/ID"),
        # dnt=1: Vimeo's player does not track the session.
        embed_url="https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
        watch_url="https://vimeo.com/{id}",
        embed_origin="https://player.vimeo.com",
        operator="Vimeo.com, Inc.",
    ),
}

EMBED_ORIGINS = sorted(platform.embed_origin for platform in PLATFORMS.values())
