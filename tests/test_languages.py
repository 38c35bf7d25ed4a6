"""The English interface (issue 14): German at the root, English under /en/, chosen by the URL
alone (no cookie, no Accept-Language), a language switch and hreflang alternates on every page,
and every interface string of the public pages translated."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

EN_PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', response.content.decode()).group(1, 2)


def test_english_home_page_speaks_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_lang(response) == ("en", "ltr")
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert "Skip to content" in html
    assert "Zum Inhalt springen" not in html


def test_root_stays_german_whatever_the_browser_prefers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9", HTTP_COOKIE="django_language=en")
    assert response.status_code == 200
    assert html_lang(response) == ("de", "ltr")
    assert response["Content-Language"] == "de"
    assert "Zum Inhalt springen" in response.content.decode()
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("path", ["/", "/en/", "/en/geschichten/", "/en/jobcenter/"])
def test_no_language_cookie_for_visitors(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_admin_stays_german_for_an_english_browser(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(response)[0] == "de"
    assert client.get("/en/admin/").status_code == 404


def test_english_pages_keep_the_german_slugs(client):
    story = StoryFactory()
    assert client.get(f"/en/geschichten/{story.slug}/").status_code == 200
    assert client.get("/en/jobcenter/kreis-dueren/").status_code == 200
    assert client.get("/en/leitbild/").status_code == 200


def test_english_page_not_found_is_english(client):
    response = client.get("/en/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_language_switch_links_to_the_same_page_in_the_other_language(client):
    german = client.get("/jobcenter/?land=hessen").content.decode()
    assert 'href="/en/jobcenter/" lang="en" hreflang="en">English</a>' in german
    english = client.get("/en/jobcenter/?land=hessen").content.decode()
    assert 'href="/jobcenter/" lang="de" hreflang="de">Deutsch</a>' in english
    assert '<span lang="en" aria-current="true">English</span>' in english


def test_hreflang_alternates_name_every_language_and_the_default(client):
    html = client.get("/en/geschichten/").content.decode()
    assert '<link rel="alternate" hreflang="de" href="http://testserver/geschichten/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/geschichten/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/geschichten/">' in html


def test_page_not_found_has_no_alternates_and_switches_to_the_home_page(client):
    html = client.get("/en/gibt-es-nicht/").content.decode()
    assert 'hreflang="x-default"' not in html
    assert 'href="/" lang="de" hreflang="de">Deutsch</a>' in html


def test_pages_of_both_languages_are_cached_apart(client):
    assert "Skip to content" in client.get("/en/geschichten/").content.decode()
    assert "Zum Inhalt springen" in client.get("/geschichten/").content.decode()
    again = client.get("/en/geschichten/")
    assert again["X-Page-Cache"] == "hit"
    assert "Skip to content" in again.content.decode()


PUBLIC_TEMPLATE_SKIP = ("admin/", "accounts/", "simple_history/")
GETTEXT_CALL = re.compile(r"\b(gettext|ngettext|pgettext|npgettext)\(((?:u'(?:[^'\\]|\\.)*'(?:, )?)+)")
LITERAL = re.compile(r"u'(?:[^'\\]|\\.)*'")


def is_public_template(ref: str) -> bool:
    return (
        ref.startswith("templates/")
        and not ref.removeprefix("templates/").startswith(PUBLIC_TEMPLATE_SKIP)
        and "_pdf" not in ref
    )


def english_catalogue() -> dict[str, tuple[str, list[str]]]:
    """Every entry of the English .po: key (msgctxt\\x04msgid, as in a .mo) -> (references,
    translations). A fuzzy translation counts as none: it is not compiled."""
    entries = {}
    for block in re.split(r"\n\s*\n", EN_PO.read_text(encoding="utf-8")):
        lines = block.splitlines()
        refs = " ".join(line[2:] for line in lines if line.startswith("#:")).split()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, key = {}, None
        for line in lines:
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$', line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if not fields.get("msgid"):
            continue
        msgstrs = [value for name, value in fields.items() if name.startswith("msgstr")]
        if fuzzy:
            msgstrs = [""] * len(msgstrs)
        context = fields.get("msgctxt")
        entries[f"{context}\x04{fields['msgid']}" if context is not None else fields["msgid"]] = (refs, msgstrs)
    return entries


def public_msgids() -> dict[str, str]:
    """msgid -> msgstr (empty when missing or fuzzy; the first empty one of a plural) of the English
    catalogue for every string that a public template uses (not the admin's, the sign-in pages'
    or the PDFs')."""
    return {
        msgid: next((msgstr for msgstr in msgstrs if not msgstr), msgstrs[0] if msgstrs else "")
        for msgid, (refs, msgstrs) in english_catalogue().items()
        if any(is_public_template(ref) for ref in refs)
    }


def template_msgids(source: str) -> set[str]:
    """The msgids (with msgctxt\\x04 like the catalogue keys) of {% translate %} and
    {% blocktranslate %} in a template, found the way makemessages finds them (templatize)."""
    from django.utils.translation.template import templatize

    found = set()
    for function, arguments in GETTEXT_CALL.findall(templatize(source)):
        strings = [ast.literal_eval(literal) for literal in LITERAL.findall(arguments)]
        if function in ("pgettext", "npgettext"):
            found.add(f"{strings[0]}\x04{strings[1]}")
        else:
            found.add(strings[0])
    return found


def test_template_msgids_finds_translate_and_blocktranslate():
    source = (
        '{% load i18n %}{% translate "Menü" %}{% translate \'Suche\' context "Knopf" %}'
        "{% blocktranslate trimmed with name=x %}Hallo\n {{ name }}{% endblocktranslate %}"
        "{% blocktranslate count counter=n %}{{ counter }} Geschichte{% plural %}{{ counter }} "
        "Geschichten{% endblocktranslate %}"
    )
    assert template_msgids(source) == {"Menü", "Knopf\x04Suche", "Hallo %(name)s", "%(counter)s Geschichte"}


def test_every_string_of_the_public_templates_has_an_english_translation():
    entries = public_msgids()
    assert len(entries) > 150
    untranslated = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert not untranslated, untranslated


def test_no_string_of_a_public_template_is_missing_from_the_english_catalogue():
    """Catches a new {% translate %} before `make messages` has put it into the .po."""
    catalogue = english_catalogue()
    templates = Path(settings.BASE_DIR) / "templates"
    missing, untranslated = [], []
    for path in sorted(templates.rglob("*.html")):
        relative = path.relative_to(settings.BASE_DIR).as_posix()
        if not is_public_template(relative):
            continue
        for msgid in template_msgids(path.read_text(encoding="utf-8")):
            if msgid not in catalogue:
                missing.append((relative, msgid))
            elif not all(catalogue[msgid][1]):
                untranslated.append((relative, msgid))
    assert not missing, f"not in locale/en/LC_MESSAGES/django.po, run `make messages`: {missing}"
    assert not untranslated, untranslated


def test_german_content_inside_an_english_page_is_marked_german(client):
    story = StoryFactory(teaser="Ein kurzer Text über den Weg in Arbeit.")
    english = client.get(f"/en/geschichten/{story.slug}/").content.decode()
    assert re.search(r'<p class="kern-body kern-body--large" lang="de">Ein kurzer Text', english)
    german = client.get(f"/geschichten/{story.slug}/").content.decode()
    assert 'lang="de">' not in german.replace('hreflang="de">', "")


def test_english_leitbild_chapter_marks_its_german_text(client):
    html = client.get("/en/leitbild/").content.decode()
    assert re.search(r'id="leitbild-titel" lang="de">', html)
    assert "The chapters" in html


def test_translated_content_field_needs_no_german_mark():
    from django.utils import translation

    from shared.languages import lang_of

    class Translated:
        title_en = "Strong. Social. Local."

    with translation.override("en"):
        assert lang_of(Translated(), "title") == ""
        assert lang_of(Translated(), "lead") == ' lang="de"'
    with translation.override("de"):
        assert lang_of(Translated(), "lead") == ""
