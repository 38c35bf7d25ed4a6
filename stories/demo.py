"""Demo stories and explainer videos, loaded by `manage.py load_demo` (idempotent).

Media are copied into the configured storage under stories/demo/: the committed videos,
captions and posters from stories/demo_media/ (each poster a frame of its video, see
demo_media/build.py and posters/frames.json), and illustrations drawn by
stories/demo_art.py. Rows are saved one by one so that imagekit makes their renditions on
save; `generate_renditions()` then makes any that are missing (e.g. after MEDIA_ROOT was
wiped while the rows stayed). `--stories N` adds N generated stories for benchmarks that
reuse the demo pictures, so they cost no image encoding.
"""

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

from consent import demo as consent_demo
from consent.models import Consent, ended_q
from editorial.models import Action, AuditEntry
from editorial.workflow import record
from mediafiles.images import generate_renditions
from shared.demo import store
from shared.publication import Status
from stories.demo_art import Drawing, drawing
from stories.demo_content import BUT_EXPLAINER, IN_WORK, STORIES, WITHDRAWN, DemoStory
from stories.models import ExplainerVideo, Photo, Story, Topic

DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
STORAGE_DIR = "stories/demo"
CREDIT = "Illustration: Demo-Inhalt der Kampagne"


def load(command, options) -> None:
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    # Stories name their Kommune through the foreign key only (the house: stories import no campaign code).
    kommune_model = Story._meta.get_field("kommune").related_model
    kommunen = {kommune.slug: kommune for kommune in kommune_model.objects.all()}
    now = timezone.now()
    for index, demo in enumerate(STORIES):
        publish_from = now - timedelta(days=3 * index)
        _load_story(demo, kommunen[demo.kommune], [topics[slug] for slug in demo.topics], publish_from)
    for demo in IN_WORK:
        _load_in_work(demo, _load_story(demo, kommunen[demo.kommune], [topics[slug] for slug in demo.topics], None))
    for demo in WITHDRAWN:
        # Loaded once: after the withdrawal (consent/demo.py) the story stays as the register left it.
        if not Consent.objects.filter(ended_q(), story__slug=demo.slug).exists():
            _load_story(demo, kommunen[demo.kommune], [topics[slug] for slug in demo.topics], now - timedelta(days=90))
    _load_explainer()
    extra = options.get("stories") or 0
    if extra:
        _load_generated(extra, list(kommunen.values()), list(topics.values()), now)
    command.stdout.write(
        f"Geschichten: {len(STORIES)} Demo-Geschichten, 1 Erklärvideo"
        + (f", {extra} generierte Geschichten" if extra else "")
    )


def _load_in_work(demo: DemoStory, story: Story) -> None:
    """The audit entries of a demo story in the workflow (once: the log is never rewritten)."""
    if AuditEntry.objects.filter(object_id=str(story.pk), content_type__model="story").exists():
        return
    user_model = get_user_model()
    author = user_model.objects.filter(kommunen=story.kommune).first()
    record(author, story, Action.SUBMITTED, comment="Demo: bitte prüfen.")
    if demo.status == Status.DRAFT:
        record(
            user_model.objects.filter(username="zentrale").first(), story, Action.SENT_BACK, comment=demo.review_note
        )


def _store(name: str, content: bytes) -> str:
    return store(f"{STORAGE_DIR}/{name}", content)


def _store_committed(folder: str, name: str) -> str:
    return _store(f"{folder}/{name}", (DEMO_MEDIA / folder / name).read_bytes())


def _store_illustration(name: str, demo: DemoStory, variant: int) -> tuple[str, Drawing]:
    """The drawing of `demo`'s person at work, stored once (it is deterministic: same name, same
    picture), with the face's place (the focal point) and its alternative text."""
    art = drawing(demo.name, variant, demo.role)
    path = f"{STORAGE_DIR}/{name}"
    if default_storage.exists(path):
        return path, art
    return _store(name, art.jpeg), art


def _attach_video(obj, slug: str) -> None:
    obj.video_webm = _store_committed("videos", f"{slug}.webm")
    obj.video_mp4 = _store_committed("videos", f"{slug}.mp4")
    obj.captions = _store_committed("captions", f"{slug}.vtt")
    # The poster is the frame at `time` (demo_media/build.py), with the face's place in it.
    frame = json.loads((DEMO_MEDIA / "posters" / "frames.json").read_text(encoding="utf-8"))[slug]
    obj.poster = _store_committed("posters", f"{slug}.jpg")
    obj.poster_time = Decimal(str(frame["time"]))
    obj.poster_alt = frame["alt"]
    obj.poster_focal_x, obj.poster_focal_y = frame["focal"]
    obj.transcript = (DEMO_MEDIA / "transcripts" / f"{slug}.txt").read_text(encoding="utf-8").strip()
    obj.duration = _duration(DEMO_MEDIA / "captions" / f"{slug}.vtt")


def _duration(vtt: Path) -> int:
    """Whole seconds of a demo video: its last caption ends 50 ms before the video does
    (stories/demo_media/build.py)."""
    last_end = [line.split("-->")[1].strip() for line in vtt.read_text(encoding="utf-8").splitlines() if "-->" in line][
        -1
    ]
    minutes, seconds = last_end.split(":")[-2:]
    return round(int(minutes) * 60 + float(seconds) + 0.05)


