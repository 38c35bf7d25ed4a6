"""What the Leitbild contributes to the site search (collected by search/index.py)."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from leitbild.models import Chapter, Leitbild
from shared.search import Document, Searchable


def leitbild_documents(queryset) -> Iterator[Document]:
    for leitbild in queryset.prefetch_related("points"):
        yield Document(
            leitbild,
            leitbild.title,
            leitbild.get_absolute_url(),
            leitbild.description,
            [
                leitbild.description,
                leitbild.preamble_title,
                *(point.text for point in leitbild.points.all()),
                leitbild.future_title,
                leitbild.future_text,
            ],
        )


def chapter_documents(queryset) -> Iterator[Document]:
    for chapter in queryset.prefetch_related("commitments"):
        yield Document(
            chapter,
            chapter.title,
            chapter.get_absolute_url(),
            chapter.short_lead(),
            [
                chapter.lead,
                chapter.intro,
                chapter.commitments_lead,
                *(commitment.text for commitment in chapter.commitments.all()),
            ],
        )


SEARCH_INDEX = [
    Searchable(
        "leitbild.Leitbild",
        "leitbild",
        _("Leitbild"),
        40,
        Leitbild.objects.all,
        leitbild_documents,
        parts={"leitbild.preamblepoint": "leitbild"},
    ),
    Searchable(
        "leitbild.Chapter",
        "leitbild",
        _("Leitbild"),
        40,
        Chapter.objects.all,
        chapter_documents,
        parts={"leitbild.commitment": "chapter"},
    ),
]
