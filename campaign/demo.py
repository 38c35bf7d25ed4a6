"""Demo content of the campaign app, loaded by `manage.py load_demo` (idempotent).

The newsroom's demo content (releases, coverage, logo, motifs) is in campaign/press/demo.py.

A short, light placeholder for the sign-language page: a 10-second title card
"Beispielvideo – Gebärdensprache folgt" (320×180, H.264, no sound), its poster, real
WebVTT captions and a transcript, all in campaign/demo_media/ and copied into storage.
Marked `is_demo` so that editors see in the admin what to replace before the launch.

The video was made with:
  ffmpeg -f lavfi -i "color=c=0x1a3da5:s=320x180:d=10:r=12" -vf "drawtext=…" \
    -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -movflags +faststart -an …mp4
"""

from datetime import timedelta
from pathlib import Path

from django.core.files import File

from campaign.models import SignLanguageVideo
from campaign.press import demo as press_demo

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
DEMO_TITLE = "Beispielvideo: Diese Website in Gebärdensprache"
STEM = "beispielvideo-gebaerdensprache"


def load(command, options) -> None:
    _load_sign_language_video(command)
    press_demo.load(command, options)


def _load_sign_language_video(command) -> None:
    if SignLanguageVideo.objects.filter(is_demo=True, title=DEMO_TITLE).exists():
        return
    video = SignLanguageVideo(
        title=DEMO_TITLE,
        transcript=(DEMO_MEDIA / f"{STEM}.txt").read_text(encoding="utf-8").strip(),
        duration=timedelta(seconds=10),
        is_demo=True,
    )
    for field, suffix in (("video", "mp4"), ("poster", "jpg"), ("captions", "vtt")):
        with (DEMO_MEDIA / f"{STEM}.{suffix}").open("rb") as source:
            getattr(video, field).save(f"{STEM}.{suffix}", File(source), save=False)
    video.full_clean()
    video.save()
    command.stdout.write("campaign: Beispielvideo für die Seite „Gebärdensprache“ angelegt.")
