"""The newsroom's content: press releases, press coverage, press contacts and the files of the
press kit. The key figures are campaign.KeyFigure; story photos come from stories.Photo."""

import re
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from campaign.press import files
from config.richtext import RichTextField
from stories.images import Picture, add_renditions, picture_for, store_clean_original

# Shown with the files the campaign itself publishes (the key-figures sheet, the demo logo).
CAMPAIGN_CREDIT = "© Deutscher Landkreistag und Deutscher Städtetag"
USAGE_TERMS = "Nur zur redaktionellen Nutzung im Zusammenhang mit der Kampagne. Keine Veränderung außer Beschnitt."
# Paths inside /presse/ that a release's address must not take.
RESERVED_SLUGS = {"feed"}

validate_release_number = RegexValidator(
    r"^\d{3}/\d{4}\Z",
    message=_(
        "Bitte geben Sie die Nummer in der Form „022/2018“ an: drei Ziffern, Schrägstrich, vierstellige Jahreszahl."
    ),
    code="invalid_number",
)


def validate_release_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("„%(slug)s“ ist als Adresse reserviert. Bitte wählen Sie einen anderen Kurznamen."),
            code="reserved_slug",
            params={"slug": value},
        )


def newsroom_url(anchor: str = "") -> str:
    return reverse("campaign:press") + (f"#{anchor}" if anchor else "")


class PressReleaseQuerySet(models.QuerySet):
    def published(self) -> "PressReleaseQuerySet":
        """Released, and its date has come (a later date is an embargo)."""
        return self.filter(published=True, date__lte=timezone.localdate())

    def in_year(self, year: int) -> "PressReleaseQuerySet":
        return self.filter(date__year=year)


