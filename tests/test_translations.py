"""German everywhere in the admin: our supplement to Django's German catalogue (locale/de/).

Django 6.1's German translation lacks strings that 6.1 introduced (the empty choice, the
action button, the filter and search landmarks, the calendar's labels, ...). The project's
catalogue fills them in. The .mo files are build products of scripts/compile_messages.py (pure
Python, since CI machines may lack gettext; run by make and tests/conftest.py), so a test makes sure
they match their .po files, here and for the English interface (locale/en/).
"""

import ast
import gettext
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import translation

from tests.factories import PhotoFactory, StoryFactory

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "de" / "LC_MESSAGES"
CATALOGUES = ["django", "djangojs"]
COMPILED = [LOCALE / "django", LOCALE / "djangojs", LOCALE.parent.parent / "en" / "LC_MESSAGES" / "django"]

# What Django 6.1 shows in English in these pages without our catalogue.
ENGLISH_LEFTOVERS = [
    "- Select an option -",
    ">Run<",
    "Filter by ",
    "Search Geschichten",
    'alt="Search"',
    "Pagination ",
    "Select an option",
]


def parse_po(path: Path) -> dict:
    """The translations a .po file holds, keyed as GNUTranslations keys its catalogue:
    "context\\x04msgid" or msgid, and (msgid, n) for plural forms. Like msgfmt, this skips
    the header, fuzzy and obsolete entries and empty translations."""
    catalogue = {}
    for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        lines = [line for line in block.splitlines() if line.strip()]
        if any(line.startswith("#,") and "fuzzy" in line for line in lines):
            continue
        fields: dict[str, str] = {}
        key = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        msgid = fields.get("msgid")
        if not msgid:
            continue
        if "msgctxt" in fields:
            msgid = f"{fields['msgctxt']}\x04{msgid}"
        if "msgid_plural" in fields:
            forms = {int(k[7:-1]): v for k, v in fields.items() if k.startswith("msgstr[")}
            if all(forms.values()):
                catalogue.update({(msgid, n): text for n, text in forms.items()})
        elif fields.get("msgstr"):
            catalogue[msgid] = fields["msgstr"]
    return catalogue


@pytest.mark.parametrize("catalogue", COMPILED, ids=lambda path: f"{path.parent.parent.name}-{path.name}")
def test_compiled_mo_file_matches_its_po_file(catalogue):
    po = parse_po(catalogue.with_suffix(".po"))
    assert po, f"{catalogue}.po holds no translations"
    with open(catalogue.with_suffix(".mo"), "rb") as mo_file:
        mo = gettext.GNUTranslations(mo_file)._catalog
    mo.pop("", None)  # the header
    assert mo == po, f"{catalogue}.mo is out of date: run `python scripts/compile_messages.py --force`"


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", COMPILED, ids=lambda path: f"{path.parent.parent.name}-{path.name}")
def test_pure_python_compiler_matches_msgfmt(catalogue, tmp_path):
    from scripts.compile_messages import mo_bytes
    from scripts.compile_messages import parse_po as compile_parse

    reference = tmp_path / "reference.mo"
    subprocess.run([shutil.which("msgfmt"), "-o", reference, catalogue.with_suffix(".po")], check=True)
    ours = tmp_path / "ours.mo"
    ours.write_bytes(mo_bytes(compile_parse(catalogue.with_suffix(".po").read_text(encoding="utf-8"))))
    with open(reference, "rb") as a, open(ours, "rb") as b:
        expected, got = gettext.GNUTranslations(a), gettext.GNUTranslations(b)
    assert got._catalog.keys() == expected._catalog.keys()
    assert {k: v for k, v in got._catalog.items() if k} == {k: v for k, v in expected._catalog.items() if k}
    assert got.plural(2) == expected.plural(2) and got.plural(1) == expected.plural(1)


@pytest.fixture
def german():
    with translation.override("de"):
        yield


def assert_no_english(html: str, page: str) -> None:
    found = [text for text in ENGLISH_LEFTOVERS if text in html]
    assert not found, f"English in {page}: {found}"


@pytest.mark.django_db
def test_story_change_list_with_actions_filters_and_search_is_german(admin_client, german):
    StoryFactory(name="Dora Dürenerin")
    html = admin_client.get("/admin/stories/story/").content.decode()
    assert 'name="action"' in html  # the actions bar is there
    assert "– Bitte auswählen –" in html
    assert ">Ausführen<" in html
    assert "Nach Sichtbar ab filtern" in html
    assert "Geschichten durchsuchen" in html
    assert 'alt="Suchen"' in html
    assert_no_english(html, "the story change list")


@pytest.mark.django_db
def test_change_forms_with_choice_fields_and_file_inputs_are_german(admin_client, german):
    story = StoryFactory()
    PhotoFactory(story=story)
    for url in [
        "/admin/stories/story/add/",
        f"/admin/stories/story/{story.pk}/change/",
        "/admin/stories/explainervideo/add/",
    ]:
        html = admin_client.get(url).content.decode()
        assert "– Bitte auswählen –" in html, url
        assert_no_english(html, url)


@pytest.mark.django_db
def test_user_admin_explains_password_login_in_german(admin_client, admin_user, german):
    change = admin_client.get(f"/admin/auth/user/{admin_user.pk}/change/").content.decode()
    assert "Passwort zurücksetzen" in change
    assert "Raw passwords are not stored" not in change
    password = admin_client.get(f"/admin/auth/user/{admin_user.pk}/password/").content.decode()
    assert "Anmeldung mit Passwort deaktivieren" in password
    for english in ["Password-based authentication", "password-based authentication", "Enabled", "Disabled"]:
        assert english not in password


@pytest.mark.django_db
def test_admin_javascript_catalogue_carries_the_german_supplement(admin_client, german):
    """The calendar, the time zone note, the two-box selector and the rich-text editor's dialogs
    take their texts from the admin's JavaScript catalogue."""
    body = admin_client.get("/admin/jsi18n/").content.decode()
    served = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", body, re.S).group(1))
    ours = parse_po(LOCALE / "djangojs.po")
    for msgid, text in ours.items():
        if isinstance(msgid, tuple):
            msgid, n = msgid
            assert served[msgid][n] == text
        else:
            assert served[msgid] == text
    assert served["Today (%(date)s)"] == "Heute (%(date)s)"
