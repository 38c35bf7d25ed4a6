"""One publication rule (shared/publication.py): a status and an optional window replace the
"Veröffentlicht" checkboxes. A release's date was also its embargo ("appears from this day"),
so a release becomes visible from the start of its date, in the site's time zone, as before."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import migrations, models

MODELS = ["keyfigure", "presscontact", "presscoverage", "presskititem", "pressrelease"]


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def to_status(apps, schema_editor):
    db = schema_editor.connection.alias
    for name in MODELS:
        model = apps.get_model("press", name)
        model.objects.using(db).filter(published=True).update(status="published")
        model.objects.using(db).filter(published=False).update(status="draft")
    release_model = apps.get_model("press", "PressRelease")
    for release in release_model.objects.using(db).only("pk", "date"):
        release_model.objects.using(db).filter(pk=release.pk).update(publish_from=start_of_day(release.date))


def to_checkbox(apps, schema_editor):
    db = schema_editor.connection.alias
    for name in MODELS:
        model = apps.get_model("press", name)
        model.objects.using(db).update(published=False)
        model.objects.using(db).filter(status="published").update(published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0002_own_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="keyfigure",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="keyfigure",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="keyfigure",
            name="status",
            field=models.CharField(
                choices=[("draft", "Entwurf"), ("published", "Veröffentlicht")],
                db_index=True,
                default="published",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddField(
            model_name="presscontact",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="presscontact",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="presscontact",
            name="status",
            field=models.CharField(
                choices=[("draft", "Entwurf"), ("published", "Veröffentlicht")],
                db_index=True,
                default="published",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddField(
            model_name="presscoverage",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="presscoverage",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="presscoverage",
            name="status",
            field=models.CharField(
                choices=[("draft", "Entwurf"), ("published", "Veröffentlicht")],
                db_index=True,
                default="published",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddField(
            model_name="presskititem",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="presskititem",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="presskititem",
            name="status",
            field=models.CharField(
                choices=[("draft", "Entwurf"), ("published", "Veröffentlicht")],
                db_index=True,
                default="published",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddField(
            model_name="pressrelease",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="pressrelease",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="pressrelease",
            name="status",
            field=models.CharField(
                choices=[("draft", "Entwurf"), ("published", "Veröffentlicht")],
                db_index=True,
                default="draft",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AlterField(
            model_name="pressrelease",
            name="date",
            field=models.DateField(
                help_text="Das Datum der Mitteilung. Veröffentlicht erscheint sie ab diesem Tag, wenn „Sichtbar ab“ leer ist.",
                verbose_name="Datum",
            ),
        ),
        migrations.RunPython(to_status, to_checkbox),
        migrations.RemoveField(
            model_name="keyfigure",
            name="published",
        ),
        migrations.RemoveField(
            model_name="presscontact",
            name="published",
        ),
        migrations.RemoveField(
            model_name="presscoverage",
            name="published",
        ),
        migrations.RemoveField(
            model_name="presskititem",
            name="published",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="published",
        ),
    ]
