"""Admin pieces every app with images or videos uses: the video fieldsets and previews."""

from django.contrib import admin
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PREVIEW_WIDTH = 240
# Django's German translation lacks this message; editors must never see English.
IMAGE_FIELD = {
    models.ImageField: {
        "error_messages": {
            "invalid_image": _(
                "Diese Datei ist kein Bild oder sie ist beschädigt. Bitte ein Bild als JPEG, PNG oder WebP hochladen."
            )
        }
    }
}

VIDEO_FIELDSETS = [
    (
        _("Eigenes Video"),
        {
            "fields": [
                "video_webm",
                "video_mp4",
                "captions",
                "transcript",
                "duration",
                "poster",
                "poster_preview",
                "poster_alt",
            ],
            "description": _(
                "Ein Video braucht deutsche Untertitel (WebVTT), ein Transkript, die Dauer und ein beschriebenes "
                "Vorschaubild. WebM spielt in allen aktuellen Browsern; MP4 zusätzlich für ältere Geräte."
            ),
        },
    ),
    (
        _("Oder: Video auf einer Plattform"),
        {
            "fields": ["external_platform", "external_video_id"],
            "classes": ["collapse"],
            "description": _(
                "Statt eines eigenen Videos. Die Seite zeigt dann das Vorschaubild und einen Datenschutzhinweis; "
                "erst nach einem Klick wird das Video von der Plattform geladen. Transkript und Vorschaubild "
                "(oben) sind auch hier Pflicht."
            ),
        },
    ),
]


def preview(image_field, rendition, alt: str, width: int | None, height: int | None):
    """A small JPEG rendition for the admin (made on save, like every rendition)."""
    if not image_field or not width or not height:
        return _("– noch kein Bild gespeichert –")
    shown_height = round(height * PREVIEW_WIDTH / width)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">', rendition.url, PREVIEW_WIDTH, shown_height, alt
    )


class VideoAdminMixin:
    readonly_fields = ["poster_preview"]

    @admin.display(description=_("Vorschau"))
    def poster_preview(self, obj):
        return preview(
            obj.poster, obj.poster_jpeg_480 if obj.poster else None, obj.poster_alt, obj.poster_width, obj.poster_height
        )
