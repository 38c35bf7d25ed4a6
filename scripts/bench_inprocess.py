"""CPU per request in-process, through the whole WSGI stack (config.wsgi.application: WhiteNoise, the
page cache, every middleware), the measurement of issue 26: each request warmed, then sent `--runs`
times; the median of `time.process_time()` (user + system CPU of this process) per request.

Run by scripts/bench.py in the bench's environment (its database, static and media roots):
    python scripts/bench_inprocess.py REQUESTS.json RESULTS.json [--runs 30]
REQUESTS.json is a list of {"key", "path", "headers"}; RESULTS.json gets, per key, the status, the
body's bytes, X-Page-Cache, and cpu_ms (the median). The body is read to the end as gunicorn would
send it: a file response with a real file descriptor goes out with sendfile (to /dev/null here),
anything else is iterated.
"""

import argparse
import io
import json
import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


class FileWrapper:
    """gunicorn's wsgi.file_wrapper, enough of it: remembers the file so that it can go out with
    sendfile (`consume` here, tests/mediafiles/test_media_fast_path.py there)."""

    def __init__(self, filelike, block_size=8192):
        self.filelike, self.block_size = filelike, block_size

    def __iter__(self):
        while chunk := self.filelike.read(self.block_size):
            yield chunk

    def fileno(self) -> int | None:
        try:
            return self.filelike.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            return None  # WhiteNoise's part of a file for a Range request: read and sent

    def close(self):
        if hasattr(self.filelike, "close"):
            self.filelike.close()


def environ_for(path: str, headers: dict[str, str], host: str = "127.0.0.1") -> dict:
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.file_wrapper": FileWrapper,
    }
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def consume(result, length: int | None, devnull: int) -> int:
    """Send the body to /dev/null as gunicorn would; return its bytes."""
    try:
        if isinstance(result, FileWrapper) and hasattr(result.filelike, "fileno") and length is not None:
            try:
                fd = result.filelike.fileno()
            except (OSError, io.UnsupportedOperation):
                fd = None
            if fd is not None:
                offset, sent = result.filelike.tell(), 0
                while sent < length:
                    n = os.sendfile(devnull, fd, offset + sent, length - sent)
                    if n == 0:
                        break
                    sent += n
                return sent
        return sum(len(chunk) for chunk in result)
    finally:
        if hasattr(result, "close"):
            result.close()


def request(application, path: str, headers: dict[str, str], devnull: int) -> tuple[int, dict, int]:
    seen = {}

    def start_response(status, response_headers, exc_info=None):
        seen["status"] = int(status.split()[0])
        seen["headers"] = {k.lower(): v for k, v in response_headers}

    result = application(environ_for(path, headers), start_response)
    length = None
    # start_response is called before the first body chunk; Django calls it before returning.
    if "content-length" in seen.get("headers", {}):
        length = int(seen["headers"]["content-length"])
    size = consume(result, length, devnull)
    return seen["status"], seen["headers"], size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("requests")
    parser.add_argument("results")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warm", type=int, default=5)
    args = parser.parse_args()

    from config.wsgi import application

    devnull = os.open(os.devnull, os.O_WRONLY)
    results = {}
    for item in json.loads(Path(args.requests).read_text()):
        headers = item.get("headers", {})
        for _ in range(args.warm):
            status, response_headers, size = request(application, item["path"], headers, devnull)
        times = []
        for _ in range(args.runs):
            started = time.process_time()
            request(application, item["path"], headers, devnull)
            times.append(time.process_time() - started)
        times.sort()
        results[item["key"]] = {
            "path": item["path"],
            "headers": headers,
            "status": status,
            "bytes": size,
            "page_cache": response_headers.get("x-page-cache", ""),
            "content_type": response_headers.get("content-type", ""),
            "cpu_ms": times[len(times) // 2] * 1000,
            "runs": args.runs,
        }
    Path(args.results).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
