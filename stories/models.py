"""Success stories (testimonials and staff portraits) with photos and videos, and explainer videos."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from consent.models import Consent, Scope, ended_q, shown_with_consent
from mediafiles.images import (
    INCOMING_FOLDER,
    FocalPointTracking,
    Picture,
    add_renditions,
    focal_field,
    picture_for,
    remember_focal,
    store_clean_original,
)
from mediafiles.uploads import RandomName, gate, stored_size
from mediafiles.videos import VideoMedia
from shared.publication import Publishable, PublishableQuerySet, Versioned, published_q
from shared.richtext import RichTextField
from shared.validation import errors_from


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


class StoryKind(models.TextChoices):
    TESTIMONIAL = "testimonial", _("Erfahrungsbericht")
    STAFF = "staff", _("Porträt aus dem Jobcenter")


def public_story_q(prefix: str = "", at=None, scope: str = Scope.WEB) -> Q:
    """The publication rule of stories, also across a relation (`public_story_q("stories__")`):
    published in its window, and shown with the consent of every person on record
    (consent.models.shown_with_consent). A withdrawal or an expiry takes effect by itself."""
    return published_q(prefix, at) & Q(**{f"{prefix}pk__in": shown_with_consent(scope, at)})


class StoryQuerySet(PublishableQuerySet):
    def released(self, at=None) -> "StoryQuerySet":
        """Published or scheduled, and shown with consent now (search/index.py ends each entry
        when the first consent ends, stories/search_index.py)."""
        return super().released(at).filter(pk__in=shown_with_consent(Scope.WEB, at))

    def for_kommune(self, kommune) -> "StoryQuerySet":
        return self.filter(kommune=kommune)

    def featured(self) -> "StoryQuerySet":
        """Stories chosen for the landing page."""
        return self.filter(featured=True)

    def for_landing_page(self) -> "StoryQuerySet":
        """The landing page's stories, the Titelgeschichte first (campaign/views.py picks the hero)."""
        return self.filter(Q(featured=True) | Q(cover_story=True)).order_by("-cover_story", *Story._meta.ordering)

    def with_format(self, story_format: str) -> "StoryQuerySet":
        video = ~Q(video_webm="") | ~Q(video_mp4="") | (~Q(external_platform="") & ~Q(external_video_id=""))
        if story_format == Format.VIDEO:
            return self.filter(video)
        if story_format == Format.PHOTO:
            return self.exclude(video)
        return self

    def for_cards(self) -> "StoryQuerySet":
        """Everything includes/story_card.html shows, in two queries for any number of stories.

        The photos go into a plain list, already in order (`card_photos`, read by
        `ordered_photos`): a prefetch into `story.photos` would build a queryset per story, a
        third of the cost of fetching a gallery page's 24 cards."""
        return self.select_related("kommune").prefetch_related(
            Prefetch("photos", queryset=Photo.objects.order_by("position", "pk"), to_attr="card_photos")
        )


