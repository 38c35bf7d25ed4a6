"""The newsroom's content: press releases, press coverage, press contacts, the key figures and
the files of the press kit. Story photos for the kit come from stories.Photo (press/kit.py)."""

import calendar
import re
from datetime import date
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from mediafiles import uploads
from mediafiles.images import INCOMING_FOLDER, Picture, add_renditions, picture_for, store_clean_original
from shared.publication import Publishable, PublishableQuerySet, Status, Versioned, start_of_day, status_field
from shared.richtext import RichTextField
from shared.validation import errors_from

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
    return reverse("press:newsroom") + (f"#{anchor}" if anchor else "")


# A path on this site: one "/" and then no second slash or backslash at the start (browsers read
# "//host" and "/\host" as another host), and nowhere a backslash, whitespace or control character
# (browsers drop tabs and line breaks from addresses, so "/\t/host" would become "//host").
SITE_PATH_RE = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*")
WEB_ADDRESS_RE = re.compile(r"https?://[^\s/$.?#\\\x00-\x1f\x7f][^\s\\\x00-\x1f\x7f]*")


def validate_source_url(value: str) -> None:
    """A link to a source: a clean path on this site ("/leitbild/") or an http(s) address."""
    if SITE_PATH_RE.fullmatch(value) or WEB_ADDRESS_RE.fullmatch(value):
        return
    raise ValidationError(
        _(
            "Bitte geben Sie eine Adresse auf dieser Website (beginnt mit „/“) "
            "oder eine vollständige Adresse mit https:// an, ohne Leerzeichen und ohne „\\“."
        ),
        code="invalid_url",
    )


class PressReleaseQuerySet(PublishableQuerySet):
    def in_year(self, year: int) -> "PressReleaseQuerySet":
        return self.filter(date__year=year)


class PressRelease(Publishable, Versioned):
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
        _("Datum"),
        help_text=_(
            "Das Datum der Mitteilung. Veröffentlicht erscheint sie ab diesem Tag, wenn „Sichtbar ab“ leer ist."
        ),
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname in der Adresse"), max_length=200, unique=True, validators=[validate_release_slug]
    )
    lead = models.TextField(
        _("Vorspann"),
        max_length=1_500,
        validators=[MaxLengthValidator(1_500)],
        help_text=_("Der erste Absatz mit dem Wichtigsten. Erscheint auch in Übersichten und im Feed."),
    )
    body = RichTextField(_("Text"), max_length=50_000, validators=[MaxLengthValidator(50_000)])
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
        max_length=5_000,
        validators=[MaxLengthValidator(5_000)],
        blank=True,
        help_text=_(
            "Eine Fußnote je Zeile, beginnend mit ihrem Zeichen im Text, z. B. „*Eine nachhaltige Integration …“."
        ),
    )
    downloads = models.ManyToManyField(
        "press.PressKitItem",
        verbose_name=_("Zugehörige Downloads"),
        blank=True,
        related_name="releases",
        help_text=_("Dateien aus dem Pressematerial, die unter der Mitteilung angeboten werden."),
    )
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
                name="press_pressrelease_unique_number",
                violation_error_message=_("Diese Nummer ist schon an eine andere Pressemitteilung vergeben."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("press:release", kwargs={"slug": self.slug})

    def default_publish_from(self):
        """A release appears from its date, as a dated release always did (an embargo)."""
        return start_of_day(self.date) if self.date else super().default_publish_from()

    def issuer_list(self) -> list[str]:
        return [name.strip() for name in self.issuers.split(",") if name.strip()]

    def footnote_list(self) -> list[str]:
        return [line.strip() for line in self.footnotes.splitlines() if line.strip()]

    def clean(self) -> None:
        errors = errors_from(super().clean)
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


class PressCoverageQuerySet(PublishableQuerySet):
    def in_year(self, year: int) -> "PressCoverageQuerySet":
        return self.filter(date__year=year)


class PressCoverage(Publishable):
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
    status = status_field(default=Status.PUBLISHED)

    objects = PressCoverageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag im Pressespiegel")
        verbose_name_plural = _("Pressespiegel")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.source}: {self.title}"

    def get_absolute_url(self) -> str:
        return newsroom_url("pressespiegel")


