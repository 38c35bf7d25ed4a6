"""The one video model: the fields of stories, explainer videos and the sign-language videos.

A video is accessible or it is not published: captions (WebVTT, German), a transcript, its
duration and a described poster. It is either our own files, played by
templates/includes/video_player.html, or a video on an external platform shown behind the
two-click facade of templates/includes/video_facade.html.

Editors upload one file as the phone or camera saved it (`video_source`); the background task
of mediafiles/video_processing.py makes the web MP4, the WebM, the poster and the duration from it.
Captions are a WebVTT file or lines typed in the admin (`caption_text`), from which the site
writes the WebVTT file; the transcript is filled from the captions when it is empty.
"""

from decimal import Decimal
from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mediafiles.access import SOURCE_FOLDER
from mediafiles.images import (
    FocalPointTracking,
    Picture,
    focal_field,
    picture_for,
    remember_focal,
    store_clean_original,
)
from mediafiles.platforms import PLATFORMS, PlatformChoice
from mediafiles.uploads import gate, random_name, stored_size
from mediafiles.webvtt import parse_typed_captions, parse_webvtt, to_webvtt, transcript_of
from shared.publication import Status
from shared.validation import errors_from


# Files go below the concrete model's MEDIA_FOLDER under a random name, e.g. "stories/videos/<hex>.mp4".
def upload_video(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/videos/{random_name(filename)}"


def upload_captions(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/captions/{random_name(filename)}"


def upload_poster(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/posters/{random_name(filename)}"


# The uploaded originals are never served (mediafiles/access.py hides SOURCE_FOLDER).
def upload_source(instance, filename: str) -> str:
    return f"{instance.MEDIA_FOLDER}/{SOURCE_FOLDER}/{random_name(filename)}"


class Processing(models.TextChoices):
    """Where the uploaded video is on its way to the web files (mediafiles/video_processing.py)."""

    WAITING = "waiting", _("Wartet auf die Verarbeitung")
    RUNNING = "running", _("Wird verarbeitet")
    READY = "ready", _("Fertig")
    FAILED = "failed", _("Fehlgeschlagen")


PENDING = (Processing.WAITING, Processing.RUNNING)
# The task's bookkeeping: no content, so no revision history remembers or restores it.
PROCESSING_FIELDS = [
    "processing_state",
    "processing_progress",
    "processing_error",
    "processed_source",
    "processed_poster_time",
    "poster_from_video",
]


class VideoMedia(models.Model):
    """A video with everything it needs to be accessible: poster, captions, transcript, duration.

    Either our own files (WebM and/or MP4, played by templates/includes/video_player.html)
    or a video on an external platform, shown behind a two-click facade
    (templates/includes/video_facade.html) that requests nothing before the click.
    """

    video_source = models.FileField(
        _("Video-Datei"),
        upload_to=upload_source,
        max_length=200,
        blank=True,
        validators=gate("video_source"),
        help_text=_(
            "Das Video so, wie Telefon oder Kamera es speichern: MP4, MOV oder WebM (H.264, HEVC oder VP9), "
            "hoch- oder querformatig, bis 2 GB. Nach dem Speichern macht die Website daraus MP4 und WebM für "
            "das Web, das Vorschaubild und die Dauer."
        ),
    )
    poster_time = models.DecimalField(
        _("Vorschaubild bei Sekunde"),
        max_digits=7,
        decimal_places=1,
        default=Decimal("1.0"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(86_400)],
        help_text=_(
            "Das Bild aus dem Video an dieser Stelle wird das Vorschaubild, z. B. 3,5 (leer: Sekunde 1). Ein "
            "hochgeladenes Vorschaubild (unten) geht vor."
        ),
    )
    processing_state = models.CharField(
        _("Verarbeitung"), max_length=10, choices=Processing.choices, default=Processing.READY, editable=False
    )
    processing_progress = models.PositiveSmallIntegerField(_("Fortschritt in Prozent"), default=100, editable=False)
    processing_error = models.TextField(
        _("Fehler bei der Verarbeitung"),
        max_length=2_000,
        validators=[MaxLengthValidator(2_000)],
        blank=True,
        editable=False,
    )
    # The source the web files and the poster were made from (a task run twice does nothing twice).
    processed_source = models.CharField(max_length=200, blank=True, editable=False)
    processed_poster_time = models.DecimalField(max_digits=7, decimal_places=1, null=True, editable=False)
    poster_from_video = models.BooleanField(default=False, editable=False)
    caption_text = models.TextField(
        _("Untertitel schreiben"),
        max_length=50_000,
        validators=[MaxLengthValidator(50_000)],
        blank=True,
        help_text=_(
            "Statt einer WebVTT-Datei: eine Zeile je Untertitel, vorn die Startzeit, z. B. „0:05 Ich heiße "
            "Björn.“ oder mit Ende „0:05-0:09 Text“. Eine Zeile ohne Zeit ist die zweite Zeile des Untertitels "
            "darüber. Die Website schreibt daraus die WebVTT-Datei."
        ),
    )
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
        help_text=_(
            "Wird gezeigt, bevor das Video startet, und auf der Übersichtsseite: JPEG, PNG, WebP, AVIF oder HEIC, "
            "mindestens 480 Pixel breit, höchstens 64 Megapixel und 40 MB."
        ),
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
            self.poster_from_video = False
        stored = self._stored_values()
        if self.caption_text.strip() and (not self.captions or stored.get("caption_text") != self.caption_text):
            self._write_captions()
        self.video_webm_size = stored_size(self.video_webm, self.video_webm_size)
        self.video_mp4_size = stored_size(self.video_mp4, self.video_mp4_size)
        queue = self._prepare_processing(stored)
        focal = FocalPointTracking(self, "poster")
        super().save(*args, **kwargs)
        focal.after_save()
        if queue:
            from mediafiles.video_processing import enqueue

            enqueue(self)

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        remember_focal(instance, "poster")
        return instance

    def _stored_values(self) -> dict:
        if self._state.adding or self.pk is None:
            return {}
        rows = type(self)._default_manager.filter(pk=self.pk)
        return rows.values("caption_text", "poster_time", "video_source").first() or {}

    def _write_captions(self) -> None:
        try:
            cues = parse_typed_captions(self.caption_text, self.duration)
        except ValueError:
            return  # clean() reports it; a save without clean keeps the file it has
        self.captions.save("untertitel.vtt", ContentFile(to_webvtt(cues).encode("utf-8")), save=False)

    def _prepare_processing(self, stored: dict) -> bool:
        """Mark the video for the task when its source is new or the poster time changed."""
        if not self.video_source:
            self.processing_state, self.processing_progress, self.processing_error = Processing.READY, 100, ""
            return False
        # New: uploaded in this save, or stored by code before it (video_source.save(..., save=False)).
        if not self.video_source._committed or stored.get("video_source", "") != self.video_source.name:
            self.processing_state, self.processing_progress, self.processing_error = Processing.WAITING, 0, ""
            self.processed_source = ""
            return True
        poster_moved = stored and stored["poster_time"] != self.poster_time
        if poster_moved and self.processing_state in (Processing.READY, Processing.FAILED):
            self.processing_state, self.processing_error = Processing.WAITING, ""
            return True
        return False

    # -- validation ------------------------------------------------------------------
    def clean(self) -> None:
        errors = errors_from(super().clean)

        def need(field: str, message) -> None:
            if not getattr(self, field):
                errors.setdefault(field, []).append(message)

        source = bool(self.video_source)
        going_public = getattr(self, "status", None) in (Status.REVIEW, Status.PUBLISHED)
        if (self.has_own_video or source) and (self.external_platform or self.external_video_id):
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                _("Bitte entweder ein eigenes Video hochladen oder ein Video einer Plattform angeben, nicht beides.")
            )
        cues = self._clean_captions(errors)
        if cues and not self.transcript.strip():
            self.transcript = transcript_of(cues)
        if source and going_public:
            self._clean_processing(errors)
            if not (self.captions or self.caption_text.strip()):
                errors.setdefault("captions", []).append(
                    _(
                        "Ohne Untertitel kann das Video weder eingereicht noch veröffentlicht werden. Bitte eine "
                        "WebVTT-Datei hochladen oder die Untertitel unter „Untertitel schreiben“ eintragen."
                    )
                )
        if self.has_own_video and not source:
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
        if self.has_video and (not source or going_public):
            need("transcript", _("Zu einem Video gehört ein Transkript mit dem vollständigen Text."))
            if not (source and self.processing_state in PENDING):  # the task makes the poster
                need("poster", _("Zu einem Video gehört ein Vorschaubild."))
            need("poster_alt", _("Bitte beschreiben Sie das Vorschaubild (Alternativtext)."))
        elif source and going_public:
            need("poster_alt", _("Bitte beschreiben Sie das Vorschaubild (Alternativtext)."))
        if errors:
            raise ValidationError(errors)

    def _clean_captions(self, errors: dict) -> list:
        """The captions' cues (typed or from the file), with errors for typed lines that are wrong."""
        if self.caption_text.strip():
            if self.captions and not self.captions._committed:
                errors.setdefault("caption_text", []).append(
                    _(
                        "Bitte entweder eine WebVTT-Datei hochladen oder die Untertitel hier schreiben, nicht "
                        "beides. Um die Datei zu nutzen, leeren Sie dieses Feld."
                    )
                )
                return []
            try:
                return parse_typed_captions(self.caption_text, self.duration)
            except ValueError as error:
                errors.setdefault("caption_text", []).append(str(error))
                return []
        if self.captions and not self.transcript.strip():
            try:
                self.captions.open("rb")
                self.captions.seek(0)
                return parse_webvtt(self.captions.read().decode("utf-8-sig"))
            except (OSError, ValueError):
                return []  # the file's own validator reports a broken new upload
            finally:
                self.captions.seek(0)
        return []

    def _clean_processing(self, errors: dict) -> None:
        if not self.video_source._committed or self.processing_state in PENDING:
            message = _(
                "Das Video wird noch verarbeitet. Bitte speichern Sie als Entwurf; einreichen oder "
                "veröffentlichen können Sie, sobald das Video fertig ist."
            )
        elif self.processing_state == Processing.FAILED:
            message = _(
                "Das Video konnte nicht verarbeitet werden. Bitte laden Sie es erneut hoch oder als Entwurf speichern."
            )
        else:
            return
        errors.setdefault("video_source", []).append(message)

    # -- what templates use ------------------------------------------------------------
    @property
    def processing_pending(self) -> bool:
        return bool(self.video_source) and self.processing_state in PENDING

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
    def is_portrait(self) -> bool:
        """Taller than wide (a phone held upright), judged by the poster: the player reserves its size."""
        return bool(self.poster_width and self.poster_height and self.poster_height > self.poster_width)

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
