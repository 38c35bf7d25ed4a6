"""What every app's demo loader (`<app>/demo.py`, run by `manage.py load_demo`) shares."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def store(path: str, content: bytes) -> str:
    """Put `content` at `path` in the media storage unless the same bytes are there already.

    Demo media are copied into storage, never referenced from the source tree, and put back
    when the storage lost them; the same bytes keep the same name, so renditions stay valid."""
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as stored:
            if stored.read() == content:
                return path
        default_storage.delete(path)
    saved = default_storage.save(path, ContentFile(content))
    assert saved == path, f"storage renamed {path} to {saved}"  # noqa: S101 (a broken storage, not input)
    return path