class PressContact(Publishable):
    """A press office journalists can call: the Deutscher Landkreistag, the Deutscher Städtetag."""

    organisation = models.CharField(_("Organisation"), max_length=200)
    department = models.CharField(_("Bereich"), max_length=200, default="Pressestelle")
    name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    address = models.TextField(_("Anschrift"), max_length=500, validators=[MaxLengthValidator(500)], blank=True)
    website = models.URLField(_("Website"), blank=True)
    as_of = models.DateField(
        _("Stand"),
        null=True,
        blank=True,
        help_text=_("Wann die Angaben zuletzt mit der Pressestelle abgeglichen wurden; erscheint auf der Presseseite."),
    )
    source = models.CharField(
        _("Quelle der Angaben"),
        max_length=300,
        blank=True,
        help_text=_("Wo die Angaben veröffentlicht sind, z. B. „landkreistag.de, Presseforum“. Nur im Admin."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    status = status_field(default=Status.PUBLISHED)

    class Meta:
        verbose_name = _("Pressekontakt")
        verbose_name_plural = _("Pressekontakte")
        ordering = ["position", "organisation"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.department}" if self.department else self.organisation

    def get_absolute_url(self) -> str:
        return newsroom_url("pressekontakte")


class KitKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    PHOTO = "foto", _("Foto")
    DOCUMENT = "dokument", _("Dokument")


class PressKitItemQuerySet(PublishableQuerySet):
    def in_kit(self) -> "PressKitItemQuerySet":
        """Published and meant for the kit on /presse/ (others only accompany a release)."""
        return self.published().prepared().filter(show_in_kit=True)

    def prepared(self) -> "PressKitItemQuerySet":
        """Without the big photos the task worker has not prepared yet (mediafiles/image_preparation.py):
        their download would be the upload as it came."""
        return self.exclude(file__contains=f"/{INCOMING_FOLDER}/")


class PressKitItem(Publishable):
    """A file journalists may download: a logo, a press photo, a document, with credit and terms.

    Type, size and pixel size are read from the stored file when it is saved, never typed
    in. Raster images are stored upright and without metadata (like every photo on the
    site) and get responsive previews (mediafiles/images.py).
    """

    title = models.CharField(_("Titel"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=KitKind.choices, default=KitKind.PHOTO)
    file = models.FileField(
        _("Datei"),
        upload_to=uploads.RandomName("presse"),
        max_length=200,
        validators=uploads.gate("kit"),
        help_text=_(
            "SVG, PNG, JPEG, WebP oder PDF, höchstens 50 MB, Bilder höchstens 64 Megapixel. Fotos in "
            "Druckauflösung (das Original); ein großes Foto bereitet die Website nach dem Speichern auf, es "
            "erscheint, sobald es fertig ist."
        ),
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
    usage_terms = models.TextField(
        _("Nutzungsbedingungen"), max_length=2_000, validators=[MaxLengthValidator(2_000)], default=USAGE_TERMS
    )
    file_type = models.CharField(_("Dateityp"), max_length=50, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("Dateigröße in Byte"), default=0, editable=False)
    width = models.PositiveIntegerField(_("Breite in Pixeln"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("Höhe in Pixeln"), null=True, blank=True, editable=False)
    # The same stored file when it is a raster image: the source of the responsive previews.
    preview = models.ImageField(
        _("Vorschau"),
        upload_to=uploads.RandomName("presse"),
        max_length=200,
        blank=True,
        editable=False,
        validators=uploads.gate("image"),
    )
    show_in_kit = models.BooleanField(
        _("Im Pressematerial zeigen"),
        default=True,
        help_text=_("Ohne Haken wird die Datei nur unter den Pressemitteilungen angeboten, die sie verknüpfen."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    status = status_field(default=Status.PUBLISHED)
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
        if self.file and not self.file._committed:
            detected = uploads.detect_type(self.file)
            if detected in uploads.RASTER_TYPES:
                store_clean_original(self.file, rendered_as="preview")
            elif detected == uploads.SVG:
                # Only what the allow-list names is stored (mediafiles.uploads.sanitize_svg).
                self.file.open("rb")
                self.file.seek(0)
                clean = uploads.sanitize_svg(self.file.read())
                self.file.save(self.file.name, ContentFile(clean), save=False)
        self.read_file_info()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return newsroom_url("pressematerial")

    def clean(self) -> None:
        errors = errors_from(super().clean)
        if self.credit and "©" not in self.credit:
            errors["credit"] = ValidationError(
                _("Der Nachweis braucht das Zeichen „©“, z. B. „© Deutscher Landkreistag“."), code="no_copyright"
            )
        uploaded = self.file and not getattr(self.file, "_committed", True)
        if uploaded and not self.alt_text and uploads.detect_type(self.file) in uploads.RASTER_TYPES:
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
            self.file_type = uploads.detect_type(self.file) or ""
            self.width = self.height = None
            if self.file_type in uploads.RASTER_TYPES:
                with Image.open(self.file) as image:  # reads the header only
                    self.width, self.height = image.size
                self.file.seek(0)
        finally:
            if stored:  # an upload stays open: saving the model writes it to storage next
                self.file.close()
        self.file_size = self.file.size
        self.preview = self.file.name if stored and self.file_type in uploads.RASTER_TYPES else ""

    @property
    def type_label(self) -> str:
        return uploads.type_label(self.file_type)

    @property
    def is_svg(self) -> bool:
        return self.file_type == uploads.SVG

    @cached_property
    def picture(self) -> Picture | None:
        """The responsive preview (raster images only); renditions were made on save."""
        return picture_for(self, "preview", self.alt_text, self.width, self.height)


add_renditions(PressKitItem, "preview")


def file_prepared(sender, instance, source: str, **kwargs) -> None:
    """The worker switched a big photo to its clean copy (mediafiles.image_preparation.picture_prepared):
    type, size and pixel size are read again from it (connected in press/apps.py)."""
    instance.refresh_from_db()
    instance.read_file_info()
    fields = ("file_type", "file_size", "width", "height", "preview")
    PressKitItem.objects.filter(pk=instance.pk).update(**{name: getattr(instance, name) for name in fields})


GERMAN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("märz", "maerz", "mär", "mrz"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("dezember", "dez"),
        ],
        start=1,
    )
    for name in names
}
AS_OF_DAY = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})")
AS_OF_MONTH = re.compile(r"(?:([A-Za-zÄÖÜäöü]+)\.?|(\d{1,2})\s*/)\s*(\d{4})")
AS_OF_YEAR = re.compile(r"(\d{4})")
# Figures whose "Stand" lies further back than this are flagged in the admin.
KEY_FIGURES_MAX_AGE_YEARS = 2


def as_of_date(text: str) -> date | None:
    """The last day a "Stand" covers: "30.06.2024" that day, "November 2020" or "11/2020" the
    month's last day, "2024" the 31 December; None when the text names no date."""
    text = " ".join((text or "").split()).removeprefix("Stand").strip(" :")
    try:
        if match := AS_OF_DAY.fullmatch(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
        if match := AS_OF_MONTH.fullmatch(text):
            month = GERMAN_MONTHS.get(match[1].casefold()) if match[1] else int(match[2])
            if not month or not 1 <= month <= 12:
                return None
            year = int(match[3])
            return date(year, month, calendar.monthrange(year, month)[1])
        if match := AS_OF_YEAR.fullmatch(text):
            return date(int(match[1]), 12, 31)
    except ValueError:  # 31.02.2024
        return None
    return None


def validate_as_of(value: str) -> None:
    if as_of_date(value) is None:
        raise ValidationError(
            _(
                "Bitte geben Sie den Stand als Monat und Jahr („November 2020“), als Datum („30.06.2024“) "
                "oder als Jahr („2024“) an, damit die Redaktion an veraltete Zahlen erinnert wird."
            ),
            code="invalid_as_of",
        )


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class KeyFigureQuerySet(PublishableQuerySet):
    def outdated(self, today: date | None = None) -> list["KeyFigure"]:
        """The figures whose "Stand" is older than KEY_FIGURES_MAX_AGE_YEARS (few rows: read in Python)."""
        return [figure for figure in self if figure.is_outdated(today)]


class KeyFigure(Publishable):
    """A figure with its source and date ("Stand"), shown on the landing page and in the newsroom."""

    value = models.CharField(_("Wert"), max_length=30, help_text=_("z. B. „104“ oder „mehr als 250.000“"))
    label = models.CharField(_("Bezeichnung"), max_length=200)
    source = models.CharField(_("Quelle"), max_length=300)
    source_url = models.CharField(
        _("Adresse der Quelle"),
        max_length=500,
        blank=True,
        validators=[validate_source_url],
        help_text=_("Optional: eine Seite dieser Website („/leitbild/“) oder eine Adresse mit https://"),
    )
    as_of = models.CharField(
        _("Stand"),
        max_length=50,
        validators=[validate_as_of],
        help_text=_("z. B. „November 2020“, „30.06.2024“ oder „2024“. Älter als zwei Jahre: das Admin warnt."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    status = status_field(default=Status.PUBLISHED)

    objects = KeyFigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"

    def get_absolute_url(self) -> str:
        return reverse("campaign:home") + "#kennzahlen"

    @property
    def as_of_date(self) -> date | None:
        return as_of_date(self.as_of)

    def is_outdated(self, today: date | None = None) -> bool:
        day = self.as_of_date
        limit = years_before(today or timezone.localdate(), KEY_FIGURES_MAX_AGE_YEARS)
        return day is not None and day < limit


# Revisions (simple-history): registered in press/translation.py, after the translation fields.
