"""Imprint, privacy, accessibility statement, Leichte Sprache, Gebärdensprache: editable, sanitized pages."""

import importlib

import pytest
from django.apps import apps

from campaign.models import ContentPage, PageKey
from shared import placeholders
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

PAGES = {
    "/impressum/": PageKey.IMPRINT,
    "/datenschutz/": PageKey.PRIVACY,
    "/barrierefreiheit/": PageKey.ACCESSIBILITY,
    "/leichte-sprache/": PageKey.EASY_LANGUAGE,
    "/gebaerdensprache/": PageKey.SIGN_LANGUAGE,
}
initial_content = importlib.import_module("campaign.migrations.0004_initial_content")


@pytest.mark.parametrize(("path", "key"), PAGES.items())
def test_each_page_shows_its_editable_text_and_review_date(client, path, key):
    page = ContentPage.objects.get(key=key)
    assert page.get_absolute_url() == path
    html = client.get(path).content.decode()
    assert f'<h1 id="page-title" class="kern-heading-x-large">{page.title}</h1>' in html
    # The text as visitors may see it: a placeholder the editors still have to fill in is left out.
    assert placeholders.redact_html(page.body) in html
    assert "[Platzhalter" not in html
    assert 'Zuletzt geprüft am <time datetime="2026-11-21">21. November 2026</time>' in html


def test_imprint_names_its_legal_bases_and_marks_unknown_facts():
    body = ContentPage.objects.get(key=PageKey.IMPRINT).body
    assert "§ 5 Digitale-Dienste-Gesetz (DDG)" in body
    assert "§ 18 Abs. 2 Medienstaatsvertrag (MStV)" in body
    assert "[Platzhalter: Name der verantwortlichen Person]" in body
    assert "[Platzhalter: Anschrift des Deutschen Landkreistages]" in body


def test_privacy_policy_states_no_cookies_and_no_third_party_requests():
    page = ContentPage.objects.get(key=PageKey.PRIVACY)
    assert "Art. 13 DSGVO" in page.intro
    assert "<strong>keine Cookies</strong>" in page.body
    assert "<strong>keine Anfragen an andere Anbieter</strong>" in page.body
    assert "Barriere melden" in page.body
    for article in ["Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21", "Art. 77"]:
        assert article in page.body


def test_accessibility_statement_follows_the_bitv_structure():
    body = ContentPage.objects.get(key=PageKey.ACCESSIBILITY).body
    headings = [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Feedback und Kontakt",
        "Durchsetzungsverfahren: Schlichtungsstelle nach § 16 BGG",
    ]
    positions = [body.index(f"<h2>{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert "<strong>teilweise</strong>" in body
    assert "Diese Erklärung wurde am 21. November 2026 erstellt." in body
    assert '<a href="/barrierefreiheit/melden/">Barriere melden</a>' in body
    assert "Mauerstraße 53<br>10117 Berlin" in body


def test_easy_language_page_covers_offer_navigation_and_accessibility():
    body = ContentPage.objects.get(key=PageKey.EASY_LANGUAGE).body
    for heading in ["Was steht auf dieser Internet-Seite?", "So finden Sie sich zurecht", "Barriere-Freiheit"]:
        assert f"<h2>{heading}</h2>" in body
    assert '<a href="/barrierefreiheit/melden/">Barriere melden</a>' in body


def test_starting_texts_pass_the_sanitizer_unchanged():
    field = ContentPage._meta.get_field("body")
    for page in ContentPage.objects.all():
        assert field.clean(page.body, page) == page.body, page.key


def test_rich_text_is_sanitized_when_editors_save(admin_client):
    page = ContentPage.objects.get(key=PageKey.IMPRINT)
    response = admin_client.post(
        f"/admin/campaign/contentpage/{page.pk}/change/",
        {
            "title_de": "Impressum",
            "intro_de": "",
            "body_de": '<p onclick="alert(1)">Hallo <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>'
            '<iframe src="https://example.org"></iframe>',
            "body_en": "<p>Hello <script>alert(1)</script></p>",
            "last_reviewed": "01.12.2026",
            "status": "published",
            "loaded_version": page.version,
        },
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert "Hallo" in page.body
    for bad in ["<script", "onclick", "javascript:", "<iframe"]:
        assert bad not in page.body
    assert "Hello" in page.body_en and "<script" not in page.body_en  # the English copy, too
    assert page.last_reviewed.isoformat() == "2026-12-01"


@pytest.mark.parametrize("path", PAGES)
def test_content_page_query_budget(client, path):
    assert count_queries(client, path) <= 2


def test_missing_page_row_is_a_404_not_an_error(client):
    ContentPage.objects.filter(key=PageKey.IMPRINT).delete()
    assert client.get("/impressum/").status_code == 404


class TodaysApps:
    """The models of the initial-content migration as they are now: the key figures have
    moved to the press app since (press/migrations/0001_initial.py)."""

    def get_model(self, app_label: str, name: str):
        return apps.get_model("press" if name == "KeyFigure" else app_label, name)


def test_initial_content_migration_is_reversible():
    initial_content.unload(TodaysApps(), None)
    assert not ContentPage.objects.exists()
    assert not apps.get_model("campaign", "LandingPage").objects.exists()
    assert not apps.get_model("press", "KeyFigure").objects.exists()
    initial_content.load(TodaysApps(), None)
    assert ContentPage.objects.count() == 5
    assert apps.get_model("press", "KeyFigure").objects.count() == 4
