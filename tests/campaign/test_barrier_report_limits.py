"""Barriere melden under attack: a token sends one report, an address a few per hour (issue 12, finding 7)."""

import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from campaign import forms as report_forms
from campaign import report_guard
from campaign.forms import make_form_token
from campaign.models import BarrierReport, ReportThrottle

URL = "/barrierefreiheit/melden/"
TOO_MANY = "Von Ihrem Internetanschluss sind in der letzten Stunde schon"


def data(token=None, description="Der Kontrast der Schaltflächen ist zu schwach.") -> dict:
    return {
        "description": description,
        "location": "/geschichten/",
        "name": "",
        "email": "",
        "kontrollfeld": "",
        "token": token or make_form_token(report_forms.now() - 30),
    }


@pytest.mark.django_db
def test_a_token_sends_one_report_only(client):
    token = make_form_token(report_forms.now() - 30)
    assert client.post(URL, data(token)).status_code == 303
    replay = client.post(URL, data(token, description="Noch einmal dasselbe Formular."))
    assert replay.status_code == 200
    html = replay.content.decode()
    assert "Diese Meldung ist schon bei uns angekommen" in html
    assert "Noch einmal dasselbe Formular." in html  # the text is kept
    assert BarrierReport.objects.count() == 1
    # The page carries a new token, and that one works.
    fresh = re.search(r'name="token" value="([^"]+)"', html).group(1)
    later = report_forms.now() + 5
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report_forms, "now", lambda: later)
        assert client.post(URL, data(fresh)).status_code == 303
    assert BarrierReport.objects.count() == 2


@pytest.mark.django_db
def test_a_token_lives_one_hour_and_old_style_tokens_are_refused(client):
    from django.core import signing

    expired = make_form_token(report_forms.now() - 61 * 60)
    assert "Das Formular war zu lange geöffnet." in client.post(URL, data(expired)).content.decode()
    old_style = signing.dumps(int(report_forms.now() - 30), salt=report_forms.STAMP_SALT)
    assert "Das Formular war ungültig." in client.post(URL, data(old_style)).content.decode()
    assert not BarrierReport.objects.exists()
    assert client.post(URL, data(make_form_token(report_forms.now() - 59 * 60))).status_code == 303


@pytest.mark.django_db
def test_reports_per_address_are_limited_with_a_german_message(client, settings):
    settings.BARRIER_REPORTS_PER_HOUR = 3
    for _ in range(3):
        assert client.post(URL, data(), REMOTE_ADDR="198.51.100.7").status_code == 303
    refused = client.post(URL, data(description="Die vierte Meldung."), REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert TOO_MANY in html and "schon 3 Meldungen" in html
    assert "Die vierte Meldung." in html
    assert not refused.cookies
    assert BarrierReport.objects.count() == 3
    # Another address is not affected; the address itself is not stored.
    assert client.post(URL, data(), REMOTE_ADDR="198.51.100.8").status_code == 303
    assert not ReportThrottle.objects.filter(sender__contains="198.51").exists()
    assert ReportThrottle.objects.count() == 2


@pytest.mark.django_db
def test_the_limit_ends_with_its_window_and_expired_data_is_forgotten(client, settings):
    settings.BARRIER_REPORTS_PER_HOUR = 1
    assert client.post(URL, data(), REMOTE_ADDR="198.51.100.9").status_code == 303
    assert client.post(URL, data(), REMOTE_ADDR="198.51.100.9").status_code == 429
    ReportThrottle.objects.update(window_start=timezone.now() - timedelta(hours=1, seconds=1))
    BarrierReport.objects.update(created_at=timezone.now() - timedelta(hours=2))
    assert client.post(URL, data(), REMOTE_ADDR="198.51.100.9").status_code == 303
    assert ReportThrottle.objects.get().count == 1
    # Token numbers of reports older than a token's life are cleared: nothing to match any more.
    assert BarrierReport.objects.filter(form_nonce__isnull=False).count() == 1


@pytest.mark.django_db
def test_behind_our_proxies_the_visitors_address_counts(client, settings):
    settings.BARRIER_REPORTS_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # A forged left-hand entry does not give a new address: the proxy's own entry counts.
    assert client.post(URL, data(), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5", **proxy).status_code == 303
    second = client.post(URL, data(), HTTP_X_FORWARDED_FOR="2.2.2.2, 203.0.113.5", **proxy)
    assert second.status_code == 429
    assert client.post(URL, data(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 303


def test_the_counter_cannot_pass_the_limit(db, settings):
    settings.BARRIER_REPORTS_PER_HOUR = 2
    turns = [report_guard.take_turn("sender-a") for _ in range(5)]
    assert turns == [True, True, False, False, False]


@pytest.mark.django_db(transaction=True)
def test_a_flood_over_loopback_stores_no_more_than_the_limit(live_server, settings):
    settings.BARRIER_REPORTS_PER_HOUR = 5
    tokens = [make_form_token(report_forms.now() - 30) for _ in range(30)]
    tokens += tokens[:10]  # replays as well

    def send(token: str) -> tuple[int, str]:
        body = urllib.parse.urlencode(data(token)).encode()
        request = urllib.request.Request(live_server.url + URL, data=body, method="POST")
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    # The live server's requests share the test's in-memory SQLite connection, which cannot
    # be used from several threads at once: there the flood comes one request after another.
    # On PostgreSQL four requests run at the same time and race for the counter.
    workers = 1 if connection.vendor == "sqlite" else 4
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = list(pool.map(send, tokens))
    statuses = sorted(status for status, _ in answers)
    assert statuses.count(303) == 5
    assert set(statuses) <= {303, 200, 429}
    assert all(TOO_MANY in html for status, html in answers if status == 429)
    assert BarrierReport.objects.count() == 5


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db
def test_the_privacy_page_says_what_the_limit_stores(client):
    html = client.get("/datenschutz/").content.decode()
    assert "nicht Ihre IP-Adresse, sondern nur ein Kürzel" in html
