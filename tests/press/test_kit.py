"""The press kit: logo (SVG, PNG), photos in print resolution, the Leitbild PDF and the
key-figures sheet download, each shown with its credit, usage terms, type and size."""

import io

import pytest
from django.template.defaultfilters import filesizeformat
from PIL import Image
from pypdf import PdfReader

from leitbild.models import Leitbild
from press import pdf as press_pdf
from press.models import USAGE_TERMS, KeyFigure, KitKind, PressKitItem
from shared.publication import Status
from tests import snapshots
from tests.factories import (
    PhotoFactory,
    PressKitItemFactory,
    PressReleaseFactory,
    StoryFactory,
    give_consent,
    image_file,
)
from tests.press.helpers import KitPage, main_text, newsroom_demo, normalize, shared_pdf_renderings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_pdf_renderings")]
__all__ = ["shared_pdf_renderings"]

LOGO_SVG = "Logo der Kampagne (SVG, Vektorgrafik)"
LOGO_PNG = "Logo der Kampagne (PNG, 1000 × 1000 Pixel, transparenter Hintergrund)"
LEITBILD = "Strategisches Leitbild der kommunalen Jobcenter 2030 (PDF, barrierefrei)"
SHEET = "Kennzahlen der kommunalen Jobcenter"
CAMPAIGN_CREDIT = "© Deutscher Landkreistag und Deutscher Städtetag"


def download(client, href: str) -> bytes:
    response = client.get(href)
    assert response.status_code == 200, href
    return b"".join(response.streaming_content) if response.streaming else response.content


def cleared_photo(**story_fields):
    story = StoryFactory(name="Leonie Braun", slug="leonie-braun", consent__scope_press=True, **story_fields)
    return PhotoFactory(
        story=story,
        image=image_file("leonie.jpg", width=1600, height=1200),
        caption="Leonie Braun in ihrer Ausbildungswerkstatt",
        credit="Foto: Jobcenter Kreis Düren",
    )


@snapshots.copied
def test_logo_photo_and_leitbild_download_with_their_credits_next_to_them(client):
    newsroom_demo()
    photo = cleared_photo()
    kit = KitPage(client.get("/presse/").content.decode())

    svg = kit.by_title(LOGO_SVG)
    assert svg.credit == CAMPAIGN_CREDIT and svg.terms == USAGE_TERMS
    body = download(client, svg.href)
    assert body.lstrip().startswith(b"<svg") and b"http://www.w3.org/2000/svg" in body
    assert svg.download == "kampagnenlogo.svg"
    assert svg.file == f"SVG, {len(body)} Bytes"

    png = kit.by_title(LOGO_PNG)
    assert png.credit == CAMPAIGN_CREDIT
    body = download(client, png.href)
    with Image.open(io.BytesIO(body)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (1000, 1000), "RGBA")
    assert png.file.startswith("PNG, ") and png.file.endswith("1000 × 1000 Pixel")

    story_photo = kit.by_title("Leonie Braun in ihrer Ausbildungswerkstatt")
    assert story_photo.credit == "© Foto: Jobcenter Kreis Düren"
    assert story_photo.terms == USAGE_TERMS
    assert story_photo.href == photo.image.url  # the stored original, not a rendition
    body = download(client, story_photo.href)
    with Image.open(io.BytesIO(body)) as image:
        assert image.size == (1600, 1200)
    assert story_photo.file.endswith("1600 × 1200 Pixel")
    assert photo.file_size == len(body)
    assert story_photo.image_alt == photo.alt_text

    leitbild = kit.by_title(LEITBILD)
    assert leitbild.credit == CAMPAIGN_CREDIT and leitbild.terms == USAGE_TERMS
    assert leitbild.href == "/leitbild/leitbild-2030.pdf" and leitbild.download == "leitbild-2030.pdf"
    body = download(client, leitbild.href)
    assert body.startswith(b"%PDF-")
    assert PdfReader(io.BytesIO(body)).metadata.title == Leitbild.objects.get().title


@snapshots.copied
def test_kit_shows_the_real_sizes_of_the_files(client):
    newsroom_demo()
    kit = KitPage(client.get("/presse/").content.decode())
    for title in (LEITBILD, SHEET, "Kampagnenmotiv „Stark.“"):
        entry = kit.by_title(title)
        size = len(download(client, entry.href))
        assert entry.file.split(", ")[1] == normalize(filesizeformat(size)), (title, entry.file)


@snapshots.copied
def test_generated_press_photos_are_in_print_resolution():
    newsroom_demo()
    motifs = PressKitItem.objects.filter(kind=KitKind.PHOTO, is_demo=True)
    assert motifs.count() == 3
    for motif in motifs:
        assert (motif.width, motif.height) == (3000, 2000)
        assert motif.file_type == "image/jpeg" and motif.alt_text and "©" in motif.credit
        assert motif.picture is not None and motif.picture.sources


def test_the_logo_png_matches_the_svg_shapes():
    """Colours of the committed PNG where static/img/logo.svg has its shapes."""
    from press.demo import LOGO_PNG

    with Image.open(LOGO_PNG) as image:
        pixels = image.convert("RGBA")
        scale = 1000 / 48

        def at(x, y):
            return pixels.getpixel((round(x * scale), round(y * scale)))

        assert at(0.3, 0.3)[3] == 0  # outside the rounded corner: transparent
        assert at(4, 24)[:3] == (26, 61, 165)  # the blue square
        assert at(24, 21)[:3] == (255, 210, 90)  # the yellow head
        assert at(10, 24)[:3] == (255, 255, 255)  # the white hexagon's left side
        assert at(24, 32)[:3] == (26, 61, 165)  # inside the arc: blue


