"""What the newsroom contributes to the site search (collected by search/index.py)."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from press.models import PressRelease
from shared.search import Document, Searchable, publication_window


def release_documents(queryset) -> Iterator[Document]:
    for release in queryset:
        yield Document(
            release,
            release.title,
            release.get_absolute_url(),
            release.lead,
            [release.number, release.lead, release.body, release.issuers],
            **publication_window(release),
        )


SEARCH_INDEX = [
    Searchable("press.PressRelease", "press", _("Presse"), 50, PressRelease.objects.released, release_documents),
]
