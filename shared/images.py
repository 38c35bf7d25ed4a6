"""Responsive images: clean originals, renditions made on save, and the data for picture.html.

Every uploaded image goes through two steps, both when it is saved, never while a visitor
waits for a page:

1. `clean_original()` applies the camera's orientation and throws away every bit of
   metadata (EXIF with GPS position, camera model, XMP, comments) before the file is
   stored, because the original is public under MEDIA_URL too.
2. django-imagekit makes the renditions: AVIF, WebP and JPEG at RENDITION_WIDTHS. Each
   ImageSpecField uses the Optimistic strategy, which generates the files when the source
   is saved and never checks or generates anything when a URL is asked for. Rows saved
   without their post_save signal (data migrations, bulk loads) call
   `generate_renditions()`; `manage.py generateimages` rebuilds everything after a wiped
   MEDIA_ROOT.

`picture_for()` turns a model's image into a `Picture`, the context that
templates/includes/picture.html expects. It computes URLs and sizes from the stored
width and height alone: no file is opened while a page is rendered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from imagekit.cachefiles.backends import Simple
from imagekit.cachefiles.strategies import Optimistic
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from imagekit.utils import get_cache, get_storage
from PIL import Image, ImageOps

RENDITION_WIDTHS = (480, 800, 1200)
# (file extension in the spec name, Pillow format, MIME type, encoder options)
RENDITION_FORMATS = (
    ("avif", "AVIF", "image/avif", {"quality": 55, "speed": 8}),
    ("webp", "WEBP", "image/webp", {"quality": 78, "method": 4}),
    ("jpeg", "JPEG", "image/jpeg", {"quality": 80, "optimize": True, "progressive": True}),
)
_SAVE_FORMATS = {
    "JPEG": ("JPEG", {"quality": 92}),
    "PNG": ("PNG", {}),
    "WEBP": ("WEBP", {"quality": 92}),
    "AVIF": ("AVIF", {"quality": 80}),
}


def clean_original(field_file) -> ContentFile:
    """The uploaded image turned upright and without metadata, in its own format.

    Only the pixels (and the colour profile, which is not camera metadata) are kept.
    """
    field_file.open("rb")
    field_file.seek(0)
    with Image.open(field_file) as source:
        source_format = source.format
        icc_profile = source.info.get("icc_profile")
        upright = ImageOps.exif_transpose(source)
        if upright.mode == "P":
            upright = upright.convert("RGBA")
        # A new image from the raw pixels carries nothing over from the upload's headers.
        pixels = Image.new(upright.mode, upright.size)
        pixels.frombytes(upright.tobytes())
    save_format, options = _SAVE_FORMATS.get(source_format, _SAVE_FORMATS["JPEG"])
    if save_format == "JPEG" and pixels.mode not in ("RGB", "L", "CMYK"):
        pixels = pixels.convert("RGB")
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    output = io.BytesIO()
    pixels.save(output, save_format, **options)
    name = PurePath(field_file.name).stem + "." + ("jpg" if save_format == "JPEG" else save_format.lower())
    return ContentFile(output.getvalue(), name=name)


def store_clean_original(field_file) -> None:
    """Replace a newly uploaded (not yet stored) image by its cleaned copy, then store it.

    FieldFile.save() also refreshes the model's width and height fields.
    """
    cleaned = clean_original(field_file)
    field_file.save(cleaned.name, cleaned, save=False)


class RenditionStateBackend(Simple):
    """imagekit's synchronous backend, looking up the "imagekit" cache alias on every use.

    The stock backend keeps the first cache object it sees for the life of the process,
    so a changed CACHES setting (each test has its own) would keep answering "exists"
    from an old cache for files that are not there.
    """

    @property
    def cache(self):
        return get_cache()


RENDITION_STATE_BACKEND = RenditionStateBackend()


def add_renditions(model, source: str) -> None:
    """Add one ImageSpecField per format and width to `model`, named `<source>_<ext>_<width>`."""
    for ext, pillow_format, _mime, options in RENDITION_FORMATS:
        for width in RENDITION_WIDTHS:
            model.add_to_class(
                rendition_name(source, ext, width),
                ImageSpecField(
                    source=source,
                    processors=[ResizeToFit(width=width, upscale=False)],
                    format=pillow_format,
                    options=options,
                    cachefile_strategy=Optimistic,
                    cachefile_backend=RENDITION_STATE_BACKEND,
                ),
            )


def rendition_name(source: str, ext: str, width: int) -> str:
    return f"{source}_{ext}_{width}"


def generate_renditions(instance, source: str, force: bool = False) -> None:
    """Make (or, with force, remake) every rendition of `instance.<source>` now."""
    if not getattr(instance, source):
        return
    for ext, _format, _mime, _options in RENDITION_FORMATS:
        for width in RENDITION_WIDTHS:
            getattr(instance, rendition_name(source, ext, width)).generate(force=force)


def rendition_paths(instance, source: str) -> list[str]:
    """Storage names of every rendition of `instance.<source>` (without touching files)."""
    if not getattr(instance, source):
        return []
    return [
        getattr(instance, rendition_name(source, ext, width)).name
        for ext, _format, _mime, _options in RENDITION_FORMATS
        for width in RENDITION_WIDTHS
    ]


# imagekit names a rendition after an md5 of the pickled spec (processors, format, options)
# and the source's name: about 0.4 ms each, 11 per card, so most of a gallery's CPU. The name
# depends only on the model's spec field and the source file's name, and the URL only on that
# name and the storage (public files: plain URLs, no signatures, config/storage.py), so the URL
# is computed once per process and kept here (bounded: a full cache is emptied, not grown).
# Keyed by the storage object too, so that tests that swap storages or MEDIA_URL get new URLs.
_RENDITION_URLS: dict[tuple, str] = {}
_RENDITION_URLS_MAX = 20_000


def rendition_url(instance, source: str, ext: str, width: int) -> str:
    """The URL of one rendition of `instance.<source>`, without imagekit's per-call hashing.

    Same URL as `getattr(instance, rendition_name(...)).url`: with the Optimistic strategy that
    is only the storage's URL of the rendition's name (nothing is checked or generated).
    """
    attr = rendition_name(source, ext, width)
    storage = get_storage()
    name = getattr(instance, source).name
    key = (type(instance), attr, name, settings.IMAGEKIT_CACHEFILE_DIR, settings.MEDIA_URL, storage)
    url = _RENDITION_URLS.get(key)
    if url is None:
        if len(_RENDITION_URLS) >= _RENDITION_URLS_MAX:
            _RENDITION_URLS.clear()
        url = _RENDITION_URLS[key] = storage.url(getattr(instance, attr).name)
    return url


@dataclass(frozen=True)
class PictureSource:
    mime_type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What includes/picture.html needs; see the contract at the top of that template."""

    alt: str
    width: int
    height: int
    src: str
    srcset: str
    sources: tuple[PictureSource, ...]
    largest_src: str  # the widest JPEG, for a video poster or a share preview


