"""Admin pieces the apps share: file widgets, the video fieldsets and previews, labels for the
inputs Django's admin leaves unnamed, and the rights of the editorial roles."""

import copy

from django import forms
from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.urls import path
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shared import video_admin
from shared.images import CROP_RATIO
from shared.numbers import DecimalNumberField
from shared.roles import in_own_kommunen, is_central, kommune_ids
from shared.sharecards import HEIGHT as SHARE_HEIGHT
from shared.sharecards import PHOTO_WIDTH as SHARE_PHOTO_WIDTH
from shared.sharecards import WIDTH as SHARE_WIDTH
from shared.uploads import ImageFormField
from shared.video_admin import VIDEO_STATUS_JS, admin_url, processing_status, video_preview

PREVIEW_WIDTH = 240
# The admin's JavaScript fixes for widgets of Django and django-prose-editor (see the file).
ADMIN_JS = "js/admin.js"
# Setting an image's focal point by clicking its preview (the two number fields work without it).
FOCAL_POINT_JS = "js/focal-point.js"


class GuardedChangeList(ChangeList):
    """Django's change list turns most nonsense in its query string into "invalid filter" (a redirect
    with ?e=1), but not a date hierarchy out of the calendar's range (`?date__year=99999999999`
    overflows, `?date__year=9999` has no following year): those raise and answer 500."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class ChangeListGuard:
    """Every admin of the site lists through GuardedChangeList (tests/shared/test_admin_filters.py
    checks each registered admin)."""

    def get_changelist(self, request, **kwargs):
        return GuardedChangeList


class ModelAdmin(ChangeListGuard, admin.ModelAdmin):
    """The base of the site's plain admins (those with history start from editorial.admin.HistoryAdmin)."""


class LinkedFile:
    """A stored file as the file widget shows it: its name, linked to `url`."""

    def __init__(self, field_file, url: str):
        self.field_file, self.url = field_file, url

    def __str__(self) -> str:
        return str(self.field_file)


class FileInput(widgets.AdminFileWidget):
    """Django 6.1 puts the admin's file input into a <fieldset> whose <legend> names the group but
    not the input, which is left without a name (axe: "label"). Without the fieldset the field's
    <label for> names the file input (and opens the file chooser), the help text describes it
    (aria-describedby), and the "Zurücksetzen" box keeps its own label.

    A form refused for another field comes back with the file input empty (browsers never refill
    it) and the upload unsaved: the widget says so, instead of letting the editor believe it is kept."""

    use_fieldset = False

    unsaved: UploadedFile | None = None
    # Where „Derzeit: …“ links a stored file whose MEDIA URL is not served (an admin view that hands
    # it to the editor, e.g. VideoAdminMixin's original download); empty: the file's own URL.
    link = ""

    def value_from_datadict(self, data, files, name):
        # Each form holds its own copy of its widgets, so the upload can be remembered here for render().
        upload = super().value_from_datadict(data, files, name)
        self.unsaved = upload if isinstance(upload, UploadedFile) else None
        return upload

    def is_initial(self, value) -> bool:
        if self.link:  # a stored file without a served URL (private storage, a hidden original)
            return bool(value and getattr(value, "name", ""))
        return super().is_initial(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.link and context["widget"]["is_initial"]:
            context["widget"]["value"] = LinkedFile(value, self.link)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        if self.unsaved is None:
            return super().render(name, value, attrs, renderer)
        attrs = dict(attrs or {})
        hint_id = f"{attrs.get('id') or name}_unsaved"
        attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), hint_id]))
        hint = gettext("„%(name)s“ ist nicht gespeichert. Bitte wählen Sie die Datei erneut aus.") % {
            "name": self.unsaved.name
        }
        return super().render(name, value, attrs, renderer) + format_html(
            '<p class="help" id="{}">{}</p>', hint_id, hint
        )


# Every admin with file or image fields uses these (tests/shared/test_admin.py checks it).
FILE_FIELDS = {
    models.FileField: {"widget": FileInput},
    # Refuses in German with the file's name and the formats that work (Django's German translation
    # lacks its "invalid image" message; editors must never see English).
    models.ImageField: {"widget": FileInput, "form_class": ImageFormField},
}

# Every admin with a decimal field uses this: „50,8043“ and „50.8043“ accepted, „50,8043“ shown
# (shared/numbers.py; the focal point's FloatFields bring the same field themselves,
# shared.images.FocalPointField; tests/shared/test_numbers.py checks every admin form).
NUMBER_FIELDS = {models.DecimalField: {"form_class": DecimalNumberField}}


class FilteredSelectMultiple(widgets.FilteredSelectMultiple):
    """Django's two-box selector (filter_horizontal) with admin.js, which gives the magnifier icon
    in each filter field's label role="img": Django sets an aria-label on a plain <span>, which
    ARIA does not allow (axe: "aria-prohibited-attr"), so the filter fields had no real name."""

    class Media:
        js = [ADMIN_JS]


