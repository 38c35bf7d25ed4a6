"""Demo content of the campaign app, loaded by `manage.py load_demo` (idempotent).

A short, light placeholder for the sign-language page: a 10-second title card
"Beispielvideo – Gebärdensprache folgt" (320×180, H.264, no sound), its poster, real
WebVTT captions and a transcript, all in campaign/demo_media/ and copied into storage.
Marked `is_demo` so that editors see in the admin what to replace before the launch.

The video was made with:
  ffmpeg -f lavfi -i "color=c=0x1a3da5:s=320x180:d=10:r=12" -vf "drawtext=…" \
    -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -movflags +faststart -an …mp4
"""

from pathlib import Path

from campaign.models import SignLanguageVideo
from shared.demo import store
from shared.images import generate_renditions

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
DEMO_TITLE = "Beispielvideo: Diese Website in Gebärdensprache"
STEM = "beispielvideo-gebaerdensprache"


def load(command, options) -> None:
    _load_sign_language_video(command)


def _load_sign_language_video(command) -> None:
    if SignLanguageVideo.objects.filter(is_demo=True, title=DEMO_TITLE).exists():
        return
    video = SignLanguageVideo(
        title=DEMO_TITLE,
        transcript=(DEMO_MEDIA / f"{STEM}.txt").read_text(encoding="utf-8").strip(),
        duration=10,
        poster_alt="Standbild: blaue Fläche mit der Aufschrift „Beispielvideo – Gebärdensprache folgt“",
        is_demo=True,
    )
    for field, suffix in (("video_mp4", "mp4"), ("poster", "jpg"), ("captions", "vtt")):
        name = f"{SignLanguageVideo.MEDIA_FOLDER}/demo/{STEM}.{suffix}"
        setattr(video, field, store(name, (DEMO_MEDIA / f"{STEM}.{suffix}").read_bytes()))
    video.full_clean()
    video.save()
    generate_renditions(video, "poster")
    command.stdout.write("campaign: Beispielvideo für die Seite „Gebärdensprache“ angelegt.")
