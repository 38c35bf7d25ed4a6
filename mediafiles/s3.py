"""Uploads in an S3-compatible bucket that visitors read directly, drafts kept private.

Configured by config/storage.py when DJANGO_S3_BUCKET is set; imported only then (boto3 loads
only then). What may be public is decided in mediafiles/visibility.py; this module only writes
and reads the objects:

- Every object is written with its visibility (`visibility.on_write`): a new upload of a
  protected field private, a rendition like its source, anything else public.
- `set_visibility(name, ...)` turns an object and every rendition of it public or private
  (called by the sync in mediafiles/visibility.py). Object names never change.
- `url(name)`: a public file has its plain, cacheable address (DJANGO_S3_CUSTOM_DOMAIN, a CDN or
  the bucket's web address); any other file a short-lived presigned address of the bucket
  itself, for the editors' previews (admin, preview pages). Visitors' pages show published
  files only, so a page the page cache stores never holds a signed address.

Two ways to say "public" (DJANGO_S3_PUBLIC_BY):
- "acl" (default): the object's ACL, "public-read" or "private". Most S3-compatible providers
  support it; on AWS the bucket's Object Ownership must allow ACLs.
- "tag": the object's tag `visibility=public|private`, made readable by a bucket policy on
  `s3:ExistingObjectTag/visibility` (README, "Several app servers"). For buckets whose ACLs are
  switched off (AWS's default for new buckets).
"""

from __future__ import annotations

import mimetypes

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from mediafiles import serving, visibility
from mediafiles.files import rendition_folder

ACL, TAG = "acl", "tag"
TAG_KEY = "visibility"


class VisibilityS3Storage(S3Storage):
    """django-storages' S3Storage with per-object visibility and signed URLs for what is not public."""

    def __init__(self, *, public_by: str = ACL, **settings):
        if public_by not in (ACL, TAG):
            raise ValueError(f"public_by must be {ACL!r} or {TAG!r}, not {public_by!r}")
        self.public_by = public_by
        super().__init__(**settings)

    # -- what visitors may read ------------------------------------------------------------------
    def visibility(self, name: str) -> str:
        """visibility.PUBLIC or visibility.HIDDEN for visitors (cached per page-cache generation)."""
        return visibility.wanted(name)

    def _write_parameters(self, public: bool) -> dict:
        if self.public_by == ACL:
            return {"ACL": "public-read" if public else "private"}
        return {"Tagging": f"{TAG_KEY}={'public' if public else 'private'}"}

    def get_object_parameters(self, name: str) -> dict:
        params = super().get_object_parameters(name)
        params.pop("ACL", None)
        params.update(self._write_parameters(visibility.on_write(name) == visibility.PUBLIC))
        if _is_document(name):
            # A document (a PDF …) is a download, as from /media/ (mediafiles/serving.py). A bucket
            # sends no Content-Security-Policy: it serves from its own origin, not the site's.
            params["ContentDisposition"] = serving.DOCUMENT_HEADERS["Content-Disposition"]
        return params

    def _save(self, name, content):
        stored = super()._save(name, content)
        visibility.remember_written(stored, self)
        return stored

    def set_visibility(self, name: str, public: bool) -> int:
        """Make the object `name` and every rendition of it public or private: objects changed."""
        keys = [name] if self.exists(name) else []
        folder = rendition_folder(name)
        try:
            _dirs, files = self.listdir(folder)
        except FileNotFoundError:
            files = []
        keys += [f"{folder}/{file_name}" for file_name in files]
        client = self.connection.meta.client
        for key in keys:
            key = self._normalize_name(key)
            if self.public_by == ACL:
                client.put_object_acl(Bucket=self.bucket_name, Key=key, ACL="public-read" if public else "private")
            else:
                tags = {"TagSet": [{"Key": TAG_KEY, "Value": "public" if public else "private"}]}
                client.put_object_tagging(Bucket=self.bucket_name, Key=key, Tagging=tags)
        return len(keys)

    # -- addresses -------------------------------------------------------------------------------
    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.visibility(name) == visibility.PUBLIC:
            return self._plain_url(name)
        # Signed by the bucket's endpoint itself: a CDN in front would not pass the signature on.
        # The reply is the editor's alone: no shared cache keeps it.
        params = {"ResponseCacheControl": "private, no-store", **(parameters or {})}
        if _is_document(name):
            params.setdefault("ResponseContentDisposition", serving.DOCUMENT_HEADERS["Content-Disposition"])
        params["Bucket"] = self.bucket.name
        params["Key"] = self._normalize_name(name)
        return self.connection.meta.client.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expire or self.querystring_expire, HttpMethod=http_method
        )

    def _plain_url(self, name: str) -> str:
        key = self._normalize_name(clean_name(name))
        if self.custom_domain:
            return f"{self.url_protocol}//{self.custom_domain}/{filepath_to_uri(key)}"
        # The bucket's own address, unsigned (as S3Storage.url without query-string auth).
        client = self.unsigned_connection.meta.client
        return client.generate_presigned_url("get_object", Params={"Bucket": self.bucket.name, "Key": key})


def _is_document(name: str) -> bool:
    return serving.is_document(mimetypes.guess_type(name)[0] or "application/octet-stream")