def test_only_photos_of_published_stories_with_press_consent_are_offered(client):
    PhotoFactory(caption="Nur Website", story=StoryFactory(slug="nur-website"))
    PhotoFactory(
        caption="Geschichte im Entwurf",
        story=StoryFactory(slug="entwurf", status=Status.DRAFT, consent__scope_press=True),
    )
    two = StoryFactory(slug="zwei-personen", consent__scope_press=True)
    give_consent(two, person="Zweite Person", scope_press=False)  # one of two persons did not agree
    PhotoFactory(caption="Nur eine Person stimmt zu", story=two)
    cleared_photo()
    titles = [item.title for item in KitPage(client.get("/presse/").content.decode()).items]
    assert "Leonie Braun in ihrer Ausbildungswerkstatt" in titles
    assert "Nur Website" not in titles
    assert "Geschichte im Entwurf" not in titles
    assert "Nur eine Person stimmt zu" not in titles


def test_unpublished_and_release_only_items_stay_out_of_the_kit(client):
    PressKitItemFactory(title="Zurückgezogen", status=Status.DRAFT)
    attachment = PressKitItemFactory(title="Nur zur Mitteilung", show_in_kit=False)
    PressKitItemFactory(title="Im Kit")
    release = PressReleaseFactory()
    release.downloads.set([attachment])
    titles = [item.title for item in KitPage(client.get("/presse/").content.decode()).items]
    assert "Im Kit" in titles and "Zurückgezogen" not in titles and "Nur zur Mitteilung" not in titles
    release_kit = KitPage(client.get(release.get_absolute_url()).content.decode())
    assert [item.title for item in release_kit.items] == ["Nur zur Mitteilung"]


@snapshots.copied
def test_release_022_2018_offers_the_logo_under_zusaetzliche_informationen(client):
    newsroom_demo()
    html = client.get("/presse/022-2018-kommunale-jobcenter-starten-kampagne/").content.decode()
    assert "Zusätzliche Informationen" in main_text(html)
    kit = KitPage(html)
    assert [item.title for item in kit.items] == [LOGO_SVG, LOGO_PNG]
    assert all(item.credit == CAMPAIGN_CREDIT for item in kit.items)


def test_key_figures_sheet_lists_the_published_figures_with_source_and_stand(client):
    response = client.get("/presse/kennzahlen.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="{press_pdf.FILENAME}"'
    reader = PdfReader(io.BytesIO(response.getvalue()))
    text = " ".join(page.extract_text() for page in reader.pages)
    for figure in KeyFigure.objects.published():
        assert figure.value in text and figure.label.split()[0] in text
    assert text.count("Stand: November 2020") == 4
    assert reader.metadata.title == "Kennzahlen der kommunalen Jobcenter"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_key_figures_sheet_follows_edits_through_its_task(
    client, shared_pdf_renderings, immediate_tasks, django_capture_on_commit_callbacks
):
    first = client.get("/presse/kennzahlen.pdf")
    assert client.get("/presse/kennzahlen.pdf", headers={"if-none-match": first["ETag"]}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        KeyFigure.objects.create(value="42", label="neue Kennzahl", source="Eigene Erhebung", as_of="Mai 2027")
    assert shared_pdf_renderings == [press_pdf.__name__]
    second = client.get("/presse/kennzahlen.pdf")
    assert second["ETag"] != first["ETag"]
    assert "Stand: Mai 2027" in PdfReader(io.BytesIO(second.getvalue())).pages[0].extract_text()
    client.get("/presse/kennzahlen.pdf")
    client.get("/presse/")
    assert shared_pdf_renderings == [press_pdf.__name__]


def test_newsroom_and_pdf_views_render_no_pdf(client, shared_pdf_renderings):
    client.get("/presse/")
    client.get("/presse/")
    client.get("/leitbild/leitbild-2030.pdf")
    client.get("/presse/kennzahlen.pdf")
    assert shared_pdf_renderings == []


def test_without_figures_there_is_no_sheet(client):
    KeyFigure.objects.update(status=Status.DRAFT)
    assert client.get("/presse/kennzahlen.pdf").status_code == 404
    assert SHEET not in [item.title for item in KitPage(client.get("/presse/").content.decode()).items]


def test_without_leitbild_the_kit_still_answers(client):
    from leitbild.models import Chapter

    Chapter.objects.all().delete()
    Leitbild.objects.all().delete()
    response = client.get("/presse/")
    assert response.status_code == 200
    assert LEITBILD not in [item.title for item in KitPage(response.content.decode()).items]


@snapshots.copied
def test_every_kit_entry_has_credit_terms_type_and_a_download_link(client):
    newsroom_demo()
    cleared_photo()
    items = KitPage(client.get("/presse/").content.decode()).items
    assert len(items) == 2 + 3 + 1 + 2  # logos, motifs, story photo, Leitbild and sheet
    for item in items:
        assert item.credit.startswith("©"), item.title
        assert item.terms, item.title
        assert item.file, item.title
        assert item.href and item.download, item.title


@snapshots.copied
def test_full_load_demo_fills_the_kit_with_demo_story_photos(client):
    snapshots.demo()  # the database and files after load_demo, made once per state of the code
    text = main_text(client.get("/presse/").content.decode())
    assert "Foto zur Geschichte von Leonie Braun" in text
    assert "© Illustration: Demo-Inhalt der Kampagne" in text
