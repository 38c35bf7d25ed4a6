"""Where uploaded files live: on disk by default, in S3-compatible object storage when asked.

- Default: public media in MEDIA_ROOT, served by mediafiles/serving.py (or a web server), and the
  signed consent documents in CONSENT_ROOT (consent/storage.py), a folder without a URL.
- DJANGO_S3_BUCKET set: media go to that bucket through mediafiles/s3.py (django-storages;
  several app servers then share no directory), under random names, never overwritten, and the
  bucket (or a CDN, DJANGO_S3_CUSTOM_DOMAIN) serves them with no Python. A file is readable
  there only while visitors may see it (mediafiles/visibility.py): uploads of protected fields
  are written private and made public when their row is published, private again when it stops
  being public. DJANGO_S3_PUBLIC_BY says how: "acl" (public-read/private, the default) or "tag"
  (`visibility=public`, for a bucket policy on s3:ExistingObjectTag). Files that are not public
  get presigned URLs of DJANGO_S3_SIGNED_URL_SECONDS (default 600) for the editors' previews.
- DJANGO_CONSENT_S3_BUCKET set: the consent documents go to that second bucket, always "private",
  and have no URL at all (consent/s3.py); the admin's logged download reads them through Django.
  It must not be the public bucket. Without it they stay in CONSENT_ROOT.

DJANGO_S3_ENDPOINT_URL names a non-AWS server; credentials and region come from boto3's own
environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION).
"""

from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
# The media bucket's storage: per-object visibility and signed previews (named by string: config
# imports no app).
MEDIA_S3_BACKEND = "mediafiles.s3.VisibilityS3Storage"
PUBLIC_BY = ("acl", "tag")


def uses_s3(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("DJANGO_S3_BUCKET", "").strip())


def _s3_options(environ: Mapping[str, str], bucket: str) -> dict:
    return {
        "bucket_name": bucket,
        "endpoint_url": environ.get("DJANGO_S3_ENDPOINT_URL", "").strip() or None,
        "file_overwrite": False,
    }


def _media_options(environ: Mapping[str, str], bucket: str) -> dict:
    if "DJANGO_S3_DEFAULT_ACL" in environ:
        # It made every object, drafts included, readable by anyone with its address.
        raise ImproperlyConfigured(
            "DJANGO_S3_DEFAULT_ACL is gone: objects are private until their row is public. "
            "Remove it; set DJANGO_S3_PUBLIC_BY=tag for a bucket without ACLs (README, Several app servers)."
        )
    public_by = environ.get("DJANGO_S3_PUBLIC_BY", "acl").strip().lower() or "acl"
    if public_by not in PUBLIC_BY:
        raise ImproperlyConfigured("DJANGO_S3_PUBLIC_BY must be acl or tag.")
    try:
        seconds = int(environ.get("DJANGO_S3_SIGNED_URL_SECONDS", "600"))
    except ValueError:
        seconds = 0
    if not 1 <= seconds <= 7 * 86400:  # S3's limit for a presigned URL is seven days
        raise ImproperlyConfigured("DJANGO_S3_SIGNED_URL_SECONDS must be a number of seconds from 1 to 604800.")
    return {
        **_s3_options(environ, bucket),
        "public_by": public_by,
        "default_acl": None,  # each object's own, mediafiles/s3.py
        "querystring_auth": True,  # for files that are not public; public ones get plain URLs
        "querystring_expire": seconds,
        "signature_version": "s3v4",
        "custom_domain": environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip() or None,
    }


def media_origins(environ: Mapping[str, str]) -> list[str]:
    """Where a page's pictures and videos come from in S3 mode, for the Content-Security-Policy:
    the public address (DJANGO_S3_CUSTOM_DOMAIN) and the bucket's endpoint, which serves the
    editors' signed previews (path style: the endpoint; virtual-host style: the bucket below it)."""
    bucket = environ.get("DJANGO_S3_BUCKET", "").strip()
    if not bucket:
        return []
    origins = []
    domain = environ.get("DJANGO_S3_CUSTOM_DOMAIN", "").strip()
    if domain:
        origins.append(f"https://{domain}")
    endpoint = urlsplit(environ.get("DJANGO_S3_ENDPOINT_URL", "").strip())
    if endpoint.netloc:
        origins += [f"{endpoint.scheme}://{endpoint.netloc}", f"{endpoint.scheme}://{bucket}.{endpoint.netloc}"]
    else:  # AWS
        region = environ.get("AWS_DEFAULT_REGION", "").strip() or "us-east-1"
        origins += [f"https://{bucket}.s3.amazonaws.com", f"https://{bucket}.s3.{region}.amazonaws.com"]
    return origins


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
        result["default"] = {"BACKEND": MEDIA_S3_BACKEND, "OPTIONS": _media_options(environ, media_bucket)}
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
