"""The two press offices' institutional phone and e-mail, as the associations publish them.

Source: press/data/press_contacts.csv (organisation, role, phone, email, address, website,
source), taken on 2 December 2026 ("Stand"); to be confirmed by the editors before the launch.
The rows are carried here, not read from the file, so that this migration gives the same
result forever; tests/press/test_contacts.py keeps the two the same.

Only the placeholders that 0007_press_contacts of the campaign app wrote are replaced: a
contact an editor has already filled in stays as it is. The name stays empty: the press office
is the contact, and the page shows no placeholder for a person.
"""

import datetime

from django.db import migrations

PLACEHOLDER_NAME = "[Platzhalter: Name der Pressesprecherin oder des Pressesprechers]"
PLACEHOLDER_PHONE = "[Platzhalter: Telefonnummer der Pressestelle]"
STAND = datetime.date(2026, 12, 2)

CONTACTS = {
    "Deutscher Landkreistag": {
        "phone": "+49 30 590097-312",
        "email": "presse@landkreistag.de",
        "source": "landkreistag.de Presseforum (Ansprechpartner)",
    },
    "Deutscher Städtetag": {
        "phone": "+49 30 37711-130",
        "email": "presse@staedtetag.de",
        "source": "familie-in-nrw.de (Kommunale Spitzenverbände: Deutscher Städtetag)",
    },
}


def fill_in(apps, schema_editor):
    PressContact = apps.get_model("press", "PressContact")
    for organisation, values in CONTACTS.items():
        for contact in PressContact.objects.filter(organisation=organisation):
            changed = False
            if contact.phone in ("", PLACEHOLDER_PHONE):
                contact.phone, changed = values["phone"], True
            if not contact.email:
                contact.email, changed = values["email"], True
            if contact.name == PLACEHOLDER_NAME:
                contact.name, changed = "", True
            if changed:
                contact.as_of, contact.source = STAND, values["source"]
                contact.save(update_fields=["phone", "email", "name", "as_of", "source"])


def put_back(apps, schema_editor):
    PressContact = apps.get_model("press", "PressContact")
    for organisation, values in CONTACTS.items():
        PressContact.objects.filter(organisation=organisation, phone=values["phone"], as_of=STAND).update(
            phone=PLACEHOLDER_PHONE, name=PLACEHOLDER_NAME, email="", as_of=None, source=""
        )


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0007_contact_stand_and_figure_dates"),
    ]

    operations = [migrations.RunPython(fill_in, put_back)]
