"""Every newsroom page and feed costs the same number of queries with few and with many
releases, articles, contacts, files and cleared photos."""

import datetime

import pytest

from consent.models import Consent
from press.models import KeyFigure, PressContact, PressCoverage, PressKitItem, PressRelease
from shared.publication import Status, start_of_day
from tests.factories import (
    PhotoFactory,
    PressCoverageFactory,
    PressKitItemFactory,
    PressReleaseFactory,
    StoryFactory,
    many_stories,
    topic,
)
from tests.helpers import count_queries
from tests.press.helpers import shared_pdf_renderings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_pdf_renderings")]
__all__ = ["shared_pdf_renderings"]

URLS = [
    "/presse/",
    "/presse/?jahr=2024",
    "/presse/?jahr=abc",
    "/presse/erste-mitteilung/",
    "/presse/kennzahlen.pdf",
    "/presse/feed/",
    "/presse/feed/atom/",
    "/geschichten/feed/",
    "/geschichten/feed/atom/",
    "/",
]


def build_small():
    item = PressKitItemFactory(title="Erstes Foto")
    release = PressReleaseFactory(slug="erste-mitteilung", number="001/2024", date=datetime.date(2024, 1, 5))
    release.downloads.set([item])
    PressCoverageFactory()
    photo = PhotoFactory(story=StoryFactory(slug="erste-geschichte", consent__scope_press=True))
    photo.story.topics.set([topic("ausbildung")])
    return item, photo


def grow(item, photo):
    """Many more of everything; the stored files are shared, so this is cheap."""
    PressRelease.objects.bulk_create(
        PressRelease(
            number=f"{n:03d}/2023",
            date=datetime.date(2023, 1 + n % 12, 1 + n % 28),
            title=f"Mitteilung {n}",
            slug=f"mitteilung-{n}",
            lead="Vorspann.",
            body="<p>Text.</p>",
            issuers="Deutscher Landkreistag",
            status=Status.PUBLISHED,
            publish_from=start_of_day(datetime.date(2023, 1 + n % 12, 1 + n % 28)),
        )
        for n in range(2, 80)
    )
    release = PressRelease.objects.get(slug="erste-mitteilung")
    copies = PressKitItem.objects.bulk_create(
        PressKitItem(
            title=f"Foto {n}",
            kind=item.kind,
            file=item.file.name,
            preview=item.preview.name,
            file_type=item.file_type,
            file_size=item.file_size,
            width=item.width,
            height=item.height,
            alt_text=item.alt_text,
            credit=item.credit,
        )
        for n in range(30)
    )
    release.downloads.add(*copies)
    PressCoverage.objects.bulk_create(
        PressCoverage(title=f"Bericht {n}", source="Zeitung", date=datetime.date(2024, 2, 1 + n % 28))
        for n in range(40)
    )
    PressContact.objects.bulk_create(PressContact(organisation=f"Verband {n}") for n in range(10))
    KeyFigure.objects.bulk_create(
        KeyFigure(value=str(n), label="Zahl", source="Quelle", as_of="2027", position=10 + n) for n in range(10)
    )
    stories = many_stories(40, photo_source=photo)
    Consent.objects.filter(story__in=stories).update(scope_press=True)


def test_newsroom_pages_and_feeds_cost_a_fixed_number_of_queries(client):
    item, photo = build_small()
    small = {url: count_queries(client, url) for url in URLS}
    grow(item, photo)
    large = {url: count_queries(client, url) for url in URLS}
    assert small == large
    # Newsroom: years (one union), releases, coverage, contacts, figures, kit files, cleared
    # photos, the Leitbild with the stored PDF sizes (no PDF rendered).
    assert small["/presse/"] == 8
    assert small["/presse/erste-mitteilung/"] == 2
    assert small["/presse/kennzahlen.pdf"] == 2  # any figure published? the stored file
    assert small["/presse/feed/"] == 1
    assert small["/geschichten/feed/"] == 2
    assert small["/"] <= 4  # landing texts, figures, featured stories, press releases
