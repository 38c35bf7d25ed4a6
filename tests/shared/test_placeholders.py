"""Placeholders never reach a visitor: the line or sentence is left out, an emptied block says so."""

import pytest

from campaign.models import Kommune
from press.models import PressContact
from shared import pagecache, placeholders
from tests import snapshots
from tests.press.helpers import newsroom_demo

NEUTRAL = "Die Angaben werden derzeit ergänzt."


def test_a_block_of_placeholders_becomes_the_neutral_sentence():
    html = "<p>[Platzhalter: Anschrift]<br>Telefon: [Platzhalter: Telefonnummer]</p>"
    assert placeholders.redact_html(html) == f"<p>{NEUTRAL}</p>"


def test_only_the_sentence_with_a_placeholder_goes():
    html = (
        "<p>Wir prüfen jede Seite mit axe-core. [Platzhalter: externe Prüfung] Das Datum steht unten. "
        "Protokolle löschen wir nach [Platzhalter: Frist]. Art. 77 DSGVO gilt.</p>"
    )
    assert placeholders.redact_html(html) == (
        "<p>Wir prüfen jede Seite mit axe-core. Das Datum steht unten. Art. 77 DSGVO gilt.</p>"
    )


def test_a_label_left_alone_gets_the_neutral_sentence_and_an_empty_list_item_goes():
    html = (
        "<p>Verantwortlich sind:<br>[Platzhalter: Name]<br>E-Mail: [Platzhalter: E-Mail]</p>"
        "<ul><li><p>Erstens.</p></li><li><p>[Platzhalter: weitere]</p></li></ul>"
        "<ul><li>[Platzhalter: nur das]</li></ul>"
    )
    assert placeholders.redact_html(html) == (
        f"<p>Verantwortlich sind:<br>{NEUTRAL}</p><ul><li><p>Erstens.</p></li></ul><p>{NEUTRAL}</p>"
    )


def test_plain_text_loses_the_lines_with_placeholders():
    assert placeholders.redact_text("Hausvogteiplatz 1\n[Platzhalter: Zusatz]\n10117 Berlin") == (
        "Hausvogteiplatz 1\n10117 Berlin"
    )
    assert placeholders.redact_text("[Platzhalter: Telefonnummer]") == ""
    assert placeholders.redact_text("ohne") == "ohne"


@snapshots.copied
@pytest.mark.parametrize("path", ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/presse/"])
def test_public_pages_never_show_a_raw_placeholder(client, path):
    newsroom_demo()  # the Pressespiegel's medium is a placeholder
    PressContact.objects.filter(organisation="Deutscher Städtetag").update(
        name="[Platzhalter: Name]", phone="[Platzhalter: Telefon]"
    )
    pagecache.renew()
    html = client.get(path).content.decode()
    assert "Platzhalter" not in html
    if path != "/presse/":
        assert NEUTRAL in html


@pytest.mark.django_db
def test_jobcenter_page_leaves_out_a_placeholder_field(client):
    Kommune.objects.filter(slug="kreis-dueren").update(
        phone="[Platzhalter: Telefonnummer]",
        email="info@kreis-dueren.example",
        description="Wir helfen vor Ort. [Platzhalter: mehr Text]",
    )
    pagecache.renew()
    html = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert "Platzhalter" not in html
    assert "info@kreis-dueren.example" in html and "Wir helfen vor Ort." in html
    assert ">Telefon<" not in html.split("contact-title")[1].split("</section>")[0]
