"""PostgreSQL restarted under load: the site answers again within 5 s, no acknowledged write is lost.

One real gunicorn on a database of its own; a bounded load over loopback (a few threads reading
pages and sending the public barrier-report form, whose 303 answer acknowledges a stored report)
while the PostgreSQL cluster is restarted with pg_ctlcluster. gunicorn is not restarted: its
persistent connections (CONN_MAX_AGE) are found dead by CONN_HEALTH_CHECKS and replaced.

It restarts the machine's PostgreSQL, so it is deselected by default (marker `pg_restart`) and
runs alone as the last step of .ci/run: `make test-pg-restart`.
"""

import shutil
import subprocess
import threading
import time
import urllib.parse
import uuid

import pytest

from tests.servers import Database, Gunicorn, get, manage, require_postgres_and_redis, server_env

pytestmark = pytest.mark.pg_restart

READERS = 3
WRITERS = 2
RECOVERY_LIMIT = 5.0  # seconds from PostgreSQL accepting connections again to the site's first 200


def pg_cluster() -> tuple[str, str, str]:
    """(pg_ctlcluster's path, version, name) of the one local online cluster, from pg_lsclusters."""
    lsclusters, ctlcluster = shutil.which("pg_lsclusters"), shutil.which("pg_ctlcluster")
    if not lsclusters or not ctlcluster:
        pytest.fail("pg_lsclusters/pg_ctlcluster missing: this test restarts a local Debian PostgreSQL cluster")
    lines = subprocess.run([lsclusters, "-h"], capture_output=True, text=True, check=True).stdout.split("\n")
    clusters = [line.split()[:2] for line in lines if line.strip() and "online" in line]
    assert len(clusters) == 1, f"expected one online cluster, found {clusters}"
    return ctlcluster, clusters[0][0], clusters[0][1]


def report_form(description: str) -> bytes:
    from campaign.forms import make_form_token

    token = make_form_token(issued_at=time.time() - 10)  # filled in for ten seconds, as a person would
    fields = {"description": description, "location": "/", "name": "", "email": "", "kontrollfeld": ""}
    return urllib.parse.urlencode({**fields, "token": token}).encode()


class Load:
    """Readers and writers until stop(); every write answered 2xx/3xx is remembered as acknowledged."""

    def __init__(self, url: str):
        self.url = url
        self.stopping = threading.Event()
        self.acknowledged: list[str] = []
        self.failures = 0
        self.reads_ok = 0
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.read) for _ in range(READERS)]
        self.threads += [threading.Thread(target=self.write, args=(n,)) for n in range(WRITERS)]

    def start(self) -> "Load":
        for thread in self.threads:
            thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def read(self) -> None:
        paths = ["/", "/geschichten/", "/jobcenter/", "/leitbild/"]
        n = 0
        while not self.stopping.is_set():
            n += 1
            try:
                status, _body = get(self.url + paths[n % len(paths)], timeout=5)
            except OSError:
                status = 0
            with self.lock:
                if status == 200:
                    self.reads_ok += 1
                else:
                    self.failures += 1
            time.sleep(0.02)  # bounded: a few dozen requests a second in all

    def write(self, writer: int) -> None:
        while not self.stopping.is_set():
            description = f"Lasttest {writer} {uuid.uuid4().hex}"
            try:
                status, _body = get(self.url + "/barrierefreiheit/melden/", timeout=5, data=report_form(description))
            except OSError:
                status = 0
            with self.lock:
                if 200 <= status < 400:
                    self.acknowledged.append(description)
                else:
                    self.failures += 1
            time.sleep(0.05)


def test_site_answers_again_within_5_s_after_a_postgresql_restart_and_keeps_every_acknowledged_write(tmp_path):
    database_url, redis_url = require_postgres_and_redis()
    ctlcluster, version, cluster = pg_cluster()
    media = tmp_path / "media"  # made by tests/conftest.py
    database = Database(database_url).create()
    env = server_env(database.url, redis_url, media, DJANGO_BARRIER_REPORTS_PER_HOUR="1000000")
    server = None
    load = None
    try:
        manage(env, "migrate", "--noinput", "-v0")
        server = Gunicorn(env, tmp_path / "gunicorn.log", workers=2, threads=4).start()
        load = Load(server.url).start()
        time.sleep(2)
        acknowledged_before = len(load.acknowledged)

        restart_began = time.monotonic()
        subprocess.run([ctlcluster, "--skip-systemctl-redirect", version, cluster, "restart"], check=True, timeout=60)
        pg_back = time.monotonic()
        recovered = None
        while time.monotonic() - pg_back < RECOVERY_LIMIT * 2:
            try:
                if get(server.url + "/", timeout=2)[0] == 200:
                    recovered = time.monotonic()
                    break
            except OSError:
                pass
            time.sleep(0.05)
        time.sleep(2)  # more load on the new connections
        load.stop()
        assert server.process.poll() is None, "gunicorn kept running"
        assert recovered is not None, f"no 200 within {RECOVERY_LIMIT * 2} s after the restart:\n{server.log()}"
        print(
            f"PostgreSQL restart took {pg_back - restart_began:.2f} s; "
            f"the site answered 200 {recovered - pg_back:.2f} s after it; "
            f"{len(load.acknowledged)} acknowledged writes, {load.reads_ok} good reads, {load.failures} failed requests"
        )
        assert recovered - pg_back < RECOVERY_LIMIT
        assert acknowledged_before > 0, "writes were acknowledged before the restart"
        assert len(load.acknowledged) > acknowledged_before, "and after it"

        stored = {row[0] for row in database.query("SELECT description FROM campaign_barrierreport")}
        lost = [description for description in load.acknowledged if description not in stored]
        assert not lost, f"{len(lost)} acknowledged writes are missing from the database"
    finally:
        if load:
            load.stop()
        if server:
            server.stop()
        database.drop()
