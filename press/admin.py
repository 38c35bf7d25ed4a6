"""The editors' screens for the newsroom."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial import dashboard
from editorial.admin import WorkflowAdmin
from mediafiles import uploads
from mediafiles.admin import FILE_FIELDS
from mediafiles.images import is_pending
from press.models import KEY_FIGURES_MAX_AGE_YEARS, KeyFigure, PressContact, PressCoverage, PressKitItem, PressRelease
from shared.admin import LabelledListEditable, ModelAdmin
from shared.publication import PUBLICATION_FIELDS
from shared.roles import is_central
from shared.translation_admin import GermanFirstTranslationAdmin

PREVIEW_WIDTH = 240


@admin.register(PressRelease)
class PressReleaseAdmin(WorkflowAdmin, GermanFirstTranslationAdmin):
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
    list_display = ["organisation", "department", "name", "phone", "email", "as_of", "position", "status"]
    list_editable = ["position", "status"]
    fields = [
        "organisation",
        "department",
        "name",
        "phone",
        "email",
        "address",
        "website",
        "as_of",
        "source",
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
        if is_pending(item.file.name):
            return _("Bild wird aufbereitet. Es erscheint hier und im Pressematerial, sobald es fertig ist.")
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


def outdated_message(count: int) -> str:
    return ngettext(
        "Eine veröffentlichte Kennzahl hat einen Stand, der älter als %(years)s Jahre ist. "
        "Bitte prüfen Sie den Wert und tragen Sie den neuen Stand ein.",
        "%(count)s veröffentlichte Kennzahlen haben einen Stand, der älter als %(years)s Jahre ist. "
        "Bitte prüfen Sie die Werte und tragen Sie den neuen Stand ein.",
        count,
    ) % {"count": count, "years": KEY_FIGURES_MAX_AGE_YEARS}


@admin.register(KeyFigure)
class KeyFigureAdmin(LabelledListEditable, ModelAdmin):
    """Figures age: a "Stand" older than two years is flagged in the list, on the figure's page
    and on the start page (panel below), so that no outdated figure stays unnoticed."""

    list_display = ["value", "label", "source", "as_of_display", "position", "status"]
    list_editable = ["position", "status"]
    list_filter = ["status"]
    search_fields = ["value", "label", "source"]
    fields = ["value", "label", "source", "source_url", "as_of", "position", *PUBLICATION_FIELDS]

    @admin.display(description=_("Stand"), ordering="as_of")
    def as_of_display(self, figure: KeyFigure):
        if figure.is_outdated():
            return format_html(
                '<strong><img src="{}" alt="" width="14" height="14"> {} – {}</strong>',
                static("admin/img/icon-alert.svg"),
                figure.as_of,
                _("älter als zwei Jahre"),
            )
        return figure.as_of

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET":
            count = len(KeyFigure.objects.published().outdated())
            if count:
                messages.warning(request, outdated_message(count))
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            figure = self.get_object(request, object_id)
            if figure is not None and figure.is_outdated():
                messages.warning(
                    request,
                    _(
                        "Der Stand dieser Kennzahl („%(as_of)s“) ist älter als %(years)s Jahre. "
                        "Bitte prüfen Sie den Wert und tragen Sie den neuen Stand ein."
                    )
                    % {"as_of": figure.as_of, "years": KEY_FIGURES_MAX_AGE_YEARS},
                )
        return super().change_view(request, object_id, form_url, extra_context)


@dashboard.register
def outdated_figures_panel(request) -> dashboard.Panel | None:
    """Published key figures whose "Stand" is older than two years; shown only while there are any."""
    if not request.user.has_perm("press.change_keyfigure"):
        return None
    outdated = KeyFigure.objects.published().outdated()
    if not outdated:
        return None
    panel = dashboard.Panel(
        title=_("Kennzahlen mit veraltetem Stand (%(count)s)") % {"count": len(outdated)},
        empty="",
        more_url=reverse("admin:press_keyfigure_changelist"),
        more_text=_("Alle Kennzahlen"),
    )
    for figure in outdated[: dashboard.PER_PANEL]:
        panel.rows.append(
            dashboard.Row(
                str(figure),
                reverse("admin:press_keyfigure_change", args=[figure.pk]),
                str(KeyFigure._meta.verbose_name),
                _("Stand: %(as_of)s – älter als zwei Jahre") % {"as_of": figure.as_of},
                True,
            )
        )
    return panel