def _load_story(demo: DemoStory, kommune: models.Model, topics: list[Topic], publish_from) -> Story:
    story = Story.objects.filter(slug=demo.slug).first() or Story(slug=demo.slug)
    story.kind = demo.kind
    story.name = demo.name
    story.role = demo.role
    story.quote = demo.quote
    story.teaser = demo.teaser
    story.body = "".join(f"<p>{paragraph}</p>" for paragraph in demo.body)
    story.kommune = kommune
    story.status = demo.status
    story.publish_from = publish_from
    story.featured = demo.featured
    story.cover_story = demo.cover_story
    story.is_example = demo.example
    if demo.video:
        _attach_video(story, demo.video)
    if demo.external:
        story.external_platform, story.external_video_id = demo.external
        story.poster, art = _store_illustration(f"posters/{demo.slug}-at-work.jpg", demo, 9)
        story.poster_alt = art.alt
        story.poster_focal_x, story.poster_focal_y = art.focal
        story.transcript = (
            "[Für diese Demo gibt es kein echtes Video auf der Plattform; die Geschichte ist erfunden.]\n\n"
            f"{demo.name}: „{demo.quote}“"
        )
    story.save()
    story.topics.set(topics)
    generate_renditions(story, "poster")

    for position in range(demo.photos):
        photo = Photo.objects.filter(story=story, position=position).first() or Photo(story=story, position=position)
        photo.image, art = _store_illustration(f"photos/{demo.slug}-at-work-{position + 1}.jpg", demo, position)
        photo.alt_text = art.alt
        photo.focal_x, photo.focal_y = art.focal
        photo.caption = (
            f"Beispielbild zur Geschichte von {demo.name}: eine gezeichnete Illustration statt eines Fotos."
            if position == 0
            else f"Zweites Beispielbild zur Geschichte von {demo.name}, ebenfalls gezeichnet."
        )
        photo.credit = CREDIT
        photo.save()
        generate_renditions(photo, "image")
    Photo.objects.filter(story=story, position__gte=demo.photos).delete()
    return story


def _load_explainer() -> ExplainerVideo:
    data = BUT_EXPLAINER
    explainer = ExplainerVideo.objects.filter(slug=data["slug"]).first() or ExplainerVideo(slug=data["slug"])
    explainer.title = data["title"]
    explainer.teaser = data["teaser"]
    explainer.body = data["body"]
    explainer.status = Status.PUBLISHED
    explainer.is_example = True
    _attach_video(explainer, data["video"])
    explainer.save()
    generate_renditions(explainer, "poster")
    return explainer


def _load_generated(count: int, kommunen: list[models.Model], topics: list[Topic], now) -> None:
    """N more published stories for benchmarks, created in bulk; they share the demo photos."""
    pictures = list(
        Photo.objects.filter(story__slug__in=[demo.slug for demo in STORIES], position=0).values_list(
            "image", "width", "height", "focal_x", "focal_y"
        )
    )
    existing = set(Story.objects.filter(slug__startswith="beispiel-").values_list("slug", flat=True))
    new = [
        Story(
            slug=f"beispiel-{number:04d}",
            name=f"Beispielperson {number}",
            quote=f"Beispielzitat Nummer {number}: Mit Unterstützung habe ich wieder Arbeit gefunden.",
            teaser="Eine generierte Beispielgeschichte für Last- und Geschwindigkeitstests.",
            body="<p>Diese Geschichte wurde für Tests erzeugt.</p>",
            kommune=kommunen[number % len(kommunen)],
            status=Status.PUBLISHED,
            publish_from=now - timedelta(days=100 + number % 400),  # behind the demo stories
            is_example=True,
        )
        for number in range(1, count + 1)
        if f"beispiel-{number:04d}" not in existing
    ]
    Story.objects.bulk_create(new)
    created = Story.objects.filter(slug__in=[story.slug for story in new]).order_by("slug")
    through = Story.topics.through
    through.objects.bulk_create(
        through(story_id=story.pk, topic_id=topics[index % len(topics)].pk) for index, story in enumerate(created)
    )
    Photo.objects.bulk_create(
        Photo(
            story=story,
            image=pictures[index % len(pictures)][0],
            width=pictures[index % len(pictures)][1],
            height=pictures[index % len(pictures)][2],
            # The shared picture's focal point: its crops are named after it and exist already.
            focal_x=pictures[index % len(pictures)][3],
            focal_y=pictures[index % len(pictures)][4],
            alt_text="Gezeichnete Illustration (kein Foto): eine Person bei der Arbeit",
            caption="Beispielbild einer generierten Geschichte.",
            credit=CREDIT,
        )
        for index, story in enumerate(created)
    )
    # Generated people, generated consents (demo records, with the demo document): the stories are
    # public like the others.
    document = consent_demo.demo_document()
    Consent.objects.bulk_create(
        Consent(
            story=story,
            person=story.name,
            kommune_id=story.kommune_id,
            signed_on=timezone.localdate() - timedelta(days=200),
            document=document,
            is_demo=True,
        )
        for story in created
    )
