"""Rebuild the committed demo videos, their captions, transcripts and posters.

    .venv/bin/python stories/demo_media/build.py      (needs ffmpeg with libvpx-vp9, libopus, libx264)

Each video is a few seconds of text slides drawn with Pillow in the site's font (no photos
of people), with quiet generated music, encoded small: 640×360, WebM (VP9 + Opus) and MP4
(H.264 + AAC, faststart). The WebVTT captions and the transcript are written from the same
slide list, so they say exactly what the video shows. The real testimonials contain only
their published quotes (seed 000); everything else is marked as an example.
The outputs are committed; `manage.py load_demo` copies them into storage.
"""

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent.parent / "static" / "vendor" / "kern" / "fonts"
POSTER_SIZE = (1280, 720)
VIDEO_SIZE = "640:360"
FPS = 10


@dataclass(frozen=True)
class Slide:
    seconds: float
    kicker: str  # small line above
    text: str  # the large text on screen
    caption: str  # what the captions say while the slide is shown
    describe: str  # how the transcript describes the picture


@dataclass(frozen=True)
class Video:
    slug: str
    background: tuple[int, int, int]
    accent: tuple[int, int, int]
    slides: tuple[Slide, ...]


MUSIC = "[Leise Musik]"  # the caption while a slide has no text worth repeating
CLAIM = Slide(3, "Kommunale Jobcenter", "Stark. Sozial. Vor Ort.", MUSIC, "Schluss-Tafel")

VIDEOS = (
    Video(
        "bjoern-mehren",
        (26, 61, 165),
        (255, 210, 90),
        (
            Slide(2, "Kreis Düren", "Björn Mehren", MUSIC, "Titel-Tafel"),
            Slide(
                4,
                "Björn Mehren:",
                "„Jetzt habe ich endlich wieder eine richtige Arbeit als Schlosser“",
                "Jetzt habe ich endlich wieder\neine richtige Arbeit als Schlosser",
                "Zitat-Tafel",
            ),
            CLAIM,
        ),
    ),
    Video(
        "anastasia-popvidou",
        (19, 21, 37),
        (255, 210, 90),
        (
            Slide(2, "Landeshauptstadt Stuttgart", "Anastasia Popvidou", MUSIC, "Titel-Tafel"),
            Slide(
                4,
                "Anastasia Popvidou:",
                "„Endlich konnte ich zeigen, dass ich auch mit 35 etwas Neues lernen kann.“",
                "Endlich konnte ich zeigen,\ndass ich auch mit 35 etwas Neues lernen kann.",
                "Zitat-Tafel",
            ),
            CLAIM,
        ),
    ),
    Video(
        "sabine-hartmann",
        (0, 92, 90),
        (255, 255, 255),
        (
            Slide(2, "Beispiel · Landkreis Emsland", "Sabine Hartmann, Fallmanagerin", MUSIC, "Titel-Tafel"),
            Slide(
                3,
                "Sabine Hartmann:",
                "„Ich begleite Menschen, die lange keine Arbeit hatten.“",
                "Ich begleite Menschen,\ndie lange keine Arbeit hatten.",
                "Zitat-Tafel",
            ),
            Slide(
                3,
                "Sabine Hartmann:",
                "„Wir suchen gemeinsam den nächsten Schritt.“",
                "Wir suchen gemeinsam\nden nächsten Schritt.",
                "Zitat-Tafel",
            ),
        ),
    ),
    Video(
        "bildungs-und-teilhabepaket",
        (26, 61, 165),
        (255, 210, 90),
        (
            Slide(
                2,
                "Erklärvideo",
                "Das Bildungs- und Teilhabepaket",
                "Das Bildungs- und Teilhabepaket.",
                "Titel-Tafel",
            ),
            Slide(
                2.5,
                "Für wen?",
                "Für Kinder und Jugendliche aus Familien mit wenig Geld",
                "Es hilft Kindern und Jugendlichen\naus Familien mit wenig Geld.",
                "Text-Tafel",
            ),
            Slide(
                3,
                "Zum Beispiel für:",
                "Schulsachen, Ausflüge, Mittagessen, Nachhilfe, Sport und Musik",
                "Zum Beispiel für Schulsachen, Ausflüge,\nMittagessen, Nachhilfe, Sport und Musik.",
                "Text-Tafel",
            ),
            Slide(
                2.5,
                "So geht es:",
                "Fragen Sie Ihr Jobcenter.",
                "Fragen Sie Ihr Jobcenter.",
                "Text-Tafel",
            ),
        ),
    ),
)


