import calendar
import re
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history import register

from campaign.germany_map import GERMANY_BOUNDS
from mediafiles.images import Picture, add_renditions, picture_for, store_clean_original
from mediafiles.uploads import RandomName, gate
from mediafiles.videos import VideoMedia
from shared.publication import Publishable, Status, Versioned, status_field
from shared.richtext import RichTextField
from shared.validation import errors_from


class Land(models.TextChoices):
    """The 16 Länder. The value is the URL form (`?land=hessen`), the label the German name."""

    BADEN_WUERTTEMBERG = "baden-wuerttemberg", _("Baden-Württemberg")
    BAYERN = "bayern", _("Bayern")
    BERLIN = "berlin", _("Berlin")
    BRANDENBURG = "brandenburg", _("Brandenburg")
    BREMEN = "bremen", _("Bremen")
    HAMBURG = "hamburg", _("Hamburg")
    HESSEN = "hessen", _("Hessen")
    MECKLENBURG_VORPOMMERN = "mecklenburg-vorpommern", _("Mecklenburg-Vorpommern")
    NIEDERSACHSEN = "niedersachsen", _("Niedersachsen")
    NORDRHEIN_WESTFALEN = "nordrhein-westfalen", _("Nordrhein-Westfalen")
    RHEINLAND_PFALZ = "rheinland-pfalz", _("Rheinland-Pfalz")
    SAARLAND = "saarland", _("Saarland")
    SACHSEN = "sachsen", _("Sachsen")
    SACHSEN_ANHALT = "sachsen-anhalt", _("Sachsen-Anhalt")
    SCHLESWIG_HOLSTEIN = "schleswig-holstein", _("Schleswig-Holstein")
    THUERINGEN = "thueringen", _("Thüringen")


class KommuneKind(models.TextChoices):
    LANDKREIS = "landkreis", _("Landkreis")
    KREISFREIE_STADT = "kreisfreie-stadt", _("kreisfreie Stadt")


DESCRIPTION_MAX_LENGTH = 1000


class KommuneQuerySet(models.QuerySet):
    def in_land(self, land: str) -> "KommuneQuerySet":
        return self.filter(land=land)


