"""What the campaign app contributes to the site search (collected by search/index.py)."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from campaign.models import ContentPage, Kommune
from shared import placeholders
from shared.search import Document, Searchable, publication_window


# The index holds what the public pages show: no placeholder (shared/placeholders.py).
def kommune_documents(queryset) -> Iterator[Document]:
    for kommune in map(placeholders.hide, queryset):
        address = " ".join(kommune.address.split())
        yield Document(
            kommune,
            kommune.name,
            kommune.get_absolute_url(),
            f"{kommune.display_jobcenter_name}, {kommune.get_land_display()}" + (f". {address}" if address else ""),
            [
                kommune.jobcenter_name,
                kommune.get_kind_display(),
                kommune.get_land_display(),
                address,
                kommune.description,
            ],
        )


def page_documents(queryset) -> Iterator[Document]:
    for page in map(placeholders.hide, queryset):
        yield Document(
            page,
            page.title,
            page.get_absolute_url(),
            page.intro or page.body,
            [page.intro, page.body],
            **publication_window(page),
        )


SEARCH_INDEX = [
    Searchable("campaign.Kommune", "kommune", _("Jobcenter"), 30, Kommune.objects.all, kommune_documents),
    Searchable("campaign.ContentPage", "page", _("Seite"), 60, ContentPage.objects.released, page_documents),
]
