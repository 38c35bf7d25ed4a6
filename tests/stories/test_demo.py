"""The demo content of `load_demo`: the two real testimonials word for word, invented examples
across the country and every topic, video stories, the BuT explainer, small committed media."""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image, ImageChops, ImageStat

from editorial.models import Action, AuditEntry
from mediafiles.images import rendition_paths
from mediafiles.uploads import parse_webvtt
from mediafiles.video_processing import make_poster
from stories.demo_content import IN_WORK, STORIES, WITHDRAWN
from stories.models import ExplainerVideo, Photo, Story, Topic
from tests import snapshots
from tests.sources import SEEDS
from tests.stories.test_views import assert_responsive_pictures, card_names

pytestmark = pytest.mark.django_db

SEED = SEEDS / "000_6bf012a90362cd90.txt"
DEMO_MEDIA = Path(__file__).resolve().parents[2] / "stories" / "demo_media"


def test_seed_quotes_are_word_for_word():
    seed = SEED.read_text(encoding="utf-8")
    # The press article quotes them in „…“; the site shows the same words between the marks.
    quotes = re.findall(r"„([^“]+)“", seed)
    real = {demo.name: demo for demo in STORIES if not demo.example}
    assert set(real) == {"Björn Mehren", "Anastasia Popvidou"}
    assert real["Björn Mehren"].quote in quotes
    assert real["Anastasia Popvidou"].quote in quotes
    assert "Björn Mehren aus dem Kreis Düren" in seed and "Anastasia Popvidou aus Stuttgart" in seed


@snapshots.copied
def test_load_demo_gives_the_real_testimonials_varied_examples_videos_and_the_but_explainer(
    client, settings, django_capture_on_commit_callbacks
):
    # One load for all checks, made once per state of the code (tests/snapshots.py): loading the
    # demo makes ~300 image renditions.
    snapshots.demo()
    published = Story.objects.published()

    # The story whose person withdrew their consent: archived, without pictures, on no page.
    withdrawn = Story.objects.get(slug=WITHDRAWN[0].slug)
    assert withdrawn.status == "archived" and not withdrawn.photos.exists()
    assert not (settings.MEDIA_ROOT / f"stories/demo/photos/{withdrawn.slug}-1.jpg").exists()
    assert withdrawn.consents.get().withdrawn_on and withdrawn.consents.get().is_demo
    assert AuditEntry.objects.filter(action=Action.CONSENT_ENDED, object_id=str(withdrawn.pk)).count() == 1
    assert client.get(withdrawn.get_absolute_url()).status_code == 404
    bjoern = published.get(name="Björn Mehren")
    anastasia = published.get(name="Anastasia Popvidou")
    assert (bjoern.kommune.slug, anastasia.kommune.slug) == ("kreis-dueren", "landeshauptstadt-stuttgart")
    assert bjoern.quote == "Jetzt habe ich endlich wieder eine richtige Arbeit als Schlosser"
    assert anastasia.quote == "Endlich konnte ich zeigen, dass ich auch mit 35 etwas Neues lernen kann."
    assert not bjoern.is_example and not anastasia.is_example

    examples = published.filter(is_example=True)
    assert examples.count() >= 22
    assert examples.values("kommune__land").distinct().count() >= 10
    assert set(Topic.objects.filter(stories__in=examples).values_list("slug", flat=True)) == set(
        Topic.objects.values_list("slug", flat=True)
    )
    assert published.with_format("video").count() >= 3
    assert published.featured().count() >= 3
    for story in published.with_format("video"):
        assert story.poster_picture is not None and story.transcript

    explainer = ExplainerVideo.objects.published().get(slug="bildungs-und-teilhabepaket")
    assert explainer.title == "Das Bildungs- und Teilhabepaket"
    assert explainer.has_own_video and explainer.captions and explainer.transcript
    assert explainer.duration == 11  # 3 + 2.5 + 3 + 2.5 seconds of slides (demo_media/build.py)

    # Every file and rendition is in storage.
    for obj in [*Story.objects.exclude(poster=""), explainer]:
        for name in [obj.poster.name, *rendition_paths(obj, "poster")]:
            assert (settings.MEDIA_ROOT / name).exists(), name
        for name in [obj.video_webm.name, obj.video_mp4.name, obj.captions.name]:
            assert not name or (settings.MEDIA_ROOT / name).exists(), name
    for photo in Photo.objects.all():
        assert photo.alt_text and photo.caption and photo.credit
        for name in [photo.image.name, *rendition_paths(photo, "image")]:
            assert (settings.MEDIA_ROOT / name).exists(), name

    # The gallery's first page: at least 12 stories, the two real ones among them, every
    # picture responsive with alt text, sizes, AVIF and WebP.
    response = client.get("/geschichten/")
    names = card_names(response)
    assert len(names) >= 12
    assert {"Björn Mehren", "Anastasia Popvidou"} <= set(names)
    html = response.content.decode()
    assert "„Jetzt habe ich endlich wieder eine richtige Arbeit als Schlosser“" in html
    assert "„Endlich konnte ich zeigen, dass ich auch mit 35 etwas Neues lernen kann.“" in html
    assert assert_responsive_pictures(html) == len(names)

    # Loading again changes nothing; --stories N adds N generated stories, once.
    stories, photos = Story.objects.count(), Photo.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", verbosity=0)
    assert (Story.objects.count(), Photo.objects.count()) == (stories, photos)
    assert AuditEntry.objects.filter(action=Action.CONSENT_ENDED).count() == 1  # the withdrawal stays done
    call_command("load_demo", stories=40, verbosity=0)
    call_command("load_demo", stories=40, verbosity=0)
    assert Story.objects.published().count() == stories - len(IN_WORK) - len(WITHDRAWN) + 40
    assert Photo.objects.count() == photos + 40


