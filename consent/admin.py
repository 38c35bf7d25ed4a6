"""The consent register in the admin: visible only to the editors of the collecting Kommune and
to the central team (shared.admin.KommuneScopedAdmin on every entry point). Documents are
downloaded through `<id>/dokument/`, which checks the same rights and logs every access."""

from pathlib import PurePosixPath

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from consent.models import Consent, DocumentAccess
from editorial import dashboard
from mediafiles import serving
from mediafiles.admin import FILE_FIELDS
from shared.admin import FileInput, KommuneScopedAdmin, LogAdmin, ModelAdmin


@admin.register(Consent)
class ConsentAdmin(KommuneScopedAdmin, ModelAdmin):
    list_display = ["person", "story", "kommune", "signed_on", "valid_now", "expires_on", "withdrawn_on", "is_demo"]
    list_filter = ["scope_web", "scope_press", "is_legacy", "is_demo"]
    list_select_related = ["story", "kommune"]
    search_fields = ["person", "story__name"]
    autocomplete_fields = ["story"]
    formfield_overrides = {**FILE_FIELDS}
    fieldsets = [
        (
            _("Person, Geschichte und Nachweis"),
            {"fields": ["story", "person", "kommune", "form", "document", "signed_on"]},
        ),
        (_("Wofür"), {"fields": ["scope_web", "scope_social", "scope_print", "scope_press"]}),
        (_("Was gezeigt werden darf"), {"fields": ["name_shown", "employer_shown", "health_shown", "benefits_shown"]}),
        (_("Dauer"), {"fields": ["expires_on", "review_on", "withdrawn_on"]}),
        (_("Minderjährige"), {"fields": ["is_minor", "guardian"]}),
        (_("Altbestand"), {"fields": ["is_legacy"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        # The legacy mark only where the update set it: an editor clears it once the proof is in.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_legacy:
            fieldsets = [(name, options) for name, options in fieldsets if "is_legacy" not in options["fields"]]
        return fieldsets

    @admin.display(description=_("Gilt jetzt (Website)"), boolean=True)
    def valid_now(self, consent: Consent) -> bool:
        return consent.is_valid_for("web")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        widget = form.base_fields["document"].widget if "document" in form.base_fields else None
        if isinstance(widget, FileInput) and obj is not None:
            # The private storage has no URL: „Derzeit: …“ names the document and links the logged download.
            document = FileInput(attrs=widget.attrs)
            document.link = reverse("admin:consent_consent_document", args=[obj.pk])
            form.base_fields["document"].widget = document
        return form

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # A consent names its story; adding or deleting stories is not done from here.
        widget = getattr(formfield, "widget", None)
        if db_field.name == "story" and hasattr(widget, "can_delete_related"):
            widget.can_add_related = widget.can_delete_related = widget.can_change_related = False
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "story":
            kwargs["queryset"] = self.admin_site.get_model_admin(db_field.related_model).get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def response_add(self, request, obj, post_url_continue=None):
        # Opened from a story's form ("Einwilligung erfassen"): back to that story after saving.
        response = super().response_add(request, obj, post_url_continue)
        if "_save" in request.POST and obj.story_id and str(obj.story_id) == request.GET.get("story"):
            opts = obj.story._meta
            response["Location"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.story_id])
        return response

    def get_urls(self):
        own = [
            path("<int:pk>/dokument/", self.admin_site.admin_view(self.document_view), name="consent_consent_document")
        ]
        return own + super().get_urls()

    def document_view(self, request, pk: int):
        consent = self.get_queryset(request).filter(pk=pk).first()
        if consent is None:
            raise Http404
        if not self.has_view_permission(request, consent):
            raise PermissionDenied
        if not consent.document:
            raise Http404
        DocumentAccess.objects.create(consent=consent, user=request.user, username=request.user.get_username())
        # A download named after the person and the day, sandboxed like every document (mediafiles/serving.py).
        extension = PurePosixPath(consent.document.name).suffix
        filename = f"{_('Einwilligung')} {consent.person} {consent.signed_on:%Y-%m-%d}{extension}"
        response = FileResponse(consent.document.open("rb"), as_attachment=True, filename=filename)
        response["Content-Security-Policy"] = serving.DOCUMENT_HEADERS["Content-Security-Policy"]
        response["Cache-Control"] = "private, no-store"
        return response


@dashboard.register
def expiring_panel(request) -> dashboard.Panel | None:
    """Consents that end or are due for review within 30 days (of the user's Kommunen)."""
    model_admin = admin.site.get_model_admin(Consent)
    if not model_admin.has_view_permission(request):
        return None
    panel = dashboard.Panel(
        title=_("Einwilligungen, die in 30 Tagen enden"),
        empty=_("Keine Einwilligung endet in den nächsten 30 Tagen."),
    )
    rows = model_admin.get_queryset(request).expiring(30).select_related("story").order_by("expires_on", "review_on")
    for consent in rows[: dashboard.PER_PANEL]:
        day = consent.expires_on or consent.review_on
        note = _("endet am %(date)s") if consent.expires_on else _("zu überprüfen am %(date)s")
        panel.rows.append(
            dashboard.Row(
                f"{consent.person} – {consent.story}",
                reverse("admin:consent_consent_change", args=[consent.pk]),
                str(Consent._meta.verbose_name),
                note % {"date": day.strftime("%d.%m.%Y")},
                True,
            )
        )
    return panel


@dashboard.register
def legacy_panel(request) -> dashboard.Panel | None:
    """Records made by the update for stories that were public before the register existed:
    the signed document is still to be uploaded. Shown only while there are any."""
    model_admin = admin.site.get_model_admin(Consent)
    if not model_admin.has_view_permission(request):
        return None
    rows = model_admin.get_queryset(request).filter(is_legacy=True).select_related("story").order_by("pk")
    total = rows.count()
    if not total:
        return None
    panel = dashboard.Panel(
        title=_("Altbestand: Nachweis der Einwilligung nachreichen (%(count)s)") % {"count": total},
        empty="",
        more_url=reverse("admin:consent_consent_changelist") + "?is_legacy__exact=1",
        more_text=_("Alle Einträge aus dem Altbestand"),
    )
    for consent in rows[: dashboard.PER_PANEL]:
        panel.rows.append(
            dashboard.Row(
                f"{consent.person} – {consent.story}",
                reverse("admin:consent_consent_change", args=[consent.pk]),
                str(Consent._meta.verbose_name),
                _("Dokument hochladen, Angaben prüfen"),
                True,
            )
        )
    return panel


@admin.register(DocumentAccess)
class DocumentAccessAdmin(LogAdmin, ModelAdmin):
    """The log of document downloads: read-only, for the central team (view right) and administrators."""

    list_display = ["at", "username", "consent"]
    list_select_related = ["consent"]
    search_fields = ["username", "consent__person"]
    date_hierarchy = "at"
    fields = ["at", "username", "consent"]
    readonly_fields = fields
