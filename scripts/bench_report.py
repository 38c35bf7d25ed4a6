"""bench/REPORT.md and bench/results.json of `make bench` (scripts/bench.py): every figure as a ratio to
static files of the same size measured in the same run, each target marked met or not met."""

import json
import time
from pathlib import Path

from scripts.bench_html import verdict

MEDIA_CPU_MAX = 2.0  # media ≤ 2 × static CPU per request (issue 26)
PAGE_CPU_MAX = 2.0  # pages ≤ 2 × static CPU per request
PAGE_RPS_MIN = 0.5  # pages ≥ 0.5 × their static twin's requests/s under load
BURST_MIN = 0.5  # the gallery burst with its pictures ≥ 0.5 × the same burst against static files
P99_MAX_MS = 100


def _f(value, digits=1, suffix=""):
    return "–" if value is None else f"{value:.{digits}f}{suffix}"


def answers(burst: dict) -> str:
    return ", ".join(f"{status} × {count}" for status, count in sorted(burst.get("answers", {}).items()))


def line(row: dict) -> str:
    return (
        f"{row['path'][:60]:60} {row['site']['rps']:7.0f} rps ×{_f(row['rps_ratio'], 2)} static  "
        f"cpu {_f(row['cpu_ms'], 2)} ms ×{_f(row['cpu_ratio'], 1)} static"
    )


def header_line(row: dict) -> str:
    return (
        f"header loop {row['key']:14} X-Page-Cache: {row['page_cache'] or '(none)':7} "
        f"{row['site']['rps']:7.0f} rps ×{_f(row['rps_ratio'], 2)}  cpu {_f(row['cpu_ms'], 2)} ms "
        f"×{_f(row['cpu_ratio'], 1)} a plain hit"
    )


def burst_line(row: dict) -> str:
    return (
        f"gallery burst, {row['servers']} server(s), {row['database']}: {row['site']['rps']:.0f} req/s "
        f"vs static {row['static']['rps']:.0f}: ×{_f(row['ratio'], 2)} ({answers(row)}; "
        f"{row['site']['errors']} errors)"
    )


def targets(results: dict) -> list[dict]:
    """Each target of issue 26 with the measured value and met / not met."""
    rows = []
    for r in results["media"]:
        rows.append(
            {
                "target": f"{r['key']} `{r['path']}`: CPU ≤ {MEDIA_CPU_MAX:g} × static (in-process)",
                "value": r["cpu_ratio"],
                "met": verdict(r["cpu_ratio"], MEDIA_CPU_MAX, higher_is_better=False),
            }
        )
    for r in results["pages"]:
        rows.append(
            {
                "target": f"page `{r['path']}`: CPU ≤ {PAGE_CPU_MAX:g} × static (in-process)",
                "value": r["cpu_ratio"],
                "met": verdict(r["cpu_ratio"], PAGE_CPU_MAX, higher_is_better=False),
            }
        )
    for r in results["pages"]:
        rows.append(
            {
                "target": f"page `{r['path']}`: requests/s ≥ {PAGE_RPS_MIN:g} × static, p99 < {P99_MAX_MS} ms, "
                "no errors (gunicorn)",
                "value": r["rps_ratio"],
                "met": verdict(r["rps_ratio"], PAGE_RPS_MIN, higher_is_better=True)
                and r["site"]["p99_ms"] < P99_MAX_MS
                and not r["site"]["errors"],
            }
        )
    for b in results["bursts"]:
        rows.append(
            {
                "target": f"gallery burst, {b['servers']} app server(s), {b['database']}: ≥ {BURST_MIN:g} × static",
                "value": b["ratio"],
                "met": verdict(b["ratio"], BURST_MIN, higher_is_better=True)
                and not b["site"]["errors"]
                and set(b.get("answers", {"200": 1})) == {"200"},
            }
        )
    for h in results["header_loop"][1:]:
        rows.append(
            {
                "target": f"made-up {h['key']} header served from the page cache (X-Page-Cache: hit)",
                "value": h["cpu_ratio"],
                "met": h["page_cache"] == "hit" and h["inprocess_page_cache"] == "hit",
            }
        )
    return rows


