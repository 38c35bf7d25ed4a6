"""S3-compatible storage (config/storage.py) against moto's server.

moto is a FAKE of S3, not a real S3-compatible server: no real one (MinIO, SeaweedFS, Garage)
installs from our package registries (they are neither in Debian 12 nor on PyPI as servers).
moto speaks the S3 protocol over HTTP and refuses anonymous reads of objects that are not
public-read, but it accepts any secret key and is not a real server's behaviour in every detail.
These tests show our configuration talks S3 and keeps the consent bucket private; they do not
prove a particular real provider works.
"""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from config.storage import storages as storages_from_env
from tests.servers import free_port

pytest.importorskip("moto")
boto3 = pytest.importorskip("boto3")

MEDIA_BUCKET = "kjc-media"
CONSENT_BUCKET = "kjc-consent"


def _answers(endpoint: str) -> bool:
    try:
        urllib.request.urlopen(endpoint + "/moto-api/", timeout=2).close()
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def fake_s3(tmp_path_factory):
    """moto_server on a free loopback port, with the two buckets."""
    executable = str(Path(sys.executable).parent / "moto_server")  # the one in our .venv
    port = free_port()
    log = open(tmp_path_factory.mktemp("moto") / "moto.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen([executable, "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _answers(endpoint):
            assert process.poll() is None and time.monotonic() < deadline, "moto_server did not start"
            time.sleep(0.2)
        client = boto3.client(
            "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
        )
        client.create_bucket(Bucket=MEDIA_BUCKET)
        client.create_bucket(Bucket=CONSENT_BUCKET)
        yield endpoint, client
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def s3_settings(settings, fake_s3, monkeypatch):
    endpoint, client = fake_s3
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    environ = {
        "DJANGO_S3_BUCKET": MEDIA_BUCKET,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_CUSTOM_DOMAIN": "medien.example.org",
        "DJANGO_CONSENT_S3_BUCKET": CONSENT_BUCKET,
    }
    settings.STORAGES = storages_from_env(environ, "django.contrib.staticfiles.storage.StaticFilesStorage")
    return endpoint, client


def anonymous_get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_an_upload_is_stored_in_the_bucket_and_its_url_uses_the_custom_domain(s3_settings):
    endpoint, client = s3_settings
    media = storages["default"]
    name = media.save("geschichten/fotos/s3-test.jpg", ContentFile(b"JPEG-Bytes"))
    assert client.get_object(Bucket=MEDIA_BUCKET, Key=name)["Body"].read() == b"JPEG-Bytes"
    assert media.url(name) == f"https://medien.example.org/{name}"
    assert anonymous_get(f"{endpoint}/{MEDIA_BUCKET}/{name}") == 200, "public media are readable by anyone"
    again = media.save("geschichten/fotos/s3-test.jpg", ContentFile(b"andere Bytes"))
    assert again != name, "a second upload of the same name never overwrites the first"


def test_consent_documents_go_to_the_private_bucket_and_are_not_publicly_addressable(s3_settings):
    endpoint, client = s3_settings
    consent = storages["consent"]
    name = consent.save("2026/einwilligung.pdf", ContentFile(b"%PDF-1.7 unterschrieben"))
    assert client.get_object(Bucket=CONSENT_BUCKET, Key=name)["Body"].read() == b"%PDF-1.7 unterschrieben"
    assert client.list_objects_v2(Bucket=MEDIA_BUCKET, Prefix="2026/").get("KeyCount", 0) == 0
    assert anonymous_get(f"{endpoint}/{CONSENT_BUCKET}/{name}") == 403
    with pytest.raises(ValueError, match="keine Adresse"):
        consent.url(name)
    assert consent.open(name).read() == b"%PDF-1.7 unterschrieben", "Django itself still reads it"


def test_the_consent_bucket_may_not_be_the_public_one():
    from django.core.exceptions import ImproperlyConfigured

    environ = {"DJANGO_S3_BUCKET": "kjc", "DJANGO_CONSENT_S3_BUCKET": "kjc"}
    with pytest.raises(ImproperlyConfigured):
        storages_from_env(environ, "django.contrib.staticfiles.storage.StaticFilesStorage")


def test_without_buckets_files_stay_on_disk_and_media_are_served_by_django():
    from tests.helpers import run_django

    code = "from django.conf import settings\nprint(settings.STORAGES['default']['BACKEND'], settings.SERVE_MEDIA)"
    result = run_django(code, DJANGO_SECRET_KEY="x")
    assert result.stdout.strip() == "django.core.files.storage.FileSystemStorage True", result.stderr
    result = run_django(code, DJANGO_SECRET_KEY="x", DJANGO_S3_BUCKET="kjc-media")
    assert result.stdout.strip() == "storages.backends.s3.S3Storage False", result.stderr
