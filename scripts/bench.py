"""`make bench`: pages, media and the gallery with its pictures, each against static files of the same
size served by WhiteNoise from the same server in the same run; the cache-busting header loop against a
plain cache hit. Writes bench/REPORT.md and bench/results.json (the report: scripts/bench_report.py).

On its own database (bench/bench.sqlite3, `load_demo --stories 1000`), media root (bench/media) and
static root (bench/staticfiles), it starts gunicorn as `make run` does (config/gunicorn.conf.py, DEBUG
off) on a free loopback port and finds what to measure: every public page (sitemap), the gallery
/geschichten/ and every picture a 390 px phone at 2× loads from it (scripts/bench_html.py), a story
rendition, a video poster and a video. It writes a static twin of the same size for each into the
static root and then measures two things:

- CPU per request in-process (scripts/bench_inprocess.py): through config.wsgi.application, every
  middleware; warmed, then 30 runs, the median of time.process_time(). The issue's measure; little
  disturbed by other load on the machine.
- Load at 16 connections against gunicorn for a few seconds, from wrk when installed (else a bounded
  Python generator): requests/s, p50, p99, errors and the server's CPU ms per request (/proc).

The gallery burst (the page and its pictures, walked by every connection) runs against one app server
on SQLite and, when DATABASE_URL names a PostgreSQL server and REDIS_URL a Redis that answer, against
one and two app servers on a database of their own there (kjc_bench) sharing that Redis; otherwise the
report says it was skipped and why.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from scripts import bench_report  # noqa: E402
from scripts.bench_html import page_pictures, ratio, story_links, unique, video_of  # noqa: E402
from scripts.bench_load import Server, get, measure  # noqa: E402

BENCH = PROJECT / "bench"
DB = BENCH / "bench.sqlite3"
STATIC_ROOT = BENCH / "staticfiles"
TWINS = "bench-twins"
VAR = BENCH / "var"
CONNECTIONS = 16
GALLERY = "/geschichten/"
VIEWPORT, DPR = 390, 2
RANGE = "bytes=0-1048575"
VIDEO_BYTES = 2 * 1024 * 1024  # a Range of 1 MB needs a video larger than that
PG_DATABASE = "kjc_bench"
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


def site_env(database_url: str, media: str, **extra: str) -> dict:
    """The bench site's environment: `make run`'s (DEBUG off, plain HTTP), its own roots, no task worker
    (the queue is emptied before measuring; a polling worker would only add noise to the CPU figures)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
        "MEDIA_ROOT": str(BENCH / media),
        "DJANGO_CONSENT_ROOT": str(BENCH / f"private-{media}"),
        "DJANGO_PAGE_CACHE_STAMP": str(VAR / f"page-cache-{media}"),
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_TASK_WORKER": "false",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **extra,
    }
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-any-site-0123456789")
    env.pop("DJANGO_TASKS_BACKEND", None)
    return env


def sqlite_env() -> dict:
    env = site_env(f"sqlite:///{DB}", "media")
    env.pop("REDIS_URL", None)  # one server, per-process memory caches, as `make run`
    return env


def manage(env: dict, *args: str) -> None:
    started = time.monotonic()
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True)
    print(f"manage.py {args[0]}: {time.monotonic() - started:.0f} s")


def migrate(env: dict) -> None:
    """migrate only when a migration is unapplied: every migrate re-indexes the search and queues the PDFs
    again (post_migrate), a minute or more of work that would otherwise repeat on every run."""
    check = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--verbosity", "0"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if check.returncode != 0:
        manage(env, "migrate", "--noinput", "--verbosity", "0")


