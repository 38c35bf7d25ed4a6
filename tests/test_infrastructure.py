"""Health endpoint, security headers, the navigation, demo loading, the Redis cache."""

import os

import pytest
from django.core.management import call_command

from tests import snapshots
from tests.helpers import run_django

pytestmark = pytest.mark.django_db


def test_health_answers_200_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_answers_503_when_the_database_is_unreachable():
    # A real unreachable PostgreSQL (nothing listens on port 9), in a fresh process.
    code = "from django.test import Client\nr = Client().get('/health/')\nprint(r.status_code, r.json()['database'])"
    result = run_django(
        code,
        DJANGO_SECRET_KEY="x",
        DJANGO_HTTPS="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://nobody@127.0.0.1:9/none?connect_timeout=2",
    )
    assert result.stdout.strip() == "503 unreachable", result.stderr


def test_pages_carry_a_strict_content_security_policy(client):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_pages_carry_privacy_and_security_headers(client):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_set_no_cookies(client):
    for path in ["/", "/gibt-es-nicht/", "/health/"]:
        assert not client.get(path).cookies, path


def test_404_page_is_german_in_the_site_frame(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'lang="de"' in html
    assert "Seite nicht gefunden" in html
    assert 'href="#main"' in html


def test_500_page_renders_in_the_site_frame_without_a_request_context(rf):
    from config.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "technischer Fehler" in html
    assert "Kommunale Jobcenter" in html


def test_navigation_only_links_sections_that_exist(client):
    from django.urls import NoReverseMatch, reverse

    from config.context_processors import MAIN_NAVIGATION

    html = client.get("/").content.decode()
    for name, label in MAIN_NAVIGATION:
        try:
            url = reverse(name)
        except NoReverseMatch:
            assert f">{label}<" not in html
        else:
            assert f'href="{url}"' in html


@snapshots.copied
def test_load_demo_can_run_twice():
    snapshots.demo()  # the first run, made once per state of the code (on PostgreSQL: load_demo here)
    call_command("load_demo", verbosity=0)


@pytest.mark.django_db
def test_load_demo_of_one_app_only_and_a_german_error_for_an_unknown_one():
    from django.core.management.base import CommandError

    from campaign.models import SignLanguageVideo
    from stories.models import Story

    call_command("load_demo", only=["campaign"], verbosity=0)
    assert SignLanguageVideo.objects.filter(is_demo=True).count() == 1
    assert not Story.objects.exists()
    with pytest.raises(CommandError) as error:
        call_command("load_demo", only=["gibtsnicht"], verbosity=0)
    assert str(error.value) == "Keine Demo-Inhalte für: gibtsnicht. Möglich sind: campaign, stories, press, consent."


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set (CI sets it for the PostgreSQL run)")
def test_redis_cache_round_trip():
    code = (
        "from django.core.cache import caches\n"
        "c = caches['default']\n"
        "c.set('kjc-test-key', 'Düren', 30)\n"
        "print(type(c).__name__, c.get('kjc-test-key'))"
    )
    result = run_django(code, DJANGO_SECRET_KEY="x", REDIS_URL=os.environ["REDIS_URL"])
    assert result.stdout.strip() == "ResilientRedisCache Düren", result.stderr  # shared/rediscache.py


def test_sitemap_lists_the_public_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"<loc>http://testserver/</loc>" in response.content
    assert b"<loc>http://testserver/jobcenter/kreis-dueren/</loc>" in response.content
    assert response.content.count(b"<loc>http://testserver/jobcenter/") == 105  # list + 104 pages
    assert response.content.count(b"<loc>http://testserver/leitbild/") == 2 + 7  # overview, PDF, 7 chapters


@pytest.mark.parametrize(
    ("path", "current"),
    [("/barrierefreiheit/melden/", "Barriere melden"), ("/barrierefreiheit/", "Barrierefreiheit")],
)
def test_only_the_most_specific_navigation_link_is_current(client, path, current):
    html = client.get(path).content.decode()
    assert html.count('aria-current="page"') == 1
    assert f'aria-current="page">{current}</a>' in html


def test_favicon_ico_redirects_to_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")