class Kommune(Versioned):
    """One of the 104 Optionskommunen: a Landkreis or kreisfreie Stadt that runs its Jobcenter alone.

    Its Jobcenter page is reviewed like a story, but the page itself is always there: while a change
    waits ("Entwurf" or "Zur Prüfung"), visitors see the last approved revision (history), and the
    Kommune's editors and the central team see the change with a preview banner."""

    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=KommuneKind.choices)
    land = models.CharField(_("Land"), max_length=30, choices=Land.choices, db_index=True)
    jobcenter_name = models.CharField(
        _("Name des Jobcenters"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen, wenn das Jobcenter keinen eigenen Namen führt."),
    )
    website = models.URLField(_("Website"), blank=True)
    address = models.TextField(_("Anschrift"), max_length=500, validators=[MaxLengthValidator(500)], blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    press_name = models.CharField(_("Ansprechperson für die Presse"), max_length=200, blank=True)
    press_phone = models.CharField(_("Telefon für die Presse"), max_length=50, blank=True)
    press_email = models.EmailField(_("E-Mail für die Presse"), blank=True)
    description = models.TextField(
        _("Kurzbeschreibung"),
        max_length=DESCRIPTION_MAX_LENGTH,
        # TextField's max_length binds the form only; the CSV import validates with full_clean.
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
        blank=True,
        help_text=_(
            "So stellt sich das Jobcenter selbst vor: ein kurzer Text ohne Formatierung, höchstens 1000 Zeichen. "
            "Eine Leerzeile beginnt einen neuen Absatz."
        ),
    )
    status = status_field(default=Status.PUBLISHED)
    # For the sitemap's lastmod; the Kommune is saved with its locations (admin inline).
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Redaktion der Kommune"),
        blank=True,
        related_name="kommunen",
        help_text=_("Benutzerkonten, die die Geschichten und die Jobcenter-Seite dieser Kommune bearbeiten."),
    )

    objects = KommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("campaign:kommune_detail", kwargs={"slug": self.slug})

    # The workflow (editorial.admin.WorkflowAdmin) asks these, as of a Publishable.
    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    def stored_status(self) -> str | None:
        return Kommune.objects.filter(pk=self.pk).values_list("status", flat=True).first() if self.pk else None

    def approved_revision(self):
        """The last approved state of the page (a historical Kommune), or None."""
        return self.history.filter(status=Status.PUBLISHED).first()

    def shown_to_visitors(self) -> "Kommune":
        """The Kommune as visitors see it on pages that are no preview (feed, embed card): the live
        row when approved, else its last approved revision, else only what the list of the 104
        shows. (The Jobcenter page itself also previews, campaign.views.KommuneDetailView.)"""
        if self.is_published:
            return self
        approved = self.approved_revision()
        if approved is not None:
            return approved.instance
        return Kommune(pk=self.pk, name=self.name, slug=self.slug, kind=self.kind, land=self.land)

    @property
    def display_jobcenter_name(self) -> str:
        return self.jobcenter_name or _("Jobcenter %(name)s") % {"name": self.name}


class LocationKind(models.TextChoices):
    MAIN = "hauptsitz", _("Hauptsitz")
    BRANCH = "geschaeftsstelle", _("Geschäftsstelle")
    NEIGHBOURHOOD = "stadtteilbuero", _("Stadtteil- oder Quartiersbüro")


def _check_inside(value: Decimal | None, low: float, high: float, message, code: str) -> None:
    if value is not None and not Decimal(str(low)) <= value <= Decimal(str(high)):
        raise ValidationError(message, code=code, params={"low": number_format(low, 2), "high": number_format(high, 2)})


def validate_latitude(value: Decimal | None) -> None:
    _check_inside(
        value,
        GERMANY_BOUNDS["south"],
        GERMANY_BOUNDS["north"],
        _("Dieser Breitengrad liegt nicht in Deutschland. Erlaubt sind Werte von %(low)s bis %(high)s."),
        "latitude_outside_germany",
    )


def validate_longitude(value: Decimal | None) -> None:
    _check_inside(
        value,
        GERMANY_BOUNDS["west"],
        GERMANY_BOUNDS["east"],
        _("Dieser Längengrad liegt nicht in Deutschland. Erlaubt sind Werte von %(low)s bis %(high)s."),
        "longitude_outside_germany",
    )


validate_postcode = RegexValidator(
    r"^[0-9]{5}\Z", _("Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 52351."), code="postcode"
)


class Location(models.Model):
    """A place where people meet their Jobcenter: the main office, a Geschäftsstelle in the Kreis,
    a Stadtteil- or Quartiersbüro. Edited with its Kommune; shown on the Jobcenter page and its map."""

    KOMMUNE_PATH = "kommune"
    TEXT_MAX_LENGTH = 1000

    kommune = models.ForeignKey(Kommune, on_delete=models.CASCADE, related_name="locations", verbose_name=_("Kommune"))
    name = models.CharField(
        _("Bezeichnung"), max_length=120, help_text=_("z. B. „Hauptsitz“ oder „Geschäftsstelle Nord“")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=LocationKind.choices)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, validators=[validate_postcode])
    city = models.CharField(_("Ort"), max_length=100)
    opening_hours = models.TextField(
        _("Öffnungszeiten"),
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
        blank=True,
        help_text=_("Eine Zeile je Tag oder Zeitraum, z. B. „Mo–Fr 8–12 Uhr“ und „Do auch 14–17 Uhr“."),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"),
        max_length=TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(TEXT_MAX_LENGTH)],
        blank=True,
        help_text=_(
            "Was Besucherinnen und Besucher vorher wissen sollten: stufenloser Zugang, Aufzug, "
            "barrierefreies WC, Induktionsschleife, Parkplätze für Menschen mit Behinderung …"
        ),
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
        help_text=_("In Dezimalgrad, z. B. 50,804340. Nur für die Karte; ohne Angabe steht der Standort in der Liste."),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
        help_text=_("In Dezimalgrad, z. B. 6,482360."),
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{self.kommune.get_absolute_url()}#standort-{self.pk}"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self) -> None:
        errors = errors_from(super().clean)
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors.setdefault(missing, []).append(
                _("Für die Karte braucht es Breiten- und Längengrad; bitte beide angeben oder beide leer lassen.")
            )
        elif self.has_coordinates and _swapped_into_germany(self.latitude, self.longitude):
            errors.setdefault(NON_FIELD_ERRORS, []).append(
                _("Breiten- und Längengrad scheinen vertauscht: der Breitengrad ist in Deutschland die größere Zahl.")
            )
        if errors:
            raise ValidationError(errors)


