"""A consent counts only with its signed document or the mark „Altbestand: Nachweis nachreichen“
(issue 27; consent/models.py `valid_q`). Records the register accepted before without a document
would take their stories offline with this update: they get the mark, so that the stories stay
online and the admin start page asks for the document (consent/admin.py `legacy_panel`). Ended
records (withdrawn, expired) count for nothing anyway and are left as they are.

Reversing keeps the marks: which of them this step set is not known afterwards, and a mark only
asks for the proof."""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def mark_legacy(apps, schema_editor):
    db = schema_editor.connection.alias if schema_editor is not None else "default"
    Consent = apps.get_model("consent", "Consent")
    today = timezone.localdate()
    Consent.objects.using(db).filter(document="", is_legacy=False, withdrawn_on__isnull=True).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    ).update(is_legacy=True)


class Migration(migrations.Migration):
    dependencies = [("consent", "0006_document_heic_help")]

    operations = [migrations.RunPython(mark_legacy, migrations.RunPython.noop)]
