"""The central team (Zentrale Redaktion) sees failed and locked logins and unlocks them: view and
delete django-axes' AccessAttempt, view its AccessLog and AccessFailureLog. Reversible."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CENTRAL_EDITORS = "Zentrale Redaktion"
RIGHTS = ["view_accessattempt", "delete_accessattempt", "view_accesslog", "view_accessfailurelog"]


def grant(apps, schema_editor):
    # Permissions are made after `migrate` by default; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    rights = Permission.objects.using(db).filter(content_type__app_label="axes", codename__in=RIGHTS)
    for group in Group.objects.using(db).filter(name=CENTRAL_EDITORS):
        group.permissions.add(*rights)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    rights = Permission.objects.using(db).filter(content_type__app_label="axes", codename__in=RIGHTS)
    for group in Group.objects.using(db).filter(name=CENTRAL_EDITORS):
        group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("axes", "0010_accessattemptexpiration"),
        ("campaign", "0011_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
