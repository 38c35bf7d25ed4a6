"""The media pieces of the admin: the upload widgets of every file and image field (FILE_FIELDS),
image previews and the focal-point picker, change-list thumbnails and the video section
(VIDEO_FIELDSETS, VideoAdminMixin). No model is registered here."""

import copy

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mediafiles import video_admin
from mediafiles.images import CROP_RATIO, is_pending
from mediafiles.sharecards import HEIGHT as SHARE_HEIGHT
from mediafiles.sharecards import PHOTO_WIDTH as SHARE_PHOTO_WIDTH
from mediafiles.sharecards import WIDTH as SHARE_WIDTH
from mediafiles.uploads import ImageFormField
from mediafiles.video_admin import VIDEO_STATUS_JS, admin_url, processing_status, video_preview
from shared.admin import FileInput

PREVIEW_WIDTH = 240
# Setting an image's focal point by clicking its preview (the two number fields work without it).
FOCAL_POINT_JS = "js/focal-point.js"

# Every admin with file or image fields uses these (tests/shared/test_admin.py checks it).
FILE_FIELDS = {
    models.FileField: {"widget": FileInput},
    # Refuses in German with the file's name and the formats that work (Django's German translation
    # lacks its "invalid image" message; editors must never see English).
    models.ImageField: {"widget": FileInput, "form_class": ImageFormField},
}


