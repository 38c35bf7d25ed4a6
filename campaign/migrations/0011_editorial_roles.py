"""Editorial roles: who edits which Kommune (Kommune.editors), and the two groups with their model
permissions (shared/roles.py). Reversible; users and their group memberships are not touched
beyond the groups themselves."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

KOMMUNE_EDITORS = "Redaktion Kommune"
CENTRAL_EDITORS = "Zentrale Redaktion"
# app label -> model -> actions
KOMMUNE_RIGHTS = {
    "stories": {
        "story": ["add", "change", "delete", "view"],
        "photo": ["add", "change", "delete", "view"],
        "topic": ["view"],
    },
    "campaign": {"kommune": ["change", "view"]},
}
CENTRAL_APPS = ["campaign", "stories", "press", "leitbild"]


def create_groups(apps, schema_editor):
    # Permissions are made after `migrate` by default; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    kommune, _ = Group.objects.using(db).get_or_create(name=KOMMUNE_EDITORS)
    for app_label, models_actions in KOMMUNE_RIGHTS.items():
        for model, actions in models_actions.items():
            kommune.permissions.add(
                *Permission.objects.using(db).filter(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )
    central, _ = Group.objects.using(db).get_or_create(name=CENTRAL_EDITORS)
    central.permissions.add(*Permission.objects.using(db).filter(content_type__app_label__in=CENTRAL_APPS))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name__in=[KOMMUNE_EDITORS, CENTRAL_EDITORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0010_publication_rule"),
        ("stories", "0004_publication_rule"),
        ("press", "0003_publication_rule"),
        ("leitbild", "0002_leitbild_2030"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="kommune",
            name="editors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Benutzerkonten, die die Geschichten und die Jobcenter-Seite dieser Kommune bearbeiten.",
                related_name="kommunen",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Redaktion der Kommune",
            ),
        ),
        migrations.RunPython(create_groups, remove_groups),
    ]
