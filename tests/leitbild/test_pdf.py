"""The PDF: the whole Leitbild, tagged (PDF/UA-1), bookmarks per chapter, made by a task, served from storage."""

import io

import pytest
from pypdf import PdfReader

from leitbild import pdf as leitbild_pdf
from leitbild.models import Chapter, Leitbild
from shared.pdf import StaticFilesFetcher
from tests.helpers import count_queries
from tests.leitbild.source import assert_in_order, chapter_passages, normalize, overview_passages, pdf_text, source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_pdf")]

URL = "/leitbild/leitbild-2030.pdf"


@pytest.fixture
def renders(monkeypatch):
    """Counts how often WeasyPrint really renders."""
    calls = []
    original = leitbild_pdf.render_pdf

    def counting(html):
        calls.append(html)
        return original(html)

    monkeypatch.setattr(leitbild_pdf, "render_pdf", counting)
    return calls


@pytest.fixture
def made_pdf(renders, generated_files):
    """The PDF as the task makes it; the count of renderings starts after it."""
    renders.clear()


def fetch(client, **headers):
    response = client.get(URL, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def outline_titles(reader) -> list[str]:
    titles = []
    for item in reader.outline:
        if isinstance(item, list):
            titles += [child.title for child in item]
        else:
            titles.append(item.title)
    return titles


@pytest.fixture(scope="module")
def migrated_pdf(django_db_setup, django_db_blocker) -> PdfReader:
    """The PDF of the Leitbild as `migrate` loads it, rendered once for the read-only tests."""
    with django_db_blocker.unblock():
        leitbild = Leitbild.objects.with_content().current()
        content = leitbild_pdf.render_pdf(leitbild_pdf.document_html(leitbild))
    return PdfReader(io.BytesIO(content))


def test_pdf_is_served_inline_with_its_name(client):
    response = fetch(client)
    assert response["Content-Disposition"] == 'inline; filename="leitbild-2030.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_pdf_contains_the_whole_leitbild_in_order(migrated_pdf):
    reader = migrated_pdf
    text = pdf_text(reader)
    data = source()
    passages = overview_passages()[: -(len(data["closing"]["commitments"]) + 3 + len(data["closing"]["intro"]))]
    # The preamble, then each chapter in full, then the closing section.
    passages = passages[: passages.index(data["chapters"][0]["title"])]
    for chapter in data["chapters"]:
        passages += chapter_passages(chapter)
    passages += chapter_passages(data["closing"])
    assert_in_order(text, passages, ignore_whitespace=True)


def test_pdf_is_tagged_with_language_title_and_chapter_bookmarks(migrated_pdf):
    reader = migrated_pdf
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "de"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == source()["title"]
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()
    titles = outline_titles(reader)
    chapter_titles = [chapter["title"] for chapter in source()["chapters"]]
    assert [title for title in titles if title in chapter_titles] == chapter_titles
    assert source()["closing"]["title"] in titles


def test_pdf_embeds_our_fira_sans(migrated_pdf):
    reader = migrated_pdf
    fonts = {
        font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"].get("/Font", {}).values()
    }
    assert fonts and all("Fira" in name for name in fonts), fonts


def test_requests_serve_the_stored_pdf_and_render_nothing(client, renders):
    first = fetch(client)
    second = fetch(client)
    assert renders == []
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_unchanged_pdf_answers_not_modified(client, renders):
    first = fetch(client)
    assert "no-cache" in first["Cache-Control"]
    assert first["Last-Modified"]
    assert client.get(URL, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(URL, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    assert renders == []


def test_an_edit_remakes_the_pdf_through_its_task(client, renders, immediate_tasks, django_capture_on_commit_callbacks):
    before = fetch(client)
    commitment = Chapter.objects.get(title="Zufriedene Menschen").commitments.first()
    commitment.text = "jede Anfrage binnen einer Woche beantworten,"
    with django_capture_on_commit_callbacks(execute=True):
        commitment.save()
    assert len(renders) == 1

    after = fetch(client)
    assert after["ETag"] != before["ETag"]
    assert client.get(URL, headers={"if-none-match": before["ETag"]}).status_code == 200
    assert "jedeAnfragebinneneinerWochebeantworten," in pdf_text(PdfReader(io.BytesIO(after.content)))
    fetch(client)
    assert len(renders) == 1


def test_pdf_costs_a_fixed_number_of_queries_and_renders_nothing(client, renders):
    first = count_queries(client, URL)
    chapter = Chapter.objects.numbered().first()
    chapter.commitments.bulk_create(
        chapter.commitments.model(chapter=chapter, position=50 + n, text=f"weiteres Vorhaben {n},") for n in range(30)
    )
    assert count_queries(client, URL) == first <= 3
    assert renders == []


def test_no_leitbild_no_pdf(client):
    Chapter.objects.all().delete()
    Leitbild.objects.all().delete()
    assert client.get(URL).status_code == 404
    assert client.get("/leitbild/").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["https://example.org/font.woff2", "http://127.0.0.1/x.css", "file:///etc/passwd", "file:///etc/../etc/hostname"],
)
def test_weasyprint_may_read_only_our_static_files(url):
    fetcher = StaticFilesFetcher()
    with pytest.raises(ValueError, match="static files"):
        fetcher.fetch(url)


def test_weasyprint_reads_our_stylesheet_and_the_one_it_imports():
    fetcher = StaticFilesFetcher()
    response = fetcher.fetch(leitbild_pdf.stylesheet_path().as_uri())
    assert response.content_type == "text/css"
    assert b'@import url("print-base.css");' in response.read()
    base = fetcher.fetch((leitbild_pdf.stylesheet_path().parent / "print-base.css").as_uri())
    assert b"@page" in base.read()


def test_passages_helper_fails_on_a_missing_passage():
    with pytest.raises(AssertionError):
        assert_in_order(normalize("eins zwei drei"), ["zwei", "eins"])
