"""The Jobcenter page is reviewed like a story, but it never disappears: while a change waits,
visitors see the last approved revision; the Kommune's editors see the change with a banner."""

import pytest
from django.test import TestCase

from campaign.models import Kommune, Location
from editorial import preview
from editorial.models import Action, AuditEntry
from shared.publication import Status
from tests.factories import kommune
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

URL = "/admin/campaign/kommune/{}/change/"


def post_page(client, owner: Kommune, **changes):
    form = client.get(URL.format(owner.pk)).context["adminform"].form
    data = admin_form_data(form, exclude=["editors"], **changes)
    data |= {
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
        "locations-MIN_NUM_FORMS": "0",
        "locations-MAX_NUM_FORMS": "1000",
    }
    return client.post(URL.format(owner.pk), data)


def test_visitors_see_the_approved_page_until_the_change_is_published(client, dueren_editor, central_editor):
    dueren = kommune("kreis-dueren")
    Kommune.objects.filter(pk=dueren.pk).update(phone="02421 111")
    dueren.refresh_from_db()
    dueren.save()  # an approved revision with the old number
    Location.objects.create(kommune=dueren, name="Hauptsitz", street="Markt 1", postcode="52349", city="Düren")

    client.force_login(dueren_editor)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = post_page(client, dueren, phone="02421 222", status="review")
    assert response.status_code == 302, response.context["adminform"].form.errors
    Location.objects.create(kommune=dueren, name="Stadtteilbüro Nord", street="Weg 2", postcode="52351", city="Düren")
    assert AuditEntry.objects.get().action == Action.SUBMITTED

    editor_view = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert "02421 222" in editor_view and "Vorschau" in editor_view and "Stadtteilbüro Nord" in editor_view
    client.logout()
    visitor_view = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert "02421 111" in visitor_view and "02421 222" not in visitor_view
    assert "Hauptsitz" in visitor_view and "Stadtteilbüro Nord" not in visitor_view
    assert "Vorschau" not in visitor_view
    # A reviewer without an account gets the change through the signed link.
    assert "02421 222" in client.get(preview.link_for(dueren)).content.decode()

    client.force_login(central_editor)
    dueren.refresh_from_db()
    assert post_page(client, dueren, status="published").status_code == 302
    client.logout()
    visitor_view = client.get("/jobcenter/kreis-dueren/").content.decode()
    assert "02421 222" in visitor_view and "Stadtteilbüro Nord" in visitor_view


def test_kommune_editor_cannot_publish_the_page(dueren):
    dueren_kommune = kommune("kreis-dueren")
    response = post_page(dueren, dueren_kommune, phone="0000", status="published")
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    dueren_kommune.refresh_from_db()
    assert dueren_kommune.phone != "0000" and dueren_kommune.status == Status.PUBLISHED
