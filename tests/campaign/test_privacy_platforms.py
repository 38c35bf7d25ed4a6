"""The privacy statement says what the site does: the video platforms behind the two-click facade
come from the facade's own list (mediafiles/platforms.py), and no sentence claims nothing is embedded."""

import re
from dataclasses import replace

import pytest

from campaign.models import ContentPage, PageKey
from mediafiles.platforms import PLATFORMS
from shared import pagecache
from tests.press.helpers import main_text

pytestmark = pytest.mark.django_db


def privacy_text(client) -> str:
    pagecache.renew()
    return main_text(client.get("/datenschutz/").content.decode())


def test_privacy_statement_lists_every_platform_the_facade_may_load(client):
    html = client.get("/datenschutz/").content.decode()
    text = main_text(html)
    assert "Videos anderer Anbieter: erst nach Ihrem Klick" in text
    assert "Zwei-Klick-Lösung" in text
    assert PLATFORMS, "the facade offers platforms"
    for platform in PLATFORMS.values():
        assert f"{platform.label}: betrieben von {platform.operator}, {platform.operator_address}." in text
        assert f"Der Player wird von {platform.embed_host} geladen" in text
        assert f'href="{platform.privacy_url}"' in html
    # An anchor to link to from a video facade.
    assert 'id="videos-anderer-anbieter"' in html


def test_a_platform_added_to_the_facade_appears_in_the_statement(client, monkeypatch):
    youtube = next(iter(PLATFORMS.values()))
    extra = replace(
        youtube, label="Beispielvideo", operator="Beispiel GmbH", embed_origin="https://player.beispiel.example"
    )
    monkeypatch.setitem(PLATFORMS, "beispiel", extra)
    assert "Beispielvideo: betrieben von Beispiel GmbH" in privacy_text(client)
    assert "Der Player wird von player.beispiel.example geladen" in privacy_text(client)


def test_statement_no_longer_claims_that_nothing_is_embedded():
    body = ContentPage.objects.get(key=PageKey.PRIVACY).body
    assert "keine eingebetteten Inhalte anderer Anbieter" not in body
    assert "Schriften, Karten, Videos oder Programme" not in body
    assert "<strong>keine Cookies</strong>" in body  # still true for visitors
    assert len(re.findall("Videos anderer Anbieter: erst nach Ihrem Klick", body)) == 2