class PressRelease(models.Model):
    """A press release of the campaign (numbered, e.g. Nr. 022/2018) or of a participating Jobcenter."""

    number = models.CharField(
        _("Nummer"),
        max_length=20,
        blank=True,
        validators=[validate_release_number],
        help_text=_(
            "In der Form „022/2018“ (laufende Nummer/Jahr). Leer lassen bei Mitteilungen anderer Herausgeber "
            "ohne Nummer."
        ),
    )
    date = models.DateField(
        _("Datum"), help_text=_("Die Mitteilung erscheint ab diesem Tag, wenn sie als veröffentlicht markiert ist.")
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname in der Adresse"), max_length=200, unique=True, validators=[validate_release_slug]
    )
    lead = models.TextField(
        _("Vorspann"),
        help_text=_("Der erste Absatz mit dem Wichtigsten. Erscheint auch in Übersichten und im Feed."),
    )
    body = RichTextField(_("Text"))
    is_joint = models.BooleanField(
        _("Gemeinsame Pressemitteilung"),
        default=False,
        help_text=_("Ankreuzen, wenn mehrere Herausgeber die Mitteilung gemeinsam herausgeben."),
    )
    issuers = models.CharField(
        _("Herausgeber"),
        max_length=300,
        help_text=_("Bei mehreren durch Komma getrennt, z. B. „Deutscher Landkreistag, Deutscher Städtetag“."),
    )
    footnotes = models.TextField(
        _("Fußnoten"),
        blank=True,
        help_text=_(
            "Eine Fußnote je Zeile, beginnend mit ihrem Zeichen im Text, z. B. „*Eine nachhaltige Integration …“."
        ),
    )
    downloads = models.ManyToManyField(
        "campaign.PressKitItem",
        verbose_name=_("Zugehörige Downloads"),
        blank=True,
        related_name="releases",
        help_text=_("Dateien aus dem Pressematerial, die unter der Mitteilung angeboten werden."),
    )
    published = models.BooleanField(_("Veröffentlicht"), default=False)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("Pressemitteilung")
        verbose_name_plural = _("Pressemitteilungen")
        ordering = ["-date", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                condition=~Q(number=""),
                name="campaign_pressrelease_unique_number",
                violation_error_message=_("Diese Nummer ist schon an eine andere Pressemitteilung vergeben."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("campaign:press_release", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.published and self.date <= timezone.localdate()

    def issuer_list(self) -> list[str]:
        return [name.strip() for name in self.issuers.split(",") if name.strip()]

    def footnote_list(self) -> list[str]:
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.number and re.match(r"^\d{3}/\d{4}\Z", self.number):
            year = int(self.number[-4:])
            if self.date and self.date.year != year:
                errors.setdefault("number", []).append(
                    ValidationError(
                        _("Die Jahreszahl der Nummer (%(number_year)s) passt nicht zum Datum (%(date_year)s)."),
                        code="year_mismatch",
                        params={"number_year": year, "date_year": self.date.year},
                    )
                )
            taken = PressRelease.objects.filter(number=self.number).exclude(pk=self.pk).first()
            if taken is not None:
                errors.setdefault("number", []).append(
                    ValidationError(
                        _("Die Nummer %(number)s ist schon vergeben („%(title)s“)."),
                        code="number_taken",
                        params={"number": self.number, "title": taken.title},
                    )
                )
        if self.is_joint and len(self.issuer_list()) < 2:
            errors.setdefault("issuers", []).append(
                ValidationError(
                    _("Eine gemeinsame Pressemitteilung hat mindestens zwei Herausgeber, durch Komma getrennt."),
                    code="joint_needs_issuers",
                )
            )
        if errors:
            raise ValidationError(errors)


class PressCoverageQuerySet(models.QuerySet):
    def published(self) -> "PressCoverageQuerySet":
        return self.filter(published=True)

    def in_year(self, year: int) -> "PressCoverageQuerySet":
        return self.filter(date__year=year)


class PressCoverage(models.Model):
    """An article about the campaign in other media ("Pressespiegel"), linked, never copied."""

    title = models.CharField(_("Titel des Beitrags"), max_length=300)
    source = models.CharField(_("Medium"), max_length=200, help_text=_("Zeitung, Zeitschrift, Sender oder Website."))
    author = models.CharField(_("Autorin oder Autor"), max_length=200, blank=True)
    date = models.DateField(_("Erschienen am"))
    url = models.URLField(
        _("Link zum Beitrag"),
        max_length=500,
        blank=True,
        help_text=_("Leer lassen, wenn es keinen frei zugänglichen Link gibt; die Seite sagt das dann."),
    )
    teaser = models.TextField(_("Kurzbeschreibung"), blank=True, max_length=600)
    published = models.BooleanField(_("Veröffentlicht"), default=True)

    objects = PressCoverageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag im Pressespiegel")
        verbose_name_plural = _("Pressespiegel")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.source}: {self.title}"

    def get_absolute_url(self) -> str:
        return newsroom_url("pressespiegel")


class PressContactQuerySet(models.QuerySet):
    def published(self) -> "PressContactQuerySet":
        return self.filter(published=True)


class PressContact(models.Model):
    """A press office journalists can call: the Deutscher Landkreistag, the Deutscher Städtetag."""

    organisation = models.CharField(_("Organisation"), max_length=200)
    department = models.CharField(_("Bereich"), max_length=200, default="Pressestelle")
    name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    published = models.BooleanField(_("Veröffentlicht"), default=True)

    objects = PressContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("Pressekontakt")
        verbose_name_plural = _("Pressekontakte")
        ordering = ["position", "organisation"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.department}" if self.department else self.organisation

    def get_absolute_url(self) -> str:
        return newsroom_url("pressekontakte")

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class KitKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    PHOTO = "foto", _("Foto")
    DOCUMENT = "dokument", _("Dokument")


class PressKitItemQuerySet(models.QuerySet):
    def published(self) -> "PressKitItemQuerySet":
        return self.filter(published=True)

    def in_kit(self) -> "PressKitItemQuerySet":
        """Published and meant for the kit on /presse/ (others only accompany a release)."""
        return self.published().filter(show_in_kit=True)


class PressKitItem(models.Model):
    """A file journalists may download: a logo, a press photo, a document, with credit and terms.

    Type, size and pixel size are read from the stored file when it is saved, never typed
    in. Raster images are stored upright and without metadata (like every photo on the
    site) and get responsive previews (stories/images.py).
    """

    title = models.CharField(_("Titel"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=KitKind.choices, default=KitKind.PHOTO)
    file = models.FileField(
        _("Datei"),
        upload_to="presse/",
        max_length=200,
        validators=[files.validate_kit_file],
        help_text=_("SVG, PNG, JPEG, WebP oder PDF, höchstens 50 MB. Fotos in Druckauflösung (das Original)."),
    )
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=250,
        blank=True,
        help_text=_("Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen. Pflicht bei Bildern."),
    )
    credit = models.CharField(
        _("Nachweis (©)"),
        max_length=200,
        help_text=_("Wird so neben der Datei gezeigt, z. B. „© Deutscher Landkreistag / Foto: Max Muster“."),
    )
    usage_terms = models.TextField(_("Nutzungsbedingungen"), default=USAGE_TERMS)
    file_type = models.CharField(_("Dateityp"), max_length=50, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("Dateigröße in Byte"), default=0, editable=False)
    width = models.PositiveIntegerField(_("Breite in Pixeln"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("Höhe in Pixeln"), null=True, blank=True, editable=False)
    # The same stored file when it is a raster image: the source of the responsive previews.
    preview = models.ImageField(_("Vorschau"), upload_to="presse/", max_length=200, blank=True, editable=False)
    show_in_kit = models.BooleanField(
        _("Im Pressematerial zeigen"),
        default=True,
        help_text=_("Ohne Haken wird die Datei nur unter den Pressemitteilungen angeboten, die sie verknüpfen."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    published = models.BooleanField(_("Veröffentlicht"), default=True)
    is_demo = models.BooleanField(
        _("Demo-Inhalt"), default=False, editable=False, help_text=_("Von „load_demo“ angelegt: vor dem Start prüfen.")
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = PressKitItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("Datei im Pressematerial")
        verbose_name_plural = _("Pressematerial")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed and files.detect_type(self.file) in files.RASTER_TYPES:
            store_clean_original(self.file)
        self.read_file_info()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return newsroom_url("pressematerial")

    def clean(self) -> None:
        errors = {}
        if self.credit and "©" not in self.credit:
            errors["credit"] = ValidationError(
                _("Der Nachweis braucht das Zeichen „©“, z. B. „© Deutscher Landkreistag“."), code="no_copyright"
            )
        uploaded = self.file and not getattr(self.file, "_committed", True)
        if uploaded and not self.alt_text and files.detect_type(self.file) in files.RASTER_TYPES:
            errors["alt_text"] = ValidationError(
                _("Bitte beschreiben Sie das Bild in einem Alternativtext."), code="alt_text_required"
            )
        if errors:
            raise ValidationError(errors)

    def read_file_info(self) -> None:
        """Type, size and pixel size of the file (cheap: its header and a stat)."""
        if not self.file:
            self.file_type, self.file_size, self.width, self.height, self.preview = "", 0, None, None, ""
            return
        stored = self.file._committed
        if stored:
            self.file.open("rb")
        try:
            self.file_type = files.detect_type(self.file) or ""
            self.width = self.height = None
            if self.file_type in files.RASTER_TYPES:
                with Image.open(self.file) as image:  # reads the header only
                    self.width, self.height = image.size
                self.file.seek(0)
        finally:
            if stored:  # an upload stays open: saving the model writes it to storage next
                self.file.close()
        self.file_size = self.file.size
        self.preview = self.file.name if stored and self.file_type in files.RASTER_TYPES else ""

    @property
    def type_label(self) -> str:
        return files.type_label(self.file_type)

    @property
    def is_svg(self) -> bool:
        return self.file_type == files.SVG

    @cached_property
    def picture(self) -> Picture | None:
        """The responsive preview (raster images only); renditions were made on save."""
        return picture_for(self, "preview", self.alt_text, self.width, self.height)


add_renditions(PressKitItem, "preview")
