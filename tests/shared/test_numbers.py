"""German numbers in the admin (issue 25): every decimal field an editor sees takes „50,8043“ and
„50.8043“, shows „50,8043“, and says in German what it accepts (shared/numbers.py)."""

from decimal import Decimal

import pytest
from django.contrib import admin
from django.db import models
from django.test import RequestFactory

from shared.numbers import DecimalNumberField, parse_number
from shared.roles import KOMMUNE_EDITORS
from stories.models import Photo, Story
from tests.campaign.test_kommune_page import change_url, kommune_form
from tests.factories import UserFactory, editor, image_file, kommune
from tests.stories.test_admin import ADD_URL, errors_of, story_form, upload


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("50,8043", Decimal("50.8043")),
        ("50.8043", Decimal("50.8043")),
        (" 6,48236 ", Decimal("6.48236")),
        ("0,5", Decimal("0.5")),
        (",5", Decimal("0.5")),
        ("3", Decimal("3")),
        ("\u22123,5", Decimal("-3.5")),
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("0.680", Decimal("0.68")),
        ("1.234", Decimal("1.234")),
        ("50,80,43", None),
        ("50.804.3", None),
        ("1,234.5", None),
        ("5O,8", None),
        ("", None),
        ("NaN", None),
        ("1e5", None),
    ],
)
def test_a_number_is_read_as_a_german_or_an_english_writer_means_it(typed, number):
    assert parse_number(typed) == number


@pytest.mark.django_db
def test_every_decimal_and_float_field_of_every_admin_form_is_a_german_text_input():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True)
    found = []
    for model_admin in admin.site._registry.values():
        forms = [(model_admin.model, model_admin.get_form(request))]
        forms += [(i.model, i.get_formset(request).form) for i in model_admin.get_inline_instances(request)]
        for model, form in forms:
            for name, field in form.base_fields.items():
                model_field = next((f for f in model._meta.concrete_fields if f.name == name), None)
                if isinstance(model_field, (models.DecimalField, models.FloatField)):
                    where = f"{model_admin}: {model.__name__}.{name}"
                    found.append(where)
                    assert isinstance(field, DecimalNumberField), f"{where}: use shared.admin.NUMBER_FIELDS"
                    html = field.widget.render(name, Decimal("0.5"), field.widget_attrs(field.widget))
                    assert 'type="text"' in html and 'inputmode="decimal"' in html, where
    # Coordinates of a location, the poster second of three video admins, the focal points.
    assert any("Location.latitude" in where for where in found)
    assert any("Photo.focal_x" in where for where in found)
    assert sum("poster_time" in where for where in found) >= 3


@pytest.mark.django_db
@pytest.mark.parametrize(("latitude", "longitude"), [("50,8043", "6,4824"), ("50.8043", "6.4824")])
def test_coordinates_typed_with_comma_or_point_are_saved_and_shown_with_a_comma(client, latitude, longitude):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    row = {"name": "Hauptsitz", "postcode": "52349", "latitude": latitude, "longitude": longitude}
    response = client.post(change_url(dueren), kommune_form(client, dueren, [row]))
    assert response.status_code == 302, response.context and response.context["errors"]
    location = dueren.locations.get()
    assert (location.latitude, location.longitude) == (Decimal("50.804300"), Decimal("6.482400"))
    html = client.get(change_url(dueren)).content.decode()
    assert 'name="locations-0-latitude" value="50,8043"' in html
    assert 'name="locations-0-longitude" value="6,4824"' in html


@pytest.mark.django_db
def test_a_coordinate_pasted_from_a_map_is_rounded_to_the_places_kept(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    row = {"name": "Hauptsitz", "postcode": "52349", "latitude": "50.80434987654321", "longitude": "6,4824"}
    assert client.post(change_url(dueren), kommune_form(client, dueren, [row])).status_code == 302
    assert dueren.locations.get().latitude == Decimal("50.804350")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("50,80,43", "„50,80,43“ ist keine Zahl. Bitte eine Zahl mit Komma oder Punkt eingeben"),
        ("508150", "„508150“ hat zu viele Stellen vor dem Komma: höchstens 2."),
        ("60,5", "Dieser Breitengrad liegt nicht in Deutschland. Erlaubt sind Werte von"),
    ],
)
def test_a_wrong_coordinate_gets_a_german_error_about_what_was_typed_and_nothing_is_saved(client, typed, message):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    dueren = kommune("kreis-dueren")
    row = {"name": "Hauptsitz", "postcode": "52349", "latitude": typed, "longitude": "6,4824"}
    response = client.post(change_url(dueren), kommune_form(client, dueren, [row]))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'name="locations-0-latitude" value="{typed}"' in html  # shown again as typed
    assert not dueren.locations.exists()


def photo_row(**fields) -> dict:
    photo = upload(image_file("foto.jpg", 800, 600), content_type="image/jpeg")
    return {"image": photo, "alt_text": "Leonie", "caption": "Im Laden", "credit": "Foto: JC", **fields}


@pytest.mark.django_db
@pytest.mark.parametrize(("focal_x", "focal_y"), [("0,68", "0,25"), ("0.68", "0.25")])
def test_a_focal_point_typed_with_comma_or_point_is_saved_and_shown_with_a_comma(admin_client, focal_x, focal_y):
    form = story_form(photo=photo_row(focal_x=focal_x, focal_y=focal_y), status="draft", poster_time="3,5")
    response = admin_client.post(ADD_URL, form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    story = Story.objects.get()
    photo = story.photos.get()
    assert (photo.focal_x, photo.focal_y, story.poster_time) == (0.68, 0.25, Decimal("3.5"))
    html = admin_client.get(f"/admin/stories/story/{story.pk}/change/").content.decode()
    assert 'name="photos-0-focal_x" value="0,68"' in html
    assert 'name="photos-0-focal_y" value="0,25"' in html
    assert 'name="poster_time" value="3,5"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0,6,8", "„0,6,8“ ist keine Zahl. Bitte eine Zahl mit Komma oder Punkt eingeben, z. B. 0,5 oder 0.5."),
        ("68", "Bitte eine Zahl von 0 bis 1 angeben, zum Beispiel 0,5 für die Mitte."),
    ],
)
def test_a_wrong_focal_point_gets_a_german_error_and_nothing_is_saved(admin_client, typed, message):
    html = errors_of(admin_client.post(ADD_URL, story_form(photo=photo_row(focal_x=typed), status="draft")))
    assert message in html
    assert not Story.objects.exists() and not Photo.objects.exists()


@pytest.mark.django_db
def test_an_extra_photo_row_left_empty_is_not_a_change():
    from mediafiles.images import FocalFormField

    field = FocalFormField(required=False)
    assert not field.has_changed(0.5, "")
    assert not field.has_changed(0.68, "0,68")
    assert not field.has_changed(0.68, "0.680")
    assert field.has_changed(0.68, "0,7")
