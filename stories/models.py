"""Success stories (testimonials and staff portraits) with photos and videos, and explainer videos."""

from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.richtext import RichTextField
from stories.images import (
    Picture,
    add_renditions,
    picture_for,
    store_clean_original,
    validate_image_extension,
    validate_image_size,
)
from stories.platforms import PLATFORMS, PlatformChoice
from stories.validators import (
    validate_mp4,
    validate_mp4_extension,
    validate_vtt_extension,
    validate_webm,
    validate_webm_extension,
    validate_webvtt,
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("Veröffentlicht")


class Format(models.TextChoices):
    """How a story is told; the value is the URL form (`?format=video`)."""

    PHOTO = "foto", _("Foto")
    VIDEO = "video", _("Video")


class Topic(models.Model):
    """A theme stories can be filtered by (Ausbildung, Familie und Beruf, ...). Editors keep the list."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{reverse('stories:list')}?thema={self.slug}"


class VideoMedia(models.Model):
    """A video with everything it needs to be accessible: poster, captions, transcript, duration.

    Either our own files (WebM and/or MP4, played by templates/includes/video_player.html)
    or a video on an external platform, shown behind a two-click facade
    (templates/includes/video_facade.html) that requests nothing before the click.
    """

    video_webm = models.FileField(
        _("Video (WebM)"),
        upload_to="stories/videos/",
        blank=True,
        validators=[validate_webm_extension, validate_webm],
        help_text=_("WebM mit VP9 oder VP8 und Opus. Spielt in allen aktuellen Browsern."),
    )
    video_mp4 = models.FileField(
        _("Video (MP4)"),
        upload_to="stories/videos/",
        blank=True,
        validators=[validate_mp4_extension, validate_mp4],
        help_text=_("MP4 mit H.264 und AAC, für ältere Geräte und zum Herunterladen."),
    )
    video_webm_size = models.PositiveBigIntegerField(_("Größe WebM (Bytes)"), default=0, editable=False)
    video_mp4_size = models.PositiveBigIntegerField(_("Größe MP4 (Bytes)"), default=0, editable=False)
    captions = models.FileField(
        _("Untertitel (WebVTT, Deutsch)"),
        upload_to="stories/captions/",
        blank=True,
        validators=[validate_vtt_extension, validate_webvtt],
        help_text=_("Pflicht für eigene Videos: alles Gesprochene und wichtige Geräusche als WebVTT-Datei."),
    )
    transcript = models.TextField(
        _("Transkript"),
        blank=True,
        help_text=_("Pflicht für Videos: der vollständige Text des Videos, mit Beschreibung des Gezeigten."),
    )
    duration = models.PositiveIntegerField(_("Dauer in Sekunden"), null=True, blank=True)
    poster = models.ImageField(
        _("Vorschaubild"),
        upload_to="stories/posters/",
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        validators=[validate_image_extension, validate_image_size],
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
    external_platform = models.CharField(
        _("Externe Plattform"), max_length=20, choices=PlatformChoice.choices, blank=True
    )
    external_video_id = models.CharField(
        _("Video-ID auf der Plattform"),
        max_length=20,
        blank=True,
        help_text=_("Nur die ID, keine Adresse und kein Einbettungscode."),
    )

    class Meta:
        abstract = True

    # -- saving ----------------------------------------------------------------------
    def save(self, *args, **kwargs):
        if self.poster and not self.poster._committed:
            store_clean_original(self.poster)
        self.video_webm_size = _size(self.video_webm, self.video_webm_size)
        self.video_mp4_size = _size(self.video_mp4, self.video_mp4_size)
        super().save(*args, **kwargs)

    # -- validation ------------------------------------------------------------------
    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}

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

    @property
    def platform(self):
        return PLATFORMS.get(self.external_platform) if self.has_external_video else None

    @property
    def external_embed_url(self) -> str:
        return self.platform.embed_url.format(id=self.external_video_id) if self.platform else ""

    @property
    def external_watch_url(self) -> str:
        return self.platform.watch_url.format(id=self.external_video_id) if self.platform else ""


def _size(field_file, known: int) -> int:
    """The file's size for the download link; the last known size if storage cannot tell."""
    if not field_file:
        return 0
    try:
        return field_file.size
    except OSError:
        return known


class StoryKind(models.TextChoices):
    TESTIMONIAL = "testimonial", _("Erfahrungsbericht")
    STAFF = "staff", _("Porträt aus dem Jobcenter")


class StoryQuerySet(models.QuerySet):
    def published(self) -> "StoryQuerySet":
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.localdate())

    def for_kommune(self, kommune) -> "StoryQuerySet":
        return self.filter(kommune=kommune)

    def featured(self) -> "StoryQuerySet":
        """Stories chosen for the landing page."""
        return self.filter(featured=True)

    def with_format(self, story_format: str) -> "StoryQuerySet":
        video = ~Q(video_webm="") | ~Q(video_mp4="") | (~Q(external_platform="") & ~Q(external_video_id=""))
        if story_format == Format.VIDEO:
            return self.filter(video)
        if story_format == Format.PHOTO:
            return self.exclude(video)
        return self

    def for_cards(self) -> "StoryQuerySet":
        """Everything includes/story_card.html shows, in two queries for any number of stories."""
        return self.select_related("kommune").prefetch_related(
            Prefetch("photos", queryset=Photo.objects.order_by("position", "pk"))
        )


