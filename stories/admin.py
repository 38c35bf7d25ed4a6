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
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from consent.models import Consent, NameShown, Scope
from editorial.admin import WorkflowAdmin, WorkflowForm
from mediafiles.admin import FILE_FIELDS, FOCAL_POINT_JS, VIDEO_FIELDSETS, VideoAdminMixin, focal_preview, thumbnail
from shared.admin import (
    ADMIN_JS,
    NUMBER_FIELDS,
    KommuneFilter,
    KommuneScopedAdmin,
    LabelledListEditable,
    LandFilter,
    ModelAdmin,
)
from shared.admin_widgets import CountedTextFields
from shared.publication import PUBLICATION_FIELDS, Status
from shared.roles import is_central
from shared.translation_admin import GermanFirstTranslationAdmin
from stories.draft_admin import StoryChangeAdmin
from stories.models import ExplainerVideo, Format, Photo, Story, Topic


class PhotoInlineFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        story = self.instance
        if story.status not in (Status.REVIEW, Status.PUBLISHED) or story.has_video:
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
                    "Zum Einreichen und Veröffentlichen braucht eine Geschichte mindestens ein Foto (mit "
                    "Alternativtext, Bildunterschrift und Bildnachweis) oder ein Video. Speichern Sie sie sonst "
                    "als Entwurf."
                ),
                code="no_picture",
            )


class PhotoInline(CountedTextFields, admin.StackedInline):
    model = Photo
    counted_fields = {"alt_text": (3, True)}
    formset = PhotoInlineFormSet
    formfield_overrides = FILE_FIELDS
    extra = 1
    fields = ["image", "image_preview", "focal_x", "focal_y", "alt_text", "caption", "credit", "position"]
    readonly_fields = ["image_preview"]

    class Media:
        js = [FOCAL_POINT_JS]

    @admin.display(description=_("Vorschau"))
    def image_preview(self, photo: Photo):
        return focal_preview(photo, "image", photo.alt_text if photo else "")


class StoryForm(WorkflowForm):
    def clean(self):
        cleaned = super().clean()
        going_public = cleaned.get("status") in (Status.REVIEW, Status.PUBLISHED)
        name = cleaned.get("name") or ""
        # A change of a published story: the consents name the published story.
        story_pk = self.instance.draft_of_id or self.instance.pk
        first_only = Consent.objects.valid().filter(story=story_pk, name_shown=NameShown.FIRST)
        if going_public and self.instance.pk and len(name.split()) > 1 and first_only.exists():
            self.add_error(
                "name",
                ValidationError(
                    _("Laut Einwilligung darf nur der Vorname gezeigt werden. Bitte den Nachnamen weglassen."),
                    code="first_name_only",
                ),
            )
        if going_public and not self.instance.has_consent():
            self.add_error(
                "status",
                ValidationError(
                    _(
                        "Ohne gültige Einwilligung für die Website kann die Geschichte weder eingereicht noch "
                        "veröffentlicht werden. Bitte speichern Sie sie als Entwurf und tragen Sie die "
                        "Einwilligung jeder gezeigten Person im Einwilligungsregister ein."
                    ),
                    code="no_consent",
                ),
            )
        return cleaned


class FormatFilter(admin.SimpleListFilter):
    title = _("Format")
    parameter_name = "format"

    def lookups(self, request, model_admin):
        return Format.choices

    def queryset(self, request, queryset):
        if self.value() in Format.values:
            return queryset.with_format(self.value())
        return queryset


OWN_VIDEO, *OTHER_VIDEO = VIDEO_FIELDSETS
# The form in the order an editor works: who the person is, the picture (the photos inline comes
# right after this first section: templates/admin/stories/story/change_form.html) or a video,
# what they say, the topics, the consent, and last the publication.
STORY_FIELDSETS = [
    (_("Person"), {"fields": ["kind", "name", "role", "kommune"]}),
    (OWN_VIDEO[0], {**OWN_VIDEO[1], "classes": ["collapse"]}),
    *OTHER_VIDEO,
    (_("Zitat und Text"), {"fields": ["quote", "teaser", "body"]}),
    (_("Themen"), {"fields": ["topics"]}),
    (_("Einwilligung"), {"fields": ["consent_state"]}),
    (_("Veröffentlichung"), {"fields": [*PUBLICATION_FIELDS, "slug", "featured", "cover_story"]}),
]
CENTRAL_CHOICE = _("Wählt die Zentrale Redaktion.")