def _swapped_into_germany(latitude: Decimal, longitude: Decimal) -> bool:
    """True when the two numbers lie in Germany only the other way round (a common slip)."""
    south, north, west, east = (Decimal(str(GERMANY_BOUNDS[side])) for side in ("south", "north", "west", "east"))
    inside = south <= latitude <= north and west <= longitude <= east
    swapped = south <= longitude <= north and west <= latitude <= east
    return swapped and not inside


def add_one_month(day: date) -> date:
    """The same day in the next month, clamped to that month's last day (31 Jan → 28/29 Feb)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class LandingPage(Versioned):
    """The texts of the landing page: one row, edited by the central editors."""

    title = models.CharField(_("Titel"), max_length=100)
    claim = models.CharField(_("Claim"), max_length=100)
    lead = models.TextField(_("Einleitung"), max_length=1_000, validators=[MaxLengthValidator(1_000)])
    claim_heading = models.CharField(_("Überschrift zum Claim"), max_length=100)
    strong_word = models.CharField(_("Erstes Wort"), max_length=30)
    strong_text = models.TextField(
        _("Erklärung zum ersten Wort"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    social_word = models.CharField(_("Zweites Wort"), max_length=30)
    social_text = models.TextField(
        _("Erklärung zum zweiten Wort"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    local_word = models.CharField(_("Drittes Wort"), max_length=30)
    local_text = models.TextField(
        _("Erklärung zum dritten Wort"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    figures_heading = models.CharField(_("Überschrift der Kennzahlen"), max_length=100)
    stories_heading = models.CharField(
        _("Überschrift Geschichten"), max_length=100, default="Geschichten aus den kommunalen Jobcentern"
    )
    stories_text = models.TextField(
        _("Anreißer Geschichten"),
        max_length=1_000,
        validators=[MaxLengthValidator(1_000)],
        default="Menschen erzählen, wie sie mit ihrem Jobcenter den Weg in Arbeit und Ausbildung gefunden haben – "
        "und Mitarbeitende erzählen, was sie dafür tun.",
    )
    stories_link_text = models.CharField(_("Linktext Geschichten"), max_length=100, default="Alle Geschichten")
    press_heading = models.CharField(_("Überschrift Presse"), max_length=100, default="Aktuelle Pressemitteilungen")
    press_link_text = models.CharField(
        _("Linktext Presse"), max_length=100, default="Alle Pressemitteilungen, Kontakte und Pressematerial"
    )
    leitbild_heading = models.CharField(_("Überschrift Leitbild"), max_length=100)
    leitbild_text = models.TextField(_("Anreißer Leitbild"), max_length=1_000, validators=[MaxLengthValidator(1_000)])
    leitbild_link_text = models.CharField(_("Linktext Leitbild"), max_length=100)
    jobcenter_heading = models.CharField(_("Überschrift Jobcenter-Liste"), max_length=100)
    jobcenter_text = models.TextField(
        _("Anreißer Jobcenter-Liste"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    jobcenter_link_text = models.CharField(_("Linktext Jobcenter-Liste"), max_length=100)
    access_heading = models.CharField(_("Überschrift Leichte Sprache und Gebärdensprache"), max_length=100)
    easy_language_text = models.TextField(
        _("Anreißer Leichte Sprache"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    sign_language_text = models.TextField(
        _("Anreißer Gebärdensprache"), max_length=1_000, validators=[MaxLengthValidator(1_000)]
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseite")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(_("Texte der Startseite"))

    def get_absolute_url(self) -> str:
        return reverse("campaign:home")

    def claim_parts(self) -> list[str]:
        """The claim word by word ("Stark.", "Sozial.", "Vor Ort."), for the hero's motif."""
        return [part.strip() for part in re.findall(r"[^.!]+[.!]?", self.claim) if part.strip()]

    def claim_words(self) -> list[tuple[str, str]]:
        return [
            (self.strong_word, self.strong_text),
            (self.social_word, self.social_text),
            (self.local_word, self.local_text),
        ]


