"""The Leitbild PDF opens with the campaign's cover and ends, as the printed Leitbild does, with the
104 kommunalen Jobcenter by Land: each Land a bookmark, still tagged PDF/UA-1."""

import io

import pytest
from pypdf import PdfReader

from campaign.models import Kommune, Land
from leitbild import pdf as leitbild_pdf
from leitbild.models import Leitbild
from tests.leitbild.source import pdf_text


@pytest.fixture
def reader(db) -> PdfReader:
    # Per test, inside its transaction: a module-wide read outside one found no Leitbild when a
    # transactional test on the same xdist worker had just emptied the tables.
    leitbild = Leitbild.objects.with_content().current()
    html = leitbild_pdf.document_html(leitbild)
    names = list(Kommune.objects.values_list("name", "land"))
    reader = PdfReader(io.BytesIO(leitbild_pdf.render_pdf(html)))
    reader.kommunen = names
    return reader


def outline(reader) -> list[tuple[int, str]]:
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title))

    walk(reader.outline, 1)
    return found


def test_cover_carries_the_campaign_mark_and_claim(reader):
    cover = " ".join(reader.pages[0].extract_text().split())
    assert cover.startswith("Kommunale Jobcenter Stark. Sozial. Vor Ort. Strategisches Leitbild")
    # The logo is an image with a text alternative (PDF/UA: every figure has /Alt).
    figures = [node for node in structure(reader.trailer["/Root"]["/StructTreeRoot"]) if node.get("/S") == "/Figure"]
    assert figures and all("Logo der Kampagne" in str(node.get("/Alt", "")) for node in figures)


def structure(node):
    node = node.get_object()
    yield node
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/S" in kid:
            yield from structure(kid)


def test_pdf_ends_with_all_104_by_land_as_bookmarks(reader):
    heading = "Die 104 kommunalen Jobcenter nach Ländern"
    assert len(reader.kommunen) == 104
    lands_with_kommunen = [land.label for land in Land if any(land.value == k_land for _n, k_land in reader.kommunen)]
    entries = outline(reader)
    assert entries[-1 - len(lands_with_kommunen)] == (1, heading)
    assert [title for level, title in entries if level == 2] == lands_with_kommunen
    # pdf_text drops all whitespace (lines may break anywhere in a name).
    closing_list = pdf_text(reader).split(heading.replace(" ", ""))[-1]
    for name, _land in reader.kommunen:
        assert name.replace(" ", "") in closing_list, name
    assert closing_list.index("LandkreisBiberach") < closing_list.index("Bodenseekreis")
    assert closing_list.index("Bodenseekreis") < closing_list.index("Bayern") < closing_list.index("LandkreisAnsbach")


def test_pdf_is_still_tagged_pdf_ua(reader):
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and bool(catalog["/MarkInfo"]["/Marked"])
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()


@pytest.mark.django_db
def test_a_renamed_kommune_changes_the_pdf_and_asks_for_a_new_one(django_capture_on_commit_callbacks, monkeypatch):
    leitbild = Leitbild.objects.with_content().current()
    before = leitbild_pdf.content_digest(leitbild_pdf.document_html(leitbild))
    queued = []
    monkeypatch.setattr("generated.makers.enqueue", queued.append)
    kommune = Kommune.objects.get(slug="kreis-dueren")
    kommune.name = "Kreis Düren (umbenannt)"
    kommune.save()
    assert queued == [leitbild_pdf.KEY]
    html = leitbild_pdf.document_html(leitbild)
    assert "Kreis Düren (umbenannt)" in html
    assert leitbild_pdf.content_digest(html) != before
