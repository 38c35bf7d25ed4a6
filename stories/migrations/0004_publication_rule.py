"""One publication rule (shared/publication.py): "Veröffentlicht am" (a date) becomes the start of
the publication window, at the beginning of that day in the site's time zone, so every story
and explainer video appears on the same day as before."""

import datetime
import zoneinfo

import django.core.validators
from django.conf import settings
from django.db import migrations, models

import mediafiles.uploads
import mediafiles.videos


def start_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))


def to_window(apps, schema_editor):
    db = schema_editor.connection.alias
    for name in ["Story", "ExplainerVideo"]:
        model = apps.get_model("stories", name)
        for row in model.objects.using(db).only("pk", "published_at"):
            model.objects.using(db).filter(pk=row.pk).update(publish_from=start_of_day(row.published_at))


def to_date(apps, schema_editor):
    db = schema_editor.connection.alias
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    for name in ["Story", "ExplainerVideo"]:
        model = apps.get_model("stories", name)
        for row in model.objects.using(db).only("pk", "publish_from"):
            day = row.publish_from.astimezone(zone).date() if row.publish_from else datetime.date.today()
            model.objects.using(db).filter(pk=row.pk).update(published_at=day)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_photo_press_clearance"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="story",
            options={
                "ordering": ["-publish_from", "name"],
                "verbose_name": "Geschichte",
                "verbose_name_plural": "Geschichten",
            },
        ),
        migrations.AddField(
            model_name="explainervideo",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="explainervideo",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AlterField(
            model_name="explainervideo",
            name="captions",
            field=models.FileField(
                blank=True,
                help_text="Pflicht für eigene Videos: alles Gesprochene und wichtige Geräusche als WebVTT-Datei.",
                upload_to=mediafiles.videos.upload_captions,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["vtt"], message="Bitte die Untertitel als WebVTT-Datei mit der Endung .vtt hochladen."
                    ),
                    mediafiles.uploads.validate_webvtt,
                ],
                verbose_name="Untertitel (WebVTT, Deutsch)",
            ),
        ),
        migrations.AlterField(
            model_name="explainervideo",
            name="poster",
            field=models.ImageField(
                blank=True,
                height_field="poster_height",
                help_text="Wird gezeigt, bevor das Video startet, und auf der Übersichtsseite.",
                upload_to=mediafiles.videos.upload_poster,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["jpg", "jpeg", "png", "webp"],
                        message="Bitte laden Sie ein Bild im Format JPEG, PNG oder WebP hoch (Dateiendung .jpg, .jpeg, .png oder .webp).",
                    ),
                    mediafiles.uploads.validate_image_size,
                ],
                verbose_name="Vorschaubild",
                width_field="poster_width",
            ),
        ),
        migrations.AlterField(
            model_name="explainervideo",
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
            model_name="explainervideo",
            name="video_mp4",
            field=models.FileField(
                blank=True,
                help_text="MP4 mit H.264 und AAC, für ältere Geräte und zum Herunterladen.",
                upload_to=mediafiles.videos.upload_video,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["mp4"], message="Bitte eine MP4-Datei mit der Endung .mp4 hochladen."
                    ),
                    mediafiles.uploads.validate_mp4,
                ],
                verbose_name="Video (MP4)",
            ),
        ),
        migrations.AlterField(
            model_name="explainervideo",
            name="video_webm",
            field=models.FileField(
                blank=True,
                help_text="WebM mit VP9 oder VP8 und Opus. Spielt in allen aktuellen Browsern.",
                upload_to=mediafiles.videos.upload_video,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["webm"], message="Bitte eine WebM-Datei mit der Endung .webm hochladen."
                    ),
                    mediafiles.uploads.validate_webm,
                ],
                verbose_name="Video (WebM)",
            ),
        ),
        migrations.AlterField(
            model_name="story",
            name="captions",
            field=models.FileField(
                blank=True,
                help_text="Pflicht für eigene Videos: alles Gesprochene und wichtige Geräusche als WebVTT-Datei.",
                upload_to=mediafiles.videos.upload_captions,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["vtt"], message="Bitte die Untertitel als WebVTT-Datei mit der Endung .vtt hochladen."
                    ),
                    mediafiles.uploads.validate_webvtt,
                ],
                verbose_name="Untertitel (WebVTT, Deutsch)",
            ),
        ),
        migrations.AlterField(
            model_name="story",
            name="poster",
            field=models.ImageField(
                blank=True,
                height_field="poster_height",
                help_text="Wird gezeigt, bevor das Video startet, und auf der Übersichtsseite.",
                upload_to=mediafiles.videos.upload_poster,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["jpg", "jpeg", "png", "webp"],
                        message="Bitte laden Sie ein Bild im Format JPEG, PNG oder WebP hoch (Dateiendung .jpg, .jpeg, .png oder .webp).",
                    ),
                    mediafiles.uploads.validate_image_size,
                ],
                verbose_name="Vorschaubild",
                width_field="poster_width",
            ),
        ),
        migrations.AlterField(
            model_name="story",
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
            model_name="story",
            name="video_mp4",
            field=models.FileField(
                blank=True,
                help_text="MP4 mit H.264 und AAC, für ältere Geräte und zum Herunterladen.",
                upload_to=mediafiles.videos.upload_video,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["mp4"], message="Bitte eine MP4-Datei mit der Endung .mp4 hochladen."
                    ),
                    mediafiles.uploads.validate_mp4,
                ],
                verbose_name="Video (MP4)",
            ),
        ),
        migrations.AlterField(
            model_name="story",
            name="video_webm",
            field=models.FileField(
                blank=True,
                help_text="WebM mit VP9 oder VP8 und Opus. Spielt in allen aktuellen Browsern.",
                upload_to=mediafiles.videos.upload_video,
                validators=[
                    django.core.validators.FileExtensionValidator(
                        ["webm"], message="Bitte eine WebM-Datei mit der Endung .webm hochladen."
                    ),
                    mediafiles.uploads.validate_webm,
                ],
                verbose_name="Video (WebM)",
            ),
        ),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(fields=["status", "publish_from"], name="stories_sto_status_4791c0_idx"),
        ),
        migrations.RunPython(to_window, to_date),
        migrations.RemoveIndex(
            model_name="story",
            name="stories_sto_status_841e94_idx",
        ),
        migrations.RemoveField(
            model_name="explainervideo",
            name="published_at",
        ),
        migrations.RemoveField(
            model_name="story",
            name="published_at",
        ),
    ]
