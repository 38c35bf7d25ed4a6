"""The newsroom moves out of the campaign app into its own: its models are taken over as
they were, on the tables they had (campaign_*). Nothing in the database changes here;
0002 renames the tables, 0003 converts publication to the one rule."""

import django.core.validators
from django.db import migrations, models

import mediafiles.uploads
import press.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("campaign", "0008_search_entry"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="PressContact",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("organisation", models.CharField(max_length=200, verbose_name="Organisation")),
                        (
                            "department",
                            models.CharField(default="Pressestelle", max_length=200, verbose_name="Bereich"),
                        ),
                        ("name", models.CharField(blank=True, max_length=200, verbose_name="Ansprechperson")),
                        ("phone", models.CharField(blank=True, max_length=100, verbose_name="Telefon")),
                        ("email", models.EmailField(blank=True, max_length=254, verbose_name="E-Mail")),
                        ("address", models.TextField(blank=True, verbose_name="Anschrift")),
                        ("website", models.URLField(blank=True, verbose_name="Website")),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                        ("published", models.BooleanField(default=True, verbose_name="Veröffentlicht")),
                    ],
                    options={
                        "db_table": "campaign_presscontact",
                        "verbose_name": "Pressekontakt",
                        "verbose_name_plural": "Pressekontakte",
                        "ordering": ["position", "organisation"],
                    },
                ),
                migrations.CreateModel(
                    name="PressCoverage",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=300, verbose_name="Titel des Beitrags")),
                        (
                            "source",
                            models.CharField(
                                help_text="Zeitung, Zeitschrift, Sender oder Website.",
                                max_length=200,
                                verbose_name="Medium",
                            ),
                        ),
                        ("author", models.CharField(blank=True, max_length=200, verbose_name="Autorin oder Autor")),
                        ("date", models.DateField(verbose_name="Erschienen am")),
                        (
                            "url",
                            models.URLField(
                                blank=True,
                                help_text="Leer lassen, wenn es keinen frei zugänglichen Link gibt; die Seite sagt das dann.",
                                max_length=500,
                                verbose_name="Link zum Beitrag",
                            ),
                        ),
                        ("teaser", models.TextField(blank=True, max_length=600, verbose_name="Kurzbeschreibung")),
                        ("published", models.BooleanField(default=True, verbose_name="Veröffentlicht")),
                    ],
                    options={
                        "db_table": "campaign_presscoverage",
                        "verbose_name": "Beitrag im Pressespiegel",
                        "verbose_name_plural": "Pressespiegel",
                        "ordering": ["-date", "-pk"],
                    },
                ),
                migrations.CreateModel(
                    name="PressKitItem",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="Titel")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("logo", "Logo"), ("foto", "Foto"), ("dokument", "Dokument")],
                                default="foto",
                                max_length=20,
                                verbose_name="Art",
                            ),
                        ),
                        (
                            "file",
                            models.FileField(
                                help_text="SVG, PNG, JPEG, WebP oder PDF, höchstens 50 MB. Fotos in Druckauflösung (das Original).",
                                max_length=200,
                                upload_to="presse/",
                                validators=[mediafiles.uploads.validate_kit_file],
                                verbose_name="Datei",
                            ),
                        ),
                        (
                            "alt_text",
                            models.CharField(
                                blank=True,
                                help_text="Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen. Pflicht bei Bildern.",
                                max_length=250,
                                verbose_name="Alternativtext",
                            ),
                        ),
                        (
                            "credit",
                            models.CharField(
                                help_text="Wird so neben der Datei gezeigt, z. B. „© Deutscher Landkreistag / Foto: Max Muster“.",
                                max_length=200,
                                verbose_name="Nachweis (©)",
                            ),
                        ),
                        (
                            "usage_terms",
                            models.TextField(
                                default="Nur zur redaktionellen Nutzung im Zusammenhang mit der Kampagne. Keine Veränderung außer Beschnitt.",
                                verbose_name="Nutzungsbedingungen",
                            ),
                        ),
                        (
                            "file_type",
                            models.CharField(blank=True, editable=False, max_length=50, verbose_name="Dateityp"),
                        ),
                        (
                            "file_size",
                            models.PositiveBigIntegerField(
                                default=0, editable=False, verbose_name="Dateigröße in Byte"
                            ),
                        ),
                        (
                            "width",
                            models.PositiveIntegerField(
                                blank=True, editable=False, null=True, verbose_name="Breite in Pixeln"
                            ),
                        ),
                        (
                            "height",
                            models.PositiveIntegerField(
                                blank=True, editable=False, null=True, verbose_name="Höhe in Pixeln"
                            ),
                        ),
                        (
                            "preview",
                            models.ImageField(
                                blank=True, editable=False, max_length=200, upload_to="presse/", verbose_name="Vorschau"
                            ),
                        ),
                        (
                            "show_in_kit",
                            models.BooleanField(
                                default=True,
                                help_text="Ohne Haken wird die Datei nur unter den Pressemitteilungen angeboten, die sie verknüpfen.",
                                verbose_name="Im Pressematerial zeigen",
                            ),
                        ),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                        ("published", models.BooleanField(default=True, verbose_name="Veröffentlicht")),
                        (
                            "is_demo",
                            models.BooleanField(
                                default=False,
                                editable=False,
                                help_text="Von „load_demo“ angelegt: vor dem Start prüfen.",
                                verbose_name="Demo-Inhalt",
                            ),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Zuletzt geändert")),
                    ],
                    options={
                        "db_table": "campaign_presskititem",
                        "verbose_name": "Datei im Pressematerial",
                        "verbose_name_plural": "Pressematerial",
                        "ordering": ["position", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="PressRelease",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "number",
                            models.CharField(
                                blank=True,
                                help_text="In der Form „022/2018“ (laufende Nummer/Jahr). Leer lassen bei Mitteilungen anderer Herausgeber ohne Nummer.",
                                max_length=20,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^\\d{3}/\\d{4}\\Z",
                                        code="invalid_number",
                                        message="Bitte geben Sie die Nummer in der Form „022/2018“ an: drei Ziffern, Schrägstrich, vierstellige Jahreszahl.",
                                    )
                                ],
                                verbose_name="Nummer",
                            ),
                        ),
                        (
                            "date",
                            models.DateField(
                                help_text="Die Mitteilung erscheint ab diesem Tag, wenn sie als veröffentlicht markiert ist.",
                                verbose_name="Datum",
                            ),
                        ),
                        ("title", models.CharField(max_length=200, verbose_name="Titel")),
                        (
                            "slug",
                            models.SlugField(
                                max_length=200,
                                unique=True,
                                validators=[press.models.validate_release_slug],
                                verbose_name="Kurzname in der Adresse",
                            ),
                        ),
                        (
                            "lead",
                            models.TextField(
                                help_text="Der erste Absatz mit dem Wichtigsten. Erscheint auch in Übersichten und im Feed.",
                                verbose_name="Vorspann",
                            ),
                        ),
                        ("body", models.TextField(verbose_name="Text")),
                        (
                            "is_joint",
                            models.BooleanField(
                                default=False,
                                help_text="Ankreuzen, wenn mehrere Herausgeber die Mitteilung gemeinsam herausgeben.",
                                verbose_name="Gemeinsame Pressemitteilung",
                            ),
                        ),
                        (
                            "issuers",
                            models.CharField(
                                help_text="Bei mehreren durch Komma getrennt, z. B. „Deutscher Landkreistag, Deutscher Städtetag“.",
                                max_length=300,
                                verbose_name="Herausgeber",
                            ),
                        ),
                        (
                            "footnotes",
                            models.TextField(
                                blank=True,
                                help_text="Eine Fußnote je Zeile, beginnend mit ihrem Zeichen im Text, z. B. „*Eine nachhaltige Integration …“.",
                                verbose_name="Fußnoten",
                            ),
                        ),
                        ("published", models.BooleanField(default=False, verbose_name="Veröffentlicht")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Angelegt am")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Zuletzt geändert")),
                        (
                            "downloads",
                            models.ManyToManyField(
                                blank=True,
                                help_text="Dateien aus dem Pressematerial, die unter der Mitteilung angeboten werden.",
                                related_name="releases",
                                to="press.presskititem",
                                verbose_name="Zugehörige Downloads",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "campaign_pressrelease",
                        "verbose_name": "Pressemitteilung",
                        "verbose_name_plural": "Pressemitteilungen",
                        "ordering": ["-date", "-number", "-pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("number", ""), _negated=True),
                                fields=("number",),
                                name="campaign_pressrelease_unique_number",
                                violation_error_message="Diese Nummer ist schon an eine andere Pressemitteilung vergeben.",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="KeyFigure",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "value",
                            models.CharField(
                                help_text="z. B. „104“ oder „mehr als 250.000“", max_length=30, verbose_name="Wert"
                            ),
                        ),
                        ("label", models.CharField(max_length=200, verbose_name="Bezeichnung")),
                        ("source", models.CharField(max_length=300, verbose_name="Quelle")),
                        (
                            "source_url",
                            models.CharField(
                                blank=True,
                                help_text="Optional: eine Seite dieser Website („/leitbild/“) oder eine Adresse mit https://",
                                max_length=500,
                                validators=[press.models.validate_source_url],
                                verbose_name="Adresse der Quelle",
                            ),
                        ),
                        (
                            "as_of",
                            models.CharField(help_text="z. B. „November 2020“", max_length=50, verbose_name="Stand"),
                        ),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="Reihenfolge")),
                        ("published", models.BooleanField(default=True, verbose_name="Veröffentlicht")),
                    ],
                    options={
                        "db_table": "campaign_keyfigure",
                        "verbose_name": "Kennzahl",
                        "verbose_name_plural": "Kennzahlen",
                        "ordering": ["position", "pk"],
                    },
                ),
            ],
        ),
    ]
