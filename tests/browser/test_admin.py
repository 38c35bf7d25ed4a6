"""The admin works under the strict Content-Security-Policy (Django 6 uses nonces there)."""

from playwright.sync_api import expect

from tests.factories import UserFactory


def test_editor_logs_in_to_the_admin_without_csp_violations(site):
    UserFactory(username="zentrale", is_superuser=True)
    site.open("/admin/login/?next=/admin/")
    site.page.fill("#id_username", "zentrale")
    site.page.fill("#id_password", "ein-langes-testpasswort")
    site.page.click("input[type=submit]")
    site.page.wait_for_url(site.url("/admin/"))
    assert site.page.locator("#site-name").inner_text() == "Kommunale Jobcenter – Redaktion"
    site.open("/admin/campaign/kommune/")
    assert "104 Kommunen" in site.page.content()
    # A Kommune's page with its locations inline: the admin's own script adds a row under the CSP.
    site.page.get_by_role("link", name="Kreis Düren").click()
    site.page.get_by_role("button", name="Standort hinzufügen").click()
    expect(site.page.locator("#id_locations-0-postcode")).to_be_visible()
    site.open("/admin/campaign/kommune/csv-import/")
    expect(site.page.get_by_label("CSV-Datei")).to_be_visible()


def test_wrong_password_gives_a_german_error(site):
    UserFactory(username="zentrale")
    site.open("/admin/login/")
    site.page.fill("#id_username", "zentrale")
    site.page.fill("#id_password", "falsch")
    site.page.click("input[type=submit]")
    assert "Bitte Benutzername und Passwort" in site.page.locator(".errornote").inner_text()