class Story(VideoMedia):
    """A person tells how they found their way back into work, or a staff member tells what they do."""

    kind = models.CharField(_("Art"), max_length=20, choices=StoryKind.choices, default=StoryKind.TESTIMONIAL)
    name = models.CharField(
        _("Name"), max_length=120, help_text=_("So, wie die Person genannt werden möchte, z. B. „Björn Mehren“.")
    )
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=140, unique=True)
    role = models.CharField(
        _("Tätigkeit"),
        max_length=120,
        blank=True,
        help_text=_("Optional, z. B. „Schlosser“ oder „Fallmanagerin im Jobcenter“."),
    )
    quote = models.CharField(_("Zitat"), max_length=300, help_text=_("Der Satz, der über der Geschichte steht."))
    teaser = models.TextField(_("Kurztext"), max_length=500, help_text=_("Zwei, drei Sätze für Übersichten."))
    body = RichTextField(_("Text"), blank=True)
    kommune = models.ForeignKey(
        "campaign.Kommune", verbose_name=_("Kommune"), on_delete=models.PROTECT, related_name="stories"
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("Themen"), blank=True, related_name="stories")
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateField(
        _("Veröffentlicht am"),
        default=timezone.localdate,
        help_text=_("Die Geschichte erscheint ab diesem Tag, wenn der Status „Veröffentlicht“ ist."),
    )
    featured = models.BooleanField(
        _("Auf der Startseite zeigen"), default=False, help_text=_("Ausgewählte Geschichten für die Startseite.")
    )
    is_example = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        editable=False,
        help_text=_("Von „load_demo“ angelegte, erfundene Geschichte für die Demo."),
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Geschichte")
        verbose_name_plural = _("Geschichten")
        ordering = ["-published_at", "name"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return f"{self.name}: „{self.quote}“"

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED and self.published_at <= timezone.localdate()

    @property
    def story_format(self) -> str:
        return Format.VIDEO if self.has_video else Format.PHOTO

    @cached_property
    def ordered_photos(self) -> list["Photo"]:
        # Uses the prefetch of StoryQuerySet.for_cards() (or the detail view) when present.
        return sorted(self.photos.all(), key=lambda photo: (photo.position, photo.pk))

    @cached_property
    def cover_picture(self) -> Picture | None:
        """The picture on cards: the video's poster, else the first photo."""
        if self.has_video and self.poster_picture:
            return self.poster_picture
        return self.ordered_photos[0].picture if self.ordered_photos else None

    @property
    def jobcenter_url(self) -> str:
        """The Kommune's page (/jobcenter/<slug>/), built by the campaign app."""
        try:
            return self.kommune.get_absolute_url()
        except NoReverseMatch:
            # The campaign pages may not be deployed together with this app yet; the
            # address is fixed by the campaign issue.
            return f"/jobcenter/{self.kommune.slug}/"


class Photo(models.Model):
    """One photo of a story, with the texts every published photo needs."""

    story = models.ForeignKey(Story, verbose_name=_("Geschichte"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("Bild"),
        upload_to="stories/photos/",
        width_field="width",
        height_field="height",
        validators=[validate_image_extension, validate_image_size],
        help_text=_("JPEG, PNG oder WebP, mindestens 480 Pixel breit. Standortdaten werden beim Speichern entfernt."),
    )
    width = models.PositiveIntegerField(_("Breite"), null=True, editable=False)
    height = models.PositiveIntegerField(_("Höhe"), null=True, editable=False)
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=250,
        help_text=_("Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen. Pflicht."),
    )
    caption = models.CharField(_("Bildunterschrift"), max_length=300)
    credit = models.CharField(_("Bildnachweis"), max_length=150, help_text=_("z. B. „Foto: Jobcenter Kreis Düren“"))
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Foto")
        verbose_name_plural = _("Fotos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            store_clean_original(self.image)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return self.story.get_absolute_url()

    @cached_property
    def picture(self) -> Picture | None:
        return picture_for(self, "image", self.alt_text, self.width, self.height)


class ExplainerQuerySet(models.QuerySet):
    def published(self) -> "ExplainerQuerySet":
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.localdate())


class ExplainerVideo(VideoMedia):
    """A short video that explains a benefit or a service, e.g. the Bildungs- und Teilhabepaket."""

    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=160, unique=True)
    teaser = models.TextField(_("Kurztext"), max_length=500, help_text=_("Zwei, drei Sätze für die Übersicht."))
    body = RichTextField(_("Text"), blank=True)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateField(_("Veröffentlicht am"), default=timezone.localdate)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_example = models.BooleanField(_("Beispielinhalt"), default=False, editable=False)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = ExplainerQuerySet.as_manager()

    class Meta:
        verbose_name = _("Erklärvideo")
        verbose_name_plural = _("Erklärvideos")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:explainer_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not self.has_own_video and not (self.external_platform or self.external_video_id):
            errors.setdefault("video_webm", []).append(
                _("Ein Erklärvideo braucht ein Video: bitte eine WebM- oder MP4-Datei hochladen.")
            )
        if errors:
            raise ValidationError(errors)


add_renditions(Photo, "image")
add_renditions(Story, "poster")
add_renditions(ExplainerVideo, "poster")
