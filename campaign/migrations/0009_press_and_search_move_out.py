"""The newsroom (press releases, coverage, contacts, kit, key figures) now belongs to the press
app, which took its models over with their tables (press/migrations/0001_initial.py): here they
only leave the campaign app's state. The search index moves to the search app; it holds no
content of its own (it is rebuilt after every migrate), so its table is dropped here and made
anew by search/migrations/0001_initial.py."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0008_search_entry"),
        ("press", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="PressRelease"),
                migrations.DeleteModel(name="PressKitItem"),
                migrations.DeleteModel(name="PressCoverage"),
                migrations.DeleteModel(name="PressContact"),
                migrations.DeleteModel(name="KeyFigure"),
            ],
        ),
        migrations.DeleteModel(name="SearchEntry"),
    ]
