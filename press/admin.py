"""The editors' screens for the newsroom."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from editorial.admin import WorkflowAdmin
from press.models import KeyFigure, PressContact, PressCoverage, PressKitItem, PressRelease
from shared import uploads
from shared.admin import FILE_FIELDS, LabelledListEditable, ModelAdmin
from shared.publication import PUBLICATION_FIELDS
from shared.roles import is_central

PREVIEW_WIDTH = 240


@admin.register(PressRelease)
class PressReleaseAdmin(WorkflowAdmin, TranslationAdmin):
    list_display = ["number", "title", "date", "issuers", "is_joint", "status", "publish_from"]
    list_display_links = ["number", "title"]
    list_filter = ["status", "is_joint"]
    search_fields = ["number", "title", "lead", "issuers"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    fieldsets = [
        (None, {"fields": ["number", "date", "title", "slug"]}),
        (_("Herausgeber"), {"fields": ["issuers", "is_joint"]}),
        (_("Text"), {"fields": ["lead", "body", "footnotes"]}),
        (_("Downloads"), {"fields": ["downloads"]}),
        (_("Veröffentlichung"), {"fields": PUBLICATION_FIELDS}),
    ]


@admin.register(PressCoverage)
class PressCoverageAdmin(ModelAdmin):
    list_display = ["date", "source", "title", "has_link", "status"]
    list_filter = ["status"]
    search_fields = ["title", "source", "author"]
    date_hierarchy = "date"
    fields = ["title", "source", "author", "date", "url", "teaser", *PUBLICATION_FIELDS]

    @admin.display(description=_("Link vorhanden"), boolean=True)
    def has_link(self, obj: PressCoverage) -> bool:
        return bool(obj.url)


@admin.register(PressContact)
class PressContactAdmin(LabelledListEditable, ModelAdmin):
    list_display = ["organisation", "department", "name", "phone", "position", "status"]
    list_editable = ["position", "status"]
    fields = [
        "organisation",
        "department",
        "name",
        "phone",
        "email",
        "address",
        "website",
        "position",
        *PUBLICATION_FIELDS,
    ]


@admin.register(PressKitItem)
class PressKitItemAdmin(ModelAdmin):
    list_display = ["title", "kind", "file_description", "credit", "show_in_kit", "status", "demo_label"]
    formfield_overrides = FILE_FIELDS
    list_filter = ["kind", "show_in_kit", "status", "is_demo"]
    search_fields = ["title", "credit"]
    fields = [
        "title",
        "kind",
        "file",
        "file_preview",
        "file_description",
        "alt_text",
        "credit",
        "usage_terms",
        "show_in_kit",
        "position",
        *PUBLICATION_FIELDS,
    ]
    readonly_fields = ["file_preview", "file_description"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if is_central(request.user):
            return form

        class KommuneKitForm(form):
            def clean_file(self):
                # An SVG is a document that can carry code: only the central team may offer one.
                upload = self.cleaned_data.get("file")
                if isinstance(upload, UploadedFile) and uploads.detect_type(upload) == uploads.SVG:
                    raise ValidationError(
                        _(
                            "SVG-Dateien kann nur die Zentrale Redaktion hochladen. "
                            "Bitte laden Sie die Grafik als PNG hoch."
                        ),
                        code="svg_central_only",
                    )
                return upload

        return KommuneKitForm

    @admin.display(description=_("Datei"))
    def file_description(self, item: PressKitItem) -> str:
        if not item.file_type:
            return "–"
        text = f"{item.type_label}, {filesizeformat(item.file_size)}"
        if item.width and item.height:
            text += f", {item.width} × {item.height} Pixel"
        return text

    @admin.display(description=_("Vorschau"))
    def file_preview(self, item: PressKitItem):
        if item.preview and item.width and item.height:
            height = round(item.height * PREVIEW_WIDTH / item.width)
            return format_html(
                '<img src="{}" width="{}" height="{}" alt="{}">',
                item.preview_jpeg_480.url,
                PREVIEW_WIDTH,
                height,
                item.alt_text,
            )
        if item.is_svg:
            return format_html('<img src="{}" width="{}" alt="{}">', item.file.url, PREVIEW_WIDTH // 2, item.alt_text)
        return _("– keine Vorschau –")

    @admin.display(description=_("Demo"), ordering="is_demo")
    def demo_label(self, item: PressKitItem) -> str:
        if item.is_demo:
            return format_html("<strong>{}</strong>", _("Demo-Inhalt – vor dem Start prüfen"))
        return "–"


@admin.register(KeyFigure)
class KeyFigureAdmin(LabelledListEditable, ModelAdmin):
    list_display = ["value", "label", "source", "as_of", "position", "status"]
    list_editable = ["position", "status"]
    list_filter = ["status"]
    search_fields = ["value", "label", "source"]
    fields = ["value", "label", "source", "source_url", "as_of", "position", *PUBLICATION_FIELDS]
