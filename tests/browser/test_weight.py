"""A light first visit, measured in Chromium like a visitor's phone: 390 px wide, empty cache.

The site runs as `make run` serves it (gunicorn, collectstatic with hashed, Brotli-compressed
static files, DEBUG off) with the demo content, in its own processes. Chromium reports every
byte it received (headers included) through the DevTools protocol (Network.loadingFinished).

Targets (issue 13): home ≤ 150 KB, gallery ≤ 300 KB, a photo story ≤ 250 KB, photos included;
Largest Contentful Paint under 1.2 s on Lighthouse's mobile network (1.6 Mbit/s, 150 ms round trip).

What gates (issue 26) is what does not depend on the host: the bytes, the requests, the
render-blocking chain and the Largest Contentful Paint *simulated* from them on Lighthouse's mobile
network (`simulated_lcp`: the bytes the paint waits for, sent one after the other over the
throttled line, plus a round trip per link of the request chain and the connection's set-up; no
CPU time, no server time). The paint time measured with applied throttling depends on the host
(the same commit measured 0.9–1.2 s on one machine and 1.5–2.3 s on a slower one), so it is only
printed as a report: `make test-lcp` (marker `lcp_report`, not part of `make test`).

The CPU slowdown of that report is calibrated as Lighthouse advises: Lighthouse's 4× assumes a fast
desktop host (benchmark index about 1,500); on a slower host the same 4× emulates a far slower phone
than intended. `cpu_slowdown()` measures this host's benchmark index with Lighthouse's own two
micro-benchmarks and maps it with Lighthouse's throttling calculator (1,300 → 3×, 800 → 2×,
150 → 1×), never above Lighthouse's default 4×.
"""

import os
import re
import statistics
from pathlib import Path

import pytest

from tests import snapshots
from tests.servers import Gunicorn
from tests.test_serving import fetch

PROJECT = Path(__file__).resolve().parent.parent.parent
KB = 1024
PHONE = {"width": 390, "height": 844}
BUDGETS = {"home": 150 * KB, "gallery": 300 * KB, "photo-story": 250 * KB}
LCP_TARGET_MS = 1200
LCP_RUNS = 5
# Lighthouse's mobile network in the simulation: a round trip, the line's speed (bytes per ms) and
# the set-up of the connection, TCP and TLS (the site is served over HTTPS), one round trip each.
RTT_MS = 150
LINE_BYTES_PER_MS = 1.6 * 1024 * 1024 / 8 / 1000
CONNECTION_RTTS = 2
# Lighthouse's mobile throttling ("Slow 4G" on a mid-range phone).
THROTTLING = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
LIGHTHOUSE_DEFAULT_SLOWDOWN = 4
# Lighthouse's computeBenchmarkIndex (page-functions): string building (with garbage collection)
# and array copying (without), iterations per second / 10, averaged.
BENCHMARK_INDEX_JS = """() => {
  function withGc() { const start = Date.now(); let it = 0;
    while (Date.now() - start < 500) { let s = ''; for (let j = 0; j < 10000; j++) s += 'a'; it++; }
    return Math.round(it / 10 / ((Date.now() - start) / 1000)); }
  function withoutGc() { const a = [], b = []; for (let i = 0; i < 100000; i++) { a[i] = b[i] = i; }
    const start = Date.now(); let it = 0;
    while (it % 10 !== 0 || Date.now() - start < 500) {
      const from = it % 2 === 0 ? a : b, to = it % 2 === 0 ? b : a;
      for (let j = 0; j < from.length; j++) to[j] = from[j]; it++; }
    return Math.round(it / 10 / ((Date.now() - start) / 1000)); }
  return (withGc() + withoutGc()) / 2;
}"""


def slowdown_for(benchmark_index: float) -> float:
    """Lighthouse's CPU throttling calculator, capped at its default 4×."""
    if benchmark_index >= 1300:
        multiplier = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        multiplier = 2 + (benchmark_index - 800) / 500
    elif benchmark_index >= 150:
        multiplier = 1 + (benchmark_index - 150) / 650
    else:
        multiplier = 1
    return round(min(max(multiplier, 1), LIGHTHOUSE_DEFAULT_SLOWDOWN), 2)


_calibrated: dict[str, float] = {}


