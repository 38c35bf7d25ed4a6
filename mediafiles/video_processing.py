"""From the file an editor uploaded to the files the web plays: a background task.

`process_video` (a django.tasks task, queued after the commit of the save that brought a new
source or a new poster time) reads the source with PyAV, then runs the ffmpeg binary of the
`imageio-ffmpeg` wheel three times: a web MP4 (H.264/AAC, "faststart": it plays while loading),
a WebM (VP9/Opus), and a JPEG poster from the chosen second. Phone videos are turned upright
(ffmpeg applies the rotation the phone recorded) and scaled to at most 1280 pixels on the
longer side. The row shows the progress (ffmpeg's `-progress` against the duration) and, when
the file cannot be read, a German error.

Tasks may run more than once (at-least-once delivery): a run whose source already has its web
files only remakes what is missing; a run whose source was replaced meanwhile throws its work
away. Nothing here runs in a request.
"""

import logging
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task
from django.utils.translation import gettext_lazy as _

from mediafiles.files import delete_unnamed
from mediafiles.images import generate_renditions
from mediafiles.uploads import SOURCE_CODECS, VideoProbe, container_of, probe_path
from mediafiles.videos import Processing
from shared import pagecache

logger = logging.getLogger(__name__)

# The share of the progress bar each product takes (WebM encoding is slower than MP4).
MP4_SHARE, WEBM_SHARE = 30, 65
# Write the progress at most this often (seconds): each write is one UPDATE.
PROGRESS_EVERY = 2.0
SCALE = "scale=w='min(1280,iw)':h='min(1280,ih)':force_original_aspect_ratio=decrease:force_divisible_by=2"
MP4_ARGS = [
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-profile:v", "high",
    "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-movflags", "+faststart", "-f", "mp4",
]  # fmt: skip
WEBM_ARGS = [
    "-c:v", "libvpx-vp9", "-crf", "33", "-b:v", "0", "-deadline", "good", "-cpu-used", "4", "-row-mt", "1",
    "-pix_fmt", "yuv420p", "-c:a", "libopus", "-b:a", "96k", "-ac", "2", "-f", "webm",
]  # fmt: skip
UNREADABLE = _(
    "Die Video-Datei kann nicht gelesen werden: Sie ist beschädigt, unvollständig oder in einem Format, das "
    "die Website nicht kennt. Bitte laden Sie das Video so hoch, wie Telefon oder Kamera es speichern "
    "(MP4, MOV oder WebM)."
)
FAILED = _(
    "Das Video konnte nicht umgewandelt werden. Bitte laden Sie es erneut hoch; wenn es wieder misslingt, "
    "informieren Sie die technische Betreuung."
)


class ProcessingError(Exception):
    """A failure with the German message the admin shows."""


