"""Rights on the register: a Kommune's editors record and update the consents their Kommune
collected (consent.admin.ConsentAdmin narrows them to those); the central team may do everything.
Nobody but an administrator deletes a record: a withdrawal is a date, the record stays as proof."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = {
    "Redaktion Kommune": ["add_consent", "change_consent", "view_consent"],
    "Zentrale Redaktion": ["add_consent", "change_consent", "view_consent", "view_documentaccess"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for name, codenames in RIGHTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.using(db).filter(content_type__app_label="consent", codename__in=codenames)
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.using(schema_editor.connection.alias).filter(content_type__app_label="consent").delete()


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_register"), ("campaign", "0011_editorial_roles")]

    operations = [migrations.RunPython(grant, revoke)]
