"""The campaign admin: every page opens; fixed content cannot be added or deleted."""

import pytest

from campaign.models import ContentPage, Kommune, LandingPage
from press.models import KeyFigure

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [
        "campaign/kommune",
        "campaign/landingpage",
        "press/keyfigure",
        "campaign/contentpage",
        "campaign/signlanguagevideo",
        "campaign/barrierreport",
    ],
)
def test_admin_lists_open(admin_client, model):
    response = admin_client.get(f"/admin/{model}/", follow=True)
    assert response.status_code == 200


def test_landing_page_list_goes_straight_to_the_one_row(admin_client):
    landing = LandingPage.objects.get()
    response = admin_client.get("/admin/campaign/landingpage/")
    assert response["Location"] == f"/admin/campaign/landingpage/{landing.pk}/change/"
    assert admin_client.get("/admin/campaign/landingpage/add/").status_code == 403


def test_change_forms_open(admin_client):
    urls = [
        f"/admin/campaign/landingpage/{LandingPage.objects.get().pk}/change/",
        f"/admin/press/keyfigure/{KeyFigure.objects.first().pk}/change/",
        f"/admin/campaign/contentpage/{ContentPage.objects.first().pk}/change/",
        f"/admin/campaign/kommune/{Kommune.objects.first().pk}/change/",
        "/admin/campaign/signlanguagevideo/add/",
        "/admin/press/keyfigure/add/",
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_fixed_content_cannot_be_deleted_or_added(admin_client):
    page = ContentPage.objects.first()
    assert admin_client.get(f"/admin/campaign/contentpage/{page.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/campaign/contentpage/add/").status_code == 403
    landing = LandingPage.objects.get()
    assert admin_client.get(f"/admin/campaign/landingpage/{landing.pk}/delete/").status_code == 403


def test_editors_edit_landing_texts_in_the_admin(admin_client, client):
    landing = LandingPage.objects.get()
    form = admin_client.get(f"/admin/campaign/landingpage/{landing.pk}/change/").context["adminform"].form
    data = {name: value for name, value in form.initial.items() if name in form.fields and value is not None}
    data["social_text_de"] = "Menschen im Mittelpunkt."
    response = admin_client.post(f"/admin/campaign/landingpage/{landing.pk}/change/", data)
    assert response.status_code == 302
    assert "Menschen im Mittelpunkt." in client.get("/").content.decode()


def test_key_figure_source_address_is_validated_in_german(admin_client):
    data = {"value": "1", "label": "x", "source": "y", "source_url": "ftp://x", "as_of": "2027", "position": "1"}
    response = admin_client.post("/admin/press/keyfigure/add/", data)
    assert response.status_code == 200
    assert "Bitte geben Sie eine Adresse auf dieser Website" in response.content.decode()
    assert not KeyFigure.objects.filter(value="1").exists()