def picture_for(instance, source: str, alt: str, width: int | None, height: int | None) -> Picture | None:
    """The responsive picture of `instance.<source>`, or None when there is no image.

    `width` and `height` are the stored size of the (cleaned) original; the rendition
    sizes follow from them exactly as ResizeToFit computes them.
    """
    if not getattr(instance, source) or not width or not height:
        return None
    # Renditions wider than the original are the original's size (no upscaling), so
    # several spec widths can give the same file: keep the first of each real width.
    by_width: dict[int, int] = {}
    for spec_width in RENDITION_WIDTHS:
        by_width.setdefault(min(spec_width, width), spec_width)
    real_widths = sorted(by_width)

    def srcset(ext: str) -> str:
        return ", ".join(f"{rendition_url(instance, source, ext, by_width[w])} {w}w" for w in real_widths)

    sources = tuple(PictureSource(mime, srcset(ext)) for ext, _f, mime, _o in RENDITION_FORMATS if ext != "jpeg")
    jpeg_srcset = srcset("jpeg")
    largest = real_widths[-1]
    middle = real_widths[min(1, len(real_widths) - 1)]
    return Picture(
        alt=alt,
        width=largest,
        height=round(height * largest / width),
        src=rendition_url(instance, source, "jpeg", by_width[middle]),
        srcset=jpeg_srcset,
        sources=sources,
        largest_src=rendition_url(instance, source, "jpeg", by_width[largest]),
    )
