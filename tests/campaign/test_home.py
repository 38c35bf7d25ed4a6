"""The landing page: claim, key figures with source and Stand, teasers, entries to the accessible pages."""

import pytest

from campaign.models import LandingPage
from press.models import KeyFigure
from shared.publication import Status
from tests.campaign.seeds import in_seeds
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

SEED_FIELDS = ["lead", "strong_text", "social_text", "local_text", "leitbild_text", "jobcenter_text"]


def test_claim_and_its_explanations_come_word_for_word_from_the_seeds():
    landing = LandingPage.objects.get()
    assert (landing.strong_word, landing.social_word, landing.local_word) == ("Stark.", "Sozial.", "Vor Ort.")
    for field in SEED_FIELDS:
        assert in_seeds(getattr(landing, field)), field


def test_home_shows_the_claim_words_with_their_explanations(client):
    html = client.get("/").content.decode()
    landing = LandingPage.objects.get()
    assert "Stark. Sozial. Vor Ort." in html
    for word, text in landing.claim_words():
        assert f">{word}</h3>" in html
        assert text in html


def test_the_four_key_figures_with_source_and_stand(client):
    figures = list(KeyFigure.objects.published().values_list("value", "label", "source", "as_of"))
    assert [value for value, *_ in figures] == ["104", "1,5 Mio.", "mehr als 250.000", "mehr als 22 Mio."]
    for value, _label, source, as_of in figures:
        assert in_seeds(value)
        assert source == "Strategisches Leitbild der kommunalen Jobcenter 2030"
        assert as_of == "November 2020"
    html = client.get("/").content.decode()
    assert html.count("Quelle:") == 4
    assert html.count("Stand: November 2020") == 4
    for value, label, _source, _as_of in figures:
        assert f">{value}</p>" in html
        assert label in html


def test_home_links_the_five_legal_and_accessibility_pages(client):
    html = client.get("/").content.decode()
    for path in ["/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/", "/gebaerdensprache/"]:
        assert f'href="{path}"' in html, path
    assert 'href="/barrierefreiheit/melden/"' in html


def test_home_leads_into_the_jobcenter_list_and_the_leitbild(client):
    html = client.get("/").content.decode()
    assert 'href="/jobcenter/"' in html
    assert 'action="/jobcenter/"' in html
    assert 'href="/leitbild/"' in html


def test_editors_change_texts_and_figures(client):
    landing = LandingPage.objects.get()
    landing.strong_text = "Ein neuer Text der Redaktion."
    landing.save()
    KeyFigure.objects.filter(value="104").update(status=Status.DRAFT)
    KeyFigure.objects.create(value="42", label="neue Kennzahl", source="Eigene Erhebung", as_of="Mai 2027", position=0)
    html = client.get("/").content.decode()
    assert "Ein neuer Text der Redaktion." in html
    assert ">104</p>" not in html
    assert html.index(">42</p>") < html.index(">1,5 Mio.</p>")
    assert "Stand: Mai 2027" in html


def test_key_figure_source_link_is_shown_when_given(client):
    KeyFigure.objects.filter(value="104").update(source_url="/leitbild/")
    html = client.get("/").content.decode()
    assert '<a class="kern-link" href="/leitbild/">Strategisches Leitbild der kommunalen Jobcenter 2030</a>' in html


def test_home_without_landing_texts_still_answers(client):
    LandingPage.objects.all().delete()
    response = client.get("/")
    assert response.status_code == 200
    assert "Stark. Sozial. Vor Ort." in response.content.decode()


def test_home_query_budget_does_not_grow_with_the_figures(client):
    few = count_queries(client, "/")
    KeyFigure.objects.bulk_create(
        [KeyFigure(value=str(n), label="Zahl", source="Quelle", as_of="2027", position=10 + n) for n in range(20)]
    )
    assert count_queries(client, "/") == few <= 4  # landing texts, figures, stories, press releases
