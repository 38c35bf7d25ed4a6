"""Signed consent documents live outside MEDIA_ROOT (settings.CONSENT_ROOT) and have no URL:
only the admin's download view (consent/admin.py) reads them, for the editors allowed to.
With DJANGO_CONSENT_S3_BUCKET they live in a private bucket instead (consent/s3.py); the
STORAGES alias "consent" (config/storage.py) says which."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages

from mediafiles.uploads import random_name

NO_ADDRESS = "Einwilligungsdokumente haben keine Adresse; sie werden über die Redaktion geladen."


class PrivateStorage(FileSystemStorage):
    """A folder that is read through Django only; its place follows settings.CONSENT_ROOT."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.CONSENT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(NO_ADDRESS)


def get_consent_storage() -> Storage:
    """For the model field (a callable keeps paths out of migrations): the "consent" storage."""
    if "consent" in settings.STORAGES:
        return storages["consent"]
    return PrivateStorage()


def consent_upload(instance, filename: str) -> str:
    return f"{instance.signed_on:%Y}/{random_name(filename)}"
