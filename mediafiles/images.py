"""Responsive images: clean originals, renditions made on save, and the data for picture.html.

Every uploaded image goes through two steps, both when it is saved, never while a visitor
waits for a page:

1. `clean_original()` applies the camera's orientation and throws away every bit of
   metadata (EXIF with GPS position, camera model, XMP, comments) before the file is
   stored, because the original is public under MEDIA_URL too.
2. django-imagekit makes the renditions: AVIF, WebP and JPEG at RENDITION_WIDTHS, once the
   whole picture (`<source>_<ext>_<width>`, for a story's photos and the video player) and once
   cropped to CROP_RATIO around the image's focal point (`<source>_crop_<ext>_<width>`, for
   cards and the landing page's hero). The focal point (two numbers 0–1 that editors set in the
   admin by clicking the face) is part of the crop's spec, so a new point gives new file names;
   the model's save() regenerates the crops when only the point changed. Each
   ImageSpecField uses the WhenPrepared strategy (imagekit's Optimistic), which generates the files
   when the source is saved and never checks or generates anything when a URL is asked for. Rows saved
   without their post_save signal (data migrations, bulk loads) call
   `generate_renditions()`; `manage.py generateimages` rebuilds everything after a wiped
   MEDIA_ROOT.

A picture of more than PREPARE_NOW_PIXELS takes both steps in the task worker instead
(mediafiles/image_preparation.py): the save stores the upload as it came in INCOMING_FOLDER, and
until the worker has switched the row to the clean copy the picture is "in preparation"
(`is_pending`): picture_for() answers None, so no page shows a broken image.

`picture_for()` turns a model's image into a `Picture`, the context that
templates/includes/picture.html expects. It computes URLs and sizes from the stored
width and height alone: no file is opened while a page is rendered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from imagekit.cachefiles.backends import Simple
from imagekit.cachefiles.strategies import Optimistic
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from imagekit.specs import ImageSpec
from imagekit.utils import get_cache, get_storage
from PIL import Image, ImageOps

from mediafiles import uploads  # its import also registers the HEIF opener for Image.open
from mediafiles.access import INCOMING_IMAGE_FOLDER
from shared.numbers import DecimalNumberField

RENDITION_WIDTHS = (480, 800, 1200)
# (file extension in the spec name, Pillow format, MIME type, encoder options)
RENDITION_FORMATS = (
    ("avif", "AVIF", "image/avif", {"quality": 55, "speed": 8}),
    ("webp", "WEBP", "image/webp", {"quality": 78, "method": 4}),
    ("jpeg", "JPEG", "image/jpeg", {"quality": 80, "optimize": True, "progressive": True}),
)
# Cards and the hero show every picture in one shape, cut around the focal point.
CROP_RATIO = (4, 3)
# The format a clean original is stored in, by the upload's format. HEIF (an iPhone's HEIC, read
# through the opener mediafiles/uploads.py registers) becomes JPEG: browsers and imagekit read that.
_SAVE_FORMATS = {
    "JPEG": ("JPEG", {"quality": 92}),
    "PNG": ("PNG", {}),
    "WEBP": ("WEBP", {"quality": 92}),
    "AVIF": ("AVIF", {"quality": 80}),
    "HEIF": ("JPEG", {"quality": 92}),
}


def clean_original(field_file) -> ContentFile:
    """The uploaded image turned upright and without metadata, in its own format (HEIF as JPEG).

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


# Larger pictures are cleaned and rendered by the task worker, never in the request: every phone photo
# (12 MP and more; its 18 renditions cost ~8 s of CPU, a 36-MP PNG's ~16 s). Up to 2 MP (1600 × 1200)
# they are still made at once, ~1.3 s (600 × 400) to ~4.5 s (1600 × 1200) of CPU, almost all of it the
# six AVIFs: lower this to take those off the request too (tests that expect renditions right after a
# save then need a worker run).
PREPARE_NOW_PIXELS = 2_000_000
# Where such an upload waits for the worker, below the field's folder: never shown, and never served
# (mediafiles/access.py, NEVER_SERVED; private in a bucket too).
INCOMING_FOLDER = INCOMING_IMAGE_FOLDER


def is_pending(name: str) -> bool:
    """True for a stored upload that the worker has not prepared yet (a picture in preparation)."""
    return f"/{INCOMING_FOLDER}/" in f"/{name or ''}"


def has_renditions(instance, source: str) -> bool:
    return hasattr(type(instance), rendition_name(source, "jpeg", RENDITION_WIDTHS[0]))


