"""/.well-known/security.txt (RFC 9116) from DJANGO_SECURITY_CONTACT: plain text, no cookie."""

from datetime import UTC, datetime, timedelta

import pytest

pytestmark = pytest.mark.django_db

URL = "/.well-known/security.txt"


def fields(response) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, _, value = line.partition(": ")
        found.setdefault(name, []).append(value)
    return found


def test_security_txt_names_the_contact_and_expires_in_a_year(client, settings):
    settings.SECURITY_CONTACT = "sicherheit@jobcenter.example, https://jobcenter.example/sicherheit"
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert not response.cookies
    found = fields(response)
    assert found["Contact"] == ["mailto:sicherheit@jobcenter.example", "https://jobcenter.example/sicherheit"]
    assert found["Preferred-Languages"] == ["de, en"]
    assert found["Canonical"] == ["http://testserver/.well-known/security.txt"]
    (expires,) = found["Expires"]
    assert expires.endswith("Z")
    ahead = datetime.fromisoformat(expires) - datetime.now(UTC)
    assert timedelta(days=364) < ahead <= timedelta(days=365)


def test_without_a_contact_there_is_no_security_txt(client, settings):
    settings.SECURITY_CONTACT = ""
    assert client.get(URL).status_code == 404
