"""/datenschutz/personen-in-geschichten/: the privacy statement for the people in our stories,
written from the register's own rules (field and scope labels, the proof period), reached from
the Datenschutz page and the sitemap; no form, no cookie, no query."""

import pytest

from consent.models import Consent, Form, NameShown, Scope
from consent.views import INTERNAL_FIELDS, PURPOSES, SCOPE_FIELDS_TOLD_AS_PURPOSES, SCOPE_USES, STORED
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

URL = "/datenschutz/personen-in-geschichten/"
TITLE = "Personen in unseren Geschichten: Ihre Daten und Ihre Einwilligung"


@pytest.fixture
def html(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_page_answers_in_german_with_its_title_and_the_way_back_to_datenschutz(html):
    assert '<html lang="de"' in html
    assert f'<h1 id="page-title" class="kern-heading-x-large">{TITLE}</h1>' in html
    assert f"<title>{TITLE} – " in html
    assert '<a class="kern-link" href="/datenschutz/">Datenschutz</a>' in html
    assert '<span aria-current="page">Personen in unseren Geschichten</span>' in html


def test_page_names_every_scope_and_what_may_be_shown_with_the_registers_labels(html):
    for scope in Scope:
        assert f"<strong>{scope.label}:</strong> {SCOPE_USES[scope]}" in html
    for label in [*Form.labels, *NameShown.labels]:
        assert str(label) in html
    for name, _text in STORED:
        label = "Zwecke" if name == PURPOSES else Consent._meta.get_field(name).verbose_name
        assert f"<strong>{label}:</strong>" in html
    assert "<strong>Zwecke:</strong> Website, Soziale Medien, Druck oder Pressedownload" in html


def test_every_field_of_the_register_is_told_or_internal_bookkeeping():
    told = {name for name, _text in STORED} - {PURPOSES} | SCOPE_FIELDS_TOLD_AS_PURPOSES | INTERNAL_FIELDS
    assert {field.name for field in Consent._meta.concrete_fields} == told


def test_page_says_who_sees_the_document_and_that_access_is_logged(html):
    assert "Das unterschriebene Dokument ist nicht öffentlich gespeichert." in html
    assert "die Redaktion des Jobcenters, das Ihre Einwilligung eingeholt hat," in html
    assert "die Zentrale Redaktion der Kampagne." in html
    assert "Jeder Abruf des Dokuments wird protokolliert." in html


def test_page_names_the_legal_frame(html):
    for basis in ["Art. 6 Abs. 1 Buchst. a DSGVO", "Art. 9 Abs. 2 Buchst. a DSGVO", "§ 67b SGB X", "§ 22 Kunst"]:
        assert basis in html
    assert "Der Widerruf gilt für die Zukunft (Art. 7 Abs. 3 DSGVO)." in html


def test_proof_period_comes_from_the_setting(client, settings):
    assert settings.CONSENT_PROOF_YEARS == 3
    assert "noch 3 Jahre nach dem Ende Ihrer Einwilligung" in client.get(URL).content.decode()
    settings.CONSENT_PROOF_YEARS = 5
    assert "noch 5 Jahre nach dem Ende Ihrer Einwilligung" in client.get(URL).content.decode()
    settings.CONSENT_PROOF_YEARS = 1
    assert "noch 1 Jahr nach dem Ende Ihrer Einwilligung" in client.get(URL).content.decode()


def test_withdrawal_goes_to_the_jobcenter_without_a_form_or_social_data(html):
    assert "jederzeit widerrufen. Sie müssen keine Gründe nennen." in html
    assert '<a class="kern-link" href="/jobcenter/">Liste der kommunalen Jobcenter</a>' in html
    assert "Sie müssen dafür keine Angaben zu Leistungen machen." in html
    assert "<form" not in html
    assert "<input" not in html


def test_page_sets_no_cookie_and_reads_no_row(client):
    response = client.get(URL)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    assert count_queries(client, URL) == 0


def test_datenschutz_page_links_to_the_statement(client):
    html = client.get("/datenschutz/").content.decode()
    assert f'<a class="kern-link" href="{URL}">{TITLE}</a>' in html


def test_statement_is_in_the_sitemap(client):
    assert f"<loc>http://testserver{URL}</loc>".encode() in client.get("/sitemap.xml").content
