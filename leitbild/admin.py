"""Admin for the central editors: the Leitbild's texts with its preamble points, and each
chapter with its commitments, edited inline (add, remove, reorder by position).

Chapters cannot be added or deleted while the Leitbild's structure is locked (the
default): an editor has to unlock it first, on purpose, and save. Chapter numbers are
never typed: they follow from the order, so reordering cannot leave gaps.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.admin import HistoryAdmin
from leitbild.models import Chapter, Commitment, Leitbild, PreamblePoint
from shared.admin import LabelledTabularInline
from shared.translation_admin import GermanFirstTranslationAdmin, GermanFirstTranslationTabularInline


def structure_locked() -> bool:
    """Chapters may be added or deleted only when the Leitbild exists and is unlocked."""
    return not Leitbild.objects.filter(structure_locked=False).exists()


class PositionedFormSet(BaseInlineFormSet):
    """Rows whose position is left empty go to the end, in the order they were entered;
    new empty rows suggest the next free position."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        last = max((obj.position for obj in self.get_queryset()), default=0)
        self.initial_extra = [{"position": last + number} for number in range(1, self.extra + 1)]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["position"].required = False

    def clean(self):
        super().clean()
        # Unchanged extra rows have empty cleaned_data and are not saved.
        kept = [form for form in self.forms if form.cleaned_data and not self._should_delete_form(form)]
        taken = [form.cleaned_data["position"] for form in kept if form.cleaned_data.get("position") is not None]
        next_position = max(taken, default=0) + 1
        for form in kept:
            if form.cleaned_data.get("position") is None:
                form.cleaned_data["position"] = form.instance.position = next_position
                next_position += 1


class InlineWidgetsMixin:
    """Inline rows: a narrow number field for the position, a textarea of `text_rows` rows."""

    text_rows = 2

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "position":
            kwargs["widget"] = forms.NumberInput(attrs={"class": "vSmallField", "min": 0})
        # The German and English copies (text_de, text_en) of a translated field, too.
        if getattr(db_field, "translated_field", db_field).name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": self.text_rows, "cols": 90})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PreamblePointInline(InlineWidgetsMixin, LabelledTabularInline, GermanFirstTranslationTabularInline):
    model = PreamblePoint
    formset = PositionedFormSet
    fields = ["position", "text"]
    extra = 1
    view_on_site = False


class ChapterInline(InlineWidgetsMixin, LabelledTabularInline, GermanFirstTranslationTabularInline):
    """The Leitbild's structure at a glance: order and titles; texts and commitments are
    edited on each chapter's own page (link "Ändern")."""

    model = Chapter
    fields = ["position", "title", "kind"]
    readonly_fields = ["kind"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # A chapter needs its texts: add it on the chapter page.

    def has_delete_permission(self, request, obj=None):
        if obj is None or obj.structure_locked:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Leitbild)
class LeitbildAdmin(HistoryAdmin, GermanFirstTranslationAdmin):
    list_display = ["title", "edition", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "edition", "publishers", "description"]}),
        (_("Präambel"), {"fields": ["preamble_title"], "description": _("Die Punkte folgen unten.")}),
        (_("Ausblick"), {"fields": ["future_title", "future_text"]}),
        (_("Gliederung"), {"fields": ["structure_locked"]}),
    ]
    inlines = [PreamblePointInline, ChapterInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # There is one Leitbild; it arrives with `migrate`.
        return super().has_add_permission(request) and not Leitbild.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # One Leitbild: go straight to it.
        leitbild = Leitbild.objects.current()
        if leitbild is not None and self.has_view_or_change_permission(request, leitbild):
            return HttpResponseRedirect(reverse("admin:leitbild_leitbild_change", args=[leitbild.pk]))
        return super().changelist_view(request, extra_context)


class CommitmentInline(InlineWidgetsMixin, LabelledTabularInline, GermanFirstTranslationTabularInline):
    model = Commitment
    formset = PositionedFormSet
    fields = ["position", "text"]
    extra = 1
    view_on_site = False
    text_rows = 3


@admin.register(Chapter)
class ChapterAdmin(HistoryAdmin, GermanFirstTranslationAdmin):
    list_display = ["title", "position", "kind", "commitment_count", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["title", "intro", "commitments__text"]
    fields = ["kind", "position", "title", "slug", "lead", "intro", "commitments_lead"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CommitmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(commitment_total=Count("commitments"))

    @admin.display(description=_("Vorhaben"), ordering="commitment_total")
    def commitment_count(self, obj: Chapter) -> int:
        return obj.commitment_total

    def get_readonly_fields(self, request, obj=None):
        # Turning a chapter into the closing section (or back) changes the structure.
        return ["kind"] if obj is not None and structure_locked() else []

    def get_prepopulated_fields(self, request, obj=None):
        # Existing chapters keep their address unless an editor changes it by hand.
        return self.prepopulated_fields if obj is None else {}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not structure_locked()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not structure_locked()

    def save_model(self, request, obj: Chapter, form, change):
        if not change:
            obj.leitbild = Leitbild.objects.current()
        super().save_model(request, obj, form, change)
