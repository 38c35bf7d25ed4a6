"""Barriere melden: stores reports, answers in German, keeps input on error, resists spam, no cookies."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from campaign import forms as report_forms
from campaign.forms import make_form_token
from campaign.models import BarrierReport, add_one_month
from shared import pagecache

pytestmark = pytest.mark.django_db

URL = "/barrierefreiheit/melden/"
DESCRIPTION = "Das Video auf der Startseite hat keine Untertitel – ich höre schlecht."


def valid_data(**overrides) -> dict:
    data = {
        "description": DESCRIPTION,
        "location": "/geschichten/",
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "kontrollfeld": "",
        "token": make_form_token(report_forms.now() - 30),
    }
    return {**data, **overrides}


def test_form_sets_no_cookie_and_carries_no_csrf_token(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'name="token"' in html
    assert 'name="kontrollfeld"' in html


def test_form_fields_have_labels_hints_and_optional_marks(client):
    html = client.get(URL).content.decode()
    assert '<label class="kern-label" for="id_description">Was ist nicht barrierefrei?</label>' in html
    assert 'aria-describedby="id_description_helptext"' in html
    assert 'Ihre E-Mail-Adresse <span class="kern-label__optional">– freiwillig</span>' in html
    assert 'autocomplete="email"' in html


def test_a_report_is_stored_and_confirmed_in_german(client):
    response = client.post(URL, valid_data())
    assert response.status_code == 303
    assert response["Location"] == "/barrierefreiheit/melden/danke/"
    assert not response.cookies
    report = BarrierReport.objects.get()
    assert (report.description, report.location, report.email) == (DESCRIPTION, "/geschichten/", "erika@example.org")
    assert report.status == BarrierReport.Status.NEW
    assert report.reply_by == add_one_month(timezone.localdate(report.created_at))
    thanks = client.get(response["Location"]).content.decode()
    assert "Vielen Dank für Ihre Meldung" in thanks
    assert "innerhalb eines Monats" in thanks


def test_contact_is_optional(client):
    response = client.post(URL, valid_data(name="", email=""))
    assert response.status_code == 303
    assert BarrierReport.objects.get().email == ""


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"description": ""}, "Bitte beschreiben Sie die Barriere."),
        ({"location": "  "}, "Bitte geben Sie an, wo die Barriere ist."),
        ({"email": "erika@"}, "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
        ({"description": "x" * 5001}, "Bitte fassen Sie sich kürzer: höchstens 5000 Zeichen (jetzt 5001)."),
    ],
)
def test_invalid_input_shows_german_errors_and_keeps_the_text(client, overrides, message):
    data = valid_data(**overrides)
    response = client.post(URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Ihre Meldung wurde noch nicht gesendet." in html
    assert "<title>Fehler: Barriere melden" in html
    assert 'aria-invalid="true"' in html
    for field in ("name", "email", "location"):
        if data[field].strip():
            assert f'value="{data[field]}"' in html
    if data["description"]:
        assert data["description"] in html
    assert not BarrierReport.objects.exists()
    assert not response.cookies


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kontrollfeld": "https://spam.example"}, "Bitte lassen Sie das Feld „Dieses Feld bitte leer lassen“ leer."),
        ({"token": make_form_token(0) + "x"}, "Das Formular war ungültig."),
        ({"token": ""}, "Das Formular war ungültig."),
        ({"token": "seen-elsewhere"}, "Das Formular war ungültig."),
    ],
)
def test_spam_protection_refuses_with_german_error_and_keeps_input(client, overrides, message):
    response = client.post(URL, valid_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert DESCRIPTION in html
    assert not BarrierReport.objects.exists()


def test_a_form_sent_too_fast_is_refused(client):
    response = client.post(URL, valid_data(token=make_form_token(report_forms.now())))
    html = response.content.decode()
    assert "Das Formular wurde zu schnell abgeschickt." in html
    assert DESCRIPTION in html
    assert not BarrierReport.objects.exists()


def test_a_form_open_too_long_is_refused_and_can_be_sent_again(client, monkeypatch):
    old_token = make_form_token(report_forms.now() - 7 * 60 * 60)
    response = client.post(URL, valid_data(token=old_token))
    html = response.content.decode()
    assert "Das Formular war zu lange geöffnet." in html
    assert not BarrierReport.objects.exists()
    # The page carries a fresh token: sending again a little later works.
    fresh = html.split('name="token" value="', 1)[1].split('"', 1)[0]
    assert fresh != old_token
    later = report_forms.now() + 5
    monkeypatch.setattr(report_forms, "now", lambda: later)
    assert client.post(URL, valid_data(token=fresh)).status_code == 303


def test_report_link_can_name_the_page_it_came_from(client):
    assert 'value="/jobcenter/"' in client.get(URL + "?seite=/jobcenter/").content.decode()
    html = client.get(URL + "?seite=https://evil.example/").content.decode()
    assert "evil.example" not in html


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 15), date(2027, 2, 15)),
        (date(2027, 1, 31), date(2027, 2, 28)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2027, 3, 31), date(2027, 4, 30)),
        (date(2027, 12, 20), date(2028, 1, 20)),
    ],
)
def test_reply_by_is_one_month_later_clamped_to_the_month(day, expected):
    assert add_one_month(day) == expected


def test_reports_appear_in_the_admin_with_reply_by_date(client, admin_client):
    client.post(URL, valid_data())
    report = BarrierReport.objects.get()
    html = admin_client.get("/admin/campaign/barrierreport/").content.decode()
    assert "Antwort fällig bis" in html
    assert report.reply_by.strftime("%d.%m.%Y") in html
    assert "Das Video auf der Startseite hat keine Untertitel" in html
    detail = admin_client.get(f"/admin/campaign/barrierreport/{report.pk}/change/").content.decode()
    assert DESCRIPTION in detail


def test_overdue_reports_are_marked_and_filterable(admin_client):
    now = timezone.now()
    overdue = BarrierReport.objects.create(
        description="Alte Meldung", location="/", created_at=now - timedelta(days=40)
    )
    BarrierReport.objects.create(description="Frische Meldung", location="/", created_at=now)
    BarrierReport.objects.create(
        description="Beantwortete Meldung",
        location="/",
        created_at=now - timedelta(days=40),
        status=BarrierReport.Status.ANSWERED,
    )
    assert overdue.is_overdue
    assert list(BarrierReport.objects.overdue()) == [overdue]
    html = admin_client.get("/admin/campaign/barrierreport/").content.decode()
    assert html.count("überfällig</strong>") == 1
    filtered = admin_client.get("/admin/campaign/barrierreport/?frist=ueberfaellig").content.decode()
    assert "Alte Meldung" in filtered
    assert "Frische Meldung" not in filtered
    assert "Beantwortete Meldung" not in filtered


def test_editors_cannot_invent_reports_but_can_set_the_status(client, admin_client):
    assert admin_client.get("/admin/campaign/barrierreport/add/").status_code == 403
    client.post(URL, valid_data())
    report = BarrierReport.objects.get()
    response = admin_client.post(
        f"/admin/campaign/barrierreport/{report.pk}/change/", {"status": "answered", "internal_note": "Erledigt."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.description) == ("answered", DESCRIPTION)


def test_form_page_runs_no_queries_and_sending_a_bounded_number(client, django_assert_num_queries):
    pagecache.renew()  # the page cache's generation, as `migrate` starts it on the site
    with django_assert_num_queries(0):
        client.get(URL)
    # token used? · forget expired counters · forget expired token numbers · the address's
    # counter (select, insert in a savepoint) · the report (insert in a savepoint)
    with django_assert_num_queries(10):
        client.post(URL, valid_data())


def test_a_new_report_is_mailed_to_the_responsible_address_with_its_reply_by_date(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.BARRIER_REPORT_RECIPIENTS = ["barrierefreiheit@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_data())
    report = BarrierReport.objects.get()
    (message,) = mailoutbox
    assert message.to == ["barrierefreiheit@example.org"]
    months = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ]
    reply_by = f"{report.reply_by.day}. {months[report.reply_by.month - 1]} {report.reply_by.year}"
    assert message.subject == f"Neue Barriere-Meldung – Antwort bis {reply_by}"
    assert DESCRIPTION in message.body and "erika@example.org" in message.body
    assert f"/admin/campaign/barrierreport/{report.pk}/change/" in message.body


def test_without_an_address_the_central_editors_get_the_report(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    from shared.roles import CENTRAL_EDITORS
    from tests.factories import UserFactory

    settings.BARRIER_REPORT_RECIPIENTS = []
    central = UserFactory(email="zentrale@example.org", is_staff=True)
    central.groups.add(Group.objects.get(name=CENTRAL_EDITORS))
    UserFactory(email="jemand@example.org", is_staff=True)  # no role: no mail
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_data())
    assert [message.to for message in mailoutbox] == [["zentrale@example.org"]]


def test_a_refused_report_sends_no_mail(client, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.BARRIER_REPORT_RECIPIENTS = ["barrierefreiheit@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_data(description=""))
    assert not BarrierReport.objects.exists()
    assert mailoutbox == []
