from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from campaign.models import BarrierReport, ContentPage, Kommune, LandingPage, SignLanguageVideo
from shared.admin import (
    FILE_FIELDS,
    VIDEO_FIELDSETS,
    AccessibleSelectFilter,
    KommuneScopedAdmin,
    VideoAdminMixin,
)
from shared.publication import PUBLICATION_FIELDS
from shared.roles import is_central

# The accounts and groups of the editorial roles (shared/roles.py): Django's own admins, with the
# two-box selector for groups and permissions that screen readers can use.
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class UserAdmin(AccessibleSelectFilter, auth_admin.UserAdmin):
    pass


@admin.register(Group)
class GroupAdmin(AccessibleSelectFilter, auth_admin.GroupAdmin):
    pass


@admin.register(Kommune)
class KommuneAdmin(KommuneScopedAdmin, AccessibleSelectFilter, admin.ModelAdmin):
    """The central team sees all 104; a Kommune editor only their own Jobcenter page(s)."""

    kommune_path = "pk"
    list_display = ["name", "kind", "land", "jobcenter_name", "website"]
    list_filter = ["land", "kind"]
    search_fields = ["name", "jobcenter_name"]
    readonly_fields = ["name", "slug", "kind", "land"]
    filter_horizontal = ["editors"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "land"]}),
        (_("Jobcenter"), {"fields": ["jobcenter_name", "website", "address", "phone", "email"]}),
        (_("Redaktion"), {"fields": ["editors"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        # Who edits a Kommune is the central team's decision.
        if is_central(request.user):
            return self.fieldsets
        return self.fieldsets[:2]

    def has_add_permission(self, request) -> bool:
        # The 104 Optionskommunen are fixed by law (§ 6a SGB II); they arrive with `migrate`.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LandingPage)
class LandingPageAdmin(admin.ModelAdmin):
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


@admin.register(ContentPage)
class ContentPageAdmin(admin.ModelAdmin):
    """The five pages are fixed (each has its own address); editors change their texts."""

    list_display = ["title", "key", "status", "last_reviewed", "updated_at"]
    fields = ["key", "title", "intro", "body", "last_reviewed", *PUBLICATION_FIELDS]
    readonly_fields = ["key"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SignLanguageVideo)
class SignLanguageVideoAdmin(VideoAdminMixin, admin.ModelAdmin):
    list_display = ["title", "demo_label", "duration", "position", "status"]
    list_filter = ["status", "is_demo"]
    formfield_overrides = FILE_FIELDS
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
class BarrierReportAdmin(admin.ModelAdmin):
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
