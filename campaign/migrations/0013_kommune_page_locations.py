"""The Jobcenter page becomes the Kommune's own: a press contact and a short self-description on
Kommune, and its locations (main office, Geschäftsstellen, Stadtteilbüros) with address, opening
hours, accessibility notes and coordinates for the map. Schema only: every row stays, the new
fields start empty."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import campaign.models


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0012_workflow_states"),
    ]

    operations = [
        migrations.AddField(
            model_name="kommune",
            name="description",
            field=models.TextField(
                blank=True,
                help_text="So stellt sich das Jobcenter selbst vor: ein kurzer Text ohne Formatierung, höchstens 1000 Zeichen. Eine Leerzeile beginnt einen neuen Absatz.",
                max_length=1000,
                validators=[django.core.validators.MaxLengthValidator(1000)],
                verbose_name="Kurzbeschreibung",
            ),
        ),
        migrations.AddField(
            model_name="kommune",
            name="press_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="E-Mail für die Presse"),
        ),
        migrations.AddField(
            model_name="kommune",
            name="press_name",
            field=models.CharField(blank=True, max_length=200, verbose_name="Ansprechperson für die Presse"),
        ),
        migrations.AddField(
            model_name="kommune",
            name="press_phone",
            field=models.CharField(blank=True, max_length=50, verbose_name="Telefon für die Presse"),
        ),
        migrations.CreateModel(
            name="Location",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(
                        help_text="z. B. „Hauptsitz“ oder „Geschäftsstelle Nord“",
                        max_length=120,
                        verbose_name="Bezeichnung",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("hauptsitz", "Hauptsitz"),
                            ("geschaeftsstelle", "Geschäftsstelle"),
                            ("stadtteilbuero", "Stadtteil- oder Quartiersbüro"),
                        ],
                        max_length=20,
                        verbose_name="Art",
                    ),
                ),
                ("street", models.CharField(max_length=200, verbose_name="Straße und Hausnummer")),
                (
                    "postcode",
                    models.CharField(
                        max_length=5,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[0-9]{5}\\Z",
                                "Bitte geben Sie eine fünfstellige Postleitzahl ein, z. B. 52351.",
                                code="postcode",
                            )
                        ],
                        verbose_name="Postleitzahl",
                    ),
                ),
                ("city", models.CharField(max_length=100, verbose_name="Ort")),
                (
                    "opening_hours",
                    models.TextField(
                        blank=True,
                        help_text="Eine Zeile je Tag oder Zeitraum, z. B. „Mo–Fr 8–12 Uhr“ und „Do auch 14–17 Uhr“.",
                        max_length=1000,
                        validators=[django.core.validators.MaxLengthValidator(1000)],
                        verbose_name="Öffnungszeiten",
                    ),
                ),
                (
                    "accessibility",
                    models.TextField(
                        blank=True,
                        help_text="Was Besucherinnen und Besucher vorher wissen sollten: stufenloser Zugang, Aufzug, barrierefreies WC, Induktionsschleife, Parkplätze für Menschen mit Behinderung …",
                        max_length=1000,
                        validators=[django.core.validators.MaxLengthValidator(1000)],
                        verbose_name="Barrierefreiheit",
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=50, verbose_name="Telefon")),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        help_text="In Dezimalgrad, z. B. 50,804340. Nur für die Karte; ohne Angabe steht der Standort in der Liste.",
                        max_digits=8,
                        null=True,
                        validators=[campaign.models.validate_latitude],
                        verbose_name="Breitengrad",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        help_text="In Dezimalgrad, z. B. 6,482360.",
                        max_digits=8,
                        null=True,
                        validators=[campaign.models.validate_longitude],
                        verbose_name="Längengrad",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                (
                    "kommune",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="locations",
                        to="campaign.kommune",
                        verbose_name="Kommune",
                    ),
                ),
            ],
            options={
                "verbose_name": "Standort",
                "verbose_name_plural": "Standorte",
                "ordering": ["position", "pk"],
            },
        ),
    ]
