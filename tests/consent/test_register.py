"""The consent register: documents outside the public media, visible and downloadable only by the
collecting Kommune's editors and the central team, every download logged."""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consent.models import Consent, DocumentAccess
from tests.factories import StoryFactory, editor, kommune

pytestmark = pytest.mark.django_db

REGISTER = "/admin/consent/consent/"
PDF = b"%PDF-1.4\n% Einwilligung\n"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.CONSENT_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.CONSENT_ROOT


def record(slug: str, person: str, **fields) -> Consent:
    story = StoryFactory(consent=False, name=person, kommune=kommune(slug))
    consent = Consent(story=story, person=person, kommune=kommune(slug), signed_on=date(2026, 5, 4), **fields)
    consent.document.save("einwilligung.pdf", ContentFile(PDF), save=False)
    consent.save()
    return consent


@pytest.fixture
def consents(db):
    return record("kreis-dueren", "Dora Dürenerin"), record("landeshauptstadt-stuttgart", "Stella Stuttgarterin")


def test_documents_are_stored_outside_the_public_media_and_have_no_url(consents, private_root):
    own, _other = consents
    assert (private_root / own.document.name).read_bytes() == PDF
    with pytest.raises(ValueError):
        own.document.url  # noqa: B018 - no address exists


def test_the_collecting_kommune_and_the_central_team_see_a_record_others_do_not(client, consents):
    own, other = consents
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    html = client.get(REGISTER).content.decode()
    assert "Dora Dürenerin" in html and "Stella Stuttgarterin" not in html
    assert "Stella Stuttgarterin" not in client.get(REGISTER + "?q=Stella").content.decode()
    for view in ("change/", "delete/", "history/", "dokument/"):
        response = client.get(f"{REGISTER}{other.pk}/{view}", follow=True)
        assert "Stella Stuttgarterin" not in response.content.decode()
        assert response.status_code in (403, 404) or response.redirect_chain
    assert client.get(f"{REGISTER}{own.pk}/change/").status_code == 200
    client.force_login(editor("Zentrale Redaktion"))
    html = client.get(REGISTER).content.decode()
    assert "Dora Dürenerin" in html and "Stella Stuttgarterin" in html