def prepare_sqlite(stories: int) -> dict:
    env = sqlite_env()
    BENCH.mkdir(exist_ok=True)
    VAR.mkdir(exist_ok=True)
    if DB.exists() and not (BENCH / "media").exists():
        print("bench/bench.sqlite3 without bench/media (an older bench kept media in media/): made anew")
        for path in BENCH.glob("bench.sqlite3*"):
            path.unlink()
    fresh = not DB.exists()
    migrate(env)
    if fresh:
        manage(env, "load_demo", "--stories", str(stories))
    if not static_is_current():
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    # A fresh demo queues a share card for each story and the PDFs: finish that background work first,
    # or the load would measure card drawing on the same cores.
    manage(env, "db_worker", "--batch", "--queue-name=*", "--no-startup-delay", "--no-reload", "--verbosity", "0")
    return env


def static_is_current() -> bool:
    """collectstatic (a minute: every file hashed and compressed) only when a source is newer than the
    bench's manifest: the site's static/ (its only static folder; config.cssbundle builds from it), or the
    installed packages (their admin files)."""
    manifest = STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return False
    sources = [PROJECT / "requirements.txt", *(p for p in (PROJECT / "static").rglob("*") if p.is_file())]
    return all(p.stat().st_mtime < manifest.stat().st_mtime for p in sources)


def postgres_and_redis() -> tuple[dict | None, str]:
    """(the two-server site's environment, "") or (None, why it is skipped)."""
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        return None, "DATABASE_URL does not name a PostgreSQL server"
    if not redis_url:
        return None, "REDIS_URL is not set"
    try:
        import psycopg
        import redis

        with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3):
            pass
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except Exception as error:
        return None, f"PostgreSQL or Redis did not answer ({type(error).__name__}: {error})"
    url = database_url.rsplit("/", 1)[0] + "/" + PG_DATABASE
    # One key prefix per checkout: imagekit remembers in Redis which renditions exist, and another
    # checkout's bench media root does not have them.
    prefix = "kjc-bench-" + hashlib.sha256(str(PROJECT).encode()).hexdigest()[:8]
    return site_env(url, "media-pg", REDIS_URL=redis_url, DJANGO_CACHE_PREFIX=prefix), ""


def forget_cache(env: dict) -> None:
    """Drop the bench's keys in Redis (a new database: what the caches remember is of the old one)."""
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    for key in client.scan_iter(match=env["DJANGO_CACHE_PREFIX"] + "*", count=1000):
        client.delete(key)


