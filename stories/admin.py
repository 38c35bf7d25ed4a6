"""The editors' screens for stories, their photos, topics and explainer videos.

Rules the forms enforce (with German messages): every photo has alt text, caption and
credit; a video has captions, a transcript, a duration and a described poster; a
published story has a photo or a video; wrong files are refused by their content.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from stories.models import ExplainerVideo, Photo, Status, Story, Topic

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


class PhotoInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        story = self.instance
        if story.status != Status.PUBLISHED or story.has_video:
            return
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and form.cleaned_data.get("image")
            and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(
                _(
                    "Eine veröffentlichte Geschichte braucht mindestens ein Foto (mit Alternativtext, "
                    "Bildunterschrift und Bildnachweis) oder ein Video. Speichern Sie sie sonst als Entwurf."
                ),
                code="no_picture",
            )


class PhotoInline(admin.StackedInline):
    model = Photo
    formset = PhotoInlineFormSet
    formfield_overrides = IMAGE_FIELD
    extra = 1
    fields = ["image", "image_preview", "alt_text", "caption", "credit", "position", "press_cleared"]
    readonly_fields = ["image_preview"]

    @admin.display(description=_("Vorschau"))
    def image_preview(self, photo: Photo):
        rendition = photo.image_jpeg_480 if photo.image else None
        return preview(photo.image, rendition, photo.alt_text, photo.width, photo.height)


class VideoAdminMixin:
    readonly_fields = ["poster_preview"]

    @admin.display(description=_("Vorschau"))
    def poster_preview(self, obj):
        return preview(
            obj.poster, obj.poster_jpeg_480 if obj.poster else None, obj.poster_alt, obj.poster_width, obj.poster_height
        )


@admin.register(Story)
class StoryAdmin(VideoAdminMixin, admin.ModelAdmin):
    list_display = ["name", "quote", "kommune", "kind", "status", "published_at", "featured", "is_example"]
    list_filter = ["status", "kind", "featured", "is_example", "topics", "kommune__land"]
    list_select_related = ["kommune"]
    search_fields = ["name", "quote", "kommune__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PhotoInline]
    formfield_overrides = {**IMAGE_FIELD, models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "role", "quote", "teaser", "body", "kommune", "topics"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "featured"]}),
        *VIDEO_FIELDSETS,
    ]


@admin.register(ExplainerVideo)
class ExplainerVideoAdmin(VideoAdminMixin, admin.ModelAdmin):
    list_display = ["title", "status", "published_at", "position", "is_example"]
    list_filter = ["status", "is_example"]
    search_fields = ["title", "teaser"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = IMAGE_FIELD
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "body"]}),
        (_("Veröffentlichung"), {"fields": ["status", "published_at", "position"]}),
        *VIDEO_FIELDSETS,
    ]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
