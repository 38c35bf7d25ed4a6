"""The newsroom (/presse/) and the release pages: Nr. 022/2018 word for word with its footnote,
the archive by year without JavaScript, contacts, coverage, the landing page's press section."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from campaign.models import LandingPage
from press.demo_content import COVERAGE_2021, RELEASE_022_2018, RELEASE_ORTENAUKREIS
from press.models import PressContact, PressCoverage, PressRelease
from shared import pagecache
from shared.publication import Status
from tests import snapshots
from tests.factories import PressCoverageFactory, PressReleaseFactory, UserFactory
from tests.press.helpers import load_press_demo, main_text, newsroom_demo, normalize, shared_pdf_renderings
from tests.sources import SEEDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_pdf_renderings")]
__all__ = ["shared_pdf_renderings"]

RELEASE_URL = "/presse/022-2018-kommunale-jobcenter-starten-kampagne/"


def seed_paragraphs(name: str) -> list[str]:
    """The non-empty lines of a seed file, whitespace folded (a line is a paragraph there)."""
    text = Path(SEEDS, name).read_text(encoding="utf-8")
    return [normalize(line) for line in text.splitlines() if normalize(line)]


@snapshots.copied
def test_newsroom_lists_022_2018_first_with_number_date_and_title(client):
    newsroom_demo()
    html = client.get("/presse/").content.decode()
    text = main_text(html)
    assert "Gemeinsame Pressemitteilung Nr. 022/2018 vom 26.11.2018" in text
    assert f'href="{RELEASE_URL}"' in html
    # Latest first: on the same day the numbered release (created first) and the Ortenaukreis one.
    PressReleaseFactory(number="001/2019", date=datetime.date(2019, 1, 10), title="Neueste Mitteilung")
    text = main_text(client.get("/presse/").content.decode())
    assert text.index("Neueste Mitteilung") < text.index(RELEASE_022_2018["title"])


@snapshots.copied
def test_release_022_2018_carries_the_full_text_of_the_seed_with_its_footnote(client):
    newsroom_demo()
    text = main_text(client.get(RELEASE_URL).content.decode())
    paragraphs = seed_paragraphs("004_a89dd9cba58782d7.txt")
    assert paragraphs[0] == "Pressemitteilung Nr. 022/2018 vom 26.11.2018"
    position = 0
    for paragraph in paragraphs:  # every line of the seed, in its order, word for word
        found = text.find(paragraph, position)
        assert found >= 0, f"missing or out of order: {paragraph[:80]}"
        position = found + len(paragraph)
    footnote = paragraphs[-2]
    assert footnote.startswith("*Eine nachhaltige Integration gemäß den Kennzahlen nach § 48a SGB II")
    assert "nachhaltige Integrationen* in den Arbeitsmarkt" in text
    assert text.index("nachhaltige Integrationen*") < text.index(footnote)


@snapshots.copied
def test_demo_texts_are_stored_word_for_word_from_the_seeds():
    newsroom_demo()
    release = PressRelease.objects.get(number="022/2018")
    seed = seed_paragraphs("004_a89dd9cba58782d7.txt")
    assert release.title == seed[1]
    assert release.lead == seed[2]
    assert release.footnote_list() == [seed[10]]
    assert release.issuer_list() == ["Deutscher Landkreistag", "Deutscher Städtetag"]
    assert release.is_joint and release.date == datetime.date(2018, 11, 26)
    assert [normalize(p) for p in re.findall(r"<p>(.*?)</p>", release.body)] == seed[3:10]

    ortenau = PressRelease.objects.get(slug=RELEASE_ORTENAUKREIS["slug"])
    seed = seed_paragraphs("002_413ec8b08971122b.txt")
    assert ortenau.title == seed[3] and ortenau.lead == seed[4]
    assert ortenau.number == "" and not ortenau.is_joint
    assert [normalize(p) for p in re.findall(r"<p>(.*?)</p>", ortenau.body)] == seed[5:11]

    coverage = PressCoverage.objects.get()
    seed_text = normalize(Path(SEEDS, "000_6bf012a90362cd90.txt").read_text(encoding="utf-8"))
    assert coverage.title in seed_text and coverage.teaser in seed_text
    assert coverage.author in seed_text and "18. Juni 2021" in seed_text
    assert coverage.date == datetime.date(2021, 6, 18)
    # The seed names neither the medium nor an address: marked, not invented.
    assert coverage.source.startswith("[Platzhalter:") and coverage.url == ""


@snapshots.copied
def test_loading_the_demo_twice_changes_nothing_and_keeps_editors_corrections():
    newsroom_demo()
    release = PressRelease.objects.get(number="022/2018")
    release.lead = "Von der Redaktion korrigiert."
    release.save()
    load_press_demo()
    assert PressRelease.objects.count() == 2
    assert PressCoverage.objects.count() == 1
    assert PressRelease.objects.get(number="022/2018").lead == "Von der Redaktion korrigiert."


@snapshots.copied
def test_ortenaukreis_release_and_coverage_entry_appear_in_the_newsroom(client):
    newsroom_demo()
    text = main_text(client.get("/presse/").content.decode())
    assert RELEASE_ORTENAUKREIS["title"] in text
    assert "Herausgeber: Kommunale Arbeitsförderung Ortenaukreis (KOA)" in text
    assert COVERAGE_2021["title"] in text
    assert "Von Carl-Friedrich Höck" in text
    assert "18. Juni 2021" in text
    assert "Kein Link zum Beitrag vorhanden." in text


def test_coverage_with_an_address_links_out(client):
    PressCoverageFactory(title="Ein Bericht mit Link", url="https://zeitung.example.org/bericht")
    html = client.get("/presse/").content.decode()
    assert 'href="https://zeitung.example.org/bericht" rel="noopener noreferrer">Ein Bericht mit Link' in html
    assert "Kein Link zum Beitrag vorhanden." not in html


def test_archive_by_year_works_with_plain_links(client):
    PressReleaseFactory(number="005/2019", date=datetime.date(2019, 5, 1), title="Mitteilung aus 2019")
    PressReleaseFactory(number="003/2021", date=datetime.date(2021, 3, 1), title="Mitteilung aus 2021")
    PressCoverageFactory(title="Bericht aus 2021", date=datetime.date(2021, 6, 18))
    html = client.get("/presse/").content.decode()
    assert 'href="/presse/?jahr=2021#pressemitteilungen"' in html
    assert 'href="/presse/?jahr=2019#pressemitteilungen"' in html

    text = main_text(client.get("/presse/?jahr=2019").content.decode())
    assert "Pressemitteilungen aus dem Jahr 2019" in text
    assert "Mitteilung aus 2019" in text and "Mitteilung aus 2021" not in text
    assert "Aus dem Jahr 2019 sind keine Beiträge im Pressespiegel." in text
    html = client.get("/presse/?jahr=2021").content.decode()
    assert '?jahr=2021#pressemitteilungen" aria-current="page">2021</a>' in html
    assert "Bericht aus 2021" in main_text(html)


@pytest.mark.parametrize("year", ["2017", "1900"])
def test_year_without_releases_has_a_german_empty_state(client, year):
    PressReleaseFactory(date=datetime.date(2019, 5, 1))
    response = client.get(f"/presse/?jahr={year}")
    assert response.status_code == 200
    assert f"Aus dem Jahr {year} gibt es keine Pressemitteilungen." in main_text(response.content.decode())


@pytest.mark.parametrize("value", ["abc", "0000", "99999", "20 18", "2018<script>", "-1", "１２３４"])
def test_a_wrong_year_is_explained_in_german_and_never_a_server_error(client, value):
    PressReleaseFactory(title="Die einzige Mitteilung", date=datetime.date(2019, 5, 1))
    response = client.get("/presse/", {"jahr": value})
    assert response.status_code == 200
    text = main_text(response.content.decode())
    assert "ist keine Jahreszahl. Gezeigt werden die neuesten Mitteilungen." in text
    assert "Die einzige Mitteilung" in text
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_newsroom_shows_only_the_newest_ten_and_points_to_the_archive(client):
    for number in range(12):
        PressReleaseFactory(number=f"{number:03d}/2024", date=datetime.date(2024, 1, 1 + number))
    text = main_text(client.get("/presse/").content.decode())
    assert text.count("Pressemitteilung Nr.") == 10
    assert "Nr. 011/2024" in text and "Nr. 001/2024" not in text
    assert "Ältere Pressemitteilungen finden Sie im Archiv nach Jahren." in text
    assert main_text(client.get("/presse/?jahr=2024").content.decode()).count("Pressemitteilung Nr.") == 12


def test_drafts_and_embargoed_releases_stay_hidden_from_visitors(client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    draft = PressReleaseFactory(title="Noch ein Entwurf", status=Status.DRAFT)
    embargo = PressReleaseFactory(title="Sperrfrist bis morgen", date=tomorrow, number=f"001/{tomorrow.year}")
    text = main_text(client.get("/presse/").content.decode())
    assert "Noch ein Entwurf" not in text and "Sperrfrist bis morgen" not in text
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(embargo.get_absolute_url()).status_code == 404
    assert "Sperrfrist bis morgen" not in client.get("/").content.decode()


def test_editors_preview_a_draft_with_a_notice(client):
    draft = PressReleaseFactory(title="Noch ein Entwurf", status=Status.DRAFT)
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Diese Pressemitteilung ist noch nicht veröffentlicht." in response.content.decode()


def test_staff_without_the_right_to_change_releases_sees_no_draft(client):
    draft = PressReleaseFactory(title="Noch ein Entwurf", status=Status.DRAFT)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_unknown_release_is_a_404_in_the_site_frame(client):
    response = client.get("/presse/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Presse" in response.content.decode()


def test_release_without_number_names_itself_without_one(client):
    release = PressReleaseFactory(number="", is_joint=False, issuers="Landkreis Test", title="Ohne Nummer")
    text = main_text(client.get(release.get_absolute_url()).content.decode())
    assert "Pressemitteilung vom 01.03.2024" in text
    assert "Nr." not in text.split("Ohne Nummer")[1].split("Herausgeber")[0]
    assert "Herausgeber: Landkreis Test" in text


def test_press_contacts_of_both_associations_with_addresses_phone_email_and_stand(client):
    contacts = {contact.organisation: contact for contact in PressContact.objects.published()}
    assert set(contacts) == {"Deutscher Landkreistag", "Deutscher Städtetag"}
    text = main_text(client.get("/presse/").content.decode())
    assert "Lennéstraße 11 10785 Berlin" in text  # one line each, as on the Jobcenter pages
    assert "Hausvogteiplatz 1 10117 Berlin" in text
    assert "Telefon +49 30 590097-312" in text and "E-Mail presse@landkreistag.de" in text
    assert "Telefon +49 30 37711-130" in text and "E-Mail presse@staedtetag.de" in text
    assert text.count("Stand: 2. Dezember 2026") == 2
    assert "Platzhalter" not in text


def test_editors_change_a_press_contact(client):
    contact = PressContact.objects.get(organisation="Deutscher Städtetag")
    contact.name = "Erika Mustermann"
    contact.phone = "030 123456"
    contact.email = "presse@example.org"
    contact.save()
    html = client.get("/presse/").content.decode()
    assert "Erika Mustermann" in html and "030 123456" in html
    assert 'href="mailto:presse@example.org"' in html
    PressContact.objects.filter(organisation="Deutscher Landkreistag").update(status=Status.DRAFT)
    pagecache.renew()  # update() sends no signal
    assert "Lennéstraße" not in client.get("/presse/").content.decode()


def test_newsroom_shows_the_key_figures_with_source_and_stand(client):
    text = main_text(client.get("/presse/").content.decode())
    assert "Zahlen und Fakten" in text
    assert text.count("Stand: November 2020") == 4
    assert "mehr als 250.000" in text


def test_empty_newsroom_says_so_in_german(client):
    PressContact.objects.all().delete()
    text = main_text(client.get("/presse/").content.decode())
    assert "Es sind noch keine Pressemitteilungen veröffentlicht." in text
    assert "Der Pressespiegel ist noch leer." in text
    assert "Die Pressekontakte werden gerade ergänzt." in text


def test_landing_page_shows_the_three_newest_releases_under_an_editable_heading(client):
    assert 'id="presse"' not in client.get("/").content.decode()  # no releases, no section
    for day in range(1, 5):
        PressReleaseFactory(number=f"00{day}/2024", date=datetime.date(2024, 4, day), title=f"Mitteilung vom {day}.")
    html = client.get("/").content.decode()
    assert "Aktuelle Pressemitteilungen" in html
    assert [title in html for title in ("Mitteilung vom 4.", "Mitteilung vom 3.", "Mitteilung vom 2.")] == [True] * 3
    assert "Mitteilung vom 1." not in html
    assert html.index("Mitteilung vom 4.") < html.index("Mitteilung vom 2.")
    assert 'href="/presse/">Alle Pressemitteilungen, Kontakte und Pressematerial</a>' in html
    LandingPage.objects.update(press_heading="Neues für Medien", press_link_text="Zum Newsroom")
    pagecache.renew()  # update() sends no signal
    html = client.get("/").content.decode()
    assert "Neues für Medien" in html and 'href="/presse/">Zum Newsroom</a>' in html


FEED_LINKS = [
    ("application/rss+xml", "Pressemitteilungen (RSS)", "/presse/feed/"),
    ("application/atom+xml", "Pressemitteilungen (Atom)", "/presse/feed/atom/"),
    ("application/rss+xml", "Neue Geschichten (RSS)", "/geschichten/feed/"),
    ("application/atom+xml", "Neue Geschichten (Atom)", "/geschichten/feed/atom/"),
]


def test_every_page_announces_the_four_feeds(client):
    for url in ["/", "/presse/", "/geschichten/", "/leitbild/", "/gibt-es-nicht/"]:
        head = client.get(url).content.decode().split("</head>", 1)[0]
        for kind, title, href in FEED_LINKS:
            assert f'<link rel="alternate" type="{kind}" title="{title}" href="{href}">' in head, (url, href)


def test_main_navigation_shows_presse(client):
    html = client.get("/presse/").content.decode()
    assert '<a class="site-nav__link" href="/presse/" aria-current="page">Presse</a>' in html


def test_sitemap_lists_the_newsroom_and_published_releases_only(client):
    published = PressReleaseFactory(slug="veroeffentlicht")
    PressReleaseFactory(slug="entwurf", status=Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/presse/</loc>" in xml
    assert f"{published.get_absolute_url()}</loc>" in xml
    assert "/presse/entwurf/" not in xml
