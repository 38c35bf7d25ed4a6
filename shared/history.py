"""Helpers for the revision history (django-simple-history) that migrations use."""

from django.utils import timezone


def record_existing(
    app_label: str,
    model_name: str,
    reason: str = "Stand bei Einführung der Versionsgeschichte",
    parent: tuple[str, str, str] | None = None,
):
    """A RunPython function: one first revision for every row that exists already, so that the
    first edit after the upgrade shows a diff and can be undone.

    A row edited inside its parent's form (a story's photo, a chapter's commitment) names the parent
    as (app label, model name, foreign key attname): its first revision is dated at the parent's
    first revision, so that comparing an older revision of the parent with today (the history, the
    status header's "changed since the published version") does not show every existing row as
    added."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        historical = apps.get_model(app_label, f"Historical{model_name}")
        names = {
            field.attname
            for field in historical._meta.concrete_fields
            if not field.name.startswith("history_") and field.attname != "history_id"
        }
        now = timezone.now()
        first_of_parent = {}
        if parent is not None:
            parent_app, parent_model, _fk = parent
            parent_history = apps.get_model(parent_app, f"Historical{parent_model}")._default_manager
            pk_name = apps.get_model(parent_app, parent_model)._meta.pk.attname
            for pk, date in parent_history.order_by("-history_date").values_list(pk_name, "history_date"):
                first_of_parent[pk] = date  # the last one written wins: the earliest
        rows = []
        for row in model._default_manager.iterator():
            values = {name: getattr(row, name) for name in names if hasattr(row, name)}
            date = first_of_parent.get(getattr(row, parent[2]), now) if parent is not None else now
            rows.append(historical(**values, history_date=date, history_type="+", history_change_reason=reason))
        historical._default_manager.bulk_create(rows, batch_size=500)

    return forwards
