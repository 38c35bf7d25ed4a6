from django.contrib import admin, messages
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from campaign.forms import KommuneImportForm
from campaign.kommune_import import column_labels, import_csv, template_csv
from campaign.models import (
    BarrierReport,
    ContentPage,
    EasyLanguageSection,
    Kommune,
    LandingPage,
    Location,
    PageKey,
    SignLanguageVideo,
)
from editorial import dashboard
from editorial.admin import HistoryAdmin, WorkflowAdmin
from mediafiles.admin import FILE_FIELDS, VIDEO_FIELDSETS, VideoAdminMixin, preview
from shared.admin import NUMBER_FIELDS, AccessibleSelectFilter, ChangeListGuard, KommuneScopedAdmin, ModelAdmin
from shared.publication import PUBLICATION_FIELDS
from shared.roles import is_central
from shared.translation_admin import GermanFirstTranslationAdmin

# The accounts and groups of the editorial roles (shared/roles.py): Django's own admins, with the
# two-box selector for groups and permissions that screen readers can use.
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class UserAdmin(ChangeListGuard, AccessibleSelectFilter, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(ChangeListGuard, AccessibleSelectFilter, auth_admin.GroupAdmin):
    pass


class LocationInline(admin.StackedInline):
    """A Kommune's locations, edited on its page. They are part of the Jobcenter page, so the
    rights are the page's: whoever may change this Kommune (its editors, the central team) adds,
    changes and deletes its locations; the inline formset only ever holds this Kommune's rows."""

    model = Location
    extra = 0
    formfield_overrides = NUMBER_FIELDS  # coordinates typed „50,8043“ or „50.8043“
    fields = [
        ("name", "kind"),
        "street",
        ("postcode", "city"),
        "phone",
        "opening_hours",
        "accessibility",
        ("latitude", "longitude"),
        "position",
    ]

    def _may_change_kommune(self, request, obj) -> bool:
        return self.admin_site.get_model_admin(self.parent_model).has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.admin_site.get_model_admin(self.parent_model).has_view_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return self._may_change_kommune(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_change_kommune(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_change_kommune(request, obj)


@admin.register(Kommune)
class KommuneAdmin(KommuneScopedAdmin, AccessibleSelectFilter, WorkflowAdmin, GermanFirstTranslationAdmin):
    """The central team sees all 104; a Kommune editor only their own Jobcenter page(s).
    The central team also imports the contact data of many Kommunen at once from a CSV table."""

    kommune_path = "pk"
    list_display = ["name", "kind", "land", "jobcenter_name", "status", "website"]
    list_filter = ["status", "land", "kind"]
    authors_change_published = True
    search_fields = ["name", "jobcenter_name"]
    readonly_fields = ["name", "slug", "kind", "land"]
    filter_horizontal = ["editors"]
    inlines = [LocationInline]
    change_list_template = "admin/campaign/kommune/change_list.html"
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "land"]}),
        (_("Jobcenter"), {"fields": ["jobcenter_name", "website", "address", "phone", "email", "description"]}),
        (_("Pressekontakt"), {"fields": ["press_name", "press_phone", "press_email"]}),
        (
            _("Prüfung"),
            {
                "fields": ["status"],
                "description": _(
                    "Änderungen der Redaktion der Kommune gehen mit „Zur Prüfung“ an die Zentrale Redaktion. Bis "
                    "zur Freigabe sehen Besucher die zuletzt freigegebene Fassung der Seite."
                ),
            },
        ),
        (_("Redaktion"), {"fields": ["editors"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        # Who edits a Kommune is the central team's decision.
        fieldsets = super().get_fieldsets(request, obj)
        if is_central(request.user):
            return fieldsets
        return [(name, options) for name, options in fieldsets if "editors" not in options.get("fields", ())]

    def get_urls(self):
        # Before the default URLs, whose "<object_id>/" would take these paths.
        own = [
            path("csv-import/", self.admin_site.admin_view(self.import_view), name="campaign_kommune_import"),
            path(
                "csv-vorlage/",
                self.admin_site.admin_view(self.import_template_view),
                name="campaign_kommune_import_template",
            ),
        ]
        return own + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_import": is_central(request.user)}
        return super().changelist_view(request, extra_context)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a CSV table; all rows are saved, or none and every row's problem is shown."""
        if not is_central(request.user):
            raise PermissionDenied
        form = KommuneImportForm(request.POST or None, request.FILES or None)
        row_errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                result = import_csv(form.cleaned_data["text"])
                for kommune, changed in result.changes:
                    labels = ", ".join(str(Kommune._meta.get_field(name).verbose_name) for name in changed)
                    self.log_change(
                        request, kommune, gettext("Per CSV-Import geändert: %(fields)s.") % {"fields": labels}
                    )
            row_errors = result.errors
            if not row_errors:
                count = len(result.changes)
                if count:
                    message = ngettext(
                        "Import abgeschlossen: %(count)d Kommune geändert.",
                        "Import abgeschlossen: %(count)d Kommunen geändert.",
                        count,
                    ) % {"count": count}
                else:
                    message = gettext("Import abgeschlossen: Alle Angaben stimmten schon, keine Kommune geändert.")
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:campaign_kommune_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Kontaktdaten aus CSV importieren"),
            "form": form,
            "row_errors": row_errors,
            "columns": column_labels(),
        }
        return TemplateResponse(request, "admin/campaign/kommune/import.html", context)

    def import_template_view(self, request: HttpRequest) -> HttpResponse:
        """The CSV table of all 104 Kommunen with today's values, to fill in and import."""
        if not is_central(request.user):
            raise PermissionDenied
        response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="jobcenter-kontaktdaten.csv"'
        return response

    def has_add_permission(self, request) -> bool:
        # The 104 Optionskommunen are fixed by law (§ 6a SGB II); they arrive with `migrate`.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LandingPage)
class LandingPageAdmin(HistoryAdmin, GermanFirstTranslationAdmin):
    """One row of texts: the list goes straight to it; nobody adds or deletes the landing page."""

    fieldsets = [
        (_("Kopf"), {"fields": ["title", "claim", "lead"]}),
        (
            _("Stark. Sozial. Vor Ort."),
            {
                "fields": [
                    "claim_heading",
                    ("strong_word", "strong_text"),
                    ("social_word", "social_text"),
                    ("local_word", "local_text"),
                ]
            },
        ),
        (
            _("Kennzahlen"),
            {"fields": ["figures_heading"], "description": _("Die Zahlen selbst stehen unter „Kennzahlen“.")},
        ),
        (_("Geschichten"), {"fields": ["stories_heading", "stories_text", "stories_link_text"]}),
        (_("Presse"), {"fields": ["press_heading", "press_link_text"]}),
        (_("Jobcenter-Liste"), {"fields": ["jobcenter_heading", "jobcenter_text", "jobcenter_link_text"]}),
        (_("Leitbild"), {"fields": ["leitbild_heading", "leitbild_text", "leitbild_link_text"]}),
        (
            _("Leichte Sprache und Gebärdensprache"),
            {"fields": ["access_heading", "easy_language_text", "sign_language_text"]},
        ),
    ]

    def has_add_permission(self, request) -> bool:
        return not LandingPage.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        page = LandingPage.objects.first()
        if page is not None and self.has_view_or_change_permission(request, page):
            return HttpResponseRedirect(reverse("admin:campaign_landingpage_change", args=[page.pk]))
        return super().changelist_view(request, extra_context)


class EasyLanguageSectionInline(admin.StackedInline):
    """The Leichte-Sprache page's parts: a short text with a picture each."""

    model = EasyLanguageSection
    extra = 0
    fields = ["position", "heading", "text", "image", "image_preview", "alt_text"]
    readonly_fields = ["image_preview"]
    formfield_overrides = FILE_FIELDS

    @admin.display(description=_("Vorschau"))
    def image_preview(self, obj):
        return preview(obj.image, obj.image_jpeg_480 if obj.image else None, obj.alt_text, obj.width, obj.height)


@admin.register(ContentPage)
class ContentPageAdmin(HistoryAdmin, GermanFirstTranslationAdmin):
    """The five pages are fixed (each has its own address); editors change their texts. The
    Leichte-Sprache page has parts with pictures besides."""

    list_display = ["title", "key", "status", "last_reviewed", "updated_at"]
    fields = ["key", "title", "intro", "body", "last_reviewed", *PUBLICATION_FIELDS]
    readonly_fields = ["key"]

    def get_inlines(self, request, obj=None):
        return [EasyLanguageSectionInline] if obj is not None and obj.key == PageKey.EASY_LANGUAGE else []

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(VideoAdminMixin, ModelAdmin):
    list_display = ["title", "demo_label", "duration", "position", "status"]
    list_filter = ["status", "is_demo"]
    formfield_overrides = {**FILE_FIELDS, **NUMBER_FIELDS}
    fieldsets = [
        (None, {"fields": ["title", "position", "is_demo"]}),
        (_("Veröffentlichung"), {"fields": PUBLICATION_FIELDS}),
        *VIDEO_FIELDSETS,
    ]

    @admin.display(description=_("Demo"), ordering="is_demo")
    def demo_label(self, obj: SignLanguageVideo) -> str:
        if obj.is_demo:
            return format_html("<strong>{}</strong>", _("Demo-Inhalt – vor dem Start ersetzen"))
        return "–"


class OverdueFilter(admin.SimpleListFilter):
    title = _("Frist")
    parameter_name = "frist"

    def lookups(self, request, model_admin):
        return [("ueberfaellig", _("Überfällig")), ("offen", _("Offen, Frist läuft"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "ueberfaellig":
            return queryset.overdue(today)
        if self.value() == "offen":
            return queryset.open().filter(reply_by__gte=today)
        return queryset


@admin.register(BarrierReport)
class BarrierReportAdmin(ModelAdmin):
    list_display = ["created_at", "__str__", "location", "status", "reply_by_display", "has_contact"]
    list_filter = [OverdueFilter, "status"]
    search_fields = ["description", "location", "name", "email"]
    date_hierarchy = "created_at"
    fields = ["created_at", "reply_by", "description", "location", "name", "email", "status", "internal_note"]
    readonly_fields = ["created_at", "reply_by", "description", "location", "name", "email"]
    view_on_site = False

    def has_add_permission(self, request) -> bool:
        # Reports come from visitors through the public form only.
        return False

    @admin.display(description=_("Antwort fällig bis"), ordering="reply_by")
    def reply_by_display(self, obj: BarrierReport) -> str:
        day = date_format(obj.reply_by, "SHORT_DATE_FORMAT")
        if obj.is_overdue:
            return format_html(
                '<strong><img src="{}" alt="" width="14" height="14"> {} – {}</strong>',
                static("admin/img/icon-alert.svg"),
                day,
                _("überfällig"),
            )
        return day

    @admin.display(description=_("Kontakt angegeben"), boolean=True)
    def has_contact(self, obj: BarrierReport) -> bool:
        return bool(obj.email)


@dashboard.register
def barrier_reports_panel(request) -> dashboard.Panel | None:
    """Reports awaiting a reply, oldest deadline first (§ 12b BGG: within a month)."""
    if not request.user.has_perm("campaign.view_barrierreport"):
        return None
    panel = dashboard.Panel(
        title=_("Barriere-Meldungen ohne Antwort"),
        empty=_("Keine offene Meldung."),
        more_url=reverse("admin:campaign_barrierreport_changelist"),
        more_text=_("Alle Meldungen"),
    )
    for report in BarrierReport.objects.open().order_by("reply_by", "pk")[: dashboard.PER_PANEL]:
        day = date_format(report.reply_by, "SHORT_DATE_FORMAT")
        note = _("Antwort bis %(date)s – überfällig") if report.is_overdue else _("Antwort bis %(date)s")
        panel.rows.append(
            dashboard.Row(
                str(report),
                reverse("admin:campaign_barrierreport_change", args=[report.pk]),
                str(BarrierReport._meta.verbose_name),
                note % {"date": day},
                report.is_overdue,
            )
        )
    return panel
