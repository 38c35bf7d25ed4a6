"""The Jobcenter page is the Kommune's own: locations edited in the Kommune's admin page with the
Kommune's rights; coordinates and postcodes validated in German."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from campaign.germany_map import GERMANY_BOUNDS
from campaign.models import Location, LocationKind
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import UserFactory, kommune

pytestmark = pytest.mark.django_db


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


def editor(group: str, *slugs: str):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    user.kommunen.set([kommune(slug) for slug in slugs])
    return user


def change_url(owner) -> str:
    return f"/admin/campaign/kommune/{owner.pk}/change/"


def kommune_form(client, owner, locations: list[dict], initial: int = 0) -> dict:
    """The Kommune's change form as the admin posts it, with `locations` as the inline rows."""
    form = client.get(change_url(owner)).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields if name != "editors"}
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