def store_clean_original(field_file, rendered_as: str | None = None) -> None:
    """Replace a newly uploaded (not yet stored) image by its cleaned copy, then store it; a picture
    with renditions of more than PREPARE_NOW_PIXELS is stored as it came, for the worker
    (store_for_worker). `rendered_as`: the image field whose renditions are made from this file
    (the press kit's `preview` of its `file`), default the field itself.

    FieldFile.save() also refreshes the model's width and height fields.
    """
    size = uploads.header_size(field_file)
    rendered = has_renditions(field_file.instance, rendered_as or field_file.field.name)
    if size and size[0] * size[1] > PREPARE_NOW_PIXELS and rendered:
        store_for_worker(field_file)
        return
    cleaned = clean_original(field_file)
    field_file.save(cleaned.name, cleaned, save=False)


def store_for_worker(field_file) -> None:
    """Store the upload unchanged in INCOMING_FOLDER below the field's folder (random name, as always);
    the WhenPrepared strategy queues the worker once the row is saved. The width and height fields
    are the header's (before the camera's orientation is applied): nothing shows them until then."""
    field = field_file.field
    target = PurePosixPath(field.generate_filename(field_file.instance, field_file.name))
    content = field_file.file
    content.seek(0)
    name = str(target.parent / INCOMING_FOLDER / target.name)
    field_file.name = field.storage.save(name, content, max_length=field.max_length)
    field_file._set_instance_attribute(field_file.name, content)
    field_file._committed = True


class WhenPrepared(Optimistic):
    """imagekit's Optimistic strategy (renditions made when the source is saved), except for a picture
    in preparation: then the worker is queued, once per saved upload, and makes them."""

    def on_source_saved(self, file):
        source = file.generator.source
        if not is_pending(source.name):
            file.generate()
            return
        instance, field_name = source.instance, source.field.name
        queued = instance.__dict__.setdefault("_pictures_queued", set())
        if (field_name, source.name) not in queued:
            queued.add((field_name, source.name))
            from mediafiles.image_preparation import enqueue

            enqueue(instance, field_name)


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


FOCAL_ERROR = _("Bitte eine Zahl von 0 bis 1 angeben, zum Beispiel 0,5 für die Mitte.")


class FocalFormField(DecimalNumberField):
    """A coordinate typed as „0,68“ or „0.68“ and shown as „0,68“ (shared/numbers.py), kept to three
    places; a form which does not send it leaves it unchanged (an empty extra inline row stays
    empty; the model keeps its 0.5)."""

    def __init__(self, **kwargs):
        super().__init__(**{"decimal_places": 3, **kwargs})

    def has_changed(self, initial, data):
        return data not in (None, "") and super().has_changed(initial, data)


class FocalPointField(models.FloatField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FocalFormField, **kwargs})


def focal_field(verbose_name, help_text) -> models.FloatField:
    """One coordinate of a focal point: 0 = left (top) edge, 1 = right (bottom) edge.

    May be left empty in a form (and older forms do not send it): the model's save() then keeps
    the middle, 0.5."""
    return FocalPointField(
        verbose_name,
        default=0.5,
        blank=True,
        validators=[MinValueValidator(0.0, FOCAL_ERROR), MaxValueValidator(1.0, FOCAL_ERROR)],
        help_text=help_text,
    )


def focal_fields_of(source: str) -> tuple[str, str]:
    """The model fields holding the focal point of `source`: focal_x/focal_y for a photo's
    "image", poster_focal_x/poster_focal_y for a video's "poster"."""
    prefix = "" if source == "image" else f"{source}_"
    return f"{prefix}focal_x", f"{prefix}focal_y"


def focal_point(instance, source: str) -> tuple[float, float]:
    x_name, y_name = focal_fields_of(source)
    return _unit(getattr(instance, x_name, 0.5)), _unit(getattr(instance, y_name, 0.5))