VIDEO_FIELDSETS = [
    (
        _("Eigenes Video"),
        {
            "fields": [
                "video_source",
                "processing",
                "video_preview",
                "poster_time",
                "caption_text",
                "captions",
                "transcript",
                "poster",
                "poster_preview",
                "poster_focal_x",
                "poster_focal_y",
                "poster_alt",
            ],
            "description": _(
                "Laden Sie das Video so hoch, wie Telefon oder Kamera es speichern (MP4, MOV oder WebM, bis 2 GB). "
                "Nach dem Speichern macht die Website daraus im Hintergrund die Dateien für das Web, das "
                "Vorschaubild und die Dauer; den Fortschritt sehen Sie hier. "
                "Einreichen und veröffentlichen geht, sobald das Video fertig ist und Untertitel hat: als "
                "WebVTT-Datei oder hier geschrieben. Ist das Transkript leer, füllt die Website es aus den Untertiteln."
            ),
        },
    ),
    (
        _("Fertige Web-Dateien (nur für Fachleute)"),
        {
            "fields": ["video_webm", "video_mp4", "duration"],
            "classes": ["collapse"],
            "description": _(
                "Macht die Website selbst aus der Video-Datei oben. Nur wenn schon fertige Dateien vorliegen: "
                "WebM (VP9 oder VP8 mit Opus) und/oder MP4 (H.264 mit AAC) und die Dauer in Sekunden."
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
    if not image_field._committed:  # an upload of a form that was refused: it has no renditions, no URL
        return _("– das neue Bild ist noch nicht gespeichert –")
    if is_pending(image_field.name):  # the task worker makes its clean copy and renditions
        return format_html(
            '<span class="picture-pending">{}</span>',
            _("Bild wird aufbereitet. Es erscheint hier und auf der Website, sobald es fertig ist."),
        )
    shown_height = round(height * PREVIEW_WIDTH / width)
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}">', rendition.url, PREVIEW_WIDTH, shown_height, alt
    )


def focal_preview(obj, source: str, alt: str):
    """The preview of `obj.<source>` on which editors set the focal point: by a click on the face or
    by the arrow keys, also before the first save.

    static/js/focal-point.js makes the picture a focusable picker and writes the point into the two
    fields (names ending in `focal_x`/`focal_y` of the same form or inline row, German numbers,
    shared/numbers.py), says the position in the live region and shows the frames of a card (4:3,
    mediafiles.images.CROP_RATIO) and of the share card (its photo part, mediafiles.sharecards) around the
    point. When the editor chooses a file in the `<source>` field, the picker shows that file at once
    (a blob: URL, allowed by img-src in the CSP). Without script the fields are typed in and the
    texts that only the picker needs stay hidden."""
    image_field = getattr(obj, source) if obj is not None else None
    width = getattr(obj, "width" if source == "image" else f"{source}_width", None) if obj is not None else None
    height = getattr(obj, "height" if source == "image" else f"{source}_height", None) if obj is not None else None
    rendition = getattr(obj, f"{source}_jpeg_480") if image_field else None
    shown = preview(image_field, rendition, alt, width, height)
    prefix = "focal" if source == "image" else f"{source}_focal"
    card_w, card_h = CROP_RATIO
    return format_html(
        '<div class="focal-picker" data-focal-picker="{prefix}" data-focal-source="{source}"'
        ' data-label="{label}" data-chosen-alt="{chosen_alt}" data-unreadable="{unreadable}"'
        ' data-position="{position}">'
        '<div class="focal-picker__stage">{shown}<span class="focal-picker__marker" hidden></span></div>'
        '<p class="focal-picker__help" hidden>{help}</p>'
        '<p class="focal-picker__status" aria-live="polite"></p>'
        '<div class="focal-picker__frames" hidden>'
        '<figure class="focal-frame focal-frame--card" data-ratio="{card_w}:{card_h}">'
        '<div class="focal-frame__window"></div><figcaption>{card}</figcaption></figure>'
        '<figure class="focal-frame focal-frame--share" data-ratio="{share_w}:{share_h}">'
        '<div class="focal-frame__card"><div class="focal-frame__window"></div>'
        '<div class="focal-frame__text"><span></span><span></span><span></span></div></div>'
        "<figcaption>{share}</figcaption></figure>"
        "</div></div>",
        prefix=prefix,
        source=source,
        shown=shown,
        label=_("Fokuspunkt im Bild"),
        chosen_alt=_("Gewählte Datei „%(name)s“ (noch nicht gespeichert)") % {"name": "{name}"},
        unreadable=_(
            "„%(name)s“ kann der Browser nicht als Vorschau zeigen (z. B. HEIC vom iPhone). Die Website nimmt die "
            "Datei an und speichert sie als JPEG; den Fokuspunkt setzen Sie nach dem Speichern hier im Bild."
        )
        % {"name": "{name}"},
        position=_("Fokuspunkt: %(x)s %% von links, %(y)s %% von oben.") % {"x": "{x}", "y": "{y}"},
        help=_(
            "Klicken Sie im Bild auf das Gesicht (oder das Wichtigste im Bild), oder setzen Sie den Punkt mit den "
            "Pfeiltasten; mit gedrückter Umschalttaste springt er in großen Schritten. Darunter sehen Sie, was "
            "Karten und das Teilen-Bild davon zeigen."
        ),
        card_w=card_w,
        card_h=card_h,
        card=_("Karte und Startseite (4:3)"),
        share_w=SHARE_PHOTO_WIDTH,
        share_h=SHARE_HEIGHT,
        share=_("Teilen-Bild (%(width)s × %(height)s)") % {"width": SHARE_WIDTH, "height": SHARE_HEIGHT},
    )


class VideoAdminMixin:
    """The video section (VIDEO_FIELDSETS) with its status line, preview and the views behind them
    (mediafiles/video_admin.py): the JSON status that video-status.js polls, the original's download."""

    readonly_fields = ["poster_preview", "processing", "video_preview", "video_source_link"]

    @admin.display(description=_("Stand der Verarbeitung"))
    def processing(self, obj):
        return processing_status(obj)

    @admin.display(description=_("Vorschau des Videos"))
    def video_preview(self, obj):
        return format_html('<div class="video-preview-box" data-video-preview>{}</div>', video_preview(obj))

    @property
    def media(self):
        # A property, not `class Media`: an admin's own Media (StoryAdmin's) would hide a mixin's.
        return super().media + forms.Media(js=[FOCAL_POINT_JS, VIDEO_STATUS_JS])

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        own = [
            path(
                "<path:object_id>/video-status/",
                self.admin_site.admin_view(self.video_status_view),
                name=f"{prefix}_video_status",
            ),
            path(
                "<path:object_id>/video-original/",
                self.admin_site.admin_view(self.video_original_view),
                name=f"{prefix}_video_original",
            ),
        ]
        return own + super().get_urls()

    def get_fieldsets(self, request, obj=None):
        # With an uploaded video its section is open, however the admin folds it: the progress, the
        # preview and the original are what the editor comes back for.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.video_source:
            return fieldsets
        # Read-only, Django would link the file's MEDIA URL, which is not served: link the download.
        shown = "video_source" if self.has_change_permission(request, obj) else "video_source_link"
        return [
            (
                name,
                {
                    **options,
                    "classes": [c for c in options.get("classes", ()) if c != "collapse"],
                    "fields": [shown if f == "video_source" else f for f in options["fields"]],
                },
            )
            if "video_source" in options.get("fields", ())
            else (name, options)
            for name, options in fieldsets
        ]

    @admin.display(description=_("Video-Datei"))
    def video_source_link(self, obj):
        return format_html('<a href="{}">{}</a>', admin_url(obj, "video_original"), obj.video_source)

    def video_status_view(self, request, object_id):
        return video_admin.status_view(self, request, object_id)

    def video_original_view(self, request, object_id):
        return video_admin.original_view(self, request, object_id)

    def get_form(self, request, obj=None, change=False, **kwargs):
        # „Derzeit: …“ under the upload field links the original's download, not its (hidden) MEDIA URL.
        form = super().get_form(request, obj, change=change, **kwargs)
        field = form.base_fields.get("video_source")
        if obj is not None and field is not None and isinstance(field.widget, FileInput):
            form.base_fields["video_source"] = field = copy.deepcopy(field)
            field.widget.link = admin_url(obj, "video_original")
        return form

    @admin.display(description=_("Vorschau"))
    def poster_preview(self, obj):
        return focal_preview(obj, "poster", obj.poster_alt if obj else "")


THUMBNAIL_WIDTH = 80


def thumbnail(picture):
    """A small picture for a change list (decorative: the row's name stands beside it)."""
    if picture is None:
        return "–"
    height = round(picture.height * THUMBNAIL_WIDTH / picture.width)
    return format_html('<img src="{}" width="{}" height="{}" alt="">', picture.src, THUMBNAIL_WIDTH, height)
