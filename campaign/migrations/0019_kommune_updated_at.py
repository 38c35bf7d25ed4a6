import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("campaign", "0018_privacy_platform_videos")]

    operations = [
        migrations.AddField(
            model_name="kommune",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="Zuletzt geändert"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalkommune",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, default=django.utils.timezone.now, editable=False, verbose_name="Zuletzt geändert"
            ),
            preserve_default=False,
        ),
    ]
