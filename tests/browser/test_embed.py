"""The iframe card in a real browser, inside a page of another origin (a second server on
another port): it renders, sets no cookie and asks no third host for anything; a normal page
of ours refuses to be framed there."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.factories import PhotoFactory, StoryFactory, kommune
from tests.servers import free_port

# The iframe exactly as the guide hands it out (stories/embed.py: iframe_code).
HOST_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Website der Kommune</title></head>
<body><h1>Website der Kommune</h1>
<iframe id="card" src="{base}/geschichten/erika/karte/" title="Geschichte" width="100%" height="600"
  sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
<iframe id="jobcenter" src="{base}/jobcenter/kreis-dueren/karte/" title="Geschichten" height="560"></iframe>
<iframe id="normal" src="{base}/" title="Startseite" width="100%" height="400"></iframe>
</body></html>"""


@pytest.fixture
def other_origin(live_server):
    """A page of another origin (127.0.0.1 on a second port; the live server is localhost)."""
    body = HOST_PAGE.format(base=live_server.url).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_iframe_card_renders_on_another_origin_without_cookie_or_third_host(site, other_origin):
    PhotoFactory(story=StoryFactory(slug="erika", name="Erika Beispiel", quote="Ich bin wieder da."))
    StoryFactory(name="Max Muster", quote="Endlich eine Ausbildung.", kommune=kommune("kreis-dueren"))
    assert origin(site.base) != other_origin
    page = site.page
    # This test visits two origins on purpose: its own watcher instead of the site's.
    page.remove_listener("request", site.problems.on_request)
    page.remove_listener("console", site.problems.on_console)
    requests, console = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text))

    page.goto(other_origin + "/", wait_until="load")

    card = page.frame_locator("#card")
    expect(card.locator("h1")).to_have_text("Erika Beispiel")
    expect(card.locator(".embed-card__quote")).to_have_text("„Ich bin wieder da.“")
    expect(card.locator("a.embed-card__link").first).to_have_attribute("target", "_blank")
    image = card.locator("img.embed-card__image")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    font = card.locator("h1").evaluate("el => getComputedStyle(el).fontFamily")
    assert font.startswith('"Fira Sans"')
    expect(page.frame_locator("#jobcenter").locator(".embed-card__item")).to_have_count(2)

    # The normal page refuses: Chromium blocks it and names the directive.
    page.wait_for_timeout(300)
    assert any("frame-ancestors" in message and "'none'" in message for message in console), console
    normal = page.frame(url=site.url("/"))
    assert normal is None or normal.evaluate("() => document.querySelector('.site-skip-link')") is None
    assert not any(frame.url == site.url("/") for frame in page.frames)

    assert page.context.cookies() == []
    hosts = {origin(url) for url in requests if urlsplit(url).scheme not in ("data", "about", "blob")}
    assert hosts <= {other_origin, origin(site.base)}, hosts
    assert any(url.startswith(site.url("/geschichten/erika/karte/")) for url in requests)
    other_csp = [m for m in console if "Content Security Policy" in m and "frame-ancestors" not in m]
    assert other_csp == [], other_csp


def test_embed_card_passes_axe(site):
    PhotoFactory(story=StoryFactory(slug="erika", name="Erika Beispiel"))
    site.page.set_viewport_size({"width": 390, "height": 700})
    site.open("/geschichten/erika/karte/")
    assert_accessible(site.page)
    site.open("/jobcenter/kreis-dueren/karte/")
    assert_accessible(site.page)
    assert site.page.context.cookies() == []


def test_embed_guide_passes_axe_and_does_not_overflow(site):
    StoryFactory(name="Max Muster", kommune=kommune("kreis-dueren"))
    site.page.set_viewport_size({"width": 390, "height": 844})
    site.open("/presse/einbinden/?jobcenter=kreis-dueren")
    assert_accessible(site.page)
    assert site.page.evaluate("() => document.documentElement.scrollWidth") <= 390