def ffmpeg_binary() -> str:
    """The ffmpeg of the imageio-ffmpeg wheel (IMAGEIO_FFMPEG_EXE overrides it), else one on PATH."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        found = shutil.which("ffmpeg")
        if found is None:
            raise ProcessingError(FAILED) from None
        return found


def enqueue(instance) -> None:
    """Queue the task for this row once the current transaction commits (at once outside one)."""
    label, pk = instance._meta.label, instance.pk
    transaction.on_commit(lambda: process_video.enqueue(label, pk))


@task
def process_video(model: str, pk: int) -> None:
    VideoProcessor(apps.get_model(model), pk).run()


class VideoProcessor:
    def __init__(self, model, pk: int):
        self.model, self.pk = model, pk
        self.rows = model._default_manager.filter(pk=pk)

    def set(self, **values) -> None:
        self.rows.update(**values)

    def run(self) -> None:
        row = self.rows.first()
        if row is None or not row.video_source:
            return
        source_name = row.video_source.name
        made_for_source = row.processed_source == source_name and row.video_mp4 and row.video_webm
        wants_poster = row.poster_from_video or not row.poster
        poster_time = Decimal(row.poster_time if row.poster_time is not None else "1.0")
        if made_for_source and not (wants_poster and row.processed_poster_time != poster_time):
            self.set(processing_state=Processing.READY, processing_progress=100, processing_error="")
            return
        self.set(processing_state=Processing.RUNNING, processing_error="")
        with tempfile.TemporaryDirectory(prefix="kjc-video-") as folder:
            work = Path(folder)
            try:
                with local_copy(source_name, work) as path:
                    info = probe(path)
                    products = self.make(path, work, info, poster_time, made_for_source, wants_poster)
            except ProcessingError as error:
                logger.warning("Video %s %s: %s", self.model._meta.label, self.pk, error)
                self.set(processing_state=Processing.FAILED, processing_error=str(error))
                return
            self.store(source_name, info, poster_time, products)

    def make(self, path, work: Path, info: VideoProbe, poster_time, made_for_source, wants_poster) -> dict:
        products = {}
        duration = info.duration
        if not made_for_source:
            self.set(processing_progress=1)
            products["video_mp4"] = work / "web.mp4"
            transcode(path, products["video_mp4"], MP4_ARGS, duration, self.progress(0, MP4_SHARE), info.has_audio)
            products["video_webm"] = work / "web.webm"
            transcode(
                path, products["video_webm"], WEBM_ARGS, duration, self.progress(MP4_SHARE, WEBM_SHARE), info.has_audio
            )
        if wants_poster:
            products["poster"] = work / "poster.jpg"
            make_poster(path, products["poster"], min(float(poster_time), max(duration - 0.1, 0)))
        return products

    def progress(self, start: int, share: int) -> Callable[[float], None]:
        last = [0.0]

        def report(fraction: float) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY:
                last[0] = now
                self.set(processing_progress=min(99, start + round(share * fraction)))

        return report

    def store(self, source_name: str, info: VideoProbe, poster_time, products: dict) -> None:
        """Store the products and switch the row to them, unless its source changed meanwhile."""
        model = self.model
        saved: dict[str, str] = {}
        probe_row = model(pk=self.pk)  # upload_to names files by the model's folder only
        for field_name, path in products.items():
            field = model._meta.get_field(field_name)
            with path.open("rb") as handle:
                name = field.generate_filename(probe_row, path.name)
                saved[field_name] = field.storage.save(name, File(handle), max_length=field.max_length)
        with transaction.atomic():
            row = self.rows.select_for_update().first()
            if row is None or row.video_source.name != source_name:
                transaction.on_commit(lambda: delete_unnamed(list(saved.values())))
                return
            replaced = [getattr(row, field).name for field in saved if getattr(row, field)]
            values = {
                **saved,
                "processing_state": Processing.READY,
                "processing_progress": 100,
                "processing_error": "",
                "processed_source": source_name,
                "duration": max(1, round(info.duration)),
            }
            if "video_mp4" in saved:
                values["video_mp4_size"] = products["video_mp4"].stat().st_size
                values["video_webm_size"] = products["video_webm"].stat().st_size
            if "poster" in saved:
                from PIL import Image

                with Image.open(products["poster"]) as image:
                    values["poster_width"], values["poster_height"] = image.size
                values["poster_from_video"] = True
                values["processed_poster_time"] = poster_time
            self.set(**values)
            transaction.on_commit(lambda: delete_unnamed(replaced))
            transaction.on_commit(pagecache.renew)
        if "poster" in saved:
            generate_renditions(self.rows.get(), "poster")
        logger.info("Video %s %s processed: %s", model._meta.label, self.pk, ", ".join(saved))


class local_copy:
    """The source as a local path: the file itself on disk storage, else a copy in `folder`."""

    def __init__(self, name: str, folder: Path):
        self.name, self.folder = name, folder

    def __enter__(self) -> str:
        try:
            return default_storage.path(self.name)
        except NotImplementedError:
            pass
        copy = self.folder / ("source" + Path(self.name).suffix)
        try:
            with default_storage.open(self.name, "rb") as source, copy.open("wb") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
        except OSError as error:
            raise ProcessingError(UNREADABLE) from error
        return str(copy)

    def __exit__(self, *exc) -> None:
        return None


def probe(path: str) -> VideoProbe:
    with open(path, "rb") as handle:
        demuxer = container_of(handle.read(64))
    info = probe_path(path, demuxer, SOURCE_CODECS) if demuxer else None
    if info is None or info.duration <= 0:
        raise ProcessingError(UNREADABLE)
    return info


def _run(command: list[str], on_line: Callable[[str], None] | None = None) -> None:
    logger.debug("Running %s", command)
    with subprocess.Popen(  # noqa: S603 (our own argument list, no shell)
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        for line in process.stdout:
            if on_line is not None:
                on_line(line.strip())
        errors = process.stderr.read()
        process.wait()
    if process.returncode != 0:
        logger.error("ffmpeg failed (%s): %s", process.returncode, errors[-2000:])
        raise ProcessingError(FAILED)


def _input(path: str) -> list[str]:
    # Only local files: a crafted container must not make ffmpeg open addresses.
    return ["-protocol_whitelist", "file", "-i", f"file:{path}"]


def transcode(path: str, target: Path, codec_args: list[str], duration: float, report, has_audio: bool) -> None:
    """One web file; `report(fraction)` hears how far ffmpeg is (its `-progress` output)."""
    command = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-y", *_input(path)]
    command += ["-map", "0:v:0", *(["-map", "0:a:0"] if has_audio else ["-an"]), "-vf", SCALE, "-map_metadata", "-1"]
    command += [*codec_args, "-progress", "pipe:1", f"file:{target}"]

    def on_line(line: str) -> None:
        key, _sep, value = line.partition("=")
        if key in ("out_time_us", "out_time_ms") and value.strip().isdigit() and duration > 0:
            report(min(1.0, int(value) / 1_000_000 / duration))

    _run(command, on_line)


def make_poster(path: str, target: Path, at: float) -> None:
    command = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-ss", f"{at:.2f}"]
    command += [*_input(path), "-frames:v", "1", "-vf", SCALE, "-map_metadata", "-1", "-q:v", "3", f"file:{target}"]
    _run(command)
    if not target.exists() or target.stat().st_size == 0:
        raise ProcessingError(FAILED)