def prepare_postgres(env: dict, stories: int) -> None:
    """Its own database kjc_bench on that server (kept between runs like bench.sqlite3), the demo loaded once."""
    import psycopg

    admin = env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (PG_DATABASE,)).fetchone()
        if exists and not Path(env["MEDIA_ROOT"]).exists():
            conn.execute(f'DROP DATABASE "{PG_DATABASE}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
            forget_cache(env)
    try:
        migrate(env)
        if not exists:
            manage(env, "load_demo", "--stories", str(stories))
        # What the demo queued (renditions of big pictures, share cards, PDFs) done before measuring: no
        # worker runs beside the bench's servers, and a picture not yet drawn would answer 404.
        manage(env, "db_worker", "--batch", "--queue-name=*", "--no-startup-delay", "--no-reload", "--verbosity", "0")
    except subprocess.CalledProcessError:
        if not exists:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
        raise


# --- what to measure --------------------------------------------------------------------------------


def resolve_pages(port: int) -> list[str]:
    import re

    body = get(port, "/sitemap.xml")[2].decode()
    locs = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", body)]
    story = next(u for u in locs if re.fullmatch(r"/geschichten/[^/]+/", u))
    chapter = next(u for u in locs if re.fullmatch(r"/leitbild/[^/]+/", u))
    return [{"STORY": story, "CHAPTER": chapter}.get(p, p) for p in PAGES]


def full_size(port: int, path: str) -> tuple[int, int, str]:
    """(status, bytes of the whole file, extension) of a path, fetched once (which also warms it)."""
    status, _headers, body = get(port, path)
    extension = Path(path.split("?")[0]).suffix.lstrip(".") or "html"
    return status, len(body), extension


def gallery_burst(port: int) -> dict:
    """The gallery page and every picture a 390 px phone at 2× loads from it (each URL once)."""
    html = get(port, GALLERY)[2].decode()
    pictures = unique(page_pictures(html, VIEWPORT, DPR))
    items = []
    for path in [GALLERY, *pictures]:
        status, size, extension = full_size(port, path)
        if status != 200:
            print(f"warning: {path} answered {status}", file=sys.stderr)
        items.append({"path": path, "status": status, "bytes": size, "ext": extension})
    return {"html": html, "items": items}


def media_items(port: int, gallery_html: str, pictures: list[dict], pages: list[str]) -> list[dict]:
    """A story rendition (the gallery's first AVIF), a video poster and a video (1 MB Range)."""
    rendition = next(p for p in pictures if p["path"].startswith("/media/CACHE/images/") and p["ext"] == "avif")
    video = {}
    for story in [*story_links(gallery_html), *[p for p in pages if p.startswith("/geschichten/")]]:
        video = video_of(get(port, story)[2].decode())
        if video.get("poster") and video.get("video/mp4"):
            break
    if not video.get("poster"):
        raise SystemExit("no story with a video and a poster found (load_demo has them)")
    _status, poster_bytes, poster_ext = full_size(port, video["poster"])
    return [
        {"key": "rendition", "path": rendition["path"], "bytes": rendition["bytes"], "ext": "avif", "headers": {}},
        {"key": "poster", "path": video["poster"], "bytes": poster_bytes, "ext": poster_ext, "headers": {}},
        {"key": "video", "path": video["video/mp4"], "ext": "mp4", "headers": {"Range": RANGE}},
    ]


def pad_video(env: dict, item: dict) -> None:
    """The demo's videos are about 100 KB: the bench's copy (its own media root, nobody watches it) is
    padded to 2 MB so that the Range request is a real 1 MB slice of a larger file."""
    path = Path(env["MEDIA_ROOT"]) / item["path"].removeprefix("/media/")
    if not path.is_file():
        raise SystemExit(f"{item['path']} is not a file under {env['MEDIA_ROOT']}")
    size = path.stat().st_size
    if size < VIDEO_BYTES:
        with open(path, "ab") as handle:
            handle.write(b"\0" * (VIDEO_BYTES - size))
    item["bytes"] = path.stat().st_size


def twin(size: int, extension: str) -> str:
    """The static twin of a response: a file of the same size and type under the bench's static root."""
    name = f"{TWINS}/{size}.{extension}"
    file = STATIC_ROOT / name
    if not file.exists() or file.stat().st_size != size:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"x" * size)
    return "/static/" + name


# --- measurements -----------------------------------------------------------------------------------


def in_process(env: dict, requests: list[dict], runs: int) -> dict:
    spec, out = VAR / "inprocess-requests.json", VAR / "inprocess-results.json"
    spec.write_text(json.dumps(requests))
    subprocess.run(
        [sys.executable, "scripts/bench_inprocess.py", str(spec), str(out), "--runs", str(runs)],
        cwd=PROJECT,
        env=env,
        check=True,
    )
    return json.loads(out.read_text())


def warm(servers: list[Server], paths: list[str], times: int, headers: dict | None = None) -> None:
    for server in servers:  # every gunicorn worker has its own memory page cache (without Redis)
        for _ in range(times):
            for path in paths:
                get(server.port, path, headers)


def burst(servers: list[Server], items: list[dict], seconds: float, use_wrk: bool) -> dict:
    paths = [i["path"] for i in items]
    twins = [twin(i["bytes"], i["ext"]) for i in items]
    warm(servers, paths, 2)
    site = measure(servers, paths, seconds, use_wrk, VAR, connections=CONNECTIONS)
    static = measure(servers, twins, seconds, use_wrk, VAR, connections=CONNECTIONS)
    answers = {}
    for i in items:
        answers[str(i["status"])] = answers.get(str(i["status"]), 0) + 1
    return {
        "servers": len(servers),
        "answers": answers,
        "requests_per_view": len(paths),
        "bytes_per_view": sum(i["bytes"] for i in items),
        "site": site,
        "static": static,
        "ratio": ratio(site["rps"], static["rps"]),
    }