def cpu_slowdown(browser) -> float:
    """This host's multiplier, measured once (the best of three runs: the first warms up)."""
    if "rate" not in _calibrated:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.set_content("<p>Kalibrierung</p>")
            index = max(page.evaluate(BENCHMARK_INDEX_JS) for _ in range(3))
        finally:
            context.close()
        _calibrated["rate"] = slowdown_for(index)
        print(f"\nbenchmark index {index:.0f}: CPU slowed down {_calibrated['rate']}x")
    return _calibrated["rate"]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The demo site served by gunicorn from its own database, media and collected static files."""
    tmp = tmp_path_factory.mktemp("weight")
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "weight-test-key",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "GUNICORN_WORKERS": "1",
    }
    env.pop("DJANGO_STATICFILES_STORAGE", None)  # the real, hashed, compressed storage
    env.pop("REDIS_URL", None)
    # The demo site (migrate + load_demo) and the collected static files, made once per state of
    # the code (tests/snapshots.py) and copied here.
    env |= snapshots.demo_files(tmp / "site")
    env["DJANGO_STATIC_ROOT"] = str(snapshots.collected_static())
    server = Gunicorn(env, tmp / "gunicorn.log", workers=1).start()
    yield server.url
    server.stop()


def photo_story_path(base: str) -> str:
    """The first story in the gallery that shows a photo and no video."""
    gallery = fetch(base + "/geschichten/")[2].decode()
    for path in dict.fromkeys(re.findall(r'href="(/geschichten/[a-z0-9-]+/)"', gallery)):
        html = fetch(base + path)[2].decode()
        if "/photos/" in html and "<video" not in html and "data-stories-facade" not in html:
            return path
    pytest.fail("the demo content has no photo story")


class Visit:
    """One page in a fresh browser context (empty cache), with the bytes Chromium received."""

    def __init__(self, browser, throttled: bool = False):
        self.context = browser.new_context(viewport=PHONE, locale="de-DE")
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.received: dict[str, float] = {}
        self.urls: dict[str, str] = {}
        self.initiators: dict[str, str] = {}  # url -> the url whose parsing or script started it
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)
        if throttled:
            self.cdp.send("Network.emulateNetworkConditions", THROTTLING)
            self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown(browser)})

    def _sent(self, event) -> None:
        url = event["request"]["url"]
        self.urls[event["requestId"]] = url
        initiator = event.get("initiator", {})
        origin = initiator.get("url") or next(
            (frame.get("url") for frame in initiator.get("stack", {}).get("callFrames", []) if frame.get("url")), ""
        )
        self.initiators.setdefault(url, origin)

    def _finished(self, event) -> None:
        self.received[event["requestId"]] = event["encodedDataLength"]

    def open(self, url: str) -> None:
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, url
        self.page.wait_for_selector("main#main")
        self.page.wait_for_load_state("networkidle")
        self.page.evaluate("() => document.fonts.ready.then(() => true)")

    def total_bytes(self) -> int:
        return int(sum(self.received.values()))

    def report(self) -> str:
        rows = sorted(((size, self.urls.get(rid, rid)) for rid, size in self.received.items()), reverse=True)
        return "\n".join(f"{size / KB:7.1f} KB  {url}" for size, url in rows)

    def largest_contentful_paint(self) -> float:
        return self.page.evaluate(
            """() => new Promise(resolve => {
                new PerformanceObserver(list => {
                    const entries = list.getEntries();
                    resolve(entries[entries.length - 1].startTime);
                }).observe({type: 'largest-contentful-paint', buffered: true});
            })"""
        )

    def largest_contentful_element(self) -> str:
        return self.page.evaluate(
            """() => new Promise(resolve => {
                new PerformanceObserver(list => {
                    const e = list.getEntries().at(-1).element;
                    resolve(e ? `${e.tagName.toLowerCase()}.${e.className || ''} ${e.currentSrc || ''}` : '?');
                }).observe({type: 'largest-contentful-paint', buffered: true});
            })"""
        )

    def lcp_resource(self) -> str:
        """The URL of the largest contentful element's picture, "" for text."""
        return self.page.evaluate(
            """() => new Promise(resolve => {
                new PerformanceObserver(list => resolve(list.getEntries().at(-1).url || ''))
                    .observe({type: 'largest-contentful-paint', buffered: true});
            })"""
        )

    def bytes_of(self, url: str) -> int:
        return int(sum(size for rid, size in self.received.items() if self.urls.get(rid) == url))

    def close(self) -> None:
        self.context.close()


