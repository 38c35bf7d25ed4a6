"""A site that runs today's main (6aaad30) with its demo content migrates forward to this code
with every row and every file intact: the newsroom moves to the press app, the search index to
the search app, publication becomes one rule, and the sign-language video becomes a VideoMedia.

The database is a fresh one beside the test database (SQLite file, or a new PostgreSQL database
when the suite runs on PostgreSQL), driven through `manage.py` as an operator would."""

import datetime
import json
import os
import subprocess
import sys
import uuid
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
FIXTURE = ROOT / "tests" / "fixtures" / "main-6aaad30-demo.json"
MOVED = {"pressrelease", "presscoverage", "presscontact", "presskititem", "keyfigure"}
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def new_label(old_label: str) -> str:
    _app, model = old_label.split(".")
    return f"press.{model}" if model in MOVED else old_label


@pytest.fixture
def database_url(tmp_path):
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    import psycopg

    name = f"kjc_upgrade_{uuid.uuid4().hex[:12]}"
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    auth = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    yield f"postgres://{auth}{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_database_of_main_with_demo_content_migrates_forward_with_every_row_and_file(tmp_path, database_url):
    media = tmp_path / "upgrade-media"
    media.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "REDIS_URL": "",
        "UPGRADE_FIXTURE": str(FIXTURE),
        "UPGRADE_HASHES": str(tmp_path / "hashes.json"),
        "UPGRADE_OUT": str(tmp_path / "new.json"),
    }
    for app in ["contenttypes", "auth", "admin", "sessions"]:
        manage(env, "migrate", app, "--noinput", "-v0")
    for app, node in [
        ("campaign", "0008_search_entry"),
        ("stories", "0003_photo_press_clearance"),
        ("leitbild", "0002_leitbild_2030"),
    ]:
        manage(env, "migrate", app, node, "--noinput", "-v0")
    manage(env, "shell", "-c", (HERE / "load_old_rows.py").read_text(encoding="utf-8"))

    manage(env, "migrate", "--noinput", "-v0")  # what an operator runs after the update

    dump = json.loads(FIXTURE.read_text(encoding="utf-8"))
    old_rows: dict[str, dict[int, dict]] = {}
    for obj in dump:
        old_rows.setdefault(new_label(obj["model"]), {})[obj["pk"]] = obj["fields"]
    env["UPGRADE_LABELS"] = ",".join(old_rows)
    manage(env, "shell", "-c", (HERE / "read_new_rows.py").read_text(encoding="utf-8"))
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    hashes = json.loads((tmp_path / "hashes.json").read_text(encoding="utf-8"))

    # Every row is still there, under its own primary key.
    for label, rows in old_rows.items():
        assert new["rows"][label] == sorted(rows), label

    # Every file a row named is still named by that row, and unchanged on disk.
    named_after = {
        name for rows in new["files"].values() for fields in rows.values() for name in fields.values() if name
    }
    assert named_after == set(hashes)
    import hashlib

    for name, digest in hashes.items():
        assert hashlib.sha256((media / name).read_bytes()).hexdigest() == digest, name

    # Publication: checkboxes became statuses, dates became the start of the window.
    for label in ["press.keyfigure", "press.presscontact", "press.presscoverage", "press.presskititem"]:
        for pk, fields in old_rows[label].items():
            assert new["values"][label][str(pk)]["status"] == ("published" if fields["published"] else "draft")
    for pk, fields in old_rows["press.pressrelease"].items():
        values = new["values"]["press.pressrelease"][str(pk)]
        assert values["status"] == ("published" if fields["published"] else "draft")
        start = datetime.datetime.combine(datetime.date.fromisoformat(fields["date"]), datetime.time.min, BERLIN)
        assert datetime.datetime.fromisoformat(values["publish_from"]) == start
    for label in ["stories.story", "stories.explainervideo"]:
        for pk, fields in old_rows[label].items():
            values = new["values"][label][str(pk)]
            assert values["status"] == fields["status"]
            start = datetime.datetime.combine(
                datetime.date.fromisoformat(fields["published_at"]), datetime.time.min, BERLIN
            )
            assert datetime.datetime.fromisoformat(values["publish_from"]) == start

    # The sign-language video: one video model now.
    for pk, fields in old_rows["campaign.signlanguagevideo"].items():
        files = new["files"]["campaign.signlanguagevideo"][str(pk)]
        values = new["values"]["campaign.signlanguagevideo"][str(pk)]
        assert files["video_mp4"] == fields["video"] and files["video_webm"] == ""
        assert files["poster"] == fields["poster"] and files["captions"] == fields["captions"]
        assert values["video_mp4_size"] == fields["video_size"]
        assert values["duration"] == 10 and fields["duration"] == "00:00:10"
        assert values["poster_width"] == 480 and values["poster_alt"]
        assert values["status"] == ("published" if fields["published"] else "draft")

    # Consent: every story got a legacy record, valid for the web, for the press where a photo was
    # cleared; the stories that were public stay public at their old addresses.
    cleared = {fields["story"] for fields in old_rows["stories.photo"].values() if fields["press_cleared"]}
    assert new["consents"] == [
        [pk, fields["name"], True, True, pk in cleared] for pk, fields in sorted(old_rows["stories.story"].items())
    ]
    was_public = sorted(pk for pk, fields in old_rows["stories.story"].items() if fields["status"] == "published")
    assert was_public and new["public_stories"] == was_public
    assert all(new["story_pages"][str(pk)] == 200 for pk in was_public)
    assert len(new["gallery_has"]) >= min(len(was_public), 12)

    # Permissions and admin history follow the moved models.
    for model in MOVED:
        assert new["content_types"][model] == ["press"]
