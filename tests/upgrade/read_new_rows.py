"""Run by `manage.py shell` after the forward migration: every row and file name of the current
models, as JSON, for tests/upgrade/test_upgrade.py to compare with the dump of main 6aaad30."""

import json
import os
from pathlib import Path

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

LABELS = os.environ["UPGRADE_LABELS"].split(",")
out = {"rows": {}, "files": {}, "values": {}, "content_types": {}}
for label in LABELS:
    model = apps.get_model(label)
    file_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    wanted = [
        f.name
        for f in model._meta.concrete_fields
        if f.name
        in {
            "status",
            "publish_from",
            "publish_until",
            "duration",
            "poster_width",
            "poster_height",
            "poster_alt",
            "video_mp4_size",
            "video_webm_size",
            "date",
            "title",
            "name",
            "slug",
        }
    ]
    rows = list(model.objects.order_by("pk"))
    out["rows"][label] = [row.pk for row in rows]
    out["files"][label] = {str(row.pk): {f: getattr(row, f).name for f in file_fields} for row in rows}
    out["values"][label] = {
        str(row.pk): {f: (v.isoformat() if hasattr(v, "isoformat") else v) for f in wanted for v in [getattr(row, f)]}
        for row in rows
    }
for content_type in ContentType.objects.filter(model__in=[label.split(".")[1] for label in LABELS]):
    out["content_types"].setdefault(content_type.model, []).append(content_type.app_label)
# Consent became a condition of publication: what the update recorded, and whether the stories
# that were public are still answered at their old addresses.
Consent = apps.get_model("consent", "Consent")
Story = apps.get_model("stories", "Story")
out["consents"] = [
    [c.story_id, c.person, c.is_legacy, c.scope_web, c.scope_press] for c in Consent.objects.order_by("story_id")
]
out["public_stories"] = sorted(Story.objects.published().values_list("pk", flat=True))
from django.test import Client  # noqa: E402

client = Client()
out["story_pages"] = {str(story.pk): client.get(story.get_absolute_url()).status_code for story in Story.objects.all()}
out["gallery_has"] = [
    story.slug
    for story in Story.objects.all()
    if story.get_absolute_url() in client.get("/geschichten/").content.decode()
]
Path(os.environ["UPGRADE_OUT"]).write_text(json.dumps(out), encoding="utf-8")