def render_blocking(page) -> list[str]:
    """What the first paint waits for: stylesheets for the screen and scripts without defer/async."""
    return page.evaluate(
        """() => [
            ...[...document.querySelectorAll('link[rel=stylesheet]')]
                .filter(l => !l.media || matchMedia(l.media).matches).map(l => l.href),
            ...[...document.querySelectorAll('head script[src]')]
                .filter(s => !s.defer && !s.async && s.type !== 'module').map(s => s.src),
        ]"""
    )


def preloaded(page) -> list[str]:
    """Preloads in the head: fetched at high priority, they share the line with the paint's needs."""
    return page.eval_on_selector_all("link[rel=preload]", "links => links.map(link => link.href)")


def chain_length(initiators: dict[str, str], needed: list[str], document_url: str) -> int:
    """The longest chain of requests (the document counts one) that ends in one of `needed`."""

    def depth(url: str, seen: tuple[str, ...] = ()) -> int:
        parent = initiators.get(url, "")
        if url == document_url or not parent or parent in seen:
            return 1
        return 1 + depth(parent, (*seen, url))

    return max(depth(url) for url in needed)


def paint_ms(sizes, chain: int) -> float:
    """The bytes one after the other over the line, a round trip per link and for the connection."""
    return (CONNECTION_RTTS + chain) * RTT_MS + sum(sizes) / LINE_BYTES_PER_MS


def simulated_lcp(visit, document_url: str) -> tuple[float, dict[str, int], int]:
    """The Largest Contentful Paint on Lighthouse's mobile network, from bytes and the request chain.

    Sent over the throttled line: the document, every render-blocking resource, every preload of
    the head (they start as early and compete for the line) and the painted picture, if the
    largest element is one. Their bytes go one after the other (the line is the bottleneck), and
    each link of the longest request chain among them costs a round trip, after the connection's
    set-up. Returns (milliseconds, the bytes per URL, the chain's length).
    """
    needed = [document_url, *render_blocking(visit.page), *preloaded(visit.page)]
    if picture := visit.lcp_resource():
        needed.append(picture)
    needed = list(dict.fromkeys(needed))
    sizes = {url: visit.bytes_of(url) for url in needed}
    missing = [url for url, size in sizes.items() if not size]
    assert not missing, f"Chromium reported no bytes for {missing}"

    chain = chain_length(visit.initiators, needed, document_url)
    ms = paint_ms(sizes.values(), chain)
    return ms, sizes, chain


def _paths(base: str) -> dict[str, str]:
    return {"home": "/", "gallery": "/geschichten/", "photo-story": photo_story_path(base)}


@pytest.mark.parametrize("name", BUDGETS)
def test_first_visit_on_a_phone_stays_within_its_weight(browser, demo_site, name):
    visit = Visit(browser)
    try:
        visit.open(demo_site + _paths(demo_site)[name])
        total = visit.total_bytes()
        print(f"\n{name}: {total / KB:.1f} KB in {len(visit.received)} requests\n{visit.report()}")
        assert any("/media/" in url for url in visit.urls.values()) or name == "home", "no photo was loaded"
        assert total <= BUDGETS[name], f"{name}: {total / KB:.1f} KB > {BUDGETS[name] / KB:.0f} KB\n{visit.report()}"
    finally:
        visit.close()


def test_pages_load_only_our_subset_fonts_and_reduced_stylesheet(browser, demo_site):
    visit = Visit(browser)
    try:
        visit.open(demo_site + "/")
        fonts = {url: visit.received[rid] for rid, url in visit.urls.items() if url.endswith(".woff2")}
        assert fonts, "no web font was loaded"
        assert all(size < 30 * KB for size in fonts.values()), fonts
        preloaded = visit.page.eval_on_selector_all(
            "link[rel=preload][as=font]", "links => links.map(link => link.href)"
        )
        assert len(preloaded) == 2 and all("FiraSans-Regular" in u or "FiraSans-SemiBold" in u for u in preloaded)
        for url in preloaded:  # a preload the page does not reuse (crossorigin mismatch) loads twice
            assert list(visit.urls.values()).count(url) == 1, url
        # One render-blocking stylesheet (config/cssbundle.py: KERN, frame and apps joined).
        blocking = visit.page.eval_on_selector_all(
            "link[rel=stylesheet]:not([media=print])", "links => links.map(link => link.href)"
        )
        assert len(blocking) == 1 and "/static/css/site.bundle." in blocking[0], blocking
        css = blocking[0]
        bundle = [visit.received[rid] for rid, url in visit.urls.items() if url == css]
        assert bundle and bundle[0] < 25 * KB, bundle  # compressed by WhiteNoise (Brotli)
        cache_control = fetch(css)[1]["Cache-Control"]  # hashed name: WhiteNoise says ten years
        max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
        assert max_age >= 31536000 and "immutable" in cache_control, cache_control
    finally:
        visit.close()