class AccessibleSelectFilter:
    """For admins with filter_horizontal or filter_vertical: the selector above."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in [*self.filter_horizontal, *self.filter_vertical] and "widget" not in kwargs:
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, db_field.name in self.filter_vertical)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def _label_row(form, row: str) -> None:
    for field in form.fields.values():
        if not field.widget.is_hidden:
            field.widget.attrs["aria-label"] = _("%(field)s (%(row)s)") % {"field": field.label, "row": row}


class LabelledListEditable:
    """list_editable puts inputs into change list cells under a column heading but without a label
    (axe: "label"). Each gets a name of column and row: "Reihenfolge (Ausbildung)"."""

    def get_changelist_form(self, request, **kwargs):
        base = super().get_changelist_form(request, **kwargs)

        class LabelledForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                _label_row(self, Truncator(str(self.instance)).chars(60))

        return LabelledForm


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline puts its inputs into table cells under a column heading but without a label
    (axe: "label"). Each gets a name of column and row: "Position (Vorhaben 2)", "Löschen (Vorhaben 2)",
    "Text (Vorhaben, neu)" in the rows that "hinzufügen" adds."""

    def get_formset(self, request, obj=None, **kwargs):
        base = super().get_formset(request, obj, **kwargs)
        verbose_name = self.verbose_name

        class LabelledFormSet(base):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if index is None:  # the template row that "hinzufügen" copies
                    row = _("%(name)s, neu") % {"name": verbose_name}
                else:
                    row = _("%(name)s %(number)d") % {"name": verbose_name, "number": index + 1}
                _label_row(form, row)

        return LabelledFormSet


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
    shared.images.CROP_RATIO) and of the share card (its photo part, shared.sharecards) around the
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
    (shared/video_admin.py): the JSON status that video-status.js polls, the original's download."""

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


class KommuneFilter(admin.SimpleListFilter):
    """The Kommunen that have rows in the list (not all 104); a Kommune editor has no such filter."""

    title = _("Kommune")
    parameter_name = "kommune"

    def lookups(self, request, model_admin):
        if not is_central(request.user):
            return []
        path = model_admin.kommune_lookup
        kommune_model = model_admin.model._meta.get_field(path.split("__")[0]).related_model
        used = model_admin.model._default_manager.values_list(f"{path}__pk", flat=True)
        return [(str(k.pk), k.name) for k in kommune_model._default_manager.filter(pk__in=used).order_by("name")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.kommune_lookup}__pk": int(self.value())})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.kommune_lookup = model_admin.kommune_lookup
        super().__init__(request, params, model, model_admin)


class LandFilter(admin.SimpleListFilter):
    """Only the Länder that have Optionskommunen (the city states Berlin, Bremen and Hamburg have none)."""

    title = _("Land")
    parameter_name = "land"

    def lookups(self, request, model_admin):
        path = model_admin.kommune_lookup
        kommune_model = model_admin.model._meta.get_field(path.split("__")[0]).related_model
        field = kommune_model._meta.get_field("land")
        present = set(kommune_model._default_manager.values_list("land", flat=True))
        return [(value, label) for value, label in field.choices if value in present]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.kommune_lookup}__land": self.value()})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.kommune_lookup = model_admin.kommune_lookup
        super().__init__(request, params, model, model_admin)


class LogAdmin:
    """A log in the admin (audit entries, document downloads): read by those allowed to view it,
    written by the code only, never changed or deleted through the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class KommuneScopedAdmin:
    """For models that belong to a Kommune: a Kommune editor sees, changes and deletes only the
    rows of their own Kommunen, on every admin entry point (change list, search and filters work
    on that list; change, delete and history pages of other rows are refused), and may choose only
    their own Kommunen. The central team and administrators see everything.

    `kommune_path` is the lookup from the model to its Kommune: the model's KOMMUNE_PATH by default
    ("kommune"), "pk" for the Kommune itself."""

    kommune_path = ""

    class Media:
        js = [ADMIN_JS]  # names the searchable Kommune field (static/js/admin.js)

    @property
    def kommune_lookup(self) -> str:
        return self.kommune_path or self.model.KOMMUNE_PATH

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_central(request.user):
            return queryset
        return queryset.filter(in_own_kommunen(request.user, self.kommune_lookup)).distinct()

    def owns(self, request, obj) -> bool:
        if obj is None or is_central(request.user):
            return True
        return type(obj)._default_manager.filter(in_own_kommunen(request.user, self.kommune_lookup), pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self.owns(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self.owns(request, obj)

    def get_autocomplete_fields(self, request):
        # The central team searches the 104 by typing; a Kommune editor chooses among their own.
        fields = list(super().get_autocomplete_fields(request))
        if is_central(request.user) and "kommune" in {f.name for f in self.model._meta.fields}:
            fields.append("kommune")
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "kommune" and not is_central(request.user):
            kwargs["queryset"] = db_field.related_model._default_manager.filter(pk__in=kommune_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        # An editor of one Kommune writes for it: the field comes chosen (a link may still name another).
        initial = super().get_changeform_initial_data(request)
        has_kommune = any(field.name == "kommune" and field.is_relation for field in self.model._meta.fields)
        if has_kommune and "kommune" not in initial and not is_central(request.user):
            own = list(kommune_ids(request.user))
            if len(own) == 1:
                initial["kommune"] = own[0]
        return initial
