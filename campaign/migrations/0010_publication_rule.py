"""The sign-language video becomes a VideoMedia like stories and explainer videos (one video
model, one player), and the content pages and the sign-language video follow the one
publication rule. Every row and file stays: the one uploaded video becomes the MP4 or WebM
field by its type, its size is kept, the playing time becomes seconds, the poster keeps its
file and gets its pixel size and a description.

Renditions of a poster are made by `manage.py generateimages` (or the next save), as for
every image that a migration brings."""

import datetime

import django.core.validators
from django.core.files.storage import default_storage
from django.db import migrations, models
from PIL import Image

import mediafiles.uploads
import mediafiles.videos


def to_video_media(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentPage = apps.get_model("campaign", "ContentPage")
    ContentPage.objects.using(db).update(status="published")
    SignLanguageVideo = apps.get_model("campaign", "SignLanguageVideo")
    for video in SignLanguageVideo.objects.using(db).all():
        fields = {"status": "published" if video.published else "draft"}
        if video.video:
            kind = "webm" if video.video_type == "video/webm" else "mp4"
            fields[f"video_{kind}"] = video.video.name
            fields[f"video_{kind}_size"] = video.video_size
        if video.duration is not None:
            fields["duration_seconds"] = round(video.duration.total_seconds())
        if video.poster:
            try:
                with default_storage.open(video.poster.name, "rb") as poster, Image.open(poster) as image:
                    fields["poster_width"], fields["poster_height"] = image.size
            except (OSError, ValueError):
                pass  # a lost file: the row stays, the page shows no poster
            fields["poster_alt"] = f"Standbild aus dem Video „{video.title}“"[:250]
        SignLanguageVideo.objects.using(db).filter(pk=video.pk).update(**fields)


def to_single_file(apps, schema_editor):
    db = schema_editor.connection.alias
    SignLanguageVideo = apps.get_model("campaign", "SignLanguageVideo")
    for video in SignLanguageVideo.objects.using(db).all():
        kind = "mp4" if video.video_mp4 else "webm"
        SignLanguageVideo.objects.using(db).filter(pk=video.pk).update(
            published=video.status == "published",
            video=getattr(video, f"video_{kind}").name,
            video_size=getattr(video, f"video_{kind}_size"),
            video_type=f"video/{kind}",
            duration=datetime.timedelta(seconds=video.duration_seconds or 0),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0009_press_and_search_move_out"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentpage",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="contentpage",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="contentpage",
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
            model_name="signlanguagevideo",
            name="external_platform",
            field=models.CharField(
                blank=True,
                choices=[("youtube", "YouTube"), ("vimeo", "Vimeo")],
                max_length=20,
                verbose_name="Externe Plattform",
            ),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="external_video_id",
            field=models.CharField(
                blank=True,
                help_text="Nur die ID, keine Adresse und kein Einbettungscode.",
                max_length=20,
                verbose_name="Video-ID auf der Plattform",
            ),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="poster_alt",
            field=models.CharField(
                blank=True,
                help_text="Was auf dem Vorschaubild zu sehen ist, für Menschen, die es nicht sehen.",
                max_length=250,
                verbose_name="Alternativtext des Vorschaubilds",
            ),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="poster_height",
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name="Höhe des Vorschaubilds"),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="poster_width",
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name="Breite des Vorschaubilds"),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="publish_from",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung.",
                null=True,
                verbose_name="Sichtbar ab",
            ),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
            name="publish_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich.",
                null=True,
                verbose_name="Sichtbar bis",
            ),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
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
            model_name="signlanguagevideo",
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
        migrations.AddField(
            model_name="signlanguagevideo",
            name="video_mp4_size",
            field=models.PositiveBigIntegerField(default=0, editable=False, verbose_name="Größe MP4 (Bytes)"),
        ),
        migrations.AddField(
            model_name="signlanguagevideo",
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
        migrations.AddField(
            model_name="signlanguagevideo",
            name="video_webm_size",
            field=models.PositiveBigIntegerField(default=0, editable=False, verbose_name="Größe WebM (Bytes)"),
        ),
        migrations.AlterField(
            model_name="signlanguagevideo",
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
        migrations.AddField(
            model_name="signlanguagevideo",
            name="duration_seconds",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="Dauer in Sekunden"),
        ),
        migrations.AlterField(
            model_name="signlanguagevideo",
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
            model_name="signlanguagevideo",
            name="transcript",
            field=models.TextField(
                blank=True,
                help_text="Pflicht für Videos: der vollständige Text des Videos, mit Beschreibung des Gezeigten.",
                verbose_name="Transkript",
            ),
        ),
        migrations.RunPython(to_video_media, to_single_file),
        migrations.RemoveField(
            model_name="signlanguagevideo",
            name="published",
        ),
        migrations.RemoveField(
            model_name="signlanguagevideo",
            name="video",
        ),
        migrations.RemoveField(
            model_name="signlanguagevideo",
            name="video_size",
        ),
        migrations.RemoveField(
            model_name="signlanguagevideo",
            name="video_type",
        ),
        migrations.RemoveField(
            model_name="signlanguagevideo",
            name="duration",
        ),
        migrations.RenameField(
            model_name="signlanguagevideo",
            old_name="duration_seconds",
            new_name="duration",
        ),
    ]