class PageKey(models.TextChoices):
    """The fixed content pages a German public body's site must have; value = URL name."""

    IMPRINT = "imprint", _("Impressum")
    PRIVACY = "privacy", _("Datenschutzerklärung")
    ACCESSIBILITY = "accessibility", _("Erklärung zur Barrierefreiheit")
    EASY_LANGUAGE = "easy_language", _("Leichte Sprache")
    SIGN_LANGUAGE = "sign_language", _("Gebärdensprache")


class ContentPage(Publishable, Versioned):
    """Imprint, privacy policy, accessibility statement, Leichte Sprache, Gebärdensprache."""

    key = models.CharField(_("Seite"), max_length=30, choices=PageKey.choices, unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    intro = models.TextField(_("Einleitung"), max_length=1_000, validators=[MaxLengthValidator(1_000)], blank=True)
    body = RichTextField(_("Text"), max_length=50_000, validators=[MaxLengthValidator(50_000)])
    last_reviewed = models.DateField(_("Zuletzt geprüft am"))
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)
    # The legal pages are required by law: they arrive published with `migrate`.
    status = status_field(default=Status.PUBLISHED)

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"campaign:{self.key}")


class EasyLanguageSection(models.Model):
    """One part of the Leichte-Sprache page: a short text with a picture beside it, as the rules of
    Leichte Sprache ask (a picture helps to understand the text)."""

    page = models.ForeignKey(
        ContentPage,
        verbose_name=_("Seite"),
        on_delete=models.CASCADE,
        related_name="easy_sections",
        limit_choices_to={"key": PageKey.EASY_LANGUAGE},
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    heading = models.CharField(_("Überschrift"), max_length=120, blank=True)
    text = models.TextField(
        _("Text"),
        max_length=1_500,
        validators=[MaxLengthValidator(1_500)],
        help_text=_("Kurze Sätze, ein Gedanke je Satz. Jeder Satz in einer eigenen Zeile."),
    )
    image = models.ImageField(
        _("Bild"),
        upload_to=RandomName("leichte-sprache"),
        width_field="width",
        height_field="height",
        validators=gate("image"),
        help_text=_(
            "Ein Bild, das den Text zeigt: JPEG, PNG, WebP, AVIF oder HEIC (Foto vom iPhone), "
            "mindestens 480 Pixel breit, höchstens 64 Megapixel und 40 MB."
        ),
    )
    width = models.PositiveIntegerField(_("Breite"), null=True, editable=False)
    height = models.PositiveIntegerField(_("Höhe"), null=True, editable=False)
    alt_text = models.CharField(
        _("Alternativtext"), max_length=250, help_text=_("Was auf dem Bild zu sehen ist, in Leichter Sprache.")
    )

    class Meta:
        verbose_name = _("Abschnitt in Leichter Sprache")
        verbose_name_plural = _("Abschnitte in Leichter Sprache")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.heading or Truncator(self.text).chars(60)

    def save(self, *args, **kwargs):
        if self.image and not self.image._committed:
            store_clean_original(self.image)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("campaign:easy_language")

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    @cached_property
    def picture(self) -> Picture | None:
        return picture_for(self, "image", self.alt_text, self.width, self.height)


add_renditions(EasyLanguageSection, "image")


class SignLanguageVideo(VideoMedia, Publishable):
    """A video in Deutsche Gebärdensprache on /gebaerdensprache/, with captions and transcript."""

    MEDIA_FOLDER = "gebaerdensprache"

    title = models.CharField(_("Titel"), max_length=200)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    status = status_field(default=Status.PUBLISHED)
    is_demo = models.BooleanField(
        _("Demo-Inhalt"), default=False, help_text=_("Beispielvideo aus „load_demo“: vor dem Start ersetzen.")
    )

    class Meta:
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaign:sign_language") + f"#video-{self.pk}"

    def clean(self) -> None:
        errors = errors_from(super().clean)
        if not (self.has_own_video or self.video_source):
            errors.setdefault("video_source", []).append(
                _("Ein Video in Gebärdensprache braucht eine eigene Video-Datei.")
            )
        if errors:
            raise ValidationError(errors)


add_renditions(SignLanguageVideo, "poster")


class BarrierReportQuerySet(models.QuerySet):
    def open(self) -> "BarrierReportQuerySet":
        return self.filter(status__in=BarrierReport.OPEN_STATUSES)

    def overdue(self, today: date | None = None) -> "BarrierReportQuerySet":
        return self.open().filter(reply_by__lt=today or timezone.localdate())


class BarrierReport(models.Model):
    """A barrier reported by a visitor (§ 12b BGG feedback route); answered within one month."""

    # Never shown on a public page: a change needs no new page-cache generation.
    page_cache_ignore = True

    class Status(models.TextChoices):
        NEW = "new", _("Neu")
        IN_PROGRESS = "in_progress", _("In Bearbeitung")
        ANSWERED = "answered", _("Beantwortet")
        CLOSED = "closed", _("Erledigt ohne Antwort")

    OPEN_STATUSES = [Status.NEW, Status.IN_PROGRESS]

    description = models.TextField(_("Was ist nicht barrierefrei?"), max_length=5000)
    location = models.CharField(_("Wo ist die Barriere?"), max_length=500)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), default=timezone.now, editable=False)
    reply_by = models.DateField(_("Antwort fällig bis"), editable=False)
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.NEW)
    internal_note = models.TextField(
        _("Interne Notiz"), max_length=5_000, validators=[MaxLengthValidator(5_000)], blank=True
    )
    # The random number of the form token that sent it: a token sends one report only.
    # Cleared once such a token has expired anyway (campaign/report_guard.py).
    form_nonce = models.CharField(max_length=32, null=True, unique=True, editable=False)  # noqa: DJ001 (unique: many NULLs, one "")

    objects = BarrierReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return Truncator(self.description).chars(60)

    def save(self, *args, **kwargs):
        if not self.reply_by:
            self.reply_by = add_one_month(timezone.localdate(self.created_at))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Reports are never public; their page is the editors' admin view.
        return reverse("admin:campaign_barrierreport_change", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.status in self.OPEN_STATUSES and self.reply_by < timezone.localdate()


# Revisions with diff and restore (editorial.admin.HistoryAdmin). Locations have a history too,
# so that the Jobcenter page can show the locations of its last approved revision.
register(Location)  # Kommune, LandingPage, ContentPage: campaign/translation.py


class ReportThrottle(models.Model):
    """How many barrier reports came from one address in the current window.

    The address is kept only as a keyed hash and only for the window (campaign/report_guard.py).
    """

    # Never shown on a public page: a change needs no new page-cache generation.
    page_cache_ignore = True

    sender = models.CharField(max_length=64, unique=True)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Meldungszähler")
        verbose_name_plural = _("Meldungszähler")

    def __str__(self) -> str:
        return f"{self.sender[:8]}… ({self.count})"