def machine() -> dict:
    lines = Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")
    # How busy the machine is without the bench (nothing of ours runs during these 3 s).
    first = busy_jiffies()
    time.sleep(3)
    second = busy_jiffies()
    busy = (second[0] - first[0]) / max(1, second[1] - first[1])
    return {"cpus": os.cpu_count(), "cpu_model": model, "loadavg": os.getloadavg(), "busy": busy}


def commit() -> str:
    """The measured commit, "+ changes" when the checkout differs from it ("unknown" outside git)."""
    git = shutil.which("git")
    if not git:
        return "unknown"
    try:
        head = subprocess.run(
            [git, "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            [git, "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT, capture_output=True, text=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


def busy_jiffies() -> tuple[int, int]:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4, help="seconds of load per URL (a burst: twice)")
    parser.add_argument("--runs", type=int, default=30, help="in-process requests per URL (the median counts)")
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="2 s per URL, 15 runs, four pages: checks the bench")
    parser.add_argument("--python-load", action="store_true", help="use the Python generator even if wrk exists")
    parser.add_argument("--no-scale", action="store_true", help="skip the two-server part even with PostgreSQL")
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.runs = min(args.seconds, 2), min(args.runs, 15)
    use_wrk = shutil.which("wrk") is not None and not args.python_load
    if not use_wrk and not args.python_load:
        print("wrk is not installed (Debian: apt-get install -y wrk): load from the Python generator instead")
    started = time.time()
    env = prepare_sqlite(args.stories)
    preparing = time.time() - started
    before = machine()

    # Find what to measure on a first server, write the static twins, then measure on a fresh one
    # (WhiteNoise reads its files at start).
    shutil.rmtree(STATIC_ROOT / TWINS, ignore_errors=True)
    server = Server(env, VAR / "gunicorn-sqlite.log")
    try:
        pages = resolve_pages(server.port)
        if args.quick:
            pages = pages[:4]
        page_items = []
        for path in pages:
            status, size, _ = full_size(server.port, path)
            if status != 200:
                print(f"warning: {path} answered {status}", file=sys.stderr)
            page_items.append({"key": f"page {path}", "path": path, "bytes": size, "ext": "html", "headers": {}})
        gallery = gallery_burst(server.port)
        media = media_items(server.port, gallery["html"], gallery["items"], pages)
    finally:
        server.stop()
    pad_video(env, media[-1])
    for item in [*page_items, *media]:
        item["twin"] = twin(item["bytes"], item["ext"])
    for item in gallery["items"]:
        twin(item["bytes"], item["ext"])
    story = pages[3]
    cookie_items = [
        {"key": "plain", "path": story, "headers": {}},
        {"key": "cookie", "path": story, "headers": {"Cookie": "sessionid=x"}},
        {"key": "authorization", "path": story, "headers": {"Authorization": "Basic eA=="}},
    ]

    # CPU per request in-process (no server running meanwhile).
    requests = []
    for item in [*page_items, *media]:
        requests.append({"key": item["key"], "path": item["path"], "headers": item["headers"]})
        requests.append({"key": "static " + item["key"], "path": item["twin"], "headers": item["headers"]})
    requests += [{**c, "key": "header " + c["key"]} for c in cookie_items]
    cpu = in_process(env, requests, args.runs)

    # Load against gunicorn.
    results = {"pages": [], "media": [], "header_loop": [], "bursts": []}
    server = Server(env, VAR / "gunicorn-sqlite.log")
    try:
        for item in [*page_items, *media]:
            warm([server], [item["path"]], 32 if item in page_items else 4, item["headers"])
            site = measure([server], [item["path"]], args.seconds, use_wrk, VAR, item["headers"], CONNECTIONS)
            static = measure([server], [item["twin"]], args.seconds, use_wrk, VAR, item["headers"], CONNECTIONS)
            row = {
                **{k: item[k] for k in ("path", "bytes", "twin", "headers")},
                "key": item["key"],
                "cpu_ms": cpu[item["key"]]["cpu_ms"],
                "static_cpu_ms": cpu["static " + item["key"]]["cpu_ms"],
                "status": cpu[item["key"]]["status"],
                "static_status": cpu["static " + item["key"]]["status"],
                "body_bytes": cpu[item["key"]]["bytes"],
                "site": site,
                "static": static,
            }
            row["cpu_ratio"] = ratio(row["cpu_ms"], row["static_cpu_ms"])
            row["rps_ratio"] = ratio(site["rps"], static["rps"])
            results["pages" if item in page_items else "media"].append(row)
            print(bench_report.line(row))
        warm([server], [story], 32)
        for c in cookie_items:
            status, headers, _ = get(server.port, story, c["headers"])
            load = measure([server], [story], args.seconds, use_wrk, VAR, c["headers"], CONNECTIONS)
            row = {**c, "status": status, "page_cache": headers.get("x-page-cache", ""), "site": load}
            row["inprocess_page_cache"] = cpu["header " + c["key"]]["page_cache"]
            row["cpu_ms"] = cpu["header " + c["key"]]["cpu_ms"]
            results["header_loop"].append(row)
        plain = results["header_loop"][0]
        for row in results["header_loop"]:
            row["cpu_ratio"] = ratio(row["cpu_ms"], plain["cpu_ms"])
            row["rps_ratio"] = ratio(row["site"]["rps"], plain["site"]["rps"])
            print(bench_report.header_line(row))
        one = burst([server], gallery["items"], args.seconds * 2, use_wrk)
        one["database"] = "SQLite"
        results["bursts"].append(one)
        print(bench_report.burst_line(one))
    finally:
        server.stop()

    # The same burst on PostgreSQL + Redis: one app server, then two.
    pg_env, skipped = (None, "--no-scale was given") if args.no_scale else postgres_and_redis()
    if pg_env:
        pg_started = time.time()
        prepare_postgres(pg_env, args.stories)
        preparing += time.time() - pg_started
        server = Server(pg_env, VAR / "gunicorn-pg-1.log")
        try:
            pg_gallery = gallery_burst(server.port)
        finally:
            server.stop()
        for item in pg_gallery["items"]:
            twin(item["bytes"], item["ext"])
        servers = [Server(pg_env, VAR / f"gunicorn-pg-{n}.log") for n in (1, 2)]
        try:
            for count in (1, 2):
                result = burst(servers[:count], pg_gallery["items"], args.seconds * 2, use_wrk)
                result["database"] = "PostgreSQL + Redis"
                results["bursts"].append(result)
                print(bench_report.burst_line(result))
        finally:
            for server in servers:
                server.stop()
    else:
        print(f"two app servers: skipped ({skipped})")

    after = machine()
    run = {
        "commit": commit(),
        "load_generator": "wrk" if use_wrk else "python",
        "seconds": args.seconds,
        "runs": args.runs,
        "connections": CONNECTIONS,
        "stories": args.stories,
        "quick": args.quick,
        "viewport": VIEWPORT,
        "dpr": DPR,
        "range": RANGE,
        "two_servers_skipped": skipped,
        "minutes": (time.time() - started) / 60,
        "preparing_minutes": preparing / 60,
        "machine": {
            "cpus": before["cpus"],
            "cpu_model": before["cpu_model"],
            "loadavg_before": before["loadavg"],
            "loadavg_after": after["loadavg"],
            "busy_before": before["busy"],
            "busy_after": after["busy"],
        },
    }
    bench_report.write(BENCH, run, results)
    print(f"bench/REPORT.md written ({run['minutes']:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
