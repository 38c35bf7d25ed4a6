"""The Leichte-Sprache page: editable like any page, with a picture beside each short text (issue 15)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from campaign.models import ContentPage, EasyLanguageSection, PageKey
from tests.factories import image_file
from tests.helpers import count_queries, in_german

pytestmark = pytest.mark.django_db


def inline_data(page, **section) -> dict:
    data = {
        "title": page.title,
        "intro": page.intro,
        "body": page.body,
        "last_reviewed": page.last_reviewed.isoformat(),
        "status": page.status,
        "publish_from_0": "",
        "publish_from_1": "",
        "publish_until_0": "",
        "publish_until_1": "",
        "loaded_version": str(page.version),
        "easy_sections-TOTAL_FORMS": "1",
        "easy_sections-INITIAL_FORMS": "0",
        "easy_sections-MIN_NUM_FORMS": "0",
        "easy_sections-MAX_NUM_FORMS": "1000",
        "easy_sections-0-position": "0",
        "easy_sections-0-heading": "Das Jobcenter hilft",
        "easy_sections-0-text": "Sie suchen Arbeit.\nDas Jobcenter hilft Ihnen.",
        "easy_sections-0-alt_text": "Eine Frau spricht mit einem Mann am Tisch.",
    }
    data = {**data, **{f"easy_sections-0-{name}": value for name, value in section.items()}}
    return in_german(data, ContentPage)  # the admin form names the German copies title_de, body_de …


def test_editors_add_a_section_with_a_picture_and_the_page_shows_it(admin_client, client):
    page = ContentPage.objects.get(key=PageKey.EASY_LANGUAGE)
    change = f"/admin/campaign/contentpage/{page.pk}/change/"
    assert "Abschnitte in Leichter Sprache" in admin_client.get(change).content.decode()
    response = admin_client.post(change, inline_data(page, image=image_file("beratung.jpg", width=800, height=600)))
    assert response.status_code == 302, response.content.decode()[:2000]
    section = EasyLanguageSection.objects.get()
    assert section.image.name.startswith("leichte-sprache/")
    html = client.get("/leichte-sprache/").content.decode()
    assert f'<h2 id="easy-section-{section.pk}" class="kern-heading-medium">Das Jobcenter hilft</h2>' in html
    assert '<p class="kern-body kern-body--large">Das Jobcenter hilft Ihnen.</p>' in html
    assert 'alt="Eine Frau spricht mit einem Mann am Tisch."' in html
    assert section.picture.src in html and "/media/CACHE/" in section.picture.src


def test_a_section_without_a_real_picture_is_refused_in_german(admin_client, settings):
    page = ContentPage.objects.get(key=PageKey.EASY_LANGUAGE)
    change = f"/admin/campaign/contentpage/{page.pk}/change/"
    response = admin_client.post(change, inline_data(page, image=SimpleUploadedFile("bild.jpg", b"kein Bild")))
    assert response.status_code == 200
    assert "Diese Datei ist kein Bild" in response.content.decode()
    assert not EasyLanguageSection.objects.exists()
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))


def test_only_the_leichte_sprache_page_has_sections(admin_client):
    imprint = ContentPage.objects.get(key=PageKey.IMPRINT)
    html = admin_client.get(f"/admin/campaign/contentpage/{imprint.pk}/change/").content.decode()
    assert "Abschnitte in Leichter Sprache" not in html


def test_the_page_costs_the_same_queries_for_any_number_of_sections(client):
    page = ContentPage.objects.get(key=PageKey.EASY_LANGUAGE)
    counts = []
    for number in range(3):
        EasyLanguageSection.objects.create(
            page=page, position=number, text=f"Satz {number}.", image=image_file(), alt_text="Bild"
        )
        counts.append(count_queries(client, "/leichte-sprache/"))
    assert counts[0] == counts[1] == counts[2] <= 8
