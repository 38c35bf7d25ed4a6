"""Signed consent documents live outside MEDIA_ROOT (settings.CONSENT_ROOT) and have no URL:
only the admin's download view (consent/admin.py) reads them, for the editors allowed to."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from shared.uploads import random_name


class PrivateStorage(FileSystemStorage):
    """A folder that is read through Django only; its place follows settings.CONSENT_ROOT."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.CONSENT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Einwilligungsdokumente haben keine Adresse; sie werden über die Redaktion geladen.")


consent_storage = PrivateStorage()


def get_consent_storage() -> PrivateStorage:
    """For the model field (a callable keeps paths out of migrations)."""
    return consent_storage


def consent_upload(instance, filename: str) -> str:
    return f"{instance.signed_on:%Y}/{random_name(filename)}"
