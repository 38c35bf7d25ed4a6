"""Key figures age: a "Stand" older than two years is flagged in the admin (list, figure, start page)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from press.models import KeyFigure, as_of_date
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS
from tests.factories import editor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("November 2020", datetime.date(2020, 11, 30)),
        ("Stand: Februar 2024", datetime.date(2024, 2, 29)),
        ("Mär. 2025", datetime.date(2025, 3, 31)),
        ("11/2020", datetime.date(2020, 11, 30)),
        ("30.06.2024", datetime.date(2024, 6, 30)),
        ("2027", datetime.date(2027, 12, 31)),
        ("irgendwann", None),
        ("31.02.2024", None),
        ("13/2020", None),
    ],
)
def test_stand_is_read_as_the_last_day_it_covers(text, day):
    assert as_of_date(text) == day


def test_a_stand_without_a_date_is_refused_in_german():
    figure = KeyFigure(value="1", label="Zahl", source="Quelle", as_of="neulich")
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert "Bitte geben Sie den Stand als Monat und Jahr („November 2020“)" in str(error.value.message_dict["as_of"])


def test_figures_older_than_two_years_are_outdated():
    today = datetime.date(2026, 12, 2)
    assert KeyFigure(as_of="Dezember 2024").is_outdated(today) is False
    assert KeyFigure(as_of="November 2024").is_outdated(today) is True  # ended 30 November 2024
    assert KeyFigure(as_of="November 2020").is_outdated(today) is True
    assert KeyFigure(as_of="30.11.2024").is_outdated(today) is True
    assert KeyFigure(as_of="2024").is_outdated(today) is False


@pytest.fixture
def central(client):
    client.force_login(editor(CENTRAL_EDITORS))
    return client


def test_admin_warns_about_the_migrated_figures_of_november_2020(central):
    count = KeyFigure.objects.published().count()
    assert count == 4
    html = central.get("/admin/press/keyfigure/").content.decode()
    assert f"{count} veröffentlichte Kennzahlen haben einen Stand, der älter als 2 Jahre ist." in html
    assert html.count("November 2020 – älter als zwei Jahre") == count
    figure = KeyFigure.objects.first()
    html = central.get(f"/admin/press/keyfigure/{figure.pk}/change/").content.decode()
    assert "Der Stand dieser Kennzahl („November 2020“) ist älter als 2 Jahre." in html
    start = central.get("/admin/").content.decode()
    assert f"Kennzahlen mit veraltetem Stand ({count})" in start


def test_no_warning_for_current_figures(central):
    this_year = str(datetime.date.today().year)
    KeyFigure.objects.update(as_of=this_year)
    KeyFigure.objects.create(value="9", label="alt, aber Entwurf", source="Q", as_of="2001", status=Status.DRAFT)
    html = central.get("/admin/press/keyfigure/").content.decode()
    assert "älter als 2 Jahre" not in html
    assert "Kennzahlen mit veraltetem Stand" not in central.get("/admin/").content.decode()
    figure = KeyFigure.objects.published().first()
    assert "älter als" not in central.get(f"/admin/press/keyfigure/{figure.pk}/change/").content.decode()