class Story(VideoMedia, Publishable, Versioned):
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
    body = RichTextField(_("Text"), max_length=20_000, validators=[MaxLengthValidator(20_000)], blank=True)
    kommune = models.ForeignKey(
        "campaign.Kommune", verbose_name=_("Kommune"), on_delete=models.PROTECT, related_name="stories"
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("Themen"), blank=True, related_name="stories")
    featured = models.BooleanField(
        _("Auf der Startseite zeigen"), default=False, help_text=_("Ausgewählte Geschichten für die Startseite.")
    )
    cover_story = models.BooleanField(
        _("Titelgeschichte"),
        default=False,
        help_text=_(
            "Die Geschichte, die oben auf der Startseite neben dem Claim steht, mit Bild, Zitat, Name und "
            "Kommune. Es gibt immer nur eine: Wer eine neue wählt, ersetzt die bisherige. Ohne Wahl steht dort "
            "die neueste Geschichte, die auf der Startseite gezeigt wird."
        ),
    )
    is_example = models.BooleanField(
        _("Beispielinhalt"),
        default=False,
        editable=False,
        help_text=_("Von „load_demo“ angelegte, erfundene Geschichte für die Demo."),
    )
    # A "change row": a change of the published story `draft_of`, written by its Kommune while
    # visitors keep seeing the published story; never public itself (stories/drafts.py).
    draft_of = models.OneToOneField(
        "self",
        verbose_name=_("Änderung an"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="pending_change",
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = StoryQuerySet.as_manager()

    MEDIA_FOLDER = "stories"
    # The Kommune a story belongs to: its editors (shared/roles.py) write and preview it.
    KOMMUNE_PATH = "kommune"

    class Meta:
        verbose_name = _("Geschichte")
        verbose_name_plural = _("Geschichten")
        ordering = ["-publish_from", "name"]
        indexes = [models.Index(fields=["status", "publish_from"])]

    def __str__(self) -> str:
        text = f"{self.name}: „{self.quote}“"
        # In lists, the log and the e-mails a change tells what it is.
        return _("%(story)s (Änderung)") % {"story": text} if self.draft_of_id else text

    def get_absolute_url(self) -> str:
        return reverse("stories:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.cover_story:
            # One Titelgeschichte: choosing a new one replaces the old (saved one by one, so that
            # their history and the page cache see the change).
            for other in type(self).objects.filter(cover_story=True).exclude(pk=self.pk):
                other.cover_story = False
                other.save(update_fields=["cover_story"])

    @classmethod
    def public_q(cls, prefix: str = "", at=None) -> Q:
        return public_story_q(prefix, at)

    @property
    def is_published(self) -> bool:
        return super().is_published and self.has_consent()

    def has_consent(self, scope: str = Scope.WEB) -> bool:
        """Every person on record for this story holds a consent valid for `scope` now. A change
        row asks its published story, which the consents name (consent.models.Consent.story)."""
        pk = self.draft_of_id or self.pk
        return pk is not None and type(self).objects.filter(pk=pk, pk__in=shown_with_consent(scope)).exists()

    def preview_refusal(self) -> str:
        """A preview link dies with the consent too: once a consent on record has ended (withdrawn or
        expired) and not every person holds a valid one. A draft without any record yet is previewed."""
        refusal = super().preview_refusal()
        pk = self.draft_of_id or self.pk
        if refusal or pk is None:
            return refusal
        if Consent.objects.filter(ended_q(), story_id=pk).exists() and not self.has_consent():
            return _("Eine Einwilligung ist widerrufen oder abgelaufen; die Geschichte darf nicht gezeigt werden.")
        return ""

    @property
    def is_change(self) -> bool:
        """A change waiting on top of the published story `draft_of` (stories/drafts.py)."""
        return self.draft_of_id is not None

    @property
    def story_format(self) -> str:
        return Format.VIDEO if self.has_video else Format.PHOTO

    @cached_property
    def ordered_photos(self) -> list["Photo"]:
        # The list StoryQuerySet.for_cards() prefetched; else story.photos (prefetched by the
        # detail view).
        if (card_photos := self.__dict__.get("card_photos")) is not None:
            return card_photos
        return sorted(self.photos.all(), key=lambda photo: (photo.position, photo.pk))

    @cached_property
    def cover_picture(self) -> Picture | None:
        """The picture on cards: the video's poster, else the first photo."""
        if self.has_video and self.poster_picture:
            return self.poster_picture
        return self.ordered_photos[0].picture if self.ordered_photos else None

    @cached_property
    def card_picture(self) -> Picture | None:
        """cover_picture cut to the cards' and the hero's shape around its focal point, so that a
        poster or photo fills the frame with the face in view."""
        if self.has_video and self.poster_card_picture:
            return self.poster_card_picture
        return self.ordered_photos[0].card_picture if self.ordered_photos else None


class PhotoQuerySet(models.QuerySet):
    def cleared_for_press(self) -> "PhotoQuerySet":
        """Photos of published stories whose persons' consents all cover the press download."""
        cleared = self.filter(story__in=Story.objects.published()).filter(story__in=shown_with_consent(Scope.PRESS))
        return cleared.exclude(image__contains=f"/{INCOMING_FOLDER}/")  # in preparation: no download yet


class Photo(models.Model):
    """One photo of a story, with the texts every published photo needs."""

    story = models.ForeignKey(Story, verbose_name=_("Geschichte"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("Bild"),
        upload_to=RandomName("stories/photos"),
        width_field="width",
        height_field="height",
        validators=gate("image"),
        help_text=_(
            "JPEG, PNG, WebP, AVIF oder HEIC (Foto vom iPhone), mindestens 480 Pixel breit, höchstens "
            "64 Megapixel und 40 MB. Standortdaten werden beim Speichern entfernt. Ein großes Foto bereitet die "
            "Website nach dem Speichern auf; es erscheint, sobald es fertig ist."
        ),
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
    focal_x = focal_field(
        _("Fokuspunkt waagerecht"),
        _("0 = linker Rand, 0,5 = Mitte, 1 = rechter Rand. Am einfachsten: in der Vorschau auf das Gesicht klicken."),
    )
    focal_y = focal_field(
        _("Fokuspunkt senkrecht"),
        _(
            "0 = oberer Rand, 0,5 = Mitte, 1 = unterer Rand. "
            "Jeder Bildausschnitt (Karten, Startseite) hält diesen Punkt im Bild."
        ),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    file_size = models.PositiveBigIntegerField(_("Dateigröße in Byte"), default=0, editable=False)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("Foto")
        verbose_name_plural = _("Fotos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            store_clean_original(self.image)
            self.file_size = self.image.size
        elif self.image and not self.file_size:
            self.file_size = stored_size(self.image)
        focal = FocalPointTracking(self, "image")
        super().save(*args, **kwargs)
        focal.after_save()

    def get_absolute_url(self) -> str:
        return self.story.get_absolute_url()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        remember_focal(instance, "image")
        return instance

    @cached_property
    def picture(self) -> Picture | None:
        return picture_for(self, "image", self.alt_text, self.width, self.height)

    @cached_property
    def card_picture(self) -> Picture | None:
        """The photo cut to the cards' shape around its focal point (mediafiles/images.py)."""
        return picture_for(self, "image", self.alt_text, self.width, self.height, crop=True)


class ExplainerVideo(VideoMedia, Publishable, Versioned):
    """A short video that explains a benefit or a service, e.g. the Bildungs- und Teilhabepaket."""

    title = models.CharField(_("Titel"), max_length=160)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=160, unique=True)
    teaser = models.TextField(_("Kurztext"), max_length=500, help_text=_("Zwei, drei Sätze für die Übersicht."))
    body = RichTextField(_("Text"), max_length=20_000, validators=[MaxLengthValidator(20_000)], blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_example = models.BooleanField(_("Beispielinhalt"), default=False, editable=False)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    MEDIA_FOLDER = "stories"

    class Meta:
        verbose_name = _("Erklärvideo")
        verbose_name_plural = _("Erklärvideos")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stories:explainer_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = errors_from(super().clean)
        if not (self.has_own_video or self.video_source or self.external_platform or self.external_video_id):
            errors.setdefault("video_source", []).append(
                _("Ein Erklärvideo braucht ein Video: bitte eine Video-Datei hochladen.")
            )
        if errors:
            raise ValidationError(errors)


add_renditions(Photo, "image")
add_renditions(Story, "poster")
add_renditions(ExplainerVideo, "poster")


# Revisions (simple-history): registered in stories/translation.py, after the translation fields.
