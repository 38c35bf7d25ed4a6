"""The press kit offers a story's photos when the consents cover the press download
(consent.Consent.scope_press); the checkbox on the photo is gone. consent.0003 carried every
ticked checkbox over into the story's consent record first."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0005_workflow_and_history"),
        ("consent", "0003_legacy_records"),
    ]

    operations = [migrations.RemoveField(model_name="photo", name="press_cleared")]
