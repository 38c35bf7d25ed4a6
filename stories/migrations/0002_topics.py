"""The topics stories are filtered by. Editors can add, rename or reorder them later."""

from django.db import migrations

# (name, slug) in the order the filter shows them.
TOPICS = [
    ("Ausbildung", "ausbildung"),
    ("Qualifizierung", "qualifizierung"),
    ("Neuorientierung", "neuorientierung"),
    ("Familie und Beruf", "familie-und-beruf"),
    ("Gesundheit", "gesundheit"),
    ("Zuwanderung", "zuwanderung"),
    ("Selbstständigkeit", "selbststaendigkeit"),
    ("Soziale Teilhabe", "soziale-teilhabe"),
]


def load(apps, schema_editor):
    Topic = apps.get_model("stories", "Topic")
    for position, (name, slug) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def unload(apps, schema_editor):
    Topic = apps.get_model("stories", "Topic")
    Topic.objects.filter(slug__in=[slug for _name, slug in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
