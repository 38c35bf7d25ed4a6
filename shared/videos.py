"""The one video model: the fields of stories, explainer videos and the sign-language videos.

A video is accessible or it is not published: captions (WebVTT, German), a transcript, its
duration and a described poster. It is either our own files, played by
templates/includes/video_player.html, or a video on an external platform shown behind the
two-click facade of templates/includes/video_facade.html.
"""

from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from shared.images import (
    FocalPointTracking,
    Picture,
    focal_field,
    picture_for,
    remember_focal,
    store_clean_original,
)
from shared.platforms import PLATFORMS, PlatformChoice
from shared.uploads import gate, random_name, stored_size
from shared.validation import errors_from


# Files go below the concrete model's MEDIA_FOLDER under a random name, e.g. "stories/videos/<hex>.mp4".
def upload_video(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/videos/{random_name(filename)}"


def upload_captions(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/captions/{random_name(filename)}"


def upload_poster(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/posters/{random_name(filename)}"


class VideoMedia(models.Model):
    """A video with everything it needs to be accessible: poster, captions, transcript, duration.

    Either our own files (WebM and/or MP4, played by templates/includes/video_player.html)
    or a video on an external platform, shown behind a two-click facade
    (templates/includes/video_facade.html) that requests nothing before the click.
    """

    video_webm = models.FileField(
        _("Video (WebM)"),
        upload_to=upload_video,
        blank=True,
        validators=gate("video_webm"),
        help_text=_("WebM mit VP9 oder VP8 und Opus. Spielt in allen aktuellen Browsern."),
    )
    video_mp4 = models.FileField(
        _("Video (MP4)"),
        upload_to=upload_video,
        blank=True,
        validators=gate("video_mp4"),
        help_text=_("MP4 mit H.264 und AAC, für ältere Geräte und zum Herunterladen."),
    )
    video_webm_size = models.PositiveBigIntegerField(_("Größe WebM (Bytes)"), default=0, editable=False)
    video_mp4_size = models.PositiveBigIntegerField(_("Größe MP4 (Bytes)"), default=0, editable=False)
    captions = models.FileField(
        _("Untertitel (WebVTT, Deutsch)"),
        upload_to=upload_captions,
        blank=True,
        validators=gate("captions"),
        help_text=_("Pflicht für eigene Videos: alles Gesprochene und wichtige Geräusche als WebVTT-Datei."),
    )
    transcript = models.TextField(
        _("Transkript"),
        max_length=50_000,
        validators=[MaxLengthValidator(50_000)],
        blank=True,
        help_text=_("Pflicht für Videos: der vollständige Text des Videos, mit Beschreibung des Gezeigten."),
    )
    duration = models.PositiveIntegerField(_("Dauer in Sekunden"), null=True, blank=True)
    poster = models.ImageField(
        _("Vorschaubild"),
        upload_to=upload_poster,
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        validators=gate("image"),
        help_text=_("Wird gezeigt, bevor das Video startet, und auf der Übersichtsseite."),
    )
    poster_width = models.PositiveIntegerField(_("Breite des Vorschaubilds"), null=True, editable=False)
    poster_height = models.PositiveIntegerField(_("Höhe des Vorschaubilds"), null=True, editable=False)
    poster_alt = models.CharField(
        _("Alternativtext des Vorschaubilds"),
        max_length=250,
        blank=True,
        help_text=_("Was auf dem Vorschaubild zu sehen ist, für Menschen, die es nicht sehen."),
    )
    poster_focal_x = focal_field(
        _("Fokuspunkt des Vorschaubilds waagerecht"),
        _("0 = linker Rand, 0,5 = Mitte, 1 = rechter Rand. Am einfachsten: in der Vorschau auf das Gesicht klicken."),
    )
    poster_focal_y = focal_field(
        _("Fokuspunkt des Vorschaubilds senkrecht"),
        _(
            "0 = oberer Rand, 0,5 = Mitte, 1 = unterer Rand. "
            "Jeder Bildausschnitt (Karten, Startseite) hält diesen Punkt im Bild."
        ),
    )
    external_platform = models.CharField(
        _("Externe Plattform"), max_length=20, choices=PlatformChoice.choices, blank=True
    )
    external_video_id = models.CharField(
        _("Video-ID auf der Plattform"),
        max_length=20,
        blank=True,
        help_text=_("Nur die ID, keine Adresse und kein Einbettungscode."),
    )

    # The folder in MEDIA_ROOT for this model's files.
    MEDIA_FOLDER = "videos"

    class Meta:
        abstract = True

    # -- saving ----------------------------------------------------------------------
    def save(self, *args, **kwargs):
        if self.poster and not self.poster._committed:
            store_clean_original(self.poster)
        self.video_webm_size = stored_size(self.video_webm, self.video_webm_size)
        self.video_mp4_size = stored_size(self.video_mp4, self.video_mp4_size)
        focal = FocalPointTracking(self, "poster")
        super().save(*args, **kwargs)
        focal.after_save()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        remember_focal(instance, "poster")
        return instance

    # -- validation ------------------------------------------------------------------
    def clean(self) -> None:
        errors = errors_from(super().clean)

        def need(field: str, message) -> None:
            if not getattr(self, field):
                errors.setdefault(field, []).append(message)

        if self.has_own_video and (self.external_platform or self.external_video_id):
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                _("Bitte entweder ein eigenes Video hochladen oder ein Video einer Plattform angeben, nicht beides.")
            )
        if self.has_own_video:
            need("captions", _("Zu einem Video gehören deutsche Untertitel (WebVTT-Datei)."))
            need("duration", _("Bitte die Dauer des Videos in Sekunden angeben."))
        if self.external_platform or self.external_video_id:
            need("external_platform", _("Bitte die Plattform wählen, auf der das Video liegt."))
            need("external_video_id", _("Bitte die ID des Videos auf der Plattform angeben."))
            platform = PLATFORMS.get(self.external_platform)
            if platform and self.external_video_id and not platform.id_pattern.match(self.external_video_id):
                errors.setdefault("external_video_id", []).append(
                    _("Das ist keine gültige %(platform)s-Video-ID (%(format)s).")
                    % {"platform": platform.label, "format": platform.id_help}
                )
        if self.has_video:
            need("transcript", _("Zu einem Video gehört ein Transkript mit dem vollständigen Text."))
            need("poster", _("Zu einem Video gehört ein Vorschaubild."))
            need("poster_alt", _("Bitte beschreiben Sie das Vorschaubild (Alternativtext)."))
        if errors:
            raise ValidationError(errors)

    # -- what templates use ------------------------------------------------------------
    @property
    def has_own_video(self) -> bool:
        return bool(self.video_webm or self.video_mp4)

    @property
    def has_external_video(self) -> bool:
        return bool(self.external_platform and self.external_video_id) and not self.has_own_video

    @property
    def has_video(self) -> bool:
        return self.has_own_video or self.has_external_video

    @property
    def video_sources(self) -> list[dict]:
        """WebM first: it plays in every current browser, also in Chromium builds without H.264."""
        sources = []
        if self.video_webm:
            sources.append({"url": self.video_webm.url, "type": "video/webm"})
        if self.video_mp4:
            sources.append({"url": self.video_mp4.url, "type": "video/mp4"})
        return sources

    @property
    def video_downloads(self) -> list[dict]:
        downloads = []
        if self.video_mp4:
            downloads.append({"url": self.video_mp4.url, "label": "MP4", "size": self.video_mp4_size})
        if self.video_webm:
            downloads.append({"url": self.video_webm.url, "label": "WebM", "size": self.video_webm_size})
        return downloads

    @property
    def duration_display(self) -> str:
        """ "1:05" for 65 seconds."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(self.duration, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def duration_iso(self) -> str:
        return f"PT{self.duration}S" if self.duration is not None else ""

    @cached_property
    def poster_picture(self) -> Picture | None:
        return picture_for(self, "poster", self.poster_alt, self.poster_width, self.poster_height)

    @cached_property
    def poster_card_picture(self) -> Picture | None:
        """The poster cut to the cards' shape around its focal point."""
        return picture_for(self, "poster", self.poster_alt, self.poster_width, self.poster_height, crop=True)

    @property
    def platform(self):
        return PLATFORMS.get(self.external_platform) if self.has_external_video else None

    @property
    def external_embed_url(self) -> str:
        return self.platform.embed_url.format(id=self.external_video_id) if self.platform else ""

    @property
    def external_watch_url(self) -> str:
        return self.platform.watch_url.format(id=self.external_video_id) if self.platform else ""
