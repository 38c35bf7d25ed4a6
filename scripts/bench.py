"""`make bench`: each public page against a static file of the same size, same server, same run.

On its own database (bench/bench.sqlite3, `load_demo --stories 1000`) and static root, it
starts gunicorn as `make run` does (config/gunicorn.conf.py, DEBUG off) on a free loopback
port, fetches each page once to learn its size, writes a static twin of that size into the
static root (served by WhiteNoise), restarts the server so WhiteNoise sees the twins, and then
loads each page and its twin at 16 connections for a few seconds: requests/s, p50, p99,
errors, and the server's CPU ms per request (utime+stime of gunicorn's processes from
/proc). Load comes from wrk when installed, else from a bounded Python generator (threads,
http.client keep-alive). Writes bench/REPORT.md and bench/results.json.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "bench"
DB = BENCH / "bench.sqlite3"
STATIC_ROOT = BENCH / "staticfiles"
CONNECTIONS = 16
TICK = os.sysconf("SC_CLK_TCK")
PAGES = [
    "/",
    "/geschichten/",
    "/geschichten/?seite=2",
    "STORY",
    "/leitbild/",
    "CHAPTER",
    "/jobcenter/",
    "/jobcenter/kreis-dueren/",
    "/presse/",
    "/suche/?q=Ausbildung",
]
TARGET_RATIO, TARGET_P99_MS = 0.5, 100


def env() -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{DB}",
        "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_TASK_WORKER": "true",
    }


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env(), check=True)


def prepare(stories: int) -> None:
    BENCH.mkdir(exist_ok=True)
    if not DB.exists():
        manage("migrate", "--noinput", "--verbosity", "0")
        manage("load_demo", "--stories", str(stories))
    else:
        manage("migrate", "--noinput", "--verbosity", "0")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    # A fresh demo queues a share card for each of the 1000 stories and the PDFs: finish that
    # background work first, or the burst would measure card drawing on the same 2 cores.
    manage("db_worker", "--batch", "--queue-name=*", "--no-startup-delay", "--no-reload", "--verbosity", "0")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self):
        self.port = free_port()
        gunicorn = Path(sys.executable).parent / "gunicorn"
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "--config",
                "config/gunicorn.conf.py",
                "--max-requests",
                "0",
                "--access-logfile",
                "/dev/null",
                "config.wsgi:application",
            ],
            cwd=PROJECT,
            env={**env(), "PORT": str(self.port), "HOST": "127.0.0.1"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                if get(self.port, "/health/")[0] in (200, 500, 503):
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn did not start")

    def cpu_ticks(self) -> int:
        """utime+stime of the master and every child (workers, a task worker)."""
        pids = {self.process.pid}
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids |= {int(p) for p in children.read_text().split()}
        total = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def resolve_pages(port: int) -> list[str]:
    _, body = get(port, "/sitemap.xml")
    locs = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    story = next(u for u in locs if re.fullmatch(r"/geschichten/[^/]+/", u))
    chapter = next(u for u in locs if re.fullmatch(r"/leitbild/[^/]+/", u))
    return [{"STORY": story, "CHAPTER": chapter}.get(p, p) for p in PAGES]


def load_python(port: int, path: str, seconds: float) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": pct(0.5),
        "p99_ms": pct(0.99),
        "errors": errors[0],
    }


WRK_LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %d %f %f %f %d\\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
"""


