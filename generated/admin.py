from django.contrib import admin

from generated.models import GeneratedFile


@admin.register(GeneratedFile)
class GeneratedFileAdmin(admin.ModelAdmin):
    list_display = ["key", "size", "made_at"]
    readonly_fields = ["key", "file", "digest", "size", "made_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
