"""moto's S3 server for the tests of the S3 mode (tests/test_s3_storage.py,
tests/mediafiles/test_s3_privacy.py).

moto is a FAKE of S3, not a real S3-compatible server: no real one (MinIO, SeaweedFS, Garage)
installs from our package registries (neither from Debian 12 nor as a server on PyPI). What it
was checked to enforce (moto 5.2.5): an anonymous GET of an object answers 403 unless the
object's ACL is public-read (or a bucket policy allows it), and a changed ACL counts at once.
What it does NOT enforce: the signature and the expiry of a presigned URL (any URL with
"Signature=" in it reads any object, also after its expiry), the Condition of a bucket policy
(a policy on s3:ExistingObjectTag/visibility allows every object), and any secret key.
"""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port

REGION = "us-east-1"
KEY = "test"  # moto accepts any key and secret


def _answers(endpoint: str) -> bool:
    try:
        urllib.request.urlopen(endpoint + "/moto-api/", timeout=2).close()
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


@contextmanager
def moto_server(log_folder: Path):
    """moto_server (the one in our .venv) on a free loopback port: (endpoint, boto3 client)."""
    import boto3

    executable = str(Path(sys.executable).parent / "moto_server")
    port = free_port()
    log = open(log_folder / "moto.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen([executable, "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _answers(endpoint):
            assert process.poll() is None and time.monotonic() < deadline, "moto_server did not start"
            time.sleep(0.2)
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id=KEY, aws_secret_access_key=KEY
        )
        yield endpoint, client
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def credentials(monkeypatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", KEY)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)


def anonymous_get(url: str) -> int:
    """The status a visitor's browser gets for `url` (no credentials, no signature)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
