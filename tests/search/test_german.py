"""German search: stems, both spellings of umlauts, any-word ranking, snippets, "Meinten Sie",
the publish window and consent at query time, hostile input. Run on SQLite and PostgreSQL
(DATABASE_URL): the same cases must give the same pages on both."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from search import index, query, stemming
from search.models import SearchEntry
from shared.pagecache import renew
from tests.factories import StoryFactory, give_consent

pytestmark = pytest.mark.django_db


def results(client, q: str, **params):
    response = client.get("/suche/", {"q": q, **params})
    assert response.status_code == 200
    return response


def names(client, q: str) -> list[str]:
    return [entry.title.split(":")[0] for entry in results(client, q).context["results"].entries]


@pytest.fixture
def schlosser():
    return StoryFactory(
        name="Mehmet Werkbank",
        slug="mehmet-werkbank",
        role="Schlosser",
        teaser="Nach der Ausbildung arbeitet er als Schlosser in Düren.",
    )


@pytest.mark.parametrize("q", ["Schlossern", "schlosser", "SCHLOSSERS", "Ausbildungen", "ausbildung"])
def test_inflected_forms_find_the_stem(client, schlosser, q):
    assert "Mehmet Werkbank" in names(client, q)


@pytest.mark.parametrize("q", ["Düren", "dueren", "DÜREN", "düren", "DUEREN"])
def test_umlaut_spellings_find_the_same_story(client, schlosser, q):
    assert "Mehmet Werkbank" in names(client, q)


def test_plural_with_umlaut_finds_the_singular(client):
    StoryFactory(name="Lea Altbau", slug="lea-altbau", teaser="Sie restauriert ein altes Schloss.")
    assert "Lea Altbau" in names(client, "Schlössern")


def test_stop_words_alone_find_nothing_and_say_why(client, schlosser):
    response = results(client, "und der die")
    assert response.context["results"].total == 0
    assert "kein Wort, nach dem wir suchen können" in response.content.decode()


def test_any_word_matches_and_pages_with_all_words_come_first(client, schlosser):
    StoryFactory(name="Nur Ausbildung", slug="nur-ausbildung", teaser="Eine Ausbildung zur Köchin.")
    StoryFactory(name="Nur Schlosser", slug="nur-schlosser", teaser="Ein Schlosser aus Borken.")
    found = names(client, "Schlosser Ausbildung")
    assert found[0] == "Mehmet Werkbank"
    assert {"Nur Ausbildung", "Nur Schlosser"} <= set(found[1:])


def test_results_are_labelled_by_type(client, schlosser):
    response = results(client, "Schlosser Düren")
    html = response.content.decode()
    labels = {entry.kind: entry.label for entry in response.context["results"].entries}
    assert labels["story"] == "Geschichte" and labels["kommune"] == "Jobcenter"
    assert 'campaign-search__kind">Geschichte<' in html
    assert 'campaign-search__kind">Jobcenter<' in html


def test_snippet_marks_the_words_and_escapes_the_text(client):
    StoryFactory(
        name="Tom Zeichen",
        slug="tom-zeichen",
        role="Monteur",
        teaser="Werkzeug & Material",
        body="<p>Er sagt: 5 &lt; 7 &amp; &lt;b&gt;Schlosserei&lt;/b&gt; ist toll. Die Schlosser halten zusammen.</p>",
    )
    html = results(client, "Schlossern").content.decode()
    snippet = re.search(r'<p class="kern-body campaign-search__snippet">(.*?)</p>', html).group(1)
    assert "<mark>Schlosser</mark>" in snippet
    assert "5 &lt; 7 &amp; &lt;b&gt;Schlosserei&lt;/b&gt;" in snippet
    assert "&amp;amp;" not in html and "<b>Schlosserei" not in html
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0


def test_title_marks_the_words_and_stays_escaped(client):
    StoryFactory(name="Olga Schlosser & Co", slug="olga-schlosser", quote="A < B", teaser="Kurz.")
    html = results(client, "Schlossern").content.decode()
    assert "Olga <mark>Schlosser</mark> &amp; Co: „A &lt; B“</a>" in html


def test_paragraphs_stay_apart_in_the_snippet(client):
    StoryFactory(name="Ida Absatz", slug="ida-absatz", body="<p>Das war lang.</p><p>Eine Schlosserin erzählt.</p>")
    html = results(client, "Schlosserin").content.decode()
    assert "lang. Eine <mark>Schlosserin</mark>" in html


def test_snippet_function_is_safe_for_markup_in_the_text():
    wanted = stemming.variants("alarm")
    out = query.snippet('<script>alert("Alarm")</script> Alarm!', wanted)
    assert "<script>" not in out
    assert "<mark>Alarm</mark>" in out and "&lt;script&gt;" in out


def test_near_miss_offers_meinten_sie(client, schlosser):
    response = results(client, "Ausbilung")
    assert response.context["results"].total == 0
    assert response.context["results"].suggestion == "Ausbildung"
    html = response.content.decode()
    assert "Meinten Sie" in html and 'href="?q=Ausbildung"' in html
    assert "Mehmet Werkbank" in names(client, response.context["results"].suggestion)


def test_no_suggestion_for_nonsense(client):
    assert results(client, "qqxxzzyy").context["results"].suggestion == ""


def test_scheduled_story_appears_exactly_when_its_time_comes(client, monkeypatch):
    start = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    end = start + datetime.timedelta(days=1)
    story = StoryFactory(name="Frieda Zeitreisende", slug="frieda-zeitreisende", publish_from=start, publish_until=end)
    link = f'href="{story.get_absolute_url()}"'
    assert names(client, "Zeitreisende") == []
    # Through the page cache too (the page is read from the HTML, a cached reply has no
    # context): it renews itself at the entry's window edges.
    for moment, shown in [
        (start - datetime.timedelta(seconds=1), False),
        (start, True),
        (end - datetime.timedelta(seconds=1), True),
        (end, False),
    ]:
        monkeypatch.setattr(timezone, "now", lambda moment=moment: moment)
        html = results(client, "Zeitreisende").content.decode()
        assert (link in html) is shown, moment


def test_withdrawn_story_vanishes(client):
    story = StoryFactory(name="Gustav Widerruf", slug="gustav-widerruf")
    assert names(client, "Widerruf") == ["Gustav Widerruf"]
    consent = give_consent(story)
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    renew()
    assert names(client, "Widerruf") == []
    assert not SearchEntry.objects.filter(title__startswith="Gustav Widerruf").exists()


def test_consent_ending_later_ends_the_entry_then_without_a_job(client, monkeypatch):
    story = StoryFactory(name="Hanna Frist", slug="hanna-frist")
    give_consent(story, expires_on=timezone.localdate() + datetime.timedelta(days=10))
    story.save()
    assert names(client, "Frist") == ["Hanna Frist"]
    later = timezone.now() + datetime.timedelta(days=12)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert f'href="{story.get_absolute_url()}"' not in results(client, "Frist").content.decode()


@pytest.mark.parametrize(
    "q",
    [
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "Düren'); DELETE FROM search_searchentry; --",
        "!!! ??? ...",
        "%_%",
        "a\x00b",
        "&amp; <b>",
        "Schlosser " * 100,
        "ÄÖÜ ß",
    ],
)
def test_hostile_queries_get_a_friendly_german_page(client, q):
    response = results(client, q)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "Suche" in html and 'role="search"' in html
    assert SearchEntry.objects.filter(title="Kreis Düren").exists()


def test_only_punctuation_says_there_is_no_word(client):
    html = results(client, "!!! ???").content.decode()
    assert "kein Wort, nach dem wir suchen können" in html


def test_upgrade_fills_stems_of_existing_rows(client, schlosser):
    """Rows indexed before stemming existed get their stems from the rebuild after migrate."""
    SearchEntry.objects.update(stems="", title_stems="", vector=None, text="")
    assert names(client, "Schlossern") == []
    index.rebuild_after_migrate(sender=None)
    assert "Mehmet Werkbank" in names(client, "Schlossern")
    assert not SearchEntry.objects.filter(stems="").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's german configuration")
def test_postgresql_lexemes_equal_the_sqlite_stems(schlosser):
    """Every entry's tsvector (made by PostgreSQL) holds exactly the stems SQLite searches."""
    rows = SearchEntry.objects.values_list("title", "vector", "stems")
    assert len(rows) > 100
    for title, vector, stems in rows:
        lexemes = set(re.findall(r"'((?:[^']|'')+)'", vector))
        assert lexemes == set(stems.split()), title


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN index on PostgreSQL only")
def test_postgresql_has_a_gin_index_on_the_vector():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_searchentry_vector_gin'")
        assert "gin (vector)" in cursor.fetchone()[0]