@admin.register(Story)
class StoryAdmin(
    CountedTextFields, StoryChangeAdmin, KommuneScopedAdmin, VideoAdminMixin, WorkflowAdmin, GermanFirstTranslationAdmin
):
    list_display = ["picture", "name", "quote", "kommune", "kind", "status", "publish_from", "featured", "is_example"]
    list_display_links = ["name"]
    list_filter = ["status", FormatFilter, "kind", KommuneFilter, LandFilter, "topics", "featured", "is_example"]
    list_select_related = ["kommune"]
    search_fields = ["name", "quote", "kommune__name"]
    date_hierarchy = "publish_from"
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PhotoInline]
    formfield_overrides = {
        **FILE_FIELDS,
        **NUMBER_FIELDS,
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    fieldsets = STORY_FIELDSETS
    counted_fields = {"quote": (4, True), "teaser": (6, False)}
    # What a Kommune editor reads beside the fields they may not change (editorial/templatetags/admin_desk.py).
    readonly_notes = {"featured": CENTRAL_CHOICE, "cover_story": CENTRAL_CHOICE}
    form = StoryForm

    class Media:
        js = [ADMIN_JS, FOCAL_POINT_JS]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("photos")

    def get_fieldsets(self, request, obj=None):
        # The video section folds away while the story has no video (most show photos); with one it is open.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not (obj.video_source or obj.external_video_id or obj.video_mp4 or obj.video_webm):
            return fieldsets
        return [
            (name, {**options, "classes": [*options.get("classes", ()), "open"]} if name == OWN_VIDEO[0] else options)
            for name, options in fieldsets
        ]

    @admin.display(description=_("Einwilligungen"))
    def consent_state(self, story: Story):
        """What the register holds for this story, with a link to record a consent."""
        if story is None or story.pk is None:
            return _("Nach dem ersten Speichern als Entwurf können Sie hier die Einwilligung erfassen.")
        story = story.draft_of or story  # a change of a published story: its consents
        records = list(Consent.objects.filter(story=story))
        if not records:
            state = _("Keine Einwilligung erfasst: Einreichen und Veröffentlichen sind erst danach möglich.")
        elif story.has_consent():
            state = _("Gültig für die Website")
            if story.has_consent(Scope.PRESS):
                state = _("Gültig für die Website und den Pressedownload (Fotos im Pressebereich)")
        else:
            state = _(
                "Nicht gültig: eine Einwilligung ist abgelaufen oder widerrufen. Die Geschichte ist nicht öffentlich."
            )
        add = (
            reverse("admin:consent_consent_add")
            + "?"
            + urlencode({"story": story.pk, "person": story.name, "kommune": story.kommune_id})
        )
        listed = reverse("admin:consent_consent_changelist") + "?" + urlencode({"story__id__exact": story.pk})
        return format_html(
            '{}<br><a href="{}">{}</a> · <a href="{}">{}</a>',
            state,
            add,
            _("Einwilligung erfassen"),
            listed,
            _("Einträge dieser Geschichte (%(count)s)") % {"count": len(records)},
        )

    @admin.display(description=_("Bild"))
    def picture(self, story: Story):
        return thumbnail(story.cover_picture)

    def get_readonly_fields(self, request, obj=None):
        # Which stories the landing page shows, and which one at its top, is the central team's choice.
        fields = [*super().get_readonly_fields(request, obj), "consent_state"]
        return fields if is_central(request.user) else [*fields, "featured", "cover_story"]


@admin.register(ExplainerVideo)
class ExplainerVideoAdmin(VideoAdminMixin, WorkflowAdmin, GermanFirstTranslationAdmin):
    list_display = ["picture", "title", "status", "publish_from", "position", "is_example"]
    list_display_links = ["title"]
    list_filter = ["status", "is_example"]
    search_fields = ["title", "teaser"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {**FILE_FIELDS, **NUMBER_FIELDS}
    fieldsets = [
        (None, {"fields": ["title", "slug", "teaser", "body"]}),
        (_("Veröffentlichung"), {"fields": [*PUBLICATION_FIELDS, "position"]}),
        *VIDEO_FIELDSETS,
    ]

    @admin.display(description=_("Bild"))
    def picture(self, video: ExplainerVideo):
        return thumbnail(video.poster_picture)


@admin.register(Topic)
class TopicAdmin(LabelledListEditable, ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
