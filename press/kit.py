"""The press kit on /presse/: every file a journalist may use, with credit (©), usage terms,
file type and size, in one shape (KitEntry) whatever it comes from:

- PressKitItem: logos, press photos and documents uploaded by the editors;
- the photos of published stories whose consents cover the press download (consent register,
  Photo.objects.cleared_for_press()): the stored original, which is the upload turned upright
  and without metadata, in full resolution;
- the Leitbild PDF (leitbild:pdf);
- the key-figures sheet (press/pdf.py), a PDF of the published KeyFigures.

The two PDFs are made by background tasks (generated/); the kit shows the stored size
(GeneratedFile.size) and leaves it out while a file is not made yet. Nothing is rendered here.
"""

import mimetypes
from dataclasses import dataclass, field
from pathlib import PurePath

from django.urls import reverse
from django.utils.translation import gettext as _

from generated import makers
from leitbild import pdf as leitbild_pdf
from leitbild.models import Leitbild
from mediafiles import uploads
from mediafiles.images import Picture
from press import pdf as press_pdf
from press.models import CAMPAIGN_CREDIT, USAGE_TERMS, KitKind, PressKitItem
from stories.models import Photo


@dataclass(frozen=True)
class KitEntry:
    """One download as templates/press/includes/kit_entry.html shows it."""

    title: str
    url: str
    filename: str
    credit: str
    usage_terms: str
    type_label: str
    size: int | None
    description: str = ""
    picture: Picture | None = None  # responsive preview of a raster image
    svg_url: str = ""  # a vector logo previews as itself
    width: int | None = None
    height: int | None = None


@dataclass
class KitGroup:
    kind: str
    heading: str
    entries: list[KitEntry] = field(default_factory=list)


def with_copyright(credit: str) -> str:
    """Story photos carry credits like "Foto: Jobcenter Kreis Düren"; the kit shows them with ©."""
    credit = credit.strip()
    return credit if "©" in credit else f"© {credit}"


def item_entry(item: PressKitItem) -> KitEntry:
    return KitEntry(
        title=item.title,
        url=item.file.url,
        filename=PurePath(item.file.name).name,
        credit=item.credit,
        usage_terms=item.usage_terms,
        type_label=item.type_label,
        size=item.file_size,
        picture=item.picture,
        svg_url=item.file.url if item.is_svg else "",
        width=item.width,
        height=item.height,
    )


def photo_entry(photo: Photo) -> KitEntry:
    name = PurePath(photo.image.name)
    return KitEntry(
        title=photo.caption,
        description=_("Foto zur Geschichte von %(name)s") % {"name": photo.story.name},
        url=photo.image.url,
        # Stored under a random name (mediafiles.uploads.RandomName); journalists get the story's.
        filename=f"{photo.story.slug}{name.suffix}",
        credit=with_copyright(photo.credit),
        usage_terms=USAGE_TERMS,
        type_label=uploads.type_label(mimetypes.guess_type(name.name)[0] or ""),
        size=photo.file_size,
        picture=photo.picture,
        width=photo.width,
        height=photo.height,
    )


def leitbild_entry(leitbild: Leitbild, size: int | None) -> KitEntry:
    return KitEntry(
        title=_("%(title)s (PDF, barrierefrei)") % {"title": leitbild.title},
        url=reverse("leitbild:pdf"),
        filename=leitbild_pdf.FILENAME,
        credit=f"© {leitbild.publishers}",
        usage_terms=USAGE_TERMS,
        type_label="PDF",
        size=size,
    )


def key_figures_entry(size: int | None) -> KitEntry:
    return KitEntry(
        title=str(press_pdf.TITLE),
        description=_("Die aktuellen Kennzahlen mit Quelle und Stand auf einer Seite."),
        url=reverse("press:key_figures_pdf"),
        filename=press_pdf.FILENAME,
        credit=CAMPAIGN_CREDIT,
        usage_terms=USAGE_TERMS,
        type_label="PDF",
        size=size,
    )


def press_kit(key_figures: list) -> list[KitGroup]:
    """The kit in groups (logos, photos, documents), empty groups left out. Fixed queries:
    one for the uploaded files, one for the cleared story photos, one for the Leitbild with the PDF sizes."""
    groups = {
        KitKind.LOGO: KitGroup(KitKind.LOGO, _("Logo")),
        KitKind.PHOTO: KitGroup(KitKind.PHOTO, _("Fotos")),
        KitKind.DOCUMENT: KitGroup(KitKind.DOCUMENT, _("Dokumente")),
    }
    for item in PressKitItem.objects.in_kit():
        groups[item.kind].entries.append(item_entry(item))
    photos = Photo.objects.cleared_for_press().select_related("story").order_by("-story__publish_from", "position")
    groups[KitKind.PHOTO].entries += [photo_entry(photo) for photo in photos]
    # The Leitbild with both stored PDF sizes in one query (subqueries on GeneratedFile).
    leitbild = (
        Leitbild.objects.annotate(
            leitbild_pdf_size=makers.size_subquery(leitbild_pdf.KEY),
            key_figures_pdf_size=makers.size_subquery(press_pdf.KEY),
        )
        .order_by("pk")
        .first()
    )
    if leitbild is not None:
        groups[KitKind.DOCUMENT].entries.append(leitbild_entry(leitbild, leitbild.leitbild_pdf_size))
        key_figures_size = leitbild.key_figures_pdf_size
    else:
        key_figures_size = makers.sizes(press_pdf.KEY).get(press_pdf.KEY)
    if key_figures:
        groups[KitKind.DOCUMENT].entries.append(key_figures_entry(key_figures_size))
    return [group for group in groups.values() if group.entries]
