"""S3-compatible storage (config/storage.py) against moto's server.

moto is a FAKE of S3, not a real S3-compatible server (tests/s3.py says what it enforces and
what not): it refuses anonymous reads of objects that are not public-read, but accepts any
secret key and any presigned signature. These tests show our configuration talks S3 and keeps
the consent bucket private; they do not prove a particular real provider works. What keeps the
files of unpublished rows private in the media bucket: tests/mediafiles/test_s3_privacy.py.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from config.storage import storages as storages_from_env
from tests.s3 import anonymous_get, credentials, moto_server

pytest.importorskip("moto")
boto3 = pytest.importorskip("boto3")

MEDIA_BUCKET = "kjc-media"
CONSENT_BUCKET = "kjc-consent"


@pytest.fixture(scope="module")
def fake_s3(tmp_path_factory):
    """moto_server on a free loopback port, with the two buckets."""
    with moto_server(tmp_path_factory.mktemp("moto")) as (endpoint, client):
        client.create_bucket(Bucket=MEDIA_BUCKET)
        client.create_bucket(Bucket=CONSENT_BUCKET)
        yield endpoint, client


@pytest.fixture
def s3_settings(settings, fake_s3, monkeypatch):
    endpoint, client = fake_s3
    credentials(monkeypatch)
    environ = {
        "DJANGO_S3_BUCKET": MEDIA_BUCKET,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_CUSTOM_DOMAIN": "medien.example.org",
        "DJANGO_CONSENT_S3_BUCKET": CONSENT_BUCKET,
    }
    settings.STORAGES = storages_from_env(environ, "django.contrib.staticfiles.storage.StaticFilesStorage")
    return endpoint, client


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
    assert result.stdout.strip() == "mediafiles.s3.VisibilityS3Storage False", result.stderr


def test_the_old_public_read_acl_setting_stops_the_start():
    """DJANGO_S3_DEFAULT_ACL made every object readable, drafts included: a deployment that still
    sets it must not start as if nothing had changed."""
    from django.core.exceptions import ImproperlyConfigured

    environ = {"DJANGO_S3_BUCKET": "kjc", "DJANGO_S3_DEFAULT_ACL": "public-read"}
    with pytest.raises(ImproperlyConfigured, match="DJANGO_S3_DEFAULT_ACL"):
        storages_from_env(environ, "django.contrib.staticfiles.storage.StaticFilesStorage")


@pytest.mark.parametrize(
    ("name", "value"),
    [("DJANGO_S3_PUBLIC_BY", "policy"), ("DJANGO_S3_SIGNED_URL_SECONDS", "0"), ("DJANGO_S3_SIGNED_URL_SECONDS", "x")],
)
def test_bad_s3_visibility_settings_stop_the_start(name, value):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match=name):
        storages_from_env(
            {"DJANGO_S3_BUCKET": "kjc", name: value}, "django.contrib.staticfiles.storage.StaticFilesStorage"
        )


def test_the_media_bucket_signs_for_short_and_sets_each_objects_visibility_itself():
    environ = {"DJANGO_S3_BUCKET": "kjc", "DJANGO_S3_PUBLIC_BY": "tag", "DJANGO_S3_SIGNED_URL_SECONDS": "120"}
    options = storages_from_env(environ, "django.contrib.staticfiles.storage.StaticFilesStorage")["default"]["OPTIONS"]
    assert options["public_by"] == "tag"
    assert options["querystring_expire"] == 120
    assert options["default_acl"] is None
    assert options["signature_version"] == "s3v4"


def test_pages_may_load_media_from_the_bucket_and_signed_previews_from_its_endpoint():
    """The site's Content-Security-Policy allows pictures and videos from the CDN and the bucket's
    endpoint (signed previews) in S3 mode, and from nowhere else without it."""
    from tests.helpers import run_django

    code = "from django.conf import settings\nprint(settings.SECURE_CSP['img-src'], settings.SECURE_CSP['media-src'])"
    env = {
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_S3_BUCKET": "kjc-media",
        "DJANGO_S3_ENDPOINT_URL": "https://s3.example.net",
        "DJANGO_S3_CUSTOM_DOMAIN": "medien.example.org",
    }
    result = run_django(code, **env)
    for origin in ("https://medien.example.org", "https://s3.example.net", "https://kjc-media.s3.example.net"):
        assert result.stdout.count(f"'{origin}'") == 2, result.stdout + result.stderr
    result = run_django(code, DJANGO_SECRET_KEY="x")
    assert "example" not in result.stdout and "amazonaws" not in result.stdout, result.stderr