def test_committed_demo_media_are_small_real_videos_with_german_captions():
    total = sum(path.stat().st_size for path in DEMO_MEDIA.rglob("*") if path.is_file())
    assert total < 5 * 1024 * 1024
    for slug in ["bjoern-mehren", "anastasia-popvidou", "sabine-hartmann", "bildungs-und-teilhabepaket"]:
        webm = (DEMO_MEDIA / "videos" / f"{slug}.webm").read_bytes()
        mp4 = (DEMO_MEDIA / "videos" / f"{slug}.mp4").read_bytes()
        assert webm.startswith(b"\x1a\x45\xdf\xa3") and mp4[4:8] == b"ftyp"
        captions = (DEMO_MEDIA / "captions" / f"{slug}.vtt").read_text(encoding="utf-8")
        assert len(parse_webvtt(captions)) >= 3
        assert (DEMO_MEDIA / "transcripts" / f"{slug}.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize(
    "slug", ["bjoern-mehren", "anastasia-popvidou", "sabine-hartmann", "bildungs-und-teilhabepaket"]
)
def test_demo_posters_are_frames_of_their_videos_with_the_face_in_view(slug, tmp_path):
    """Not a text card: the committed poster is the frame at its poster time, taken again here
    by the upload pipeline's own function; a drawn person's face lies at the focal point."""
    frame = json.loads((DEMO_MEDIA / "posters" / "frames.json").read_text(encoding="utf-8"))[slug]
    taken = tmp_path / "frame.jpg"
    make_poster(str(DEMO_MEDIA / "videos" / f"{slug}.mp4"), taken, frame["time"])
    committed = Image.open(DEMO_MEDIA / "posters" / f"{slug}.jpg").convert("RGB")
    again = Image.open(taken).convert("RGB")
    assert committed.size == again.size == (1280, 720)
    difference = ImageStat.Stat(ImageChops.difference(committed, again)).mean
    assert max(difference) < 4, difference  # the same picture, up to JPEG noise
    later = tmp_path / "later.jpg"
    make_poster(str(DEMO_MEDIA / "videos" / f"{slug}.mp4"), later, 5.0)  # a text slide: not the poster
    assert max(ImageStat.Stat(ImageChops.difference(committed, Image.open(later).convert("RGB"))).mean) > 10
    focal_x, focal_y = frame["focal"]
    assert 0.2 < focal_x < 0.8 and 0.3 < focal_y < 0.7
    assert frame["alt"].startswith("Standbild aus dem Video: Gezeichnete Illustration (kein Foto)")
