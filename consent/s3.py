"""The consent documents in a private S3-compatible bucket (DJANGO_CONSENT_S3_BUCKET, see
config/storage.py). Imported only when that is configured, so boto3 loads only then."""

from storages.backends.s3 import S3Storage

from consent.storage import NO_ADDRESS


class PrivateS3Storage(S3Storage):
    """Objects written "private" and no URL, not even a signed one: only Django reads them."""

    def url(self, name, *args, **kwargs):
        raise ValueError(NO_ADDRESS)
