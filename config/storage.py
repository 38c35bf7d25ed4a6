"""Where uploaded files live: on disk by default, in S3-compatible object storage when asked.

- Default: public media in MEDIA_ROOT, served by mediafiles/serving.py (or a web server), and the
  signed consent documents in CONSENT_ROOT (consent/storage.py), a folder without a URL.
- DJANGO_S3_BUCKET set: public media go to that bucket through django-storages (several app
  servers then share no directory). Objects are written with DJANGO_S3_DEFAULT_ACL (default
  "public-read"; empty for a bucket whose policy makes it readable), under random names, never
  overwritten. Their URLs use DJANGO_S3_CUSTOM_DOMAIN (a CDN or the bucket's web address) when set.
- DJANGO_CONSENT_S3_BUCKET set: the consent documents go to that second bucket, always "private",
  and have no URL at all (consent/s3.py); the admin's logged download reads them through Django.
  It must not be the public bucket. Without it they stay in CONSENT_ROOT.

DJANGO_S3_ENDPOINT_URL names a non-AWS server; credentials and region come from boto3's own
environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION).
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"


def uses_s3(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("DJANGO_S3_BUCKET", "").strip())


def _s3_options(environ: Mapping[str, str], bucket: str) -> dict:
    return {
        "bucket_name": bucket,
        "endpoint_url": environ.get("DJANGO_S3_ENDPOINT_URL", "").strip() or None,
        "file_overwrite": False,
    }


def storages(environ: Mapping[str, str], staticfiles_backend: str) -> dict:
    """The STORAGES setting for this environment."""
    media_bucket = environ.get("DJANGO_S3_BUCKET", "").strip()
    consent_bucket = environ.get("DJANGO_CONSENT_S3_BUCKET", "").strip()
    result = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": staticfiles_backend},
        "consent": {"BACKEND": "consent.storage.PrivateStorage"},
    }
    if media_bucket:
        result["default"] = {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **_s3_options(environ, media_bucket),
                "default_acl": environ.get("DJANGO_S3_DEFAULT_ACL", "public-read").strip() or None,
                "querystring_auth": False,  # public files: plain, cacheable URLs
                "custom_domain": environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip() or None,
            },
        }
    if consent_bucket:
        if consent_bucket == media_bucket:
            raise ImproperlyConfigured(
                "DJANGO_CONSENT_S3_BUCKET must be a private bucket of its own, not DJANGO_S3_BUCKET."
            )
        result["consent"] = {
            "BACKEND": "consent.s3.PrivateS3Storage",
            "OPTIONS": {
                **_s3_options(environ, consent_bucket),
                "default_acl": "private",
                "querystring_auth": True,
                "custom_domain": None,
            },
        }
    return result
