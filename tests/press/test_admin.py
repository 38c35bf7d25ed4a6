"""Editors keep the newsroom in the admin: German errors for bad numbers and bad files,
nothing stored from a faulty form, type and size read from the file, EXIF removed."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mediafiles.uploads import svg_problem
from press.models import USAGE_TERMS, PressContact, PressKitItem, PressRelease
from stories.models import Photo
from tests.factories import LOGO_SVG, PressKitItemFactory, PressReleaseFactory, StoryFactory, give_consent, image_file
from tests.helpers import in_german

pytestmark = pytest.mark.django_db

ADD_RELEASE = "/admin/press/pressrelease/add/"
ADD_ITEM = "/admin/press/presskititem/add/"


def release_data(**changes) -> dict:
    data = {
        "number": "023/2018",
        "date": "27.11.2018",
        "title": "Eine neue Mitteilung",
        "slug": "eine-neue-mitteilung",
        "issuers": "Deutscher Landkreistag, Deutscher Städtetag",
        "is_joint": "on",
        "lead": "Der Vorspann.",
        "body": "<p>Der Text.</p>",
        "footnotes": "",
        "status": "published",
    }
    data.update(changes)
    data = in_german(data, PressRelease)
    return {key: value for key, value in data.items() if value is not None}


def errors_of(response) -> dict:
    assert response.status_code == 200, "the form was accepted"
    return response.context["adminform"].form.errors


@pytest.mark.parametrize(
    "model",
    ["press/pressrelease", "press/presscoverage", "press/presscontact", "press/presskititem", "campaign/landingpage"],
)
def test_admin_lists_and_forms_open(admin_client, model):
    assert admin_client.get(f"/admin/{model}/").status_code in (200, 302)
    if model != "campaign/landingpage":
        assert admin_client.get(f"/admin/{model}/add/").status_code == 200


def test_editor_adds_a_release(admin_client):
    response = admin_client.post(ADD_RELEASE, release_data())
    assert response.status_code == 302
    release = PressRelease.objects.get(number="023/2018")
    assert release.is_joint and release.get_absolute_url() == "/presse/eine-neue-mitteilung/"


@pytest.mark.parametrize("number", ["22/2018", "022-2018", "0222018", "022/18", "abc/defg", "1022/2018"])
def test_wrong_number_format_is_refused_in_german_and_nothing_is_stored(admin_client, number):
    errors = errors_of(admin_client.post(ADD_RELEASE, release_data(number=number)))
    assert errors["number"] == [
        "Bitte geben Sie die Nummer in der Form „022/2018“ an: drei Ziffern, Schrägstrich, vierstellige Jahreszahl."
    ]
    assert not PressRelease.objects.exists()


def test_a_number_is_given_only_once(admin_client):
    PressReleaseFactory(number="023/2018", date=datetime.date(2018, 1, 2), title="Die erste 023")
    errors = errors_of(admin_client.post(ADD_RELEASE, release_data()))
    assert errors["number"] == ["Die Nummer 023/2018 ist schon vergeben („Die erste 023“)."]
    assert PressRelease.objects.count() == 1


def test_year_of_the_number_must_match_the_date(admin_client):
    errors = errors_of(admin_client.post(ADD_RELEASE, release_data(number="023/2019")))
    assert errors["number"] == ["Die Jahreszahl der Nummer (2019) passt nicht zum Datum (2018)."]
    assert not PressRelease.objects.exists()


def test_releases_without_number_are_allowed_several_times(admin_client):
    for slug in ("ohne-nummer-1", "ohne-nummer-2"):
        data = release_data(number="", slug=slug, is_joint=None, issuers="Landkreis Test")
        assert admin_client.post(ADD_RELEASE, data).status_code == 302
    assert PressRelease.objects.filter(number="").count() == 2


def test_a_joint_release_names_at_least_two_issuers(admin_client):
    errors = errors_of(admin_client.post(ADD_RELEASE, release_data(issuers="Deutscher Landkreistag")))
    assert errors["issuers"] == [
        "Eine gemeinsame Pressemitteilung hat mindestens zwei Herausgeber, durch Komma getrennt."
    ]


def test_feed_is_no_address_for_a_release(admin_client):
    errors = errors_of(admin_client.post(ADD_RELEASE, release_data(slug="feed")))
    assert errors["slug"] == ["„feed“ ist als Adresse reserviert. Bitte wählen Sie einen anderen Kurznamen."]


def test_the_database_refuses_a_duplicate_number_too():
    from django.db import IntegrityError, transaction

    PressReleaseFactory(number="001/2024")
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.create(
            number="001/2024", date=datetime.date(2024, 1, 1), title="Doppelt", slug="doppelt", lead="x", issuers="y"
        )


def test_releases_are_ordered_newest_first():
    PressReleaseFactory(number="001/2024", date=datetime.date(2024, 1, 1), slug="a")
    PressReleaseFactory(number="002/2024", date=datetime.date(2024, 5, 1), slug="b")
    PressReleaseFactory(number="003/2024", date=datetime.date(2024, 5, 1), slug="c")
    assert list(PressRelease.objects.values_list("number", flat=True)) == ["003/2024", "002/2024", "001/2024"]


def item_data(upload, **changes) -> dict:
    data = {
        "title": "Pressefoto",
        "kind": "foto",
        "file": upload,
        "alt_text": "Ein blaues Rechteck",
        "credit": "© Deutscher Landkreistag",
        "usage_terms": USAGE_TERMS,
        "show_in_kit": "on",
        "position": "0",
        "status": "published",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def jpeg_with_gps(width=800, height=600) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x8825] = {2: (52.0, 31.0, 12.0)}  # GPSInfo
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (26, 61, 165)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_editor_uploads_a_press_photo_type_size_and_pixels_are_read_and_metadata_removed(admin_client):
    response = admin_client.post(ADD_ITEM, item_data(upload(jpeg_with_gps(), "foto.jpg")))
    assert response.status_code == 302
    item = PressKitItem.objects.get()
    assert (item.file_type, item.width, item.height) == ("image/jpeg", 800, 600)
    assert item.file_size == item.file.size > 0
    assert item.preview.name == item.file.name
    with item.file.open("rb") as handle, Image.open(handle) as image:
        assert not image.getexif()
    assert item.picture is not None and "avif" in item.picture.sources[0].mime_type


def test_editor_uploads_an_svg_logo_and_a_pdf(admin_client):
    response = admin_client.post(ADD_ITEM, item_data(upload(LOGO_SVG.read_bytes(), "logo.svg"), kind="logo"))
    assert response.status_code == 302
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    data = item_data(upload(pdf, "mappe.pdf"), title="Pressemappe", kind="dokument", alt_text="")
    assert admin_client.post(ADD_ITEM, data).status_code == 302
    svg, document = PressKitItem.objects.order_by("pk")
    # The stored SVG is the sanitised copy (mediafiles.uploads.sanitize_svg), its size is that file's.
    assert (svg.type_label, svg.file_size, svg.preview.name) == ("SVG", svg.file.size, "")
    assert (document.type_label, document.file_size, document.width) == ("PDF", len(pdf), None)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"MZ\x90\x00 not a picture",
            "foto.jpg",
            "Bitte laden Sie eine Datei im Format SVG, PNG, JPEG, WebP oder PDF hoch.",
        ),
        (
            b"%PDF-1.7\n%%EOF\n",
            "foto.jpg",
            "Die Dateiendung passt nicht zum Inhalt: Die Datei ist eine PDF-Datei. Bitte nennen Sie sie „….pdf“.",
        ),
        (
            jpeg_with_gps(320, 240),
            "klein.jpg",
            "Das Bild ist nur 320 Pixel breit. Bitte ein Bild mit mindestens 480 Pixeln Breite.",
        ),
        (
            jpeg_with_gps()[:3000],
            "kaputt.jpg",
            "Das Bild ist beschädigt oder unvollständig. Bitte die Datei noch einmal exportieren und hochladen.",
        ),
    ],
    ids=["not-a-kit-file", "renamed-pdf", "too-small", "truncated"],
)
def test_wrong_files_are_refused_in_german_and_nothing_is_stored(admin_client, settings, content, name, message):
    errors = errors_of(admin_client.post(ADD_ITEM, item_data(upload(content, name))))
    assert errors["file"] == [message]
    assert not PressKitItem.objects.exists()
    assert not any(settings.MEDIA_ROOT.rglob("*.*"))


SCRIPTED_SVGS = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "handler": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "external": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
    b'<a x:href="https://example.org/"><rect width="1" height="1"/></a></svg>',
    "foreign": b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    "entity": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    "css-url": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://example.org/x)"/></svg>',
}


@pytest.mark.parametrize("name", SCRIPTED_SVGS)
def test_svgs_with_scripts_or_references_are_refused(admin_client, name):
    errors = errors_of(admin_client.post(ADD_ITEM, item_data(upload(SCRIPTED_SVGS[name], "logo.svg"), kind="logo")))
    assert errors["file"][0].startswith("Diese SVG-Datei kann nicht angeboten werden:")
    assert not PressKitItem.objects.exists()


def test_plain_svg_with_internal_references_is_fine():
    assert svg_problem(LOGO_SVG.read_bytes()) is None
    gradient = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        b'<rect fill="url(#g)" width="2" height="2"/></svg>'
    )
    assert svg_problem(gradient) is None


def test_credit_needs_the_copyright_sign_and_images_need_alt_text(admin_client):
    data = item_data(upload(jpeg_with_gps(), "foto.jpg"), credit="Foto: Max Muster", alt_text="")
    errors = errors_of(admin_client.post(ADD_ITEM, data))
    assert errors["credit"] == ["Der Nachweis braucht das Zeichen „©“, z. B. „© Deutscher Landkreistag“."]
    assert errors["alt_text"] == ["Bitte beschreiben Sie das Bild in einem Alternativtext."]
    assert not PressKitItem.objects.exists()


def test_usage_terms_have_the_german_default():
    item = PressKitItemFactory()
    assert item.usage_terms == (
        "Nur zur redaktionellen Nutzung im Zusammenhang mit der Kampagne. Keine Veränderung außer Beschnitt."
    )


def test_the_story_form_says_whether_the_consent_covers_the_press_kit(admin_client):
    story = StoryFactory(slug="eine-geschichte")
    url = f"/admin/stories/story/{story.pk}/change/"
    html = admin_client.get(url).content.decode()
    assert "Für Pressezwecke freigegeben" not in html  # the old checkbox is gone
    assert "Gültig für die Website" in html and "Pressedownload" not in html
    give_consent(story, scope_press=True)
    assert "Gültig für die Website und den Pressedownload" in admin_client.get(url).content.decode()


def test_story_photos_know_their_size():
    photo = Photo.objects.create(story=StoryFactory(), image=image_file(), alt_text="a", caption="b", credit="c")
    assert photo.file_size == photo.image.size > 0


def test_press_contacts_are_editable_in_the_admin(admin_client, client):
    contact = PressContact.objects.get(organisation="Deutscher Landkreistag")
    url = f"/admin/press/presscontact/{contact.pk}/change/"
    form = admin_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(name="Max Mustermann", phone="030 000000", email="keine-adresse", status="published", position="1")
    errors = errors_of(admin_client.post(url, data))
    assert "email" in errors  # Django's German message for an invalid address
    data["email"] = "presse@example.org"
    assert admin_client.post(url, data).status_code == 302
    assert "Max Mustermann" in client.get("/presse/").content.decode()


def test_landing_page_admin_edits_the_press_heading(admin_client):
    from campaign.models import LandingPage

    landing = LandingPage.objects.get()
    html = admin_client.get(f"/admin/campaign/landingpage/{landing.pk}/change/").content.decode()
    assert 'name="press_heading_de"' in html and 'name="press_link_text_de"' in html
    assert 'name="stories_heading_de"' in html


def test_a_publication_window_that_ends_before_it_begins_is_refused_in_german(admin_client):
    data = release_data(
        publish_from_0="2026-12-10", publish_from_1="08:00", publish_until_0="2026-12-09", publish_until_1="08:00"
    )
    errors = errors_of(admin_client.post(ADD_RELEASE, data))
    assert errors["publish_until"] == ["„Sichtbar bis“ muss nach „Sichtbar ab“ liegen."]
    assert not PressRelease.objects.filter(number="023/2018").exists()


@pytest.mark.parametrize(
    "value",
    [
        "/\\evil.example",
        "//evil.example",
        "\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "/leit\\bild/",
        "/\t/evil.example",
        "/leitbild/\n",
        " /leitbild/",
        "/leit bild/",
        "/\x00evil",
        "/\x7f",
        "https://evil.example/\x01",
        "javascript:alert(1)",
        "evil.example",
    ],
)
def test_a_key_figure_source_must_be_a_clean_site_path_or_web_address(value):
    from django.core.exceptions import ValidationError

    from press.models import validate_source_url

    with pytest.raises(ValidationError) as refused:
        validate_source_url(value)
    assert "Bitte geben Sie eine Adresse auf dieser Website" in str(refused.value)


@pytest.mark.parametrize(
    "value", ["/leitbild/", "/", "/presse/#kennzahlen", "/suche/?q=jobcenter", "https://www.landkreistag.de/x"]
)
def test_good_key_figure_sources_are_accepted(value):
    from press.models import validate_source_url

    validate_source_url(value)
