"""The central team (Zentrale Redaktion) sees the outbox and sends failed mails again: view and resend
rights on OutgoingMail. Kommune editors get neither. Reversible."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CENTRAL_EDITORS = "Zentrale Redaktion"
RIGHTS = ["view_outgoingmail", "resend_outgoingmail"]


def rights(apps, db):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(db).filter(content_type__app_label="outbox", codename__in=RIGHTS)


def grant(apps, schema_editor):
    # Permissions are made after `migrate` by default; this migration needs them now.
    for app_config in apps.get_app_configs():
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
        ("outbox", "0001_initial"),
        ("campaign", "0011_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