def _unit(value) -> float:
    try:
        return min(1.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        return 0.5


def crop_box(size: tuple[int, int], focal: tuple[float, float], ratio=CROP_RATIO) -> tuple[int, int, int, int]:
    """The largest box of `ratio` inside an image of `size`, centred on the focal point as far as
    the image's edges allow (clamped, so a point near an edge stays inside the box)."""
    width, height = size
    if width * ratio[1] >= height * ratio[0]:  # wider than the ratio: full height
        box_w, box_h = min(width, round(height * ratio[0] / ratio[1])), height
    else:
        box_w, box_h = width, min(height, round(width * ratio[1] / ratio[0]))
    left = round(focal[0] * width - box_w / 2)
    top = round(focal[1] * height - box_h / 2)
    left = min(max(left, 0), width - box_w)
    top = min(max(top, 0), height - box_h)
    return left, top, left + box_w, top + box_h


def crop_size(width: int, height: int, spec_width: int, ratio=CROP_RATIO) -> tuple[int, int]:
    """The pixel size of a crop rendition (never upscaled), as FocalCrop makes it."""
    left, _top, right, _bottom = crop_box((width, height), (0.5, 0.5), ratio)
    out_w = min(spec_width, right - left)
    return out_w, round(out_w * ratio[1] / ratio[0])


class FocalCrop:
    """An imagekit processor: cut CROP_RATIO around the focal point, then scale to `width`."""

    def __init__(self, focal: tuple[float, float], width: int, ratio=CROP_RATIO):
        self.focal = focal
        self.width = width
        self.ratio = ratio

    def process(self, img: Image.Image) -> Image.Image:
        box = crop_box(img.size, self.focal, self.ratio)
        cropped = img.crop(box)
        out_w = min(self.width, cropped.width)
        out_h = round(out_w * self.ratio[1] / self.ratio[0])
        return cropped.resize((out_w, out_h), Image.Resampling.LANCZOS)


class FocalCropSpec(ImageSpec):
    """A crop rendition whose processors read the focal point of the row the image belongs to.

    imagekit names the file after a hash of the processors, so each focal point has its own files."""

    source_field = "image"
    width = 480
    cachefile_strategy = WhenPrepared
    cachefile_backend = RENDITION_STATE_BACKEND

    @property
    def processors(self):
        instance = getattr(self.source, "instance", None)
        return [FocalCrop(focal_point(instance, self.source_field), self.width)]


def add_renditions(model, source: str) -> None:
    """Add one ImageSpecField per format and width to `model`: `<source>_<ext>_<width>` (the whole
    picture) and `<source>_crop_<ext>_<width>` (cut around the focal point, see FocalCropSpec)."""
    for ext, pillow_format, _mime, options in RENDITION_FORMATS:
        for width in RENDITION_WIDTHS:
            model.add_to_class(
                rendition_name(source, ext, width),
                ImageSpecField(
                    source=source,
                    processors=[ResizeToFit(width=width, upscale=False)],
                    format=pillow_format,
                    options=options,
                    cachefile_strategy=WhenPrepared,
                    cachefile_backend=RENDITION_STATE_BACKEND,
                ),
            )
            spec = type(
                "FocalCropSpec",
                (FocalCropSpec,),
                {"source_field": source, "width": width, "format": pillow_format, "options": options},
            )
            model.add_to_class(rendition_name(source, ext, width, crop=True), ImageSpecField(source=source, spec=spec))


def rendition_name(source: str, ext: str, width: int, crop: bool = False) -> str:
    return f"{source}_crop_{ext}_{width}" if crop else f"{source}_{ext}_{width}"


def _renditions(crops_only: bool = False):
    for crop in (True,) if crops_only else (False, True):
        for ext, _format, _mime, _options in RENDITION_FORMATS:
            for width in RENDITION_WIDTHS:
                yield ext, width, crop


def generate_renditions(instance, source: str, force: bool = False, crops_only: bool = False) -> None:
    """Make (or, with force, remake) every rendition of `instance.<source>` now; a picture in
    preparation is prepared now, in this process (demo loaders, `manage.py` commands)."""
    if not getattr(instance, source):
        return
    if is_pending(getattr(instance, source).name):
        from mediafiles.image_preparation import prepare

        prepare(instance, source)
        return
    for ext, width, crop in _renditions(crops_only):
        getattr(instance, rendition_name(source, ext, width, crop)).generate(force=force)


def rendition_paths(instance, source: str, crops_only: bool = False) -> list[str]:
    """Storage names of every rendition of `instance.<source>` (without touching files)."""
    if not getattr(instance, source):
        return []
    return [
        getattr(instance, rendition_name(source, ext, width, crop)).name for ext, width, crop in _renditions(crops_only)
    ]


class FocalPointTracking:
    """For a model's save(): remake the crops of `source` when only its focal point changed
    (a new upload makes every rendition anyway) and delete the crops of the old point."""

    def __init__(self, instance, source: str):
        self.instance, self.source = instance, source
        for name in focal_fields_of(source):
            if getattr(instance, name) is None:
                setattr(instance, name, 0.5)
        loaded = getattr(instance, "_loaded_focal", {}).get(source)
        field_file = getattr(instance, source)
        self.changed = (
            instance.pk is not None
            and loaded is not None
            and bool(field_file)
            and field_file._committed
            and not is_pending(field_file.name)  # the worker reads the point when it makes the crops
            and loaded[1:] != focal_point(instance, source)
            and loaded[0] == field_file.name
        )
        self.old_paths = []
        if self.changed:
            current = [getattr(instance, name) for name in focal_fields_of(source)]
            for name, value in zip(focal_fields_of(source), loaded[1:], strict=True):
                setattr(instance, name, value)
            self.old_paths = rendition_paths(instance, source, crops_only=True)
            for name, value in zip(focal_fields_of(source), current, strict=True):
                setattr(instance, name, value)

    def after_save(self) -> None:
        if self.changed:
            generate_renditions(self.instance, self.source, crops_only=True)
            storage = get_storage()
            kept = set(rendition_paths(self.instance, self.source, crops_only=True))
            if self.old_point_still_used():
                kept |= set(self.old_paths)
            for path in self.old_paths:
                if path not in kept and storage.exists(path):
                    storage.delete(path)
        remember_focal(self.instance, self.source)

    def old_point_still_used(self) -> bool:
        """Another row names the same file with the old focal point (a story's change shares the
        published story's files, stories/drafts.py): its crops stay."""
        loaded = self.instance._loaded_focal[self.source]
        model = type(self.instance)
        same = dict(zip(focal_fields_of(self.source), loaded[1:], strict=True))
        return model._default_manager.filter(**{self.source: loaded[0]}, **same).exclude(pk=self.instance.pk).exists()


def remember_focal(instance, source: str) -> None:
    """Note the stored image and focal point (call from the model's from_db and after a save)."""
    if {source, *focal_fields_of(source)} & instance.get_deferred_fields():
        return  # loaded without them (.only()): reading them would cost a query each
    field_file = getattr(instance, source)
    loaded = getattr(instance, "_loaded_focal", None)
    if loaded is None:
        loaded = instance._loaded_focal = {}
    loaded[source] = (field_file.name if field_file else "", *focal_point(instance, source))


# imagekit names a rendition after an md5 of the pickled spec (processors, format, options)
# and the source's name: about 0.4 ms each, 11 per card, so most of a gallery's CPU. The name
# depends only on the model's spec field, the source file's name and (for crops) the focal
# point, and the URL only on that name and the storage (public files: plain URLs, no signatures,
# config/storage.py), so the URL is computed once per process and kept here (bounded: a full
# cache is emptied, not grown). Keyed by the storage object and MEDIA_URL too, so that tests that
# swap storages or MEDIA_URL get new URLs.
_RENDITION_URLS: dict[tuple, str] = {}
_RENDITION_URLS_MAX = 20_000


def rendition_url(instance, source: str, ext: str, width: int, crop: bool = False) -> str:
    """The URL of one rendition of `instance.<source>`, without imagekit's per-call hashing.

    Same URL as `getattr(instance, rendition_name(...)).url`: with the Optimistic strategy that
    is only the storage's URL of the rendition's name (nothing is checked or generated).
    """
    attr = rendition_name(source, ext, width, crop)
    focal = focal_point(instance, source) if crop else None
    storage = get_storage()
    name = getattr(instance, source).name
    # A bucket that signs the URLs of files visitors may not see (mediafiles/s3.py): the URL depends
    # on that too, and a signed one expires, so it is never kept (nor served to a visitor later).
    visible = storage.visibility(name) if hasattr(storage, "visibility") else None
    key = (type(instance), attr, name, focal, settings.IMAGEKIT_CACHEFILE_DIR, settings.MEDIA_URL, storage, visible)
    url = _RENDITION_URLS.get(key)
    if url is None:
        if len(_RENDITION_URLS) >= _RENDITION_URLS_MAX:
            _RENDITION_URLS.clear()
        url = storage.url(getattr(instance, attr).name)
        if visible != "hidden":
            _RENDITION_URLS[key] = url
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


def picture_for(
    instance, source: str, alt: str, width: int | None, height: int | None, crop: bool = False
) -> Picture | None:
    """The responsive picture of `instance.<source>`, or None when there is no image.

    `width` and `height` are the stored size of the (cleaned) original; the rendition
    sizes follow from them exactly as ResizeToFit (or, with `crop`, FocalCrop) computes them.
    """
    if not getattr(instance, source) or not width or not height or is_pending(getattr(instance, source).name):
        return None
    if crop:
        return _crop_picture(instance, source, alt, width, height)
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


def _crop_picture(instance, source: str, alt: str, width: int, height: int) -> Picture:
    """The CROP_RATIO picture of `instance.<source>`, cut around its focal point."""
    by_width: dict[int, int] = {}
    for spec_width in RENDITION_WIDTHS:
        by_width.setdefault(crop_size(width, height, spec_width)[0], spec_width)
    real_widths = sorted(by_width)

    def srcset(ext: str) -> str:
        return ", ".join(f"{rendition_url(instance, source, ext, by_width[w], crop=True)} {w}w" for w in real_widths)

    sources = tuple(PictureSource(mime, srcset(ext)) for ext, _f, mime, _o in RENDITION_FORMATS if ext != "jpeg")
    largest = real_widths[-1]
    middle = real_widths[min(1, len(real_widths) - 1)]
    return Picture(
        alt=alt,
        width=largest,
        height=crop_size(width, height, by_width[largest])[1],
        src=rendition_url(instance, source, "jpeg", by_width[middle], crop=True),
        srcset=srcset("jpeg"),
        sources=sources,
        largest_src=rendition_url(instance, source, "jpeg", by_width[largest], crop=True),
    )
