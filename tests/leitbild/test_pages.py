"""The overview and the chapter pages: structure, navigation, share metadata, query budget."""

import re

import pytest
from django.urls import reverse

from leitbild.models import Chapter, Commitment, Leitbild
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def chapter(number: int) -> Chapter:
    return Chapter.objects.numbered()[number - 1]


def test_url_names_the_navigation_expects():
    assert reverse("leitbild:overview") == "/leitbild/"
    assert reverse("leitbild:pdf") == "/leitbild/leitbild-2030.pdf"
    assert (
        reverse("leitbild:chapter", kwargs={"slug": "digital-und-persoenlich"}) == "/leitbild/digital-und-persoenlich/"
    )


def test_main_navigation_links_to_the_leitbild(client):
    response = client.get("/")
    assert 'href="/leitbild/"' in response.text


def test_overview_links_every_chapter_with_number_and_lead(client):
    response = client.get("/leitbild/")
    assert response.status_code == 200
    html = response.text
    for number, item in enumerate(Chapter.objects.numbered(), start=1):
        assert f'href="/leitbild/{item.slug}/"' in html
        assert f"Kapitel {number}" in html
        assert item.short_lead() in html
    assert 'href="/leitbild/leitbild-2030.pdf"' in html
    # The closing section is on the overview in full and has no page of its own.
    closing = Chapter.objects.get(slug="eigenes-image-pflegen")
    assert 'id="eigenes-image-pflegen"' in html
    assert f'href="/leitbild/{closing.slug}/"' not in html


def test_short_lead_is_the_first_sentence_unless_an_editor_wrote_one(client):
    first = chapter(1)
    assert first.short_lead() == "Die kommunalen Jobcenter arbeiten erfolgreich, sind flexibel und innovativ."
    first.lead = "Eine eigene Kurzfassung."
    first.save()
    assert "Eine eigene Kurzfassung." in client.get("/leitbild/").text


def test_chapter_page_has_commitments_as_a_real_list(client):
    item = chapter(2)
    html = client.get(item.get_absolute_url()).text
    lists = re.findall(r'<ul class="leitbild-list leitbild-commitments"[^>]*>(.*?)</ul>', html, re.S)
    assert len(lists) == 1
    items = re.findall(r"<li>(.*?)</li>", lists[0], re.S)
    assert [" ".join(i.split()) for i in items] == [c.text for c in item.commitments.all()]
    assert "<h1" in html and item.title in html


def test_chapter_page_has_breadcrumb_edition_and_neighbours(client):
    html = client.get(chapter(3).get_absolute_url()).text
    breadcrumb = re.search(
        r'<nav aria-label="Brotkrumennavigation" class="[^"]*site-breadcrumb">(.*?)</nav>', html, re.S
    )
    assert breadcrumb, "breadcrumb missing"
    assert 'href="/"' in breadcrumb[1]
    assert 'href="/leitbild/"' in breadcrumb[1]
    assert re.search(r'<li><span aria-current="page">Landkreis und Stadt als Netzwerkknoten</span></li>', breadcrumb[1])
    assert "Stand: November 2020" in html
    assert f'href="{chapter(2).get_absolute_url()}" rel="prev"' in html
    assert f'href="{chapter(4).get_absolute_url()}" rel="next"' in html


def test_first_and_last_chapter_have_one_neighbour(client):
    first = client.get(chapter(1).get_absolute_url())
    assert first.context["previous_chapter"] is None
    assert first.context["next_chapter"] == chapter(2)
    last = client.get(chapter(7).get_absolute_url())
    assert last.context["previous_chapter"] == chapter(6)
    assert last.context["next_chapter"] is None


def test_share_metadata_per_page(client):
    leitbild = Leitbild.objects.get()
    overview = client.get("/leitbild/").text
    assert f'<meta name="description" content="{leitbild.description}">' in overview
    assert f'<meta property="og:title" content="{leitbild.title}">' in overview

    item = chapter(5)
    page = client.get(item.get_absolute_url()).text
    assert f"<title>Kapitel 5: {item.title} – Leitbild 2030" in page
    assert f'<meta name="description" content="{item.short_lead()}">' in page
    assert f'<meta property="og:title" content="{item.title} – {leitbild.title}">' in page
    assert f'<meta property="og:description" content="{item.short_lead()}">' in page


def test_unknown_chapter_and_the_closing_section_have_no_page(client):
    assert client.get("/leitbild/gibt-es-nicht/").status_code == 404
    assert client.get("/leitbild/eigenes-image-pflegen/").status_code == 404


def test_an_edit_shows_on_the_page_at_once(client):
    commitment = chapter(4).commitments.first()
    commitment.text = "künftig alle Anträge in einfacher Sprache erklären,"
    commitment.save()
    assert "künftig alle Anträge in einfacher Sprache erklären," in client.get(chapter(4).get_absolute_url()).text


def test_commitments_follow_their_position(client):
    item = chapter(6)
    last = item.commitments.last()
    last.position = 0
    last.save()
    html = client.get(item.get_absolute_url()).text
    assert html.index(last.text) < html.index(item.commitments.exclude(pk=last.pk).first().text)


def add_content(count: int) -> None:
    """More of everything: an eighth chapter and `count` more commitments in every chapter."""
    leitbild = Leitbild.objects.get()
    leitbild.chapters.create(position=50, title="Ein weiteres Kapitel", slug="ein-weiteres-kapitel", intro="Text.")
    for item in Chapter.objects.all():
        Commitment.objects.bulk_create(
            Commitment(chapter=item, position=100 + n, text=f"zusätzliches Vorhaben {n},") for n in range(count)
        )


@pytest.mark.parametrize(("url", "budget"), [("/leitbild/", 4), ("/leitbild/digital-und-persoenlich/", 3)])
def test_pages_cost_a_fixed_number_of_queries(client, url, budget):
    assert count_queries(client, url) == budget
    add_content(25)
    assert count_queries(client, url) == budget