def _lcp(browser, url: str) -> tuple[float, str]:
    """One throttled first visit: the Largest Contentful Paint (ms) and what it painted."""
    visit = Visit(browser, throttled=True)
    try:
        visit.open(url)
        return visit.largest_contentful_paint(), visit.largest_contentful_element()
    finally:
        visit.close()


def test_the_cpu_slowdown_follows_lighthouses_calculator():
    assert slowdown_for(2000) == 4  # never above Lighthouse's default
    assert slowdown_for(1533) == 4
    assert slowdown_for(1300) == 3
    assert slowdown_for(950) == 2.3
    assert slowdown_for(800) == 2
    assert slowdown_for(150) == 1
    assert slowdown_for(50) == 1


@pytest.mark.parametrize("name", BUDGETS)
def test_simulated_largest_contentful_paint_on_a_phone_network(browser, demo_site, name):
    """The gate of the first visit that no host can move: bytes and the request chain."""
    path = _paths(demo_site)[name]
    visit = Visit(browser)
    try:
        visit.open(demo_site + path)
        blocking = render_blocking(visit.page)
        ms, sizes, chain = simulated_lcp(visit, visit.page.url)
        element = visit.largest_contentful_element()
    finally:
        visit.close()
    listing = "\n".join(f"{size / KB:7.1f} KB  {url}" for url, size in sizes.items())
    print(f"\nsimulated LCP {name} ({path}): {ms:.0f} ms, chain of {chain}, element {element}\n{listing}")
    # One render-blocking stylesheet and no blocking script: the chain is document → stylesheet.
    assert len(blocking) == 1 and "/static/css/site.bundle." in blocking[0], blocking
    assert chain <= 2, f"{name}: the paint waits for a chain of {chain} requests"
    if name == "photo-story":
        assert element.startswith("img."), f"the photo story's largest element is not its photo: {element}"
    assert ms < LCP_TARGET_MS, f"{name}: simulated Largest Contentful Paint {ms:.0f} ms ≥ {LCP_TARGET_MS} ms\n{listing}"


def test_the_simulation_counts_round_trips_and_bytes():
    """Lighthouse's line: 150 ms a round trip, 1.6 Mbit/s (about 210 bytes per ms)."""
    assert paint_ms([100 * KB], chain=2) == pytest.approx(600 + 102400 / 209.7152)
    assert paint_ms([50 * KB, 50 * KB], chain=3) == pytest.approx(750 + 102400 / 209.7152)
    doc, css, font = "https://x/", "https://x/site.css", "https://x/font.woff2"
    assert chain_length({css: doc, font: doc}, [doc, css, font], doc) == 2
    assert chain_length({css: doc, font: css}, [doc, css, font], doc) == 3  # a font found only in the CSS
    assert chain_length({css: doc}, [doc], doc) == 1


@pytest.mark.lcp_report
@pytest.mark.parametrize("name", BUDGETS)
def test_largest_contentful_paint_with_mobile_throttling(browser, demo_site, name):
    """A report, not a gate: the paint time with applied throttling depends on the host.

    `make test-lcp` prints the median of LCP_RUNS first visits; it fails only when a page paints
    no largest element at all or the photo story's is not its photo.
    """
    path = _paths(demo_site)[name]
    runs = [_lcp(browser, demo_site + path) for _ in range(LCP_RUNS)]
    lcp = statistics.median(ms for ms, _element in runs)
    verdict = "within" if lcp < LCP_TARGET_MS else "ABOVE"
    print(
        f"\nLCP {name} ({path}): median {lcp:.0f} ms of {[round(ms) for ms, _e in runs]} "
        f"({verdict} {LCP_TARGET_MS} ms on this host), element {runs[0][1]}"
    )
    assert all(ms > 0 for ms, _element in runs), runs
    if name == "photo-story":
        assert all(element.startswith("img.") for _ms, element in runs), runs
