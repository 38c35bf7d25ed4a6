"""The newsroom's tables get the press app's names (campaign_pressrelease → press_pressrelease,
the downloads table with it), and its content types follow, so that permissions and the
admin's history stay attached to the same rows."""

from django.db import migrations, models

MODELS = ["presscontact", "presscoverage", "presskititem", "pressrelease", "keyfigure"]


def move_content_types(apps, schema_editor, source="campaign", target="press"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue
        ContentType.objects.using(db).filter(app_label=source, model=model).update(app_label=target)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="press", target="campaign")


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="pressrelease", name="campaign_pressrelease_unique_number"),
        *(migrations.AlterModelTable(name=model, table=None) for model in MODELS),
        migrations.AddConstraint(
            model_name="pressrelease",
            constraint=models.UniqueConstraint(
                condition=models.Q(("number", ""), _negated=True),
                fields=("number",),
                name="press_pressrelease_unique_number",
                violation_error_message="Diese Nummer ist schon an eine andere Pressemitteilung vergeben.",
            ),
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
