"""Demo content of the campaign app, loaded by `manage.py load_demo` (idempotent).

Jobcenter pages: contact data, press contact, self-description and locations of Kreis Düren,
Landeshauptstadt Stuttgart and Kreis Steinfurt, clearly marked as demo (campaign/demo_content.py).

Three sections of the Leichte-Sprache page, each a few short sentences beside a drawn picture
(stories/demo_art.py: drawings, never photos), loaded once: editors change or replace them.

A short, light placeholder for the sign-language page: a 10-second title card
"Beispielvideo – Gebärdensprache folgt" (320×180, H.264, no sound), its poster, real
WebVTT captions and a transcript, all in campaign/demo_media/ and copied into storage.
Marked `is_demo` so that editors see in the admin what to replace before the launch.

The video was made with:
  ffmpeg -f lavfi -i "color=c=0x1a3da5:s=320x180:d=10:r=12" -vf "drawtext=…" \
    -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -movflags +faststart -an …mp4
"""

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from campaign.demo_content import EASY_LANGUAGE_SECTIONS, JOBCENTER_PAGES
from campaign.models import (
    BarrierReport,
    ContentPage,
    EasyLanguageSection,
    Kommune,
    Location,
    PageKey,
    SignLanguageVideo,
)
from mediafiles.images import generate_renditions
from shared.demo import store
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from stories.demo_art import drawing

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
DEMO_TITLE = "Beispielvideo: Diese Website in Gebärdensprache"
STEM = "beispielvideo-gebaerdensprache"


DEFAULT_DEMO_PASSWORD = "demo-passwort-2030"  # noqa: S105 (demo accounts only, see README)
# user name -> (group, Kommunen they edit, full name)
DEMO_ACCOUNTS = {
    "zentrale": (CENTRAL_EDITORS, [], "Zentrale Redaktion (Demo)"),
    "redaktion-dueren": (KOMMUNE_EDITORS, ["kreis-dueren"], "Redaktion Kreis Düren (Demo)"),
    "redaktion-stuttgart": (KOMMUNE_EDITORS, ["landeshauptstadt-stuttgart"], "Redaktion Stuttgart (Demo)"),
}


def load(command, options) -> None:
    _load_sign_language_video(command)
    load_easy_language_sections(command)
    load_jobcenter_pages(command)
    _load_demo_accounts(command)
    _load_barrier_report()


DEMO_REPORT = "(Demo) Das Video auf der Startseite hat keine Untertitel in Leichter Sprache."


def _load_barrier_report() -> None:
    """One open barrier report, so that the admin start page shows its reply-by date."""
    if not BarrierReport.objects.filter(description=DEMO_REPORT).exists():
        BarrierReport.objects.create(description=DEMO_REPORT, location="Startseite, Erklärvideo")


def load_jobcenter_pages(command=None) -> None:
    """The demo Jobcenter pages; a location is found again by its Kommune and name."""
    for slug, page in JOBCENTER_PAGES.items():
        kommune = Kommune.objects.get(slug=slug)
        for name, value in page["fields"].items():
            setattr(kommune, name, value)
        kommune.full_clean()
        kommune.save()
        for position, values in enumerate(page["locations"], start=1):
            location = Location.objects.filter(kommune=kommune, name=values["name"]).first() or Location(
                kommune=kommune, name=values["name"]
            )
            for name, value in {**values, "position": position * 10}.items():
                setattr(location, name, value)
            location.full_clean()
            location.save()
    if command is not None:
        command.stdout.write(f"campaign: Demo-Angaben für die Jobcenter-Seiten {', '.join(JOBCENTER_PAGES)}.")


def _load_demo_accounts(command) -> None:
    """The three demo logins of the editorial roles; never on a production site (README)."""
    password = os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD
    user_model = get_user_model()
    for username, (group_name, kommune_slugs, full_name) in DEMO_ACCOUNTS.items():
        user = user_model.objects.filter(username=username).first() or user_model(username=username)
        user.first_name, _space, user.last_name = full_name.partition(" ")
        user.is_staff = True
        user.email = f"{username}@example.org"  # a reserved domain: workflow mail goes nowhere real
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=group_name))
        user.kommunen.set(Kommune.objects.filter(slug__in=kommune_slugs))
    command.stdout.write(f"campaign: Demo-Zugänge {', '.join(DEMO_ACCOUNTS)} (Passwort aus DEMO_PASSWORD).")


def load_easy_language_sections(command=None) -> None:
    page = ContentPage.objects.filter(key=PageKey.EASY_LANGUAGE).first()
    if page is None or page.easy_sections.exists():
        return  # loaded once: what editors changed stays
    for position, (heading, lines, (name, variant, role), alt_text) in enumerate(EASY_LANGUAGE_SECTIONS, start=1):
        path = store(f"leichte-sprache/demo/abschnitt-{position}.jpg", drawing(name, variant, role).jpeg)
        section = EasyLanguageSection(
            page=page, position=position * 10, heading=heading, text="\n".join(lines), image=path, alt_text=alt_text
        )
        section.full_clean()
        section.save()
        generate_renditions(section, "image")
    if command is not None:
        command.stdout.write(f"campaign: {len(EASY_LANGUAGE_SECTIONS)} Abschnitte mit Bildern für „Leichte Sprache“.")


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
