"""Run by `manage.py shell` on a database migrated to the nodes of main 6aaad30: puts the rows of
tests/fixtures/main-6aaad30-demo.json (that main after `load_demo`) in, through the models as
they were then, writes a stand-in for every file they name, and records each file's hash."""

import hashlib
import io
import json
import os
from collections import defaultdict
from pathlib import Path

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image

OLD_NODES = [
    ("campaign", "0008_search_entry"),
    ("stories", "0003_photo_press_clearance"),
    ("leitbild", "0002_leitbild_2030"),
]
fixture = json.loads(Path(os.environ["UPGRADE_FIXTURE"]).read_text(encoding="utf-8"))
media = Path(os.environ["MEDIA_ROOT"])
old = MigrationExecutor(connection).loader.project_state(OLD_NODES).apps


def stand_in(name: str, fields: dict) -> bytes:
    if name.endswith((".jpg", ".png")):
        size = (
            fields.get("width") or fields.get("poster_width") or 480,
            fields.get("height") or fields.get("poster_height") or 270,
        )
        buffer = io.BytesIO()
        Image.new("RGB", size, (26, 61, 165)).save(buffer, "PNG" if name.endswith(".png") else "JPEG")
        return buffer.getvalue()
    return f"stand-in for {name}".encode()


labels = list(dict.fromkeys(obj["model"] for obj in fixture))
for label in reversed(labels):  # rows that data migrations made are replaced by the dump's
    old.get_model(label).objects.all().delete()
m2m = defaultdict(list)
hashes = {}
for obj in fixture:
    model = old.get_model(obj["model"])
    values = {"pk": obj["pk"]}
    for name, value in obj["fields"].items():
        field = model._meta.get_field(name)
        if field.many_to_many:
            m2m[(obj["model"], obj["pk"])].append((name, value))
        elif field.is_relation:
            values[field.attname] = value
        else:
            values[name] = field.to_python(value)
            if field.get_internal_type() in ("FileField", "ImageField") and value:
                path = media / value
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(stand_in(value, obj["fields"]))
                hashes[value] = hashlib.sha256(path.read_bytes()).hexdigest()
    model(**values).save_base(raw=True)
for (label, pk), relations in m2m.items():
    row = old.get_model(label).objects.get(pk=pk)
    for name, value in relations:
        getattr(row, name).set(value)
Path(os.environ["UPGRADE_HASHES"]).write_text(json.dumps(hashes), encoding="utf-8")
print("loaded", len(fixture))
