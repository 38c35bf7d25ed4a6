"""Issue 27, finding 5: a consent counts only with its signed document (or the explicit legacy mark
„Altbestand: Nachweis nachreichen“ the update set), and its signing date is not in the future
(Europe/Berlin's today). The register's form says so in German on the field, keeps the input and
stores nothing; a record without document (made outside the form) lets no story be submitted."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consent.models import Consent
from editorial.models import AuditEntry
from shared.publication import Status
from stories.models import Story
from tests.factories import StoryFactory, add_video, editor, give_consent, kommune
from tests.helpers import story_change_data

pytestmark = pytest.mark.django_db

REGISTER = "/admin/consent/consent/"
PDF = b"%PDF-1.4\n% Einwilligung\n"
NO_DOCUMENT = "Bitte das unterschriebene Dokument hochladen"
FUTURE = "Das Datum der Einwilligung darf nicht in der Zukunft liegen."


@pytest.fixture
def central(client):
    client.force_login(editor("Zentrale Redaktion"))
    return client


def form_data(story, **changes) -> dict:
    data = {
        "story": story.pk,
        "person": "Neue Person",
        "kommune": kommune("kreis-dueren").pk,
        "form": "written",
        "signed_on": "04.05.2026",
        "scope_web": "on",
        "name_shown": "full",
        "document": SimpleUploadedFile("einwilligung.pdf", PDF),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def story(db):
    return StoryFactory(consent=False, name="Neue Person", kommune=kommune("kreis-dueren"))


def field_errors(response, name: str) -> list[str]:
    return [str(error) for error in response.context["adminform"].form.errors.get(name, [])]


def test_a_consent_without_its_document_is_refused_in_german_on_the_field(central, story):
    response = central.post(REGISTER + "add/", form_data(story, document=None))
    assert response.status_code == 200
    assert any(NO_DOCUMENT in error for error in field_errors(response, "document"))
    assert 'value="Neue Person"' in response.content.decode()  # the input is kept
    assert not Consent.objects.exists()


def test_a_signing_date_in_2099_is_refused_in_german_on_the_field(central, story):
    response = central.post(REGISTER + "add/", form_data(story, signed_on="01.01.2099"))
    assert response.status_code == 200
    assert field_errors(response, "signed_on") == [FUTURE]
    assert 'value="01.01.2099"' in response.content.decode()
    assert not Consent.objects.exists()


def test_berlins_today_is_accepted_and_its_tomorrow_refused(client, story, monkeypatch):
    # 23:30 UTC on 7 December is already 8 December in Berlin.
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 7, 23, 30, tzinfo=UTC))
    central = client
    central.force_login(editor("Zentrale Redaktion"))  # signed in at that moment (sessions expire)
    response = central.post(REGISTER + "add/", form_data(story, signed_on="09.12.2026"))
    assert response.status_code == 200, response.get("Location")
    assert field_errors(response, "signed_on") == [FUTURE]
    assert central.post(REGISTER + "add/", form_data(story, signed_on="08.12.2026")).status_code == 302
    consent = Consent.objects.get()
    assert consent.signed_on == date(2026, 12, 8) and consent.document


def test_the_legacy_mark_stands_for_the_document_until_an_editor_clears_it(central, story):
    legacy = Consent.objects.create(
        story=story, person="Neue Person", kommune=story.kommune, signed_on=date(2025, 3, 1), is_legacy=True
    )
    assert legacy.is_valid_now and story.has_consent()
    # Clearing the mark without the document: refused, nothing changes.
    data = form_data(story, document=None, signed_on="01.03.2025")
    response = central.post(f"{REGISTER}{legacy.pk}/change/", data)
    assert response.status_code == 200
    assert any(NO_DOCUMENT in error for error in field_errors(response, "document"))
    legacy.refresh_from_db()
    assert legacy.is_legacy
    # With the document the mark may go.
    assert central.post(f"{REGISTER}{legacy.pk}/change/", form_data(story, signed_on="01.03.2025")).status_code == 302
    legacy.refresh_from_db()
    assert not legacy.is_legacy and legacy.document and legacy.is_valid_now


def test_a_record_without_document_counts_for_nothing(story):
    bare = Consent.objects.create(story=story, person="Neue Person", kommune=story.kommune, signed_on=date(2026, 1, 5))
    assert not bare.is_valid_now
    assert not Consent.objects.valid().filter(pk=bare.pk).exists()
    assert not story.has_consent()
    assert not Story.objects.published().filter(pk=story.pk).exists()
    bare.document.save("scan.pdf", ContentFile(PDF))
    assert bare.is_valid_now and story.has_consent()
    assert Story.objects.published().filter(pk=story.pk).exists()


@pytest.mark.parametrize(("group", "status"), [("Redaktion Kommune", "review"), ("Zentrale Redaktion", "published")])
def test_a_record_without_document_lets_no_story_be_submitted_or_published(client, group, status):
    story = add_video(StoryFactory(slug="ohne-nachweis", status=Status.DRAFT, publish_from=None, consent=False))
    Consent.objects.create(story=story, person=story.name, kommune=story.kommune, signed_on=date(2026, 1, 5))
    client.force_login(editor(group, "kreis-dueren"))
    url = f"/admin/stories/story/{story.pk}/change/"
    response = client.post(url, story_change_data(client, story, status=status))
    assert response.status_code == 200
    assert "Ohne gültige Einwilligung für die Website" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.DRAFT and not AuditEntry.objects.exists()
    give_consent(story)  # the factory's record carries its document
    assert client.post(url, story_change_data(client, story, status=status)).status_code == 302


def test_the_update_marks_records_without_document_as_legacy_and_keeps_their_stories_online():
    """consent/migrations/0007: records made before the rule, without document, keep counting (as
    „Altbestand“, listed on the admin start page); ended ones are left as they are."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("consent.migrations.0007_document_or_legacy_mark")
    live = StoryFactory(consent=False, slug="vor-der-regel")
    old = Consent.objects.create(story=live, person=live.name, kommune=live.kommune, signed_on=date(2025, 1, 5))
    ended = Consent.objects.create(
        story=StoryFactory(consent=False, slug="widerrufen"),
        person="Widerrufen",
        kommune=live.kommune,
        signed_on=date(2025, 1, 5),
        withdrawn_on=timezone.localdate() - timedelta(days=1),
    )
    assert not live.has_consent()
    migration.mark_legacy(apps, None)
    old.refresh_from_db()
    ended.refresh_from_db()
    assert old.is_legacy and live.has_consent()
    assert not ended.is_legacy


def test_the_demo_records_carry_the_demo_document(settings):
    """consent/demo.py (load_demo): every demo record has its proof and counts; loading again keeps it."""
    from io import StringIO
    from types import SimpleNamespace

    from consent import demo

    stories = [StoryFactory(consent=False, slug=f"demo-{n}") for n in range(2)]
    command = SimpleNamespace(stdout=StringIO())
    demo.load(command, {})
    demo.load(command, {})
    records = Consent.objects.filter(story__in=stories)
    assert records.count() == 2
    assert {record.document.name for record in records} == {demo.DEMO_DOCUMENT_NAME}
    assert all(record.is_valid_now and not record.is_legacy for record in records)
    assert (settings.CONSENT_ROOT / demo.DEMO_DOCUMENT_NAME).read_bytes().startswith(b"%PDF-")