def load_wrk(port: int, path: str, seconds: float) -> dict:
    script = BENCH / "report.lua"
    script.write_text(WRK_LUA)
    out = subprocess.run(
        [
            shutil.which("wrk") or "wrk",
            "-t",
            "2",
            "-c",
            str(CONNECTIONS),
            "-d",
            f"{max(1, round(seconds))}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests, rps, p50, p99, errors = re.search(r"BENCH (\S+) (\S+) (\S+) (\S+) (\S+)", out).groups()
    return {
        "requests": int(requests),
        "rps": float(rps),
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "errors": int(errors),
    }


def measure(server: Server, path: str, seconds: float, use_wrk: bool) -> dict:
    before = server.cpu_ticks()
    result = (load_wrk if use_wrk else load_python)(server.port, path, seconds)
    ticks = server.cpu_ticks() - before
    result["cpu_ms_per_request"] = ticks * 1000 / TICK / result["requests"] if result["requests"] else None
    return result


def twin_name(index: int) -> str:
    return f"bench-twins/page-{index}.html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--python-load", action="store_true", help="use the Python generator even if wrk exists")
    args = parser.parse_args()
    use_wrk = shutil.which("wrk") is not None and not args.python_load
    prepare(args.stories)

    server = Server()
    try:
        pages = resolve_pages(server.port)
        sizes = {}
        for path in pages:
            status, body = get(server.port, path)
            sizes[path] = len(body)
            if status != 200:
                print(f"warning: {path} answered {status}", file=sys.stderr)
    finally:
        server.stop()
    for i, path in enumerate(pages):
        twin = STATIC_ROOT / twin_name(i)
        twin.parent.mkdir(parents=True, exist_ok=True)
        twin.write_bytes(b"x" * sizes[path])

    load = os.getloadavg()
    server = Server()
    rows = []
    try:
        for i, path in enumerate(pages):
            for _ in range(32):  # warm: every gunicorn worker has its own memory page cache
                get(server.port, path)
            page = measure(server, path, args.seconds, use_wrk)
            static = measure(server, "/static/" + twin_name(i), args.seconds, use_wrk)
            ratio = page["rps"] / static["rps"] if static["rps"] else 0
            rows.append({"path": path, "bytes": sizes[path], "page": page, "static": static, "ratio": ratio})
            print(
                f"{path:40} {page['rps']:8.1f} rps  p50 {page['p50_ms']:6.1f}  p99 {page['p99_ms']:6.1f}  "
                f"err {page['errors']}  x{ratio:.2f} static  cpu {page['cpu_ms_per_request'] or 0:.1f} ms"
            )
    finally:
        server.stop()
    write_report(rows, use_wrk, args, load)
    return 0


def write_report(rows: list, use_wrk: bool, args, load) -> None:
    (BENCH / "results.json").write_text(
        json.dumps(
            {
                "load_generator": "wrk" if use_wrk else "python",
                "seconds": args.seconds,
                "connections": CONNECTIONS,
                "stories": args.stories,
                "loadavg_before": load,
                "cpus": os.cpu_count(),
                "pages": rows,
            },
            indent=2,
        )
    )
    lines = [
        "# make bench — report",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} CPUs; load average before the run "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}; load from {'wrk' if use_wrk else 'the Python generator'}, "
        f"{CONNECTIONS} connections, {args.seconds:g} s per URL; `load_demo --stories {args.stories}`. "
        "The load generator runs on the same machine as the server.",
        "",
        "| Page | Bytes | req/s | p50 ms | p99 ms | errors | static req/s | ratio | CPU ms/req |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        p, s = r["page"], r["static"]
        lines.append(
            f"| `{r['path']}` | {r['bytes']} | {p['rps']:.0f} | {p['p50_ms']:.1f} | {p['p99_ms']:.1f} | "
            f"{p['errors']} | {s['rps']:.0f} | {r['ratio']:.2f} | {p['cpu_ms_per_request'] or 0:.1f} |"
        )
    ratio_miss = [r["path"] for r in rows if r["ratio"] < TARGET_RATIO]
    p99_miss = [r["path"] for r in rows if r["page"]["p99_ms"] >= TARGET_P99_MS]
    err_miss = [r["path"] for r in rows if r["page"]["errors"]]

    def verdict(missed):
        return "**met**" if not missed else "**missed** for " + ", ".join(f"`{m}`" for m in missed)

    lines += [
        "",
        "## Targets",
        "",
        f"- Every page ≥ {TARGET_RATIO} × its static twin's throughput: {verdict(ratio_miss)}.",
        f"- p99 < {TARGET_P99_MS} ms: {verdict(p99_miss)}.",
        f"- Zero errors: {verdict(err_miss)}.",
        "",
        "Each page is requested 32 times before it is measured, so the cache-hit path is measured (each "
        "gunicorn worker keeps its own memory page cache). Load generator and server share the 2 cores; "
        "see README, Speed.",
    ]
    (BENCH / "REPORT.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
