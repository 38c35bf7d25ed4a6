"""Rebuild the committed demo videos, their captions, transcripts and posters.

    .venv/bin/python stories/demo_media/build.py      (needs ffmpeg with libvpx-vp9, libopus, libx264)

Each video opens with a drawn scene of its person at work (stories/demo_art.py: a drawing,
never a photo of a real face) with the name on a plate, followed by text slides in the site's
font, with quiet generated music, encoded small: 1280×720 at 10 frames a second, WebM (VP9 +
Opus) and MP4 (H.264 + AAC, faststart). The poster is a frame taken from the finished MP4 at
`POSTER_AT` seconds, the way the upload pipeline (mediafiles/video_processing.py) makes one from
the poster time an editor chooses; `posters/frames.json` records that time, the face's place
in the frame (the focal point) and the poster's alternative text for `load_demo`.
The WebVTT captions and the transcript are written from the same slide list, so they say
exactly what the video shows. The real testimonials contain only their published quotes
(seed 000); everything else is marked as an example.
The outputs are committed; `manage.py load_demo` copies them into storage.
"""

import io
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FONTS = ROOT / "static" / "vendor" / "kern" / "fonts"
POSTER_SIZE = (1280, 720)
VIDEO_SIZE = "1280:720"
FPS = 10
# The opening picture is shown alone for PICTURE_ALONE seconds before the name plate appears;
# the poster is the frame at POSTER_AT, inside that time: the person, no text that a crop could cut.
PICTURE_ALONE = 1.2
POSTER_AT = 0.5
VARIANT = 7  # which drawing of the person (the story photos use 0, 1, …; the platform posters 9)


@dataclass(frozen=True)
class Slide:
    seconds: float
    kicker: str  # small line above
    text: str  # the large text on screen
    caption: str  # what the captions say while the slide is shown
    describe: str  # how the transcript describes the picture
    # A drawn scene behind the text: (name, role) of the person at work (stories/demo_art.py) and
    # who the alternative text says it shows.
    picture: tuple[str, str, str] | None = None


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
            Slide(
                3,
                "Kreis Düren",
                "Björn Mehren",
                MUSIC,
                "Bild",
                ("Björn Mehren", "Schlosser", "Björn Mehren, Schlosser,"),
            ),
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
            Slide(
                3,
                "Landeshauptstadt Stuttgart",
                "Anastasia Popvidou",
                MUSIC,
                "Bild",
                ("Anastasia Popvidou", "Mitarbeiterin in einem Speditionsunternehmen", "Anastasia Popvidou"),
            ),
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
            Slide(
                3,
                "Beispiel · Landkreis Emsland",
                "Sabine Hartmann, Fallmanagerin",
                MUSIC,
                "Bild",
                ("Sabine Hartmann", "Fallmanagerin im Jobcenter", "Sabine Hartmann, Fallmanagerin,"),
            ),
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
                3,
                "Erklärvideo",
                "Das Bildungs- und Teilhabepaket",
                "Das Bildungs- und Teilhabepaket.",
                "Bild",
                ("Bildungs- und Teilhabepaket", "Erzieherin", "eine Erzieherin"),
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


def scene(slide: Slide):
    """The drawing behind a picture slide, cut to 16:9 around the face: (image, focal point, alt)."""
    from stories.demo_art import SCENES, drawing, place_of

    name, role, who = slide.picture
    art = drawing(name, VARIANT, role)
    picture = Image.open(io.BytesIO(art.jpeg)).convert("RGB")
    width, height = POSTER_SIZE
    scaled_height = round(picture.height * width / picture.width)
    picture = picture.resize((width, scaled_height), Image.LANCZOS)
    face_y = art.focal[1] * scaled_height
    # The face a little above the middle, below the name plate: the drawing moves down if need
    # be, the wall colour fills above it and the campaign band stays at the top edge.
    top = int(min(face_y - height * 0.48, scaled_height - height))
    frame = Image.new("RGB", POSTER_SIZE, picture.getpixel((4, 40)))
    frame.paste(picture, (0, -top))
    if top < 0:
        band = round(18 * width / 1200)
        frame.paste(picture.crop((0, 0, width, band)), (0, 0))
        frame.paste(picture.getpixel((4, 40)), (0, -top - 2, width, -top + band + 3))  # JPEG edges too
    focal = (art.focal[0], round((face_y - top) / height, 3))
    alt = f"Gezeichnete Illustration (kein Foto): {who} {SCENES[place_of(role)]}"
    return frame, focal, alt


