"""The 104 Optionskommunen: data, the list with filter and search (no JavaScript), the map, the pages."""

import csv

import pytest

from campaign.germany_map import land_shapes
from campaign.models import Kommune, Land
from tests.campaign.html import ListPage
from tests.factories import kommune
from tests.helpers import count_queries
from tests.sources import DATA

pytestmark = pytest.mark.django_db

SOURCE_CSV = DATA / "optionskommunen.csv"
KIND = {"Landkreis": "landkreis", "kreisfreie Stadt": "kreisfreie-stadt"}
LAND_BY_NAME = {str(land.label): land.value for land in Land}


def csv_rows() -> list[dict]:
    with SOURCE_CSV.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def visible(client, url: str) -> dict[str, list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return ListPage(response.content.decode()).visible_names()


def test_the_104_rows_match_the_source_csv_exactly():
    expected = {(row["name"], KIND[row["kind"]], LAND_BY_NAME[row["bundesland"]]) for row in csv_rows()}
    stored = set(Kommune.objects.values_list("name", "kind", "land"))
    assert len(csv_rows()) == 104
    assert stored == expected
    assert Kommune.objects.count() == 104


def test_list_shows_all_104_names_under_their_13_laender(client):
    groups = visible(client, "/jobcenter/")
    assert len(groups) == 13
    expected: dict[str, list[str]] = {}
    for row in csv_rows():
        expected.setdefault(LAND_BY_NAME[row["bundesland"]], []).append(row["name"])
    # Same names per Land, in the order of the official list (by place, not by "Landkreis …").
    assert groups == expected


def test_every_name_in_the_list_links_to_a_working_page(client):
    page = ListPage(client.get("/jobcenter/").content.decode())
    links = [link for section in page.sections.values() for link in section["links"]]
    assert len(links) == 104
    for name, href in links:
        response = client.get(href)
        assert response.status_code == 200, href
        assert name in response.content.decode()


def test_land_headings_carry_the_count(client):
    html = client.get("/jobcenter/").content.decode()
    assert 'id="land-nordrhein-westfalen"' in html
    assert 'Nordrhein-Westfalen <span class="campaign-land__count">(<span data-land-count>18</span>' in html
    assert "Alle 104 kommunalen Jobcenter, nach Ländern geordnet." in html


def test_filter_by_land_works_without_javascript(client):
    groups = visible(client, "/jobcenter/?land=hessen")
    assert list(groups) == ["hessen"]
    assert len(groups["hessen"]) == 16
    html = client.get("/jobcenter/?land=hessen").content.decode()
    assert "16 von 104 kommunalen Jobcentern gefunden." in html
    assert '<option value="hessen" selected>Hessen (16)</option>' in html


@pytest.mark.parametrize("query", ["Düren", "dueren", "DUREN", "  düren "])
def test_search_by_name_folds_case_and_umlauts(client, query):
    assert visible(client, f"/jobcenter/?q={query}") == {"nordrhein-westfalen": ["Kreis Düren"]}


def test_search_finds_part_of_a_name(client):
    assert visible(client, "/jobcenter/?q=jena") == {"thueringen": ["Stadt Jena"]}
    groups = visible(client, "/jobcenter/?q=offenbach")
    assert groups == {"hessen": ["Kreis Offenbach", "Stadt Offenbach am Main"]}


def test_search_also_finds_the_jobcenter_name(client):
    dueren = kommune("kreis-dueren")
    dueren.jobcenter_name = "job-com Kreis Düren"
    dueren.save()
    assert visible(client, "/jobcenter/?q=job-com") == {"nordrhein-westfalen": ["Kreis Düren"]}


def test_filter_and_search_combine(client):
    groups = visible(client, "/jobcenter/?land=bayern&q=stadt")
    assert groups == {"bayern": ["Stadt Erlangen", "Stadt Ingolstadt", "Stadt Kaufbeuren", "Stadt Schweinfurt"]}


def test_no_match_shows_a_german_empty_state(client):
    response = client.get("/jobcenter/?q=Atlantis")
    html = response.content.decode()
    assert ListPage(html).visible_names() == {}
    assert '<div class="campaign-empty" data-filter-empty>' in html
    assert "Kein kommunales Jobcenter gefunden" in html
    assert "0 von 104 kommunalen Jobcentern gefunden." in html


def test_unknown_land_is_explained_in_german_and_shows_all(client):
    html = client.get("/jobcenter/?land=berlin").content.decode()
    assert "Dieses Land gibt es in der Auswahl nicht. Es werden alle Länder gezeigt." in html
    assert sum(len(names) for names in ListPage(html).visible_names().values()) == 104


def test_overlong_search_is_cut_and_keeps_the_land_filter(client):
    response = client.get("/jobcenter/?land=thueringen&q=" + "x" * 500)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="thueringen" selected>' in html
    assert 'value="' + "x" * 100 + '"' in html
    assert ListPage(html).visible_names() == {}


def test_unknown_land_keeps_the_search(client):
    assert visible(client, "/jobcenter/?land=atlantis&q=jena") == {"thueringen": ["Stadt Jena"]}


def test_map_links_each_land_with_kommunen_to_its_group(client):
    html = client.get("/jobcenter/").content.decode()
    page = ListPage(html)
    assert len(page.map_links) == 13
    assert page.map_links["hessen"]["href"] == "/jobcenter/?land=hessen#land-hessen"
    assert page.map_links["hessen"]["aria-label"] == "Hessen: 16 kommunale Jobcenter"
    assert page.map_links["mecklenburg-vorpommern"]["aria-label"] == "Mecklenburg-Vorpommern: 1 kommunales Jobcenter"
    assert sorted(page.map_badges, key=int) == sorted(
        ["11", "10", "7", "16", "1", "16", "18", "5", "3", "5", "6", "2", "4"], key=int
    )
    for land in ("berlin", "bremen", "hamburg"):
        assert f"{Land(land).label}: kein kommunales Jobcenter" in html
    assert 'aria-labelledby="germany-map-title"' in html
    assert "Karte: kommunale Jobcenter je Land" in html


def test_map_is_drawn_from_our_own_shapes_for_all_16_laender():
    shapes = land_shapes()
    assert set(shapes) == {land.value for land in Land}
    for shape in shapes.values():
        assert shape["path"].startswith("M") and shape["path"].endswith("Z")
        assert "http" not in shape["path"]


def test_map_requests_nothing_from_elsewhere(client):
    html = client.get("/jobcenter/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'href="http' not in svg
    assert "<image" not in svg


def test_kommune_page_shows_jobcenter_name_with_fallback(client):
    html = client.get("/jobcenter/landeshauptstadt-stuttgart/").content.decode()
    assert '<h1 class="kern-heading-x-large">Jobcenter Landeshauptstadt Stuttgart</h1>' in html
    assert "Die Kontaktdaten dieses Jobcenters werden gerade ergänzt." in html
    assert 'href="/jobcenter/?land=baden-wuerttemberg#land-baden-wuerttemberg"' in html


def test_kommune_page_shows_the_contact_details_editors_entered(client):
    dueren = kommune("kreis-dueren")
    dueren.jobcenter_name = "job-com – Kommunales Jobcenter Kreis Düren"
    dueren.address = "Bismarckstraße 16\n52351 Düren"
    dueren.phone = "02421 22-0"
    dueren.email = "info@example.org"
    dueren.website = "https://www.example.org/jobcom"
    dueren.save()
    html = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert "job-com – Kommunales Jobcenter Kreis Düren" in html
    assert "Bismarckstraße 16<br>52351 Düren" in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="https://www.example.org/jobcom"' in html
    assert "02421 22-0" in html
    assert "werden gerade ergänzt" not in html


def test_unknown_kommune_is_a_404(client):
    assert client.get("/jobcenter/gibt-es-nicht/").status_code == 404


def test_list_query_budget_does_not_grow_with_the_rows(client):
    full = count_queries(client, "/jobcenter/")
    Kommune.objects.filter(land="nordrhein-westfalen").delete()
    assert count_queries(client, "/jobcenter/?land=hessen&q=kreis") == full
    assert full <= 1
