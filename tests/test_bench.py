"""The pure helpers of `make bench` (scripts/bench_html.py, scripts/bench_report.py): which pictures a
phone loads from a page, and how figures become ratios and verdicts. The bench itself is not run here."""

import pytest

from scripts.bench_html import (
    local_path,
    media_matches,
    page_pictures,
    parse_srcset,
    pick,
    ratio,
    slot_width,
    story_links,
    unique,
    verdict,
    video_of,
)
from scripts.bench_load import parse_wrk, wrk_script
from scripts.bench_report import targets

SIZES = "(min-width: 90em) 22rem, (min-width: 62em) 30vw, (min-width: 40em) 45vw, 100vw"
CARD = f"""
<picture>
  <source type="image/avif" srcset="/media/a-480.avif 480w, /media/a-800.avif 800w, /media/a-960.avif 960w"
    sizes="{SIZES}">
  <source type="image/webp" srcset="/media/a-480.webp 480w, /media/a-800.webp 800w" sizes="{SIZES}">
  <img src="/media/a-800.jpg" srcset="/media/a-480.jpg 480w, /media/a-800.jpg 800w" sizes="{SIZES}" alt="">
</picture>
"""


def test_parse_srcset_reads_width_descriptors_and_bare_urls():
    assert parse_srcset("/a.avif 480w, /b.avif 800w") == [("/a.avif", 480), ("/b.avif", 800)]
    assert parse_srcset("/a.png, /b.png 2x") == [("/a.png", None), ("/b.png", None)]
    assert parse_srcset("") == []


@pytest.mark.parametrize(
    ("viewport", "width"),
    [(390, 390), (800, 360), (1200, 360), (1600, 352)],
)
def test_slot_width_takes_the_first_matching_media_condition(viewport, width):
    assert slot_width(SIZES, viewport) == pytest.approx(width)


def test_media_conditions_in_em_and_px():
    assert media_matches("(min-width: 40em)", 640)
    assert not media_matches("(min-width: 40em)", 639)
    assert media_matches("(max-width: 500px)", 390)
    assert not media_matches("(orientation: portrait)", 390)


def test_pick_takes_the_narrowest_candidate_wide_enough_for_the_device_pixels():
    srcset = "/a-480.avif 480w, /a-800.avif 800w, /a-960.avif 960w"
    assert pick(srcset, SIZES, 390, 1) == "/a-480.avif"
    assert pick(srcset, SIZES, 390, 2) == "/a-800.avif"
    assert pick(srcset, SIZES, 390, 3) == "/a-960.avif"  # none wide enough: the widest
    assert pick("", "", 390, 2, fallback="/logo.svg") == "/logo.svg"


def test_page_pictures_take_the_first_supported_source_of_each_picture_and_plain_images():
    html = '<img src="/static/logo.svg" alt="">' + CARD + CARD.replace("/media/a-", "/media/b-")
    assert page_pictures(html, 390, 2) == ["/static/logo.svg", "/media/a-800.avif", "/media/b-800.avif"]
    assert page_pictures(html, 390, 2, types=("image/webp",)) == [
        "/static/logo.svg",
        "/media/a-800.webp",
        "/media/b-800.webp",
    ]
    # Without a supported source, the <img> itself with its srcset.
    assert page_pictures(CARD, 390, 1, types=("image/jpeg",)) == ["/media/a-480.jpg"]


def test_video_of_finds_the_poster_and_the_sources():
    html = (
        '<video controls poster="/media/CACHE/p.jpg"><source src="/media/v.webm" type="video/webm">'
        '<source src="http://testserver/media/v.mp4" type="video/mp4"></video>'
    )
    assert video_of(html) == {
        "poster": "/media/CACHE/p.jpg",
        "video/webm": "/media/v.webm",
        "video/mp4": "/media/v.mp4",
    }
    assert video_of("<p>no video</p>") == {}


def test_story_links_skip_the_feed_and_repeats():
    html = '<a href="/geschichten/feed/"></a><a href="/geschichten/anna/"></a><a href="/geschichten/anna/"></a>'
    assert story_links(html) == ["/geschichten/anna/"]
    assert unique(["/a", "/b", "/a"]) == ["/a", "/b"]
    assert local_path("http://x/media/a.avif?v=1") == "/media/a.avif?v=1"


def test_ratio_and_verdict():
    assert ratio(3, 1.5) == 2
    assert ratio(1, 0) is None
    assert ratio(None, 1) is None
    assert verdict(2.0, 2.0, higher_is_better=False)
    assert not verdict(2.1, 2.0, higher_is_better=False)
    assert verdict(0.5, 0.5, higher_is_better=True)
    assert not verdict(None, 0.5, higher_is_better=True)


def test_wrk_script_walks_the_paths_with_the_headers_and_its_line_parses():
    script = wrk_script(["/a", '/b"c'], {"Range": "bytes=0-1048575"})
    assert 'local paths = {"/a", "/b\\"c"}' in script
    assert '["Range"] = "bytes=0-1048575"' in script
    result = parse_wrk("Running 2s test\nBENCH 2000 2.000000 5.5 40.2 3 123456\n")
    assert result == {"requests": 2000, "seconds": 2.0, "p50_ms": 5.5, "p99_ms": 40.2, "errors": 3, "bytes": 123456}


def _load(rps, p99=10.0, errors=0):
    return {"rps": rps, "p99_ms": p99, "errors": errors}


def test_targets_mark_each_figure_met_or_not_met():
    results = {
        "media": [{"key": "rendition", "path": "/media/r.avif", "cpu_ratio": 30.0}],
        "pages": [
            {"path": "/", "cpu_ratio": 1.5, "rps_ratio": 0.9, "site": _load(900)},
            {"path": "/slow/", "cpu_ratio": 2.5, "rps_ratio": 0.4, "site": _load(400, p99=150)},
        ],
        "bursts": [{"servers": 1, "database": "SQLite", "ratio": 0.6, "site": _load(600)}],
        "header_loop": [
            {"key": "plain", "page_cache": "hit", "inprocess_page_cache": "hit", "cpu_ratio": 1.0},
            {"key": "cookie", "page_cache": "bypass", "inprocess_page_cache": "bypass", "cpu_ratio": 70.0},
            {"key": "authorization", "page_cache": "hit", "inprocess_page_cache": "hit", "cpu_ratio": 1.1},
        ],
    }
    met = {row["target"].split(":")[0]: row["met"] for row in targets(results)}
    assert met["rendition `/media/r.avif`"] is False
    assert met["page `/`"] is True
    assert met["page `/slow/`"] is False
    assert met["gallery burst, 1 app server(s), SQLite"] is True
    assert met["made-up cookie header served from the page cache (X-Page-Cache"] is False
    assert met["made-up authorization header served from the page cache (X-Page-Cache"] is True
    assert len(targets(results)) == 1 + 2 + 2 + 1 + 2
