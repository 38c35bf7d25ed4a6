"""css/site.bundle.css (config/cssbundle.py): the one render-blocking stylesheet is the site's
stylesheets joined in their order, never stale, and collected with a hashed name whose font
URLs point at the hashed fonts."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import RequestFactory

from config import cssbundle


def test_the_bundle_is_every_source_in_order_with_one_charset():
    text = cssbundle.bundle_text()
    assert text.startswith('@charset "UTF-8";') and text.count("@charset") == 1
    positions = []
    for name in cssbundle.SOURCES:
        source = Path(finders.find(name)).read_text(encoding="utf-8").strip()
        body = re.sub(r'^@charset "UTF-8";', "", source).strip()
        assert body in text, name  # whole, unchanged
        positions.append(text.index(body))
    assert positions == sorted(positions)  # the cascade keeps its order


def test_the_finder_builds_the_bundle_from_the_current_sources(tmp_path, settings):
    settings.BASE_DIR = tmp_path  # var/cssbundle/ under a fresh root
    found = finders.find(cssbundle.BUNDLE)
    assert found and found.startswith(str(tmp_path))
    assert Path(found).read_text(encoding="utf-8") == cssbundle.bundle_text()
    listed = [path for finder in finders.get_finders() for path, _storage in finder.list([])]
    assert listed.count(cssbundle.BUNDLE) == 1


def test_pages_link_one_render_blocking_stylesheet(rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    html = render_to_string("404.html", request=request)
    links = re.findall(r"<link rel=\"stylesheet\"[^>]*>", html)
    blocking = [link for link in links if 'media="print"' not in link]
    assert len(blocking) == 1 and "css/site.bundle.css" in blocking[0], links


def test_collectstatic_hashes_the_bundle_and_its_font_urls(tmp_path, settings):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    hashed = sorted(tmp_path.glob("css/site.bundle.*.css"))
    assert hashed, "no hashed bundle collected"
    css = hashed[0].read_text(encoding="utf-8")
    fonts = re.findall(r'url\("(\.\./vendor/kern/fonts/[^"]+)"\)', css)
    assert fonts and all(re.search(r"FiraSans-\w+\.[0-9a-f]{12}\.woff2$", url) for url in fonts), fonts
    assert all((tmp_path / "css" / url).resolve().exists() for url in fonts)
