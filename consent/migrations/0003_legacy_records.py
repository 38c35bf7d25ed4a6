"""Consent became a condition of publication (a story is public only with a valid web consent
of every person on record). So that an update does not take every existing story offline, each
story without a record gets one marked "Altbestand: Nachweis nachreichen": valid for the website,
and for the press download where a photo of the story carried the old checkbox "Für Pressezwecke
freigegeben" (stories.0006 then removes the checkbox). The admin start page lists these records
until an editor uploads the signed document and clears the mark."""

from django.db import migrations, models
from django.utils import timezone


def record_legacy(apps, schema_editor):
    db = schema_editor.connection.alias
    Story = apps.get_model("stories", "Story")
    Photo = apps.get_model("stories", "Photo")
    Consent = apps.get_model("consent", "Consent")
    with_record = set(Consent.objects.using(db).exclude(story=None).values_list("story_id", flat=True))
    press = set(Photo.objects.using(db).filter(press_cleared=True).values_list("story_id", flat=True))
    Consent.objects.using(db).bulk_create(
        Consent(
            story_id=story.pk,
            person=story.name,
            kommune_id=story.kommune_id,
            form="written",
            signed_on=timezone.localdate(story.created_at) if story.created_at else timezone.localdate(),
            scope_web=True,
            scope_press=story.pk in press,
            is_legacy=True,
            is_demo=story.is_example,
        )
        for story in Story.objects.using(db).exclude(pk__in=with_record).order_by("pk")
    )


def restore_press_checkbox(apps, schema_editor):
    db = schema_editor.connection.alias
    Consent = apps.get_model("consent", "Consent")
    Photo = apps.get_model("stories", "Photo")
    legacy = Consent.objects.using(db).filter(is_legacy=True)
    Photo.objects.using(db).filter(story_id__in=legacy.filter(scope_press=True).values("story_id")).update(
        press_cleared=True
    )
    legacy.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0002_rights"),
        ("stories", "0005_workflow_and_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="consent",
            name="is_legacy",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Beim Update für eine schon veröffentlichte Geschichte angelegt, damit sie online bleibt. "
                    "Bitte das unterschriebene Dokument hochladen und die Angaben prüfen; danach das Häkchen "
                    "entfernen."
                ),
                verbose_name="Altbestand: Nachweis nachreichen",
            ),
        ),
        migrations.RunPython(record_legacy, restore_press_checkbox),
    ]
