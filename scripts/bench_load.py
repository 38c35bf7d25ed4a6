"""Servers and load of `make bench`: gunicorn started as `make run` does (config/gunicorn.conf.py), its
CPU from /proc, and load at a fixed number of connections for a few seconds from wrk (when installed)
or from a bounded Python generator (threads, http.client keep-alive).

A load is a list of paths that every connection walks in turn (one path for a page, the page and its
pictures for a burst), optional request headers (Range, Cookie, Authorization), and one or more
servers: with two, half the connections go to each (two wrk processes side by side).
"""

import http.client
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TICK = __import__("os").sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """(status, lower-cased headers, body) of one GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


class Server:
    """One gunicorn of the site (config/gunicorn.conf.py: 2 workers × 8 threads unless the env says)."""

    def __init__(self, env: dict, log: Path):
        self.port = free_port()
        log.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.log = log
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
            env={**env, "PORT": str(self.port), "HOST": "127.0.0.1"},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if get(self.port, "/health/")[0] in (200, 500, 503):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn did not start; its log: {log}\n{log.read_text(errors='replace')[-3000:]}")

    def cpu_ticks(self) -> int:
        """utime+stime of the master and every child (the workers)."""
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
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def load_python(ports: list[int], paths: list[str], headers: dict, seconds: float, connections: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    received = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(number: int):
        port = ports[number % len(ports)]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, bad, got, step = [], 0, 0, number
        while time.perf_counter() < deadline:
            path = paths[step % len(paths)]
            step += 1
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                got += len(response.read())
                if response.status >= 400:
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
            received[0] += got

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
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
        "mb_per_s": received[0] / elapsed / 1e6,
        "p50_ms": pct(0.5),
        "p99_ms": pct(0.99),
        "errors": errors[0],
    }


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrk_script(paths: list[str], headers: dict) -> str:
    """A wrk script: every connection of a thread walks `paths` in turn; `done` prints one BENCH line."""
    path_list = ", ".join(lua_string(p) for p in paths)
    header_list = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
    return f"""
local paths = {{{path_list}}}
local headers = {{{header_list}}}
local step = 0
request = function()
  step = step % #paths + 1
  return wrk.format("GET", paths[step], headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("BENCH %d %f %f %f %d %d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.bytes))
end
"""


def parse_wrk(out: str) -> dict:
    match = re.search(r"BENCH (\S+) (\S+) (\S+) (\S+) (\S+) (\S+)", out)
    if not match:
        raise SystemExit(f"wrk printed no result:\n{out[-2000:]}")
    requests, duration, p50, p99, errors, received = match.groups()
    return {
        "requests": int(requests),
        "seconds": float(duration),
        "p50_ms": float(p50),
        "p99_ms": float(p99),
        "errors": int(errors),
        "bytes": int(received),
    }


def load_wrk(
    ports: list[int], paths: list[str], headers: dict, seconds: float, connections: int, script_dir: Path
) -> dict:
    """wrk against each port with connections / len(ports) connections, side by side; the sum of the runs
    (requests/s summed, p50 the mean of the runs' medians, p99 the highest of their p99s)."""
    script = script_dir / "report.lua"
    script.write_text(wrk_script(paths, headers))
    per_port = max(1, connections // len(ports))
    runs = [
        subprocess.Popen(
            [
                shutil.which("wrk") or "wrk",
                "-t",
                str(min(2, per_port)),
                "-c",
                str(per_port),
                "-d",
                f"{max(1, round(seconds))}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}{paths[0]}",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for port in ports
    ]
    results = [parse_wrk(run.communicate()[0]) for run in runs]
    return {
        "requests": sum(r["requests"] for r in results),
        "rps": sum(r["requests"] / r["seconds"] for r in results),
        "mb_per_s": sum(r["bytes"] / r["seconds"] for r in results) / 1e6,
        "p50_ms": sum(r["p50_ms"] for r in results) / len(results),
        "p99_ms": max(r["p99_ms"] for r in results),
        "errors": sum(r["errors"] for r in results),
    }


def measure(
    servers: list[Server],
    paths: list[str],
    seconds: float,
    use_wrk: bool,
    script_dir: Path,
    headers: dict | None = None,
    connections: int = 16,
) -> dict:
    """Load and the servers' CPU ms per request (all servers' processes, /proc utime+stime)."""
    ports = [s.port for s in servers]
    before = sum(s.cpu_ticks() for s in servers)
    if use_wrk:
        result = load_wrk(ports, paths, headers or {}, seconds, connections, script_dir)
    else:
        result = load_python(ports, paths, headers or {}, seconds, connections)
    ticks = sum(s.cpu_ticks() for s in servers) - before
    result["cpu_ms_per_request"] = ticks * 1000 / TICK / result["requests"] if result["requests"] else None
    return result