def write(directory: Path, run: dict, results: dict) -> None:
    checks = targets(results)
    (directory / "results.json").write_text(json.dumps({**run, **results, "targets": checks}, indent=2) + "\n")
    m = run["machine"]
    generator = "wrk" if run["load_generator"] == "wrk" else "the Python generator (threads, http.client)"
    lines = [
        "# make bench — report",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; commit {run['commit']}; "
        f"{m['cpus']} CPUs ({m['cpu_model']}); "
        f"load average {m['loadavg_before'][0]:.2f} before the measurements, {m['loadavg_after'][0]:.2f} after; "
        f"other work kept the CPUs {m['busy_before'] * 100:.0f} % busy just before the measurements and "
        f"{m['busy_after'] * 100:.0f} % just after (3 s each, nothing of the bench running). "
        f"Load from {generator}, {run['connections']} connections, {run['seconds']:g} s per URL "
        f"(a burst {run['seconds'] * 2:g} s), on the same machine as the server; in-process CPU: median of "
        f"{run['runs']} warm requests through config.wsgi.application; `load_demo --stories {run['stories']}`"
        f"{'; quick mode (--quick)' if run['quick'] else ''}. {run['minutes']:.1f} min in all, of which "
        f"{run['preparing_minutes']:.1f} min preparing the databases (migrate, and on a first run the demo).",
        "",
        "Every figure is a ratio to static files of the same size served by WhiteNoise from the same server "
        "(or the same process) in the same run: CPU ratio = site CPU / static CPU (lower is better), "
        "req/s ratio = site / static (higher is better).",
        "",
        "## Targets",
        "",
    ]
    met = sum(c["met"] for c in checks)
    lines.append(f"{met} of {len(checks)} met.")
    lines.append("")
    for c in checks:
        lines.append(f"- {'**met**' if c['met'] else '**not met**'} — {c['target']}: ×{_f(c['value'], 2)}")
    lines += [
        "",
        "## Media",
        "",
        "A story rendition (the gallery's first AVIF card picture), a video poster (`<video poster>` of a "
        f"story), and a video requested with `Range: {run['range']}` (its static twin with the same Range). "
        "The demo's videos are about 100 KB; the bench pads its own copy (bench/media) to 2 MB so that the "
        "Range is a real 1 MB slice.",
        "",
        "| Media | Bytes (file) | Status | CPU ms in-process | static CPU ms | CPU ratio | req/s | static req/s "
        "| req/s ratio | server CPU ms/req | static server CPU ms/req | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["media"]:
        s, t = r["site"], r["static"]
        lines.append(
            f"| {r['key']} `{r['path']}` | {r['bytes']} | {r['status']} / {r['static_status']} | "
            f"{_f(r['cpu_ms'], 2)} | {_f(r['static_cpu_ms'], 2)} | {_f(r['cpu_ratio'], 1)} | {s['rps']:.0f} | "
            f"{t['rps']:.0f} | {_f(r['rps_ratio'], 2)} | {_f(s['cpu_ms_per_request'], 2)} | "
            f"{_f(t['cpu_ms_per_request'], 2)} | {s['p99_ms']:.1f} | {s['errors']} |"
        )
    lines += [
        "",
        "## Pages",
        "",
        "Each page is requested 32 times before it is measured, so the cache-hit path is measured (each gunicorn "
        "worker keeps its own memory page cache).",
        "",
        "| Page | Bytes | CPU ms in-process | static CPU ms | CPU ratio | req/s | static req/s | req/s ratio "
        "| p50 ms | p99 ms | errors | server CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["pages"]:
        s, t = r["site"], r["static"]
        lines.append(
            f"| `{r['path']}` | {r['bytes']} | {_f(r['cpu_ms'], 2)} | {_f(r['static_cpu_ms'], 2)} | "
            f"{_f(r['cpu_ratio'], 1)} | {s['rps']:.0f} | {t['rps']:.0f} | {_f(r['rps_ratio'], 2)} | "
            f"{s['p50_ms']:.1f} | {s['p99_ms']:.1f} | {s['errors']} | {_f(s['cpu_ms_per_request'], 2)} |"
        )
    lines += [
        "",
        "## Gallery burst with its pictures",
        "",
        f"`/geschichten/` and every picture a {run['viewport']} px phone at {run['dpr']}× loads from it (the "
        "first supported `<source>` of each `<picture>`, AVIF, the candidate its `sizes` and `srcset` give; "
        "the lazy ones too: the visitor scrolls), each URL once; every connection walks that list. Against "
        "it, the same list of static files of the same sizes.",
        "",
        "| App servers | Database, cache | Requests per view (status × count) | Bytes per view | req/s "
        "| static req/s | ratio | views/s | p99 ms | errors | server CPU ms/req | static server CPU ms/req |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for b in results["bursts"]:
        s, t = b["site"], b["static"]
        lines.append(
            f"| {b['servers']} | {b['database']} | {b['requests_per_view']} ({answers(b)}) | {b['bytes_per_view']} | "
            f"{s['rps']:.0f} | {t['rps']:.0f} | {_f(b['ratio'], 2)} | {s['rps'] / b['requests_per_view']:.1f} | "
            f"{s['p99_ms']:.1f} | {s['errors']} | {_f(s['cpu_ms_per_request'], 2)} | "
            f"{_f(t['cpu_ms_per_request'], 2)} |"
        )
    if run["two_servers_skipped"]:
        lines += [
            "",
            f"Two app servers behind PostgreSQL + Redis: **skipped** — {run['two_servers_skipped']}. Run "
            "`make bench DATABASE_URL=postgres://USER@HOST:5432/ANY REDIS_URL=redis://HOST:6379/N` for it: the "
            "bench makes its own database `kjc_bench` on that server (kept between runs) and uses the key "
            "prefix `kjc-bench-<checkout>` in that Redis.",
        ]
    else:
        lines += [
            "",
            "The PostgreSQL rows: the bench's own database `kjc_bench` and the Redis of REDIS_URL (prefix "
            "`kjc-bench-<checkout>`) shared by the app servers; with two, half of the connections go to each (two load "
            "generators side by side; p99 is the higher of the two).",
        ]
    lines += [
        "",
        "## Cache-busting header loop",
        "",
        "A story page requested with a made-up `Cookie: sessionid=x` and with `Authorization: Basic eA==`, "
        "against the plain request (a page-cache hit). Target: served from the cache (X-Page-Cache: hit), "
        "ratio ≈ 1.",
        "",
        "| Request | X-Page-Cache (gunicorn / in-process) | CPU ms in-process | CPU ratio | req/s | req/s ratio |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for h in results["header_loop"]:
        shown = ", ".join(f"{k}: {v}" for k, v in h["headers"].items()) or "plain"
        lines.append(
            f"| {h['key']} (`{shown}`) | {h['page_cache'] or '(none)'} / {h['inprocess_page_cache'] or '(none)'} | "
            f"{_f(h['cpu_ms'], 2)} | {_f(h['cpu_ratio'], 1)} | {h['site']['rps']:.0f} | {_f(h['rps_ratio'], 2)} |"
        )
    lines += [
        "",
        "Load generator and server share the machine's CPUs; on a machine busy with other work the "
        "absolute figures fall, the ratios (measured side by side) less so and the in-process CPU least. "
        "See README, Speed.",
    ]
    (directory / "REPORT.md").write_text("\n".join(lines) + "\n")
