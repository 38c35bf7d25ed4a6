from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from campaign.models import Kommune


@admin.register(Kommune)
class KommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "land", "jobcenter_name", "website"]
    list_filter = ["land", "kind"]
    search_fields = ["name", "jobcenter_name"]
    readonly_fields = ["name", "slug", "kind", "land"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "land"]}),
        (_("Jobcenter"), {"fields": ["jobcenter_name", "website", "address", "phone", "email"]}),
    ]

    def has_add_permission(self, request) -> bool:
        # The 104 Optionskommunen are fixed by law (§ 6a SGB II); they arrive with `migrate`.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
