"""The site search /suche/: folding, every kind, publication, signals, index after migrate, queries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaign.models import ContentPage
from leitbild.models import Chapter, Commitment, Leitbild
from search import index, stemming
from search.models import SearchEntry
from shared.publication import Status
from shared.search import fold
from stories.models import Story
from tests import snapshots
from tests.factories import ExplainerVideoFactory, PressReleaseFactory, StoryFactory, kommune
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def entry(**fields) -> SearchEntry:
    """An index entry made directly, with its stems and (on PostgreSQL) its vector."""
    fields = {"kind": "story", "kind_order": 0, "url": "/", **fields}
    title = fields["title"]
    text = fields.pop("text", "")
    made = SearchEntry.objects.create(
        **fields,
        text=text,
        folded_title=fold(title),
        folded_text=fold(f"{title} {text}"),
        title_stems=stemming.stems(title),
        stems=stemming.stems(f"{title} {text}"),
    )
    index.fill_vectors([made])
    return made


def titles(client, query: str) -> list[str]:
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    return [entry.title for entry in response.context["results"].entries]


@pytest.mark.parametrize("query", ["dueren", "DÜREN", "Düren", "düren", "Kreis Dueren"])
def test_umlauts_and_case_are_folded(client, query):
    assert "Kreis Düren" in titles(client, query)


def test_lowercase_finds_capitalised_word(client):
    StoryFactory(name="Anna Beispiel", teaser="Sie hat eine Ausbildung zur Köchin begonnen.")
    assert any(title.startswith("Anna Beispiel") for title in titles(client, "ausbildung"))


def test_sharp_s_is_folded(client):
    StoryFactory(name="Grete Strauß", teaser="Eine Geschichte.")
    assert any(title.startswith("Grete Strauß") for title in titles(client, "STRAUSS"))


def test_any_word_matches_and_all_words_rank_first(client):
    found = titles(client, "kreis düren")
    assert found[0] == "Kreis Düren"
    assert "Kreis Borken" in found
    assert titles(client, "düren qqqxyz")[0] == "Kreis Düren"


@pytest.mark.parametrize(
    ("make", "query", "kind"),
    [
        (lambda: StoryFactory(name="Zora Suchtest", teaser="Ein Kurztext."), "suchtest", "story"),
        (lambda: ExplainerVideoFactory(title="Wohngeld suchbar erklärt", video=False), "suchbar", "explainer"),
        (lambda: PressReleaseFactory(title="Pressesuche funktioniert"), "pressesuche", "press"),
        (lambda: None, "Landeshauptstadt Stuttgart", "kommune"),
        (lambda: None, "Impressum", "page"),
        (lambda: None, "Gebärdensprache", "page"),
        (lambda: None, "Leichte Sprache", "page"),
    ],
    ids=["story", "explainer", "press", "kommune", "imprint", "sign-language", "easy-language"],
)
def test_each_kind_is_found_and_labelled(client, make, query, kind):
    make()
    response = client.get("/suche/", {"q": query})
    kinds = [entry.kind for entry in response.context["results"].entries]
    assert kind in kinds
    assert dict(index.kinds())[kind] in response.content.decode()


def test_leitbild_chapters_commitments_and_preamble_are_found(client):
    chapter = Chapter.objects.filter(kind="chapter").order_by("position").first()
    commitment = chapter.commitments.first()
    words = " ".join(commitment.text.split()[:4])
    response = client.get("/suche/", {"q": words})
    assert chapter.get_absolute_url() in [entry.url for entry in response.context["results"].entries]
    leitbild = Leitbild.objects.current()
    point = leitbild.points.first()
    response = client.get("/suche/", {"q": " ".join(point.text.split()[:4])})
    assert leitbild.get_absolute_url() in [entry.url for entry in response.context["results"].entries]


def test_result_has_link_kind_and_plain_excerpt(client):
    StoryFactory(name="Ella Auszug", teaser="Sie arbeitet jetzt in der Pflege.", body="<p><b>Fett</b> gedruckt</p>")
    story = Story.objects.get(name="Ella Auszug")
    html = client.get("/suche/", {"q": "ella auszug"}).content.decode()
    assert f'href="{story.get_absolute_url()}"' in html
    assert "Sie arbeitet jetzt in der Pflege." in html
    assert "<b>Fett" not in html


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Status.DRAFT},
        {"publish_from": timezone.now() + datetime.timedelta(days=3)},
    ],
    ids=["draft", "future"],
)
def test_unpublished_story_is_not_found_until_published(client, changes):
    story = StoryFactory(name="Paula Unsichtbar", **changes)
    assert titles(client, "unsichtbar") == []
    story.status = Status.PUBLISHED
    story.publish_from = timezone.now()
    story.save()
    assert len(titles(client, "unsichtbar")) == 1


def test_future_entry_in_index_is_not_shown_before_its_day(client):
    entry(source="test:1", title="Morgen sichtbar", visible_from=timezone.now() + datetime.timedelta(days=1))
    assert titles(client, "morgen sichtbar") == []


def test_unpublishing_and_deleting_remove_the_entry(client):
    story = StoryFactory(name="Karl Weg")
    assert len(titles(client, "karl weg")) == 1
    story.status = Status.DRAFT
    story.save()
    assert titles(client, "karl weg") == []
    story.status = Status.PUBLISHED
    story.save()
    assert len(titles(client, "karl weg")) == 1
    story.delete()
    assert titles(client, "karl weg") == []
    release = PressReleaseFactory(title="Gelöschte Mitteilung")
    assert len(titles(client, "geloeschte mitteilung")) == 1
    release.delete()
    assert titles(client, "geloeschte mitteilung") == []


def test_editing_a_commitment_updates_its_chapter_entry(client):
    commitment = Commitment.objects.first()
    commitment.text = "Ein ganz neues Vorhaben mit Zauberwort Quastenflosser."
    commitment.save()
    assert titles(client, "quastenflosser") == [commitment.chapter.title]


def test_renaming_a_kommune_updates_its_entry(client):
    duren = kommune("kreis-dueren")
    duren.jobcenter_name = "Jobcenter Rurtal Spezial"
    duren.save()
    assert titles(client, "rurtal spezial") == ["Kreis Düren"]


def test_a_kommunes_self_description_is_found(client):
    jena = kommune("stadt-jena")
    jena.description = "Wir beraten auch im Stadtteilbüro Lobeda."
    jena.save()
    assert titles(client, "lobeda") == ["Stadt Jena"]


def test_index_built_by_migrate_has_kommunen_leitbild_and_pages():
    assert SearchEntry.objects.filter(kind="kommune").count() == 104
    chapters = Chapter.objects.count()
    assert chapters > 0
    assert SearchEntry.objects.filter(kind="leitbild").count() == chapters + 1
    assert SearchEntry.objects.filter(kind="page").count() == ContentPage.objects.count() == 5


def test_rebuild_command_restores_a_wiped_index():
    expected = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert f"{expected} Einträge" in out.getvalue()
    assert SearchEntry.objects.count() == expected
    assert SearchEntry.objects.filter(title="Kreis Düren").exists()


def test_title_matches_come_first(client):
    StoryFactory(name="Hans Meyer", teaser="Er kommt aus dem Kreis Düren.")
    found = titles(client, "düren")
    assert found[0] == "Kreis Düren"
    assert any(title.startswith("Hans Meyer") for title in found[1:])


def test_counts_by_kind_and_pagination(client):
    for i in range(25):
        StoryFactory(name=f"Seitenperson {i:02d}", slug=f"seitenperson-{i}")
    response = client.get("/suche/", {"q": "seitenperson"})
    results = response.context["results"]
    assert results.total == 25
    assert results.counts == [("story", "Geschichte", 25)]
    assert len(results.entries) == 20
    html = response.content.decode()
    assert "25 Ergebnisse" in html and "Geschichte: 25" in html
    assert "seite=2" in html
    second = client.get("/suche/", {"q": "seitenperson", "seite": "2"}).context["results"]
    assert len(second.entries) == 5


def test_empty_query_shows_only_the_form(client):
    response = client.get("/suche/")
    html = response.content.decode()
    assert 'role="search"' in html and "Suchbegriff" in html and "Suchen" in html
    assert "Ergebnis" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_no_results_has_german_hints_and_title(client):
    response = client.get("/suche/", {"q": "xylophonorchester"})
    html = response.content.decode()
    assert "Keine Ergebnisse für „xylophonorchester“" in html
    assert "Prüfen Sie die Schreibweise." in html
    assert "<title>Suche: xylophonorchester –" in html


def test_too_long_query_is_trimmed_with_a_notice(client):
    response = client.get("/suche/", {"q": "düren " + "a" * 300})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200
    assert "Ihr Suchbegriff war zu lang" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"düren"', "100%", "%", "_", "\\", "a\\b", "'; DROP TABLE x; --", "😀", "Jobcenter 😀", "\x00düren", "x" * 10_000],
)
def test_odd_input_never_fails(client, query):
    response = client.get("/suche/", {"q": query, "seite": "abc"})
    assert response.status_code == 200


def test_percent_and_underscore_are_literal(client):
    assert titles(client, "%") == []
    assert titles(client, "_") == []


@pytest.mark.parametrize("seite", ["0", "-1", "999999999999", "2"])
def test_odd_page_numbers(client, seite):
    assert client.get("/suche/", {"q": "kreis", "seite": seite}).status_code == 200


def test_query_count_is_fixed(client):
    def add(start: int, count: int) -> None:
        for n in range(start, start + count):
            entry(source=f"test:{n}", title=f"Mengentest {n}", excerpt="Auszug")

    add(0, 3)
    small = count_queries(client, "/suche/?q=mengentest")
    add(3, 60)
    large = count_queries(client, "/suche/?q=mengentest")
    assert small == large <= 2


@snapshots.copied
def test_demo_stories_made_in_bulk_are_findable_after_load_demo(client):
    snapshots.demo()  # the demo site, made once per state of the code (on PostgreSQL: load_demo here)
    call_command("load_demo", stories=3, verbosity=0, stdout=io.StringIO())
    published = Story.objects.published()
    assert published.count() > 0
    assert SearchEntry.objects.filter(kind="story").count() == published.count()
    story = published.order_by("-pk").first()
    assert story.get_absolute_url() in [
        entry.url for entry in client.get("/suche/", {"q": story.name}).context["results"].entries
    ]
