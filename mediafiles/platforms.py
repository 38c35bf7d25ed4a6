"""Video platforms a story may link to instead of a self-hosted video.

Nothing is embedded as free-form HTML: an editor chooses a platform and enters the
video's ID, which must match the platform's ID format. The embed and watch URLs are
built from that ID. The site's Content-Security-Policy allows exactly the EMBED_ORIGIN
of each platform as `frame-src` (config/settings.py; a test keeps the two in step), and the
privacy statement (/datenschutz/) names each platform from this list: who runs it, what the
browser loads after the click, where the operator's own privacy policy is.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

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
    operator_address: str = ""
    privacy_url: str = ""
    # What our embed does to limit the platform's data collection, for the privacy statement.
    privacy_note: str = ""

    @property
    def embed_host(self) -> str:
        return urlsplit(self.embed_origin).netloc

    @property
    def watch_host(self) -> str:
        return urlsplit(self.watch_url).netloc


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
        operator_address="Gordon House, Barrow Street, Dublin 4, Irland",
        privacy_url="https://policies.google.com/privacy",
        privacy_note=_(
            "Wir laden den Player über www.youtube-nocookie.com, den „erweiterten Datenschutzmodus“ von YouTube: "
            "YouTube speichert nach eigenen Angaben erst dann Informationen in Ihrem Browser, wenn Sie das Video "
            "abspielen."
        ),
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
        operator_address="330 West 34th Street, 5th Floor, New York, NY 10001, USA",
        privacy_url="https://vimeo.com/privacy",
        privacy_note=_(
            "Wir laden den Player mit der Einstellung „Do Not Track“ (dnt=1): Vimeo verfolgt nach eigenen Angaben "
            "Ihre Sitzung im Player dann nicht."
        ),
    ),
}

EMBED_ORIGINS = sorted(platform.embed_origin for platform in PLATFORMS.values())
