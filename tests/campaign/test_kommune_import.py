"""The central team's CSV import of the Jobcenter contact data in the Kommune admin: every row is
checked with the model's validation, all rows are saved or none, errors name their row in German."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.kommune_import import COLUMNS
from campaign.models import Kommune
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import editor, image_file, kommune

pytestmark = pytest.mark.django_db

CHANGE_LIST = "/admin/campaign/kommune/"
IMPORT = "/admin/campaign/kommune/csv-import/"
TEMPLATE = "/admin/campaign/kommune/csv-vorlage/"
GOOD = (
    "slug,phone,email,press_name\n"
    "kreis-dueren,0221 4710 100,jobcenter@kreis-dueren.example.org,Erika Musterfrau\n"
    "landeshauptstadt-stuttgart,069 90009 200,,Max Mustermann\n"
    "stadt-jena,,jobcenter@jena.example.org,\n"
)


@pytest.fixture
def central(client):
    client.force_login(editor(CENTRAL_EDITORS))
    return client


def upload(client, content: str | bytes, name: str = "kontakte.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def snapshot() -> list[tuple]:
    return list(Kommune.objects.order_by("pk").values_list("pk", *COLUMNS[2:]))


def page_errors(response) -> list[str]:
    assert response.status_code == 200
    return response.context["row_errors"] or [str(e) for e in response.context["form"].errors.get("file", [])]


def test_good_import_changes_several_kommunen_and_says_how_many(central):
    jena = kommune("stadt-jena")
    jena.phone = "03641 000"
    jena.save()
    response = upload(central, GOOD)
    assert response.status_code == 302 and response["Location"] == CHANGE_LIST
    dueren, stuttgart, jena = (kommune(slug) for slug in ("kreis-dueren", "landeshauptstadt-stuttgart", "stadt-jena"))
    assert (dueren.phone, dueren.email, dueren.press_name) == (
        "0221 4710 100",
        "jobcenter@kreis-dueren.example.org",
        "Erika Musterfrau",
    )
    assert (stuttgart.phone, stuttgart.email, stuttgart.press_name) == ("069 90009 200", "", "Max Mustermann")
    # An empty cell keeps what was there.
    assert (jena.phone, jena.email) == ("03641 000", "jobcenter@jena.example.org")
    html = central.get(CHANGE_LIST).content.decode()
    assert "Import abgeschlossen: 3 Kommunen geändert." in html
    entry = LogEntry.objects.get(object_id=str(dueren.pk))
    assert entry.get_change_message() == "Per CSV-Import geändert: Telefon, E-Mail, Ansprechperson für die Presse."


def test_the_same_import_twice_changes_nothing_the_second_time(central):
    upload(central, GOOD)
    upload(central, GOOD)
    html = central.get(CHANGE_LIST).content.decode()
    assert "Alle Angaben stimmten schon, keine Kommune geändert." in html


def test_a_bad_row_saves_nothing_and_every_error_names_its_row(central):
    before = snapshot()
    content = (
        "slug;email;website;description\n"
        "kreis-dueren;jobcenter@kreis-dueren.example.org;;Gut.\n"
        "landeshauptstadt-stuttgart;kaputt@;;\n"
        "stadt-jena;;keine-adresse;" + "x" * 1001 + "\n"
    )
    errors = page_errors(upload(central, content))
    assert errors == [
        "Zeile 3 (landeshauptstadt-stuttgart): E-Mail: Bitte gültige E-Mail-Adresse eingeben.",
        "Zeile 4 (stadt-jena): Website: Bitte eine gültige Adresse eingeben.",
        "Zeile 4 (stadt-jena): Kurzbeschreibung: Bitte sicherstellen, dass der Wert aus höchstens 1000 Zeichen "
        "besteht. (Er besteht aus 1001 Zeichen.)",
    ]
    assert snapshot() == before
    html = upload(central, content).content.decode()
    assert "Es wurde nichts importiert. Bitte beheben Sie diese 3 Fehler" in html


def test_unknown_slug_and_name_are_named(central):
    content = "slug,name,phone\nkreis-duren,,1\n,Stadt Atlantis,2\n,,3\nkreis-dueren,Stadt Jena,4\n"
    errors = page_errors(upload(central, content))
    assert errors == [
        "Zeile 2: Unbekannter Kurzname „kreis-duren“: So heißt keine der 104 Kommunen.",
        "Zeile 3: Unbekannte Kommune „Stadt Atlantis“: Bitte den Namen wie in der Vorlage schreiben.",
        "Zeile 4: Kurzname und Name fehlen; die Zeile lässt sich keiner Kommune zuordnen.",
        "Zeile 5: Der Name „Stadt Jena“ passt nicht zum Kurznamen „kreis-dueren“ (Kreis Düren). "
        "Ist die Zeile verrutscht?",
    ]


def test_rows_found_by_name_alone(central):
    assert upload(central, "name,phone\nKreis Düren,0221 4710 100\n").status_code == 302
    assert kommune("kreis-dueren").phone == "0221 4710 100"


def test_duplicate_row_is_refused(central):
    content = "slug,phone\nkreis-dueren,1\nstadt-jena,2\nkreis-dueren,3\n"
    assert page_errors(upload(central, content)) == ["Zeile 4 (kreis-dueren): Diese Kommune steht schon in Zeile 2."]
    assert kommune("kreis-dueren").phone == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("kommune,phone\nkreis-dueren,1\n", "Es fehlt die Spalte „slug“ (oder „name“)"),
        ("slug,telefon\nkreis-dueren,1\n", "Unbekannte Spalte: „telefon“."),
        ("slug\nkreis-dueren\n", "Die Datei hat keine Spalte mit Angaben zum Übernehmen."),
        ("slug,phone,phone\nkreis-dueren,1,2\n", "Diese Spalten stehen mehrfach in der Kopfzeile: phone."),
        ("slug,phone\n", "Die Datei enthält nur die Kopfzeile, aber keine Kommune."),
        ("slug,phone\nkreis-dueren,1,2\n", "Zeile 2: mehr Zellen als Spalten in der Kopfzeile."),
        ('slug,phone\nkreis-dueren,"1\n', "lässt sich ab Zeile 2 nicht als CSV lesen"),
    ],
)
def test_broken_tables_are_explained(central, content, message):
    errors = page_errors(upload(central, content))
    assert any(message in error for error in errors), errors
    assert kommune("kreis-dueren").phone == ""


def test_excel_file_with_bom_semicolons_and_line_breaks_in_cells(central):
    content = (
        "\ufeffslug;name;address;website\r\n"
        'kreis-dueren;Kreis Düren;"Kreishaus\r\nBismarckstraße 16\r\n52351 Düren";https://kreis-dueren.example.org/\r\n'
    )
    assert upload(central, content.encode("utf-8")).status_code == 302
    dueren = kommune("kreis-dueren")
    assert dueren.address == "Kreishaus\nBismarckstraße 16\n52351 Düren"
    assert dueren.website == "https://kreis-dueren.example.org/"


def test_latin1_file_is_refused_with_advice(central):
    errors = page_errors(upload(central, "slug;phone\nkreis-dueren;Düren\n".encode("cp1252")))
    assert errors == [
        "Die Datei ist nicht als UTF-8 gespeichert, Umlaute würden verfälscht. Bitte speichern Sie die Tabelle als "
        "„CSV UTF-8 (durch Trennzeichen getrennt)“ und laden Sie diese Datei hoch."
    ]


def test_excel_unicode_text_is_refused_with_advice(central):
    errors = page_errors(upload(central, "slug\tphone\nkreis-dueren\t1\n".encode("utf-16")))
    assert errors[0].startswith("Die Datei ist als UTF-16 („Unicode-Text“) gespeichert.")


@pytest.mark.parametrize(
    "content",
    [
        image_file("tabelle.csv").read(),
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,  # an .xlsx renamed to .csv
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    ],
)
def test_a_file_that_is_no_csv_is_refused(central, content):
    errors = page_errors(upload(central, content))
    assert errors[0].startswith("Diese Datei ist keine CSV-Datei.")


def test_a_file_over_one_megabyte_is_refused(central):
    content = "slug,description\n" + "kreis-dueren,x\n" * 80_000
    errors = page_errors(upload(central, content))
    assert errors[0].startswith("Die Datei ist zu groß (")
    assert "höchstens 1,0\xa0MB" in errors[0]


def test_empty_file_is_refused(central):
    errors = page_errors(upload(central, b""))
    assert errors  # Django's own "Die übermittelte Datei ist leer." or ours


def test_import_page_is_an_admin_page_with_breadcrumbs_help_and_template_link(central):
    html = central.get(IMPORT).content.decode()
    assert '<ol class="breadcrumbs">' in html and 'href="/admin/campaign/kommune/"' in html
    assert '<label class="required" for="id_file">CSV-Datei:</label>' in html
    assert 'aria-describedby="id_file_helptext"' in html
    assert "jobcenter_name, website, phone, email, address, press_name, press_phone, press_email, description" in html
    assert "Leere Zellen ändern nichts, der bisherige Wert bleibt." in html
    assert f'href="{TEMPLATE}"' in html and "Vorlage herunterladen" in html
    assert "CSV importieren" in central.get(CHANGE_LIST).content.decode()


def test_template_lists_all_104_with_their_values_and_imports_unchanged(central):
    dueren = kommune("kreis-dueren")
    dueren.phone = "+49 221 4710 100"
    dueren.address = "Kreishaus\nBismarckstraße 16"
    dueren.press_name = '=HYPERLINK("http://example.org")'
    dueren.save()
    response = central.get(TEMPLATE)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="jobcenter-kontaktdaten.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffslug;name;jobcenter_name;")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 104
    row = next(row for row in rows if row["slug"] == "kreis-dueren")
    # Formulas stay text in Excel: a leading apostrophe, which the import takes off again.
    assert (row["phone"], row["press_name"]) == ("'+49 221 4710 100", '\'=HYPERLINK("http://example.org")')
    assert row["address"] == "Kreishaus\r\nBismarckstraße 16" or row["address"] == "Kreishaus\nBismarckstraße 16"
    response = upload(central, response.content)
    assert response.status_code == 302
    assert "keine Kommune geändert" in central.get(CHANGE_LIST).content.decode()
    dueren.refresh_from_db()
    assert dueren.phone == "+49 221 4710 100"


def test_kommune_editor_is_refused_import_and_template(client):
    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"file": SimpleUploadedFile("a.csv", GOOD.encode())}).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert kommune("kreis-dueren").phone == ""
    assert "CSV importieren" not in client.get(CHANGE_LIST).content.decode()


def test_visitors_are_sent_to_the_login(client):
    response = client.get(IMPORT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
