"""The Jobcenter page is the Kommune's own: contact data, press contact, self-description and
locations with their map, each shown only when filled in; locations edited in the Kommune's
admin page with the Kommune's rights; coordinates and postcodes validated in German."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from campaign.demo import load_jobcenter_pages
from campaign.demo_content import JOBCENTER_PAGES
from campaign.germany_map import GERMANY_BOUNDS, land_map, project
from campaign.models import Location, LocationKind
from shared import pagecache
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.campaign.html import KommunePage
from tests.factories import PhotoFactory, StoryFactory, editor, kommune
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

DUEREN = "/jobcenter/kreis-dueren/"


def add_location(owner, name="Hauptsitz", position=0, located=True, **fields) -> Location:
    values = {
        "kind": LocationKind.MAIN,
        "street": "Bismarckstraße 16",
        "postcode": "52351",
        "city": "Düren",
        "latitude": Decimal("50.8043") if located else None,
        "longitude": Decimal("6.4824") if located else None,
        **fields,
    }
    location = Location(kommune=owner, name=name, position=position, **values)
    location.full_clean()
    location.save()
    return location


def filled_dueren():
    dueren = kommune("kreis-dueren")
    dueren.jobcenter_name = "job-com – Kommunales Jobcenter Kreis Düren"
    dueren.address = "Bismarckstraße 16\n52351 Düren"
    dueren.phone = "0221 4710 100"
    dueren.email = "jobcenter@kreis-dueren.example.org"
    dueren.website = "https://kreis-dueren.example.org/jobcenter"
    dueren.press_name = "Erika Musterfrau"
    dueren.press_phone = "0221 4710 190"
    dueren.press_email = "presse@kreis-dueren.example.org"
    dueren.description = "Wir beraten und begleiten.\n\nAuch in Jülich und Nideggen."
    dueren.full_clean()
    dueren.save()
    add_location(
        dueren,
        "Hauptsitz im Kreishaus",
        position=1,
        phone="0221 4710 101",
        opening_hours="Mo–Fr 8–12 Uhr\nDo 14–17 Uhr",
        accessibility="Stufenloser Eingang\nAufzug\nInduktionsschleife",
    )
    add_location(
        dueren,
        "Geschäftsstelle Nordkreis",
        position=2,
        kind=LocationKind.BRANCH,
        street="Kölnstraße 5",
        postcode="52428",
        city="Jülich",
        latitude=Decimal("50.922"),
        longitude=Decimal("6.362"),
    )
    return dueren


def page(client, url: str = DUEREN) -> tuple[str, KommunePage]:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html, KommunePage(html)


# -- the public page -----------------------------------------------------------------------


def test_full_page_shows_every_field_in_its_section(client):
    filled_dueren()
    html, parsed = page(client)
    assert parsed.headings == [
        "job-com – Kommunales Jobcenter Kreis Düren",
        "Das Jobcenter stellt sich vor",
        "Kontakt",
        "Standorte",
        "Hauptsitz im Kreishaus",
        "Geschäftsstelle Nordkreis",
        "Pressekontakt",
    ]
    assert "<p>Wir beraten und begleiten.</p>\n\n<p>Auch in Jülich und Nideggen.</p>" in html
    assert "Bismarckstraße 16<br>52351 Düren" in html
    assert 'href="mailto:jobcenter@kreis-dueren.example.org"' in html
    assert 'href="https://kreis-dueren.example.org/jobcenter"' in html
    assert "0221 4710 100" in html
    # Locations: address, phone, opening hours and accessibility notes, each under its term.
    assert "Kölnstraße 5<br>52428 Jülich" in html
    assert "0221 4710 101" in html
    assert "Mo–Fr 8–12 Uhr<br>Do 14–17 Uhr" in html
    assert "Stufenloser Eingang<br>Aufzug<br>Induktionsschleife" in html
    assert "Geschäftsstelle</p>" in html  # the kind, where the name does not say it
    # Press contact
    assert "Erika Musterfrau" in html
    assert "0221 4710 190" in html
    assert 'href="mailto:presse@kreis-dueren.example.org"' in html
    assert parsed.terms == [
        *["Anschrift", "Telefon", "E-Mail", "Website"],
        *["Anschrift", "Telefon", "Öffnungszeiten", "Barrierefreiheit"],
        "Anschrift",
        *["Telefon", "E-Mail"],
    ]
    assert html.count("<address") == 4  # the Jobcenter, each location, the press contact
    assert "werden gerade ergänzt" not in html


def test_empty_kommune_shows_no_empty_section(client):
    html, parsed = page(client, "/jobcenter/stadt-jena/")
    # Only the hint where to find the contact data stands under "Kontakt".
    assert parsed.headings == ["Jobcenter Stadt Jena", "Kontakt"]
    for heading in ("Das Jobcenter stellt sich vor", "Standorte", "Standort", "Pressekontakt"):
        assert heading not in parsed.headings
    assert "Die Kontaktdaten dieses Jobcenters werden gerade ergänzt." in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "<dl" not in main and "<address" not in main and "–" not in main.replace("&ndash;", "")
    assert "campaign-location-map" not in main


def test_partly_filled_page_leaves_out_each_empty_field(client):
    jena = kommune("stadt-jena")
    jena.phone = "03641 000"
    jena.press_email = "presse@jena.example.org"
    jena.save()
    add_location(jena, "Hauptsitz", street="Markt 1", postcode="07743", city="Jena", located=False)
    html, parsed = page(client, "/jobcenter/stadt-jena/")
    assert parsed.headings == ["Jobcenter Stadt Jena", "Kontakt", "Standort", "Hauptsitz", "Pressekontakt"]
    assert parsed.terms == ["Telefon", "Anschrift", "E-Mail"]
    assert "campaign-press-person" not in html
    assert "werden gerade ergänzt" not in html
    assert "<svg" not in html[html.index('id="locations-title"') :].split("</section>")[0]


def test_locations_alone_need_no_contact_hint(client):
    add_location(kommune("stadt-jena"), street="Markt 1", postcode="07743", city="Jena")
    html, parsed = page(client, "/jobcenter/stadt-jena/")
    assert "Kontakt" not in parsed.headings
    assert "werden gerade ergänzt" not in html


def test_locations_are_shown_in_their_order(client):
    dueren = kommune("kreis-dueren")
    third = add_location(dueren, "Stadtteilbüro Süd", position=30, kind=LocationKind.NEIGHBOURHOOD)
    first = add_location(dueren, "Hauptsitz", position=10)
    second = add_location(dueren, "Geschäftsstelle Nord", position=20, kind=LocationKind.BRANCH)
    _html, parsed = page(client)
    assert parsed.location_ids == [f"standort-{location.pk}" for location in (first, second, third)]
    assert parsed.list_numbers == ["1", "2", "3"]
    assert [marker["data-map-marker"] for marker in parsed.markers] == ["1", "2", "3"]


def test_map_has_markers_only_for_located_entries(client):
    dueren = kommune("kreis-dueren")
    main = add_location(dueren, "Hauptsitz", position=1)
    add_location(dueren, "Beratung im Rathaus", position=2, kind=LocationKind.BRANCH, located=False)
    north = add_location(
        dueren,
        "Geschäftsstelle Nordkreis",
        position=3,
        kind=LocationKind.BRANCH,
        street="Kölnstraße 5",
        postcode="52428",
        city="Jülich",
        latitude=Decimal("50.922"),
        longitude=Decimal("6.362"),
    )
    html, parsed = page(client)
    # Numbers stay those of the list: the entry without coordinates keeps its place, without a marker.
    assert parsed.list_numbers == ["1", "3"]
    assert [(m["data-map-marker"], m["href"], m["aria-label"]) for m in parsed.markers] == [
        ("1", f"#standort-{main.pk}", "Standort 1: Hauptsitz, Bismarckstraße 16, 52351 Düren"),
        ("3", f"#standort-{north.pk}", "Standort 3: Geschäftsstelle Nordkreis, Kölnstraße 5, 52428 Jülich"),
    ]
    assert "Karte: Standorte in Nordrhein-Westfalen" in html
    assert "Die Karte zeigt, wo die Standorte in Nordrhein-Westfalen liegen." in html
    svg = html[html.index('<svg class="campaign-location-map__svg"') : html.index("</svg>", html.index("location-map"))]
    assert 'role="group"' in svg and 'aria-labelledby="location-map-title"' in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<image" not in svg and "<script" not in svg
    # Each dot sits where project() puts its coordinates, inside the drawn frame.
    left, top, width, height = (float(n) for n in parsed.map_view_box.split())
    assert parsed.dots == [project((6.4824, 50.8043)), project((6.362, 50.922))]
    for x, y in parsed.dots:
        assert left <= x <= left + width and top <= y <= top + height


def test_no_map_when_no_location_has_coordinates(client):
    add_location(kommune("kreis-dueren"), located=False)
    html, parsed = page(client)
    assert parsed.markers == [] and parsed.list_numbers == []
    assert "campaign-location-map" not in html


def test_page_query_budget_does_not_grow_with_locations_or_stories(client, django_assert_max_num_queries):
    # The Kommune, its locations (one prefetch), its stories and their photos.
    pagecache.renew()  # a page-cache miss, without the generation's first start
    with django_assert_max_num_queries(3):
        page(client)
    dueren = filled_dueren()
    for number in range(6):
        add_location(dueren, f"Stadtteilbüro {number}", position=10 + number, kind=LocationKind.NEIGHBOURHOOD)
    PhotoFactory(story=StoryFactory(kommune=dueren))
    PhotoFactory(story=StoryFactory(kommune=dueren))
    pagecache.renew()
    with django_assert_max_num_queries(4):
        _html, parsed = page(client)
    assert len(parsed.location_ids) == 8


def test_demo_fills_a_few_pages_marked_as_demo_and_can_run_twice(client):
    load_jobcenter_pages()
    load_jobcenter_pages()
    for slug in JOBCENTER_PAGES:
        owner = kommune(slug)
        assert owner.description.startswith("(Demo-Angaben)")
        assert owner.email.endswith(".example.org")
        assert owner.locations.count() == 3
        assert all(location.has_coordinates for location in owner.locations.all())
    _html, parsed = page(client)
    assert [marker["data-map-marker"] for marker in parsed.markers] == ["1", "2", "3"]
    assert "Pressekontakt" in parsed.headings


# -- the map helper -----------------------------------------------------------------------


def test_land_map_frames_the_land_and_keeps_nearby_markers_apart():
    # Three offices of one city lie within a badge's width on the map of Baden-Württemberg.
    points = [(9.167, 48.779), (9.17, 48.78), (9.172, 48.778)]
    drawn = land_map("baden-wuerttemberg", points)
    left, top, width, height = (float(n) for n in drawn["view_box"].split())
    badges = [(m["badge_x"], m["badge_y"]) for m in drawn["markers"]]
    radius = drawn["radius"]
    for index, (x, y) in enumerate(badges):
        assert left <= x - radius and x + radius <= left + width
        assert top <= y - radius and y + radius <= top + height
        for other in badges[index + 1 :]:
            assert ((x - other[0]) ** 2 + (y - other[1]) ** 2) ** 0.5 >= 2 * radius
    assert [m["moved"] for m in drawn["markers"]] == [False, True, True]
    assert [(m["x"], m["y"]) for m in drawn["markers"]] == [project(point) for point in points]
    assert drawn["path"].startswith("M") and drawn["path"].endswith("Z")


def test_land_map_frame_grows_for_a_point_outside_the_simplified_land():
    near_border = (5.9, 50.75)  # Aachen's far west, just outside the simplified outline
    plain = land_map("nordrhein-westfalen", [])
    grown = land_map("nordrhein-westfalen", [near_border])
    assert float(grown["view_box"].split()[0]) < float(plain["view_box"].split()[0])


# -- validation ----------------------------------------------------------------------------


def location_errors(**fields) -> dict:
    location = Location(kommune=kommune("kreis-dueren"), name="Hauptsitz", kind=LocationKind.MAIN)
    values = {"street": "Markt 1", "postcode": "52349", "city": "Düren", **fields}
    for name, value in values.items():
        setattr(location, name, value)
    with pytest.raises(ValidationError) as caught:
        location.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize("postcode", ["5235", "52a51", "D-52351", " 52351"])
def test_postcode_must_have_five_digits(postcode):
    errors = location_errors(postcode=postcode)
    assert "Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 52351." in errors["postcode"]


def test_coordinates_outside_germany_are_refused_in_german():
    errors = location_errors(latitude=Decimal("48.2082"), longitude=Decimal("16.3738"))  # Wien
    assert errors["longitude"] == [
        "Dieser Längengrad liegt nicht in Deutschland. Erlaubt sind Werte von 5,86 bis 15,05."
    ]
    errors = location_errors(latitude=Decimal("56.1"), longitude=Decimal("9.5"))
    assert errors["latitude"] == [
        "Dieser Breitengrad liegt nicht in Deutschland. Erlaubt sind Werte von 47,27 bis 55,06."
    ]


def test_swapped_coordinates_get_a_hint():
    errors = location_errors(latitude=Decimal("6.4824"), longitude=Decimal("50.8043"))
    assert any("vertauscht" in message for message in errors["__all__"])


def test_one_coordinate_alone_is_refused():
    errors = location_errors(latitude=Decimal("50.8"))
    assert errors["longitude"] == [
        "Für die Karte braucht es Breiten- und Längengrad; bitte beide angeben oder beide leer lassen."
    ]


def test_germanys_corners_are_allowed():
    location = Location(
        kommune=kommune("kreis-dueren"),
        name="Ganz im Norden",
        kind=LocationKind.BRANCH,
        street="Listlandstraße 1",
        postcode="25992",
        city="List",
        latitude=Decimal(str(GERMANY_BOUNDS["north"])),
        longitude=Decimal(str(GERMANY_BOUNDS["west"])),
    )
    location.full_clean()


def test_description_is_limited_to_1000_characters():
    dueren = kommune("kreis-dueren")
    dueren.description = "x" * 1001
    with pytest.raises(ValidationError) as caught:
        dueren.full_clean()
    assert "höchstens 1000 Zeichen" in caught.value.message_dict["description"][0]


# -- editing in the admin -------------------------------------------------------------------


def change_url(owner) -> str:
    return f"/admin/campaign/kommune/{owner.pk}/change/"


def kommune_form(client, owner, locations: list[dict], initial: int = 0) -> dict:
    """The Kommune's change form as the admin posts it, with `locations` as the inline rows."""
    form = client.get(change_url(owner)).context["adminform"].form
    # A Kommune editor's change of the page goes to the central team for review.
    data = admin_form_data(form, exclude=["editors"], status="review")
    data.update(
        {
            "locations-TOTAL_FORMS": str(len(locations)),
            "locations-INITIAL_FORMS": str(initial),
            "locations-MIN_NUM_FORMS": "0",
            "locations-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(locations):
        values = {"kommune": str(owner.pk), "kind": "hauptsitz", "street": "Markt 1", "city": "Düren", "position": "0"}
        values.update(row)
        data.update({f"locations-{index}-{name}": value for name, value in values.items()})
    return data


def test_kommune_editor_adds_a_location_to_their_own_page(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    response = client.get(change_url(dueren))
    assert [formset.formset.prefix for formset in response.context["inline_admin_formsets"]] == ["locations"]
    data = kommune_form(
        client, dueren, [{"name": "Hauptsitz", "postcode": "52349", "latitude": "50.8043", "longitude": "6.4824"}]
    )
    response = client.post(change_url(dueren), data)
    assert response.status_code == 302, response.context and response.context["errors"]
    location = dueren.locations.get()
    assert (location.name, location.latitude, location.longitude) == (
        "Hauptsitz",
        Decimal("50.804300"),
        Decimal("6.482400"),
    )


def test_location_errors_in_the_admin_are_german_and_nothing_is_saved(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    data = kommune_form(client, dueren, [{"name": "Hauptsitz", "postcode": "5234", "latitude": "60", "longitude": "6"}])
    html = client.post(change_url(dueren), data).content.decode()
    assert "Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 52351." in html
    assert "Dieser Breitengrad liegt nicht in Deutschland." in html
    assert not dueren.locations.exists()


def test_kommune_editor_cannot_touch_another_kommunes_locations(client):
    stuttgart = kommune("landeshauptstadt-stuttgart")
    theirs = add_location(
        stuttgart, "Hauptsitz Mitte", street="Markt 1", postcode="70173", city="Stuttgart", located=False
    )
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    # Not the other Kommune's page …
    assert client.get(change_url(stuttgart)).status_code in (302, 403, 404)
    client.post(change_url(stuttgart), {"locations-TOTAL_FORMS": "1", "locations-0-name": "Übernommen"})
    # … nor its location smuggled into their own page's formset.
    data = kommune_form(client, dueren, [{"id": str(theirs.pk), "name": "Übernommen", "postcode": "52349"}], initial=1)
    client.post(change_url(dueren), data)
    theirs.refresh_from_db()
    assert theirs.name == "Hauptsitz Mitte" and theirs.kommune == stuttgart
    assert not Location.objects.filter(name="Übernommen").exists()


def test_central_team_edits_the_locations_of_every_kommune(client):
    client.force_login(editor(CENTRAL_EDITORS))
    stuttgart = kommune("landeshauptstadt-stuttgart")
    data = kommune_form(client, stuttgart, [{"name": "Hauptsitz Mitte", "postcode": "70173", "city": "Stuttgart"}])
    assert client.post(change_url(stuttgart), data).status_code == 302
    assert stuttgart.locations.get().name == "Hauptsitz Mitte"
