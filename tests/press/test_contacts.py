"""The two press offices arrive with `migrate` reachable: the institutional phone and e-mail of the
associations (press/data/press_contacts.csv, the project's own copy of the source) with a "Stand"."""

import csv
import datetime
from pathlib import Path

import pytest
from django.conf import settings

from press.models import PressContact

pytestmark = pytest.mark.django_db

SOURCE = Path(settings.BASE_DIR) / "press" / "data" / "press_contacts.csv"


def test_migrated_contacts_are_those_of_the_source_file_with_a_stand():
    with SOURCE.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["organisation"] for row in rows} == {"Deutscher Landkreistag", "Deutscher Städtetag"}
    for row in rows:
        contact = PressContact.objects.get(organisation=row["organisation"])
        assert (contact.phone, contact.email, contact.website) == (row["phone"], row["email"], row["website"])
        assert contact.department == row["role"]
        assert contact.source and contact.source in row["source"]
        assert contact.as_of == datetime.date(2026, 12, 2)
        assert contact.name == ""  # the office is the contact; no placeholder for a person
        assert " ".join(contact.address.split()) in row["address"].replace(",", "")
