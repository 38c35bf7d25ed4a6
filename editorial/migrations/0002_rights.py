"""Both editorial groups may read the audit log (a Kommune editor the entries of their Kommunen:
editorial.admin.AuditEntryAdmin). Nobody may change it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Redaktion Kommune", "Zentrale Redaktion"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    permission = Permission.objects.using(db).get(content_type__app_label="editorial", codename="view_auditentry")
    for group in Group.objects.using(db).filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="editorial", codename="view_auditentry"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_initial"), ("campaign", "0011_editorial_roles")]

    operations = [migrations.RunPython(grant, revoke)]
