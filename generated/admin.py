from django.contrib import admin

from generated.models import GeneratedFile
from shared.admin import ChangeListGuard, ModelAdmin


@admin.register(GeneratedFile)
class GeneratedFileAdmin(ModelAdmin):
    list_display = ["key", "size", "made_at"]
    readonly_fields = ["key", "path", "digest", "size", "made_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# The task backends' own admins (queued and finished tasks) list through our guarded change list too.
for model, model_admin in list(admin.site._registry.items()):
    if model._meta.app_label in ("django_tasks_database", "django_tasks_redis") and not isinstance(
        model_admin, ChangeListGuard
    ):
        guarded = type(type(model_admin).__name__, (ChangeListGuard, type(model_admin)), {})
        admin.site.unregister(model)
        admin.site.register(model, guarded)