def draw_picture(video: Video, slide: Slide) -> Image.Image:
    """The person at work, the kicker and name on a plate at the top on the side away from the
    face (the captions take the bottom)."""
    image, focal, _alt = scene(slide)
    draw = ImageDraw.Draw(image)
    small, big = font("SemiBold", 34), font("SemiBold", 52)
    width = int(max(draw.textlength(slide.kicker, font=small), draw.textlength(slide.text, font=big))) + 72
    left = 48 if focal[0] >= 0.5 else POSTER_SIZE[0] - 48 - width
    draw.rectangle((left, 60, left + width, 60 + 150), fill=video.background)
    draw.rectangle((left, 60, left + 12, 60 + 150), fill=video.accent)
    draw.text((left + 48, 80), slide.kicker, font=small, fill=video.accent)
    draw.text((left + 48, 126), slide.text, font=big, fill=(255, 255, 255))
    return image


def draw_slide(video: Video, slide: Slide) -> Image.Image:
    """A 1280×720 slide; the lower third stays calm so that captions stay readable."""
    if slide.picture:
        return draw_picture(video, slide)
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


def describe(slide: Slide) -> str:
    shown = f"{slide.kicker}{' ' if slide.kicker.endswith(':') else ' – '}{slide.text}"
    if slide.picture:
        return f"{slide.describe}: {scene(slide)[2]}. Eingeblendet: {shown}"
    return f"{slide.describe}: {shown}"


def transcript(video: Video) -> str:
    intro = (
        "Das Video zeigt eine gezeichnete Szene und Texttafeln, dazu leise Musik; es wird nicht gesprochen. "
        "Die Untertitel geben den Text der Tafeln wieder."
    )
    paragraphs = [describe(slide) for slide in video.slides]
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
            if slide.picture:
                alone = tmp_path / f"slide{number}-alone.png"
                scene(slide)[0].save(alone)
                concat += [f"file '{alone}'", f"duration {PICTURE_ALONE}"]
                concat += [f"file '{path}'", f"duration {slide.seconds - PICTURE_ALONE:.1f}"]
            else:
                concat += [f"file '{path}'", f"duration {slide.seconds}"]
        concat.append(f"file '{tmp_path / f'slide{len(video.slides) - 1}.png'}'")
        (tmp_path / "slides.txt").write_text("\n".join(concat) + "\n")

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
        # The poster: one frame of the finished video, as the upload pipeline takes it.
        mp4 = str(HERE / "videos" / f"{video.slug}.mp4")
        run(
            "-ss",
            f"{POSTER_AT:.2f}",
            "-i",
            mp4,
            "-frames:v",
            "1",
            "-q:v",
            "3",
            str(HERE / "posters" / f"{video.slug}.jpg"),
        )
    (HERE / "captions" / f"{video.slug}.vtt").write_text(captions(video), encoding="utf-8")
    (HERE / "transcripts" / f"{video.slug}.txt").write_text(transcript(video), encoding="utf-8")


def frame(video: Video) -> dict:
    """What load_demo needs to know of the poster frame: its time, the face's place, its text."""
    opening = video.slides[0]
    _image, focal, alt = scene(opening)
    return {
        "time": POSTER_AT,
        "focal": list(focal),
        "alt": f"Standbild aus dem Video: {alt}",
    }


if __name__ == "__main__":
    if not shutil.which("ffmpeg"):
        raise SystemExit("ffmpeg is needed to build the demo videos.")
    sys.path.insert(0, str(ROOT))
    for each in VIDEOS:
        build(each)
        print("built", each.slug)
    frames = {each.slug: frame(each) for each in VIDEOS}
    (HERE / "posters" / "frames.json").write_text(json.dumps(frames, ensure_ascii=False, indent=2) + "\n")