def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"FiraSans-{weight}.woff2"), size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=face) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line]


def draw_slide(video: Video, slide: Slide) -> Image.Image:
    """A 1280×720 slide; the lower third stays calm so that captions stay readable."""
    image = Image.new("RGB", POSTER_SIZE, video.background)
    draw = ImageDraw.Draw(image)
    width, _height = POSTER_SIZE
    draw.rectangle((0, 0, 24, POSTER_SIZE[1]), fill=video.accent)
    draw.ellipse((width - 200, -140, width + 140, 200), outline=video.accent, width=16)
    draw.text((96, 90), slide.kicker, font=font("SemiBold", 40), fill=video.accent)
    big = font("SemiBold", 64)
    y = 170
    for line in wrap(draw, slide.text, big, width - 340)[:4]:
        draw.text((96, y), line, font=big, fill=(255, 255, 255))
        y += 80
    return image


def vtt_time(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def captions(video: Video) -> str:
    cues, start = ["WEBVTT", ""], 0.0
    for number, slide in enumerate(video.slides, start=1):
        end = start + slide.seconds
        cues += [str(number), f"{vtt_time(start)} --> {vtt_time(end - 0.05)}", slide.caption, ""]
        start = end
    return "\n".join(cues)


def transcript(video: Video) -> str:
    intro = (
        "Das Video zeigt Texttafeln, dazu leise Musik; es wird nicht gesprochen. "
        "Die Untertitel geben den Text der Tafeln wieder."
    )
    paragraphs = [
        f"{slide.describe}: {slide.kicker}{' ' if slide.kicker.endswith(':') else ' – '}{slide.text}"
        for slide in video.slides
    ]
    return "\n\n".join([intro, *paragraphs]) + "\n"


def run(*args: str) -> None:
    # A developer's tool with fixed arguments, run by hand (not by the site).
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)  # noqa: S603, S607


def build(video: Video) -> None:
    for folder in ("videos", "captions", "posters", "transcripts"):
        (HERE / folder).mkdir(exist_ok=True)
    duration = sum(slide.seconds for slide in video.slides)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        concat = []
        for number, slide in enumerate(video.slides):
            path = tmp_path / f"slide{number}.png"
            draw_slide(video, slide).save(path)
            concat += [f"file '{path}'", f"duration {slide.seconds}"]
        concat.append(f"file '{tmp_path / f'slide{len(video.slides) - 1}.png'}'")
        (tmp_path / "slides.txt").write_text("\n".join(concat) + "\n")
        draw_slide(video, video.slides[0]).save(HERE / "posters" / f"{video.slug}.jpg", quality=85, optimize=True)

        # Two quiet sine tones, faded in and out: "leise Musik".
        music = (
            f"sine=frequency=220:duration={duration},volume=0.04[a];"
            f"sine=frequency=330:duration={duration},volume=0.03[b];"
            f"[a][b]amix=inputs=2,afade=t=in:d=1,afade=t=out:st={duration - 1}:d=1[music]"
        )
        inputs = ["-f", "concat", "-safe", "0", "-i", str(tmp_path / "slides.txt")]
        video_filter = f"[0:v]scale={VIDEO_SIZE},fps={FPS},format=yuv420p[v]"
        common = ["-filter_complex", f"{video_filter};{music}", "-map", "[v]", "-map", "[music]", "-t", str(duration)]
        run(
            *inputs,
            *common,
            *["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "45", "-row-mt", "1", "-deadline", "good"],
            *["-c:a", "libopus", "-b:a", "24k", "-ac", "1"],
            str(HERE / "videos" / f"{video.slug}.webm"),
        )
        run(
            *inputs,
            *common,
            *["-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage", "-crf", "32", "-profile:v", "main"],
            *["-c:a", "aac", "-b:a", "32k", "-ac", "1", "-movflags", "+faststart"],
            str(HERE / "videos" / f"{video.slug}.mp4"),
        )
    (HERE / "captions" / f"{video.slug}.vtt").write_text(captions(video), encoding="utf-8")
    (HERE / "transcripts" / f"{video.slug}.txt").write_text(transcript(video), encoding="utf-8")


if __name__ == "__main__":
    if not shutil.which("ffmpeg"):
        raise SystemExit("ffmpeg is needed to build the demo videos.")
    for each in VIDEOS:
        build(each)
        print("built", each.slug)
