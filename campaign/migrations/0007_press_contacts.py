"""The two press offices of the campaign, with their public addresses.

Names, phone numbers and e-mail addresses of the press officers are not in our sources:
they are clearly marked placeholders until the editors fill them in (admin: Pressekontakte).
"""

from django.db import migrations

PLACEHOLDER_NAME = "[Platzhalter: Name der Pressesprecherin oder des Pressesprechers]"
PLACEHOLDER_PHONE = "[Platzhalter: Telefonnummer der Pressestelle]"

CONTACTS = [
    {
        "organisation": "Deutscher Landkreistag",
        "address": "Ulrich-von-Hassell-Haus\nLennéstraße 11\n10785 Berlin",
        "website": "https://www.landkreistag.de",
        "position": 1,
    },
    {
        "organisation": "Deutscher Städtetag",
        "address": "Hausvogteiplatz 1\n10117 Berlin",
        "website": "https://www.staedtetag.de",
        "position": 2,
    },
]


def add_contacts(apps, schema_editor):
    PressContact = apps.get_model("campaign", "PressContact")
    for contact in CONTACTS:
        PressContact.objects.get_or_create(
            organisation=contact["organisation"],
            defaults={
                **contact,
                "department": "Pressestelle",
                "name": PLACEHOLDER_NAME,
                "phone": PLACEHOLDER_PHONE,
            },
        )


def remove_contacts(apps, schema_editor):
    PressContact = apps.get_model("campaign", "PressContact")
    PressContact.objects.filter(organisation__in=[contact["organisation"] for contact in CONTACTS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0006_press"),
    ]

    operations = [migrations.RunPython(add_contacts, remove_contacts)]