def test_every_download_is_logged_and_a_refused_one_leaves_nothing(client, consents):
    own, other = consents
    user = editor("Redaktion Kommune", "kreis-dueren", username="redaktion-dueren")
    client.force_login(user)
    html = client.get(f"{REGISTER}{own.pk}/change/").content.decode()
    assert f"{REGISTER}{own.pk}/dokument/" in html  # the form links the logged download, no file URL
    response = client.get(f"{REGISTER}{own.pk}/dokument/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    access = DocumentAccess.objects.get()
    assert (access.consent, access.username) == (own, "redaktion-dueren")
    assert client.get(f"{REGISTER}{other.pk}/dokument/").status_code == 404
    assert DocumentAccess.objects.count() == 1


def test_a_wrong_document_is_refused_in_german(client):
    client.force_login(editor("Zentrale Redaktion"))
    story = StoryFactory(consent=False, name="Neue Person", kommune=kommune("kreis-dueren"))
    data = {
        "story": story.pk,
        "person": "Neue Person",
        "kommune": kommune("kreis-dueren").pk,
        "form": "written",
        "signed_on": "04.05.2026",
        "scope_web": "on",
        "name_shown": "full",
        "document": SimpleUploadedFile("einwilligung.pdf", b"<html>kein PDF</html>"),
    }
    response = client.post(REGISTER + "add/", data)
    assert response.status_code == 200
    assert "Bitte laden Sie das Dokument als PDF, JPEG, PNG oder HEIC hoch" in response.content.decode()
    assert 'value="Neue Person"' in response.content.decode()
    assert not Consent.objects.exists()


def test_a_minor_needs_a_guardian_and_withdrawal_cannot_precede_consent(client):
    client.force_login(editor("Zentrale Redaktion"))
    story = StoryFactory(consent=False, name="Kim Jung", kommune=kommune("kreis-dueren"))
    data = {
        "story": story.pk,
        "person": "Kim Jung",
        "kommune": kommune("kreis-dueren").pk,
        "form": "written",
        "signed_on": "04.05.2026",
        "withdrawn_on": "01.05.2026",
        "scope_web": "on",
        "name_shown": "first",
        "is_minor": "on",
    }
    html = client.post(REGISTER + "add/", data).content.decode()
    assert "sorgeberechtigte Person" in html and "Der Widerruf kann nicht vor der Einwilligung liegen." in html
    assert not Consent.objects.exists()


def test_validity_honours_scope_expiry_and_withdrawal(consents):
    own, _other = consents
    assert own.is_valid_for("web") and not own.is_valid_for("press")
    today = timezone.localdate()
    Consent.objects.filter(pk=own.pk).update(expires_on=today - timedelta(days=1))
    own.refresh_from_db()
    assert not own.is_valid_for("web") and not Consent.objects.valid("web").filter(pk=own.pk).exists()
    Consent.objects.filter(pk=own.pk).update(expires_on=None, withdrawn_on=today)
    own.refresh_from_db()
    assert not own.is_valid_for("web") and not Consent.objects.valid("web").filter(pk=own.pk).exists()
    assert own.is_valid_for("web", at=timezone.now() - timedelta(days=1))


def test_the_start_page_lists_consents_that_end_within_30_days(client, consents):
    own, other = consents
    soon = timezone.localdate() + timedelta(days=10)
    Consent.objects.filter(pk__in=[own.pk, other.pk]).update(expires_on=soon)
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    html = client.get("/admin/").content.decode()
    assert "Einwilligungen, die in 30 Tagen enden" in html
    assert "Dora Dürenerin" in html and "Stella Stuttgarterin" not in html
    assert soon.strftime("%d.%m.%Y") in html


def test_load_demo_gives_every_story_a_demo_consent_and_one_ends_soon():
    from django.core.management import call_command

    StoryFactory(consent=False, name="Frank Meier", slug="frank-meier", kommune=kommune("landkreis-saarlouis"))
    StoryFactory(consent=False, name="Dora Dürenerin", kommune=kommune("kreis-dueren"))
    call_command("load_demo", only=["consent"], verbosity=0)
    call_command("load_demo", only=["consent"], verbosity=0)
    assert Consent.objects.count() == 2 and all(c.is_demo for c in Consent.objects.all())
    assert [c.person for c in Consent.objects.expiring(30)] == ["Frank Meier"]
    assert all(c.is_valid_for("web") for c in Consent.objects.all())


def test_the_download_log_is_for_the_central_team_and_read_only(client, consents):
    own, _other = consents
    DocumentAccess.objects.create(consent=own, username="redaktion-dueren")
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    assert client.get("/admin/consent/documentaccess/").status_code == 403
    client.force_login(editor("Zentrale Redaktion"))
    html = client.get("/admin/consent/documentaccess/").content.decode()
    assert "redaktion-dueren" in html and "Dora Dürenerin" in html
    access = DocumentAccess.objects.get()
    assert client.post(f"/admin/consent/documentaccess/{access.pk}/delete/", {"post": "yes"}).status_code == 403


def test_legacy_records_are_listed_on_the_start_page_until_the_mark_is_cleared(client, consents):
    own, other = consents
    Consent.objects.filter(pk__in=[own.pk, other.pk]).update(is_legacy=True)
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    html = client.get("/admin/").content.decode()
    assert "Altbestand: Nachweis der Einwilligung nachreichen (1)" in html
    assert "Dora Dürenerin" in html and "Stella Stuttgarterin" not in html
    assert "Altbestand: Nachweis nachreichen" in client.get(f"{REGISTER}{own.pk}/change/").content.decode()
    Consent.objects.filter(pk=own.pk).update(is_legacy=False)
    assert "Altbestand" not in client.get("/admin/").content.decode()
    assert "Altbestand: Nachweis nachreichen" not in client.get(f"{REGISTER}{own.pk}/change/").content.decode()
