"""Helpers for the revision history (django-simple-history) that migrations use."""

from django.utils import timezone


def record_existing(app_label: str, model_name: str, reason: str = "Stand bei Einführung der Versionsgeschichte"):
    """A RunPython function: one first revision for every row that exists already, so that the
    first edit after the upgrade shows a diff and can be undone."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        historical = apps.get_model(app_label, f"Historical{model_name}")
        names = {
            field.attname
            for field in historical._meta.concrete_fields
            if not field.name.startswith("history_") and field.attname != "history_id"
        }
        now = timezone.now()
        rows = []
        for row in model._default_manager.iterator():
            values = {name: getattr(row, name) for name in names if hasattr(row, name)}
            rows.append(historical(**values, history_date=now, history_type="+", history_change_reason=reason))
        historical._default_manager.bulk_create(rows, batch_size=500)

    return forwards
