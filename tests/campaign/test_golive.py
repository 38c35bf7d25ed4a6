"""Ready to go live: `check --deploy` lists every placeholder and missing legal text (in German),
passes once they are filled in, never crashes without tables; the admin start page shows the same."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import OperationalError

from campaign import golive
from campaign.models import ContentPage, Kommune, PageKey
from press.models import PressContact, PressCoverage
from shared import placeholders
from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.factories import editor
from tests.press.helpers import load_press_demo

pytestmark = pytest.mark.django_db


def deploy_check() -> str:
    """The go-live part of `manage.py check --deploy`; the message of its failure, or "" when it passes."""
    try:
        call_command("check", deploy=True, tags=["inhalte"], verbosity=0)
    except SystemCheckError as error:
        return str(error)
    return ""


def fill_in_every_placeholder() -> None:
    for model in golive.PUBLIC_MODELS:
        for obj in model.objects.all():
            changed = False
            for field in placeholders.text_fields(model):
                value = getattr(obj, field.attname)
                if placeholders.contains(value):
                    setattr(obj, field.attname, placeholders.PLACEHOLDER.sub("Angabe der Redaktion", value))
                    changed = True
            if changed:
                obj.save()


def test_check_deploy_fails_on_the_demo_placeholders_and_passes_once_they_are_filled():
    load_press_demo()
    report = deploy_check()
    assert "kampagne.E001" in report
    for where in [
        "„Impressum“ (Inhaltsseite), Feld „Text“ enthält noch 9 Platzhalter",
        "„Datenschutzerklärung“ (Inhaltsseite), Feld „Text“",
        "„Erklärung zur Barrierefreiheit“ (Inhaltsseite), Feld „Text“",
        "(Beitrag im Pressespiegel), Feld „Medium“",
        "„[Platzhalter: Anschrift des Deutschen Landkreistages]“",
    ]:
        assert where in report
    # Each entry says where to fix it in the admin.
    impressum = ContentPage.objects.get(key=PageKey.IMPRINT)
    hint = "Im Redaktionsbereich ändern: Kampagne › Inhaltsseiten › Impressum"
    assert f"{hint} (/admin/campaign/contentpage/{impressum.pk}/change/)" in report
    # The press offices are reachable from the start (press/data/press_contacts.csv).
    assert "Pressekontakt" not in report

    fill_in_every_placeholder()
    assert deploy_check() == ""


def test_jobcenter_page_with_a_placeholder_is_listed_but_a_draft_is_not():
    Kommune.objects.filter(slug="kreis-dueren").update(phone="[Platzhalter: Telefonnummer]")
    assert "„Kreis Düren“ (Kommune), Feld „Telefon“ enthält noch 1 Platzhalter" in deploy_check()

    coverage = PressCoverage.objects.create(
        title="Noch ein Entwurf", source="[Platzhalter: Medium]", date="2024-01-01", status=Status.DRAFT
    )
    assert "Noch ein Entwurf" not in deploy_check()
    coverage.status = Status.PUBLISHED
    coverage.save()
    assert "Noch ein Entwurf“ (Beitrag im Pressespiegel), Feld „Medium“" in deploy_check()


def test_missing_legal_page_and_unreachable_press_contact_are_errors():
    fill_in_every_placeholder()
    ContentPage.objects.filter(key=PageKey.IMPRINT).update(status=Status.DRAFT)
    ContentPage.objects.filter(key=PageKey.ACCESSIBILITY).update(body="<p> </p>")
    ContentPage.objects.filter(key=PageKey.PRIVACY).delete()
    PressContact.objects.filter(organisation="Deutscher Städtetag").update(phone="", email="")
    report = deploy_check()
    assert "kampagne.E002" in report and "kampagne.E003" in report
    assert "„Impressum“ (Inhaltsseite) ist nicht veröffentlicht." in report
    assert "„Erklärung zur Barrierefreiheit“ (Inhaltsseite) hat keinen Text." in report
    assert "„Datenschutzerklärung“ (Inhaltsseite) fehlt." in report
    assert "„Deutscher Städtetag – Pressestelle“ (Pressekontakt), Felder „Telefon“ und „E-Mail“ sind leer." in report
    assert "Deutscher Landkreistag" not in report

    PressContact.objects.all().delete()
    assert "Es ist kein Pressekontakt veröffentlicht." in deploy_check()


def test_check_never_crashes_without_tables(monkeypatch):
    def no_table():
        raise OperationalError("no such table: campaign_contentpage")

    monkeypatch.setattr(golive, "legal_page_problems", no_table)
    assert golive.problems() == []
    assert deploy_check() == ""


def test_admin_start_page_shows_the_same_list_to_the_central_team(client):
    client.force_login(editor(CENTRAL_EDITORS))
    html = client.get("/admin/").content.decode()
    found = golive.problems()
    assert f"Vor dem Start zu erledigen ({len(found)})" in html
    for problem in found:
        assert problem.admin_url in html
    assert "Feld „Text“" in html and "enthält noch 9 Platzhalter" in html

    client.force_login(editor(KOMMUNE_EDITORS, "kreis-dueren"))
    assert "Vor dem Start zu erledigen" not in client.get("/admin/").content.decode()


def test_admin_start_page_has_no_go_live_panel_once_everything_is_filled(client):
    fill_in_every_placeholder()
    client.force_login(editor(CENTRAL_EDITORS))
    assert "Vor dem Start zu erledigen" not in client.get("/admin/").content.decode()
