"""The central team (Zentrale Redaktion) sees the background tasks in the admin (view only): the ones
waiting for a stopped worker, and those kept in the database while Redis was down (shared/taskqueue.py).
Kommune editors do not. Reversible."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CENTRAL_EDITORS = "Zentrale Redaktion"
RIGHTS = ["view_dbtaskresult"]


def rights(apps, db):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(db).filter(content_type__app_label="django_tasks_database", codename__in=RIGHTS)


def grant(apps, schema_editor):
    # Permissions are made after `migrate` by default; this migration needs them now.
    app_config = apps.get_app_config("django_tasks_database")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    db = schema_editor.connection.alias
    for group in apps.get_model("auth", "Group").objects.using(db).filter(name=CENTRAL_EDITORS):
        group.permissions.add(*rights(apps, db))


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    for group in apps.get_model("auth", "Group").objects.using(db).filter(name=CENTRAL_EDITORS):
        group.permissions.remove(*rights(apps, db))


class Migration(migrations.Migration):
    dependencies = [
        ("generated", "0001_initial"),
        ("campaign", "0011_editorial_roles"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
