"""`make bench`: speed of the served site against its targets.

Starts gunicorn exactly as `make run` does (same settings, DEBUG off, collected static files)
on a free local port, takes the public pages from /sitemap.xml (a sample per section) plus
the stylesheets, requests each page many times from a few threads, and reports median and
95th-percentile response times and sizes against the targets below. Exits 1 when a target
is missed. Results are also written to bench-results/latest.json.

Timing on a shared 2-core machine varies; that is why these are a benchmark and not tests.
Query budgets, which do not vary, are tests (tests/*/test_*queries*).
"""

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parent.parent
TARGETS_MS = {"page": {"p50": 60, "p95": 200}, "static": {"p50": 10, "p95": 40}}
MAX_PAGE_BYTES = 150_000  # HTML of one page, uncompressed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, headers: dict | None = None) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
        status = response.status
    return status, body, (time.perf_counter() - started) * 1000


def sample_urls(base: str, per_section: int) -> list[str]:
    _, body, _ = get(base + "/sitemap.xml")
    urls = [urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    by_section: dict[str, list[str]] = {}
    for path in urls:
        section = path.strip("/").split("/")[0]
        by_section.setdefault(section, []).append(path)
    picked = []
    for paths in by_section.values():
        picked.extend(paths[:per_section])
    return picked


def measure(base: str, path: str, requests: int, concurrency: int) -> dict:
    url = base + path
    get(url)  # warm up
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda _: get(url, {"Accept-Encoding": "identity"}), range(requests)))
    times = sorted(r[2] for r in results)
    statuses = {r[0] for r in results}
    return {
        "path": path,
        "status": sorted(statuses),
        "bytes": len(results[0][1]),
        "p50": round(statistics.median(times), 1),
        "p95": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=40, help="requests per page (default 40)")
    parser.add_argument("--concurrency", type=int, default=4, help="parallel clients (default 4)")
    parser.add_argument("--per-section", type=int, default=3, help="pages per sitemap section (default 3)")
    args = parser.parse_args()

    port = free_port()
    env = {**os.environ, "PORT": str(port), "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "config/gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
            "config.wsgi:application",
        ],
        cwd=PROJECT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if get(base + "/health/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            print("gunicorn did not start", file=sys.stderr)
            return 1

        pages = sample_urls(base, args.per_section)
        home_html = get(base + "/")[1].decode()
        statics = re.findall(r'href="(/static/[^"]+\.css)"', home_html)

        rows = [("page", measure(base, p, args.requests, args.concurrency)) for p in pages]
        rows += [("static", measure(base, p, args.requests, args.concurrency)) for p in statics]
    finally:
        server.terminate()
        server.wait(timeout=10)

    failures = []
    print(f"{'kind':7} {'p50 ms':>7} {'p95 ms':>7} {'bytes':>8}  path")
    for kind, row in rows:
        target = TARGETS_MS[kind]
        missed = [k for k in ("p50", "p95") if row[k] > target[k]]
        if kind == "page" and row["bytes"] > MAX_PAGE_BYTES:
            missed.append("bytes")
        if row["status"] != [200]:
            missed.append(f"status {row['status']}")
        flag = "  MISSED: " + ", ".join(missed) if missed else ""
        print(f"{kind:7} {row['p50']:7.1f} {row['p95']:7.1f} {row['bytes']:8d}  {row['path']}{flag}")
        if missed:
            failures.append(row["path"])
    print(
        f"\nTargets: pages p50 ≤ {TARGETS_MS['page']['p50']} ms, p95 ≤ {TARGETS_MS['page']['p95']} ms, "
        f"HTML ≤ {MAX_PAGE_BYTES // 1000} kB; static p50 ≤ {TARGETS_MS['static']['p50']} ms, "
        f"p95 ≤ {TARGETS_MS['static']['p95']} ms ({args.concurrency} parallel clients)."
    )
    out = PROJECT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({"targets": TARGETS_MS, "rows": [r for _, r in rows]}, indent=2))
    if failures:
        print(f"{len(failures)} target(s) missed.")
        return 1
    print("All targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
