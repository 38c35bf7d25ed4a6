"""The Strategisches Leitbild der kommunalen Jobcenter 2030: one Leitbild, its preamble
points, its chapters (seven numbered chapters and the closing section) and their
commitments, all ordered by an editable position.

Texts are plain text: paragraphs are separated by an empty line. The Leitbild has no
formatting beyond paragraphs and lists, and plain text gives the web pages and the PDF
exactly the same words.
"""

import re

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shared.publication import Versioned

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A sentence ends at . ! or ? followed by a space and a capital letter or an opening quote,
# unless the word before is a common abbreviation ("22 Mio. Einwohner", "z. B. Telefon").
# Editors can always write the lead by hand.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])")
ABBREVIATIONS = {"Mio.", "Mrd.", "Nr.", "bzw.", "z.", "B.", "ca.", "Abs.", "Art.", "d.", "h.", "u.", "a.", "Dr."}


def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at empty lines; line breaks inside a paragraph
    become spaces (the textarea wraps, the reader should not see it)."""
    return [" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text.strip()) if part.strip()]


def first_sentence(text: str) -> str:
    paras = paragraphs(text)
    if not paras:
        return ""
    parts = SENTENCE_END.split(paras[0])
    sentence = parts[0]
    for part in parts[1:]:
        if sentence.rsplit(" ", 1)[-1] not in ABBREVIATIONS:
            break
        sentence = f"{sentence} {part}"
    return sentence


class LeitbildQuerySet(models.QuerySet):
    def current(self) -> "Leitbild | None":
        """The Leitbild the site shows (there is one; the admin does not allow a second)."""
        return self.order_by("pk").first()

    def with_content(self) -> "LeitbildQuerySet":
        """Everything the pages and the PDF print, in four queries whatever the length."""
        return self.prefetch_related(
            "points",
            Prefetch("chapters", queryset=Chapter.objects.prefetch_related("commitments")),
        )


class Leitbild(Versioned):
    title = models.CharField(_("Titel"), max_length=200)
    edition = models.CharField(_("Stand"), max_length=50, help_text=_("Zum Beispiel „November 2020“."))
    publishers = models.CharField(_("Herausgeber"), max_length=200)
    description = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Erscheint in Suchmaschinen und beim Teilen der Übersichtsseite."),
    )
    preamble_title = models.CharField(_("Überschrift der Präambel"), max_length=200)
    future_title = models.CharField(_("Überschrift des Ausblicks"), max_length=200)
    future_text = models.TextField(
        _("Text des Ausblicks"),
        max_length=5_000,
        validators=[MaxLengthValidator(5_000)],
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )
    structure_locked = models.BooleanField(
        _("Gliederung gesperrt"),
        default=True,
        help_text=_(
            "Solange die Gliederung gesperrt ist, können Kapitel bearbeitet, aber weder angelegt "
            "noch gelöscht werden. Nur für eine bewusste Änderung der Gliederung entsperren."
        ),
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = LeitbildQuerySet.as_manager()

    class Meta:
        verbose_name = _("Leitbild")
        verbose_name_plural = _("Leitbild")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("leitbild:overview")

    def future_paragraphs(self) -> list[str]:
        return paragraphs(self.future_text)

    def sections(self) -> list["Chapter"]:
        """All chapters and the closing section in order, each numbered chapter with its
        `number` set. Uses prefetched chapters when there are some."""
        sections = list(self.chapters.all())
        number_chapters(sections)
        return sections

    def numbered_chapters(self) -> list["Chapter"]:
        return [section for section in self.sections() if section.is_numbered]

    def closing_sections(self) -> list["Chapter"]:
        return [section for section in self.sections() if not section.is_numbered]


class PreamblePoint(models.Model):
    leitbild = models.ForeignKey(Leitbild, on_delete=models.CASCADE, related_name="points", verbose_name=_("Leitbild"))
    position = models.PositiveSmallIntegerField(
        _("Position"), help_text=_("Kleinere Zahlen stehen weiter oben. Leer lassen: ans Ende.")
    )
    text = models.TextField(_("Text"), max_length=2_000, validators=[MaxLengthValidator(2_000)])

    class Meta:
        verbose_name = _("Punkt der Präambel")
        verbose_name_plural = _("Punkte der Präambel")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("leitbild:overview") + "#praeambel"


class ChapterKind(models.TextChoices):
    CHAPTER = "chapter", _("Kapitel (nummeriert, eigene Seite)")
    CLOSING = "closing", _("Schlussteil (ohne Nummer, auf der Übersicht)")


def number_chapters(sections: list["Chapter"]) -> None:
    """Give each numbered chapter its number (1, 2, …) from its place in the order.

    The number is not stored: reordering or adding a chapter can never leave a gap or
    a duplicate."""
    number = 0
    for section in sections:
        if section.is_numbered:
            number += 1
            section.number = number
        else:
            section.number = None


class ChapterQuerySet(models.QuerySet):
    def numbered(self) -> "ChapterQuerySet":
        return self.filter(kind=ChapterKind.CHAPTER)


class Chapter(Versioned):
    leitbild = models.ForeignKey(
        Leitbild, on_delete=models.PROTECT, related_name="chapters", verbose_name=_("Leitbild")
    )
    kind = models.CharField(_("Art"), max_length=10, choices=ChapterKind.choices, default=ChapterKind.CHAPTER)
    position = models.PositiveSmallIntegerField(
        _("Position"),
        help_text=_("Bestimmt die Reihenfolge und damit die Kapitelnummer. Kleinere Zahlen stehen weiter vorn."),
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname in der Adresse"),
        max_length=100,
        unique=True,
        help_text=_("Teil der Adresse /leitbild/kurzname/. Eine Änderung macht bisherige Links ungültig."),
    )
    lead = models.CharField(
        _("Kurzfassung"),
        max_length=300,
        blank=True,
        help_text=_(
            "Erscheint auf der Übersicht, in Suchmaschinen und beim Teilen. Leer lassen: der erste Satz der Einleitung."
        ),
    )
    intro = models.TextField(
        _("Einleitung"),
        max_length=5_000,
        validators=[MaxLengthValidator(5_000)],
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )
    commitments_lead = models.CharField(
        _("Einleitung der Vorhaben"), max_length=200, default="Deshalb werden die kommunalen Jobcenter"
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    objects = ChapterQuerySet.as_manager()

    # Set by number_chapters(); None for the closing section or when not computed.
    number: int | None = None

    class Meta:
        verbose_name = _("Kapitel")
        verbose_name_plural = _("Kapitel")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.is_numbered:
            return reverse("leitbild:chapter", kwargs={"slug": self.slug})
        return reverse("leitbild:overview") + f"#{self.slug}"

    @property
    def is_numbered(self) -> bool:
        return self.kind == ChapterKind.CHAPTER

    def intro_paragraphs(self) -> list[str]:
        return paragraphs(self.intro)

    def short_lead(self) -> str:
        return self.lead or first_sentence(self.intro)


class Commitment(models.Model):
    chapter = models.ForeignKey(
        Chapter, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("Kapitel")
    )
    position = models.PositiveSmallIntegerField(
        _("Position"), help_text=_("Kleinere Zahlen stehen weiter oben. Leer lassen: ans Ende.")
    )
    text = models.TextField(_("Text"), max_length=2_000, validators=[MaxLengthValidator(2_000)])

    class Meta:
        verbose_name = _("Vorhaben")
        verbose_name_plural = _("Vorhaben")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.chapter.get_absolute_url()


# Revisions (simple-history): registered in leitbild/translation.py, after the translation fields.
