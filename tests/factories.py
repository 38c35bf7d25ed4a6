"""factory_boy factories for the models the tests create. Apps add theirs here."""

import datetime

import factory
from django.contrib.auth import get_user_model

from campaign.models import Kommune
from consent.models import Consent


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"redaktion{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("ein-langes-testpasswort")
    is_staff = True


def editor(group: str, *kommune_slugs: str, **fields):
    """A staff account in an editorial group (shared/roles.py), editor of the given Kommunen."""
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group))
    user.kommunen.set([kommune(slug) for slug in kommune_slugs])
    return user


def kommune(slug: str = "kreis-dueren") -> Kommune:
    """One of the 104 Kommunen that `migrate` loaded (they are never created by tests)."""
    return Kommune.objects.get(slug=slug)


# --- stories -------------------------------------------------------------------------------
import io  # noqa: E402
from pathlib import Path  # noqa: E402

from django.core.files.base import ContentFile  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image  # noqa: E402

from shared.publication import Status  # noqa: E402
from stories.models import ExplainerVideo, Photo, Story, Topic  # noqa: E402

STORIES_DEMO_MEDIA = Path(__file__).resolve().parent.parent / "stories" / "demo_media"


def image_file(name="bild.jpg", width=600, height=400, color=(26, 61, 165), image_format="JPEG", exif=None):
    """An image upload made with Pillow; `exif` is a PIL.Image.Exif to embed (JPEG only)."""
    buffer = io.BytesIO()
    options = {"exif": exif.tobytes()} if exif is not None else {}
    Image.new("RGB", (width, height), color).save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue(), name=name)


def demo_media_file(folder: str, name: str) -> ContentFile:
    """One of the committed demo files (real WebM/MP4/WebVTT) as an upload."""
    return ContentFile((STORIES_DEMO_MEDIA / folder / name).read_bytes(), name=name)


def topic(slug: str = "ausbildung") -> Topic:
    """One of the topics that `migrate` loaded."""
    return Topic.objects.get(slug=slug)


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testperson {n}")
    slug = factory.Sequence(lambda n: f"testperson-{n}")
    quote = factory.Sequence(lambda n: f"Zitat Nummer {n}: Ich habe wieder Arbeit.")
    teaser = "Eine Geschichte für die Tests."
    body = "<p>Text der Geschichte.</p>"
    kommune = factory.LazyFunction(lambda: kommune("kreis-dueren"))
    status = Status.PUBLISHED
    publish_from = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def consent(obj, create, extracted, **fields):
        """A valid web consent of the story's person, as publication needs. `consent=False` for
        none; `consent__scope_press=True` etc. for other terms."""
        if create and extracted is not False:
            give_consent(obj, **fields)


def consent_document() -> str:
    """A signed document in the consent storage, as a consent needs (one small PDF that the records
    of a test share; a file is deleted only when no record names it any more)."""
    storage = Consent._meta.get_field("document").storage
    name = "2026/einwilligung-test.pdf"
    if not storage.exists(name):
        storage.save(name, ContentFile(b"%PDF-1.4\n% Einwilligung (Test)\n%%EOF\n"))
    return name


def give_consent(story, person: str | None = None, **fields) -> Consent:
    """The (first) consent of `person` (default: the story's name) for `story`, with `fields`
    (with its signed document: a record without one counts for nothing)."""
    person = person or story.name
    fields = {
        "kommune_id": story.kommune_id,
        "signed_on": datetime.date(2026, 1, 5),
        "document": consent_document(),
        **fields,
    }
    consent, created = Consent.objects.get_or_create(story=story, person=person, defaults=fields)
    if not created and fields:
        Consent.objects.filter(pk=consent.pk).update(**fields)
        consent.refresh_from_db()
    return consent


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    story = factory.SubFactory(StoryFactory)
    image = factory.LazyFunction(image_file)
    alt_text = "Ein blaues Rechteck"
    caption = "Bildunterschrift"
    credit = "Foto: Test"


def add_video(story, slug: str = "bjoern-mehren"):
    """Give `story` (or an explainer) a real demo video with captions, poster and transcript."""
    story.video_webm = demo_media_file("videos", f"{slug}.webm")
    story.video_mp4 = demo_media_file("videos", f"{slug}.mp4")
    story.captions = demo_media_file("captions", f"{slug}.vtt")
    story.poster = image_file("poster.jpg", width=640, height=360)  # small: quick renditions
    story.poster_alt = "Texttafel mit einem Namen"
    story.transcript = "Das Video zeigt Texttafeln.\n\nZitat-Tafel: Ein Satz."
    story.duration = 9
    story.save()
    return story


class ExplainerVideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExplainerVideo
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Erklärvideo {n}")
    slug = factory.Sequence(lambda n: f"erklaervideo-{n}")
    teaser = "Kurz erklärt."
    status = Status.PUBLISHED

    @factory.post_generation
    def video(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            add_video(obj, "bildungs-und-teilhabepaket")


def many_stories(count: int, *, kommunen=None, topics=None, photo_source=None) -> list:
    """`count` published stories with one photo each, made in bulk.

    The photos share the stored image (and so the renditions) of `photo_source`, a saved
    Photo; without one, a first photo is saved normally and the others share it.
    """
    kommunen = kommunen or [kommune("kreis-dueren")]
    topics = topics if topics is not None else list(Topic.objects.all())
    if photo_source is None:
        photo_source = PhotoFactory(story=StoryFactory(kommune=kommunen[0]))
    start = Story.objects.count()
    stories = Story.objects.bulk_create(
        Story(
            name=f"Massenperson {start + i}",
            slug=f"massenperson-{start + i}",
            quote=f"Zitat {start + i}",
            teaser="Generiert.",
            kommune=kommunen[i % len(kommunen)],
            status=Status.PUBLISHED,
            publish_from=timezone.now(),
        )
        for i in range(count)
    )
    stories = list(Story.objects.filter(slug__in=[s.slug for s in stories]))
    Consent.objects.bulk_create(
        Consent(
            story=s,
            person=s.name,
            kommune_id=s.kommune_id,
            signed_on=datetime.date(2026, 1, 5),
            document=consent_document(),
        )
        for s in stories
    )
    if topics:
        Story.topics.through.objects.bulk_create(
            Story.topics.through(story_id=s.pk, topic_id=topics[i % len(topics)].pk) for i, s in enumerate(stories)
        )
    Photo.objects.bulk_create(
        Photo(
            story=s,
            image=photo_source.image.name,
            width=photo_source.width,
            height=photo_source.height,
            # the same focal point too, so that the shared crops (named after it) exist
            focal_x=photo_source.focal_x,
            focal_y=photo_source.focal_y,
            alt_text="Ein blaues Rechteck",
            caption="Bildunterschrift",
            credit="Foto: Test",
        )
        for s in stories
    )
    return stories


# --- press (press/) ----------------------------------------------------------------
from press.models import KitKind, PressCoverage, PressKitItem, PressRelease  # noqa: E402

LOGO_SVG = Path(__file__).resolve().parent.parent / "static" / "img" / "logo.svg"


class PressReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressRelease
        django_get_or_create = ["slug"]

    number = factory.Sequence(lambda n: f"{n % 1000:03d}/2024")
    date = datetime.date(2024, 3, 1)
    title = factory.Sequence(lambda n: f"Testmitteilung {n}")
    slug = factory.Sequence(lambda n: f"testmitteilung-{n}")
    lead = "Der Vorspann der Testmitteilung."
    body = "<p>Der Text der Testmitteilung.</p>"
    issuers = "Deutscher Landkreistag, Deutscher Städtetag"
    is_joint = True
    status = Status.PUBLISHED


class PressCoverageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressCoverage

    title = factory.Sequence(lambda n: f"Bericht {n} über die Kampagne")
    source = "Testzeitung"
    date = datetime.date(2024, 3, 2)
    url = "https://zeitung.example.org/bericht"


def svg_file(name="logo.svg", content: bytes | None = None) -> ContentFile:
    return ContentFile(content if content is not None else LOGO_SVG.read_bytes(), name=name)


class PressKitItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressKitItem

    title = factory.Sequence(lambda n: f"Pressefoto {n}")
    kind = KitKind.PHOTO
    file = factory.LazyFunction(lambda: image_file("pressefoto.jpg", width=800, height=600))
    alt_text = "Ein blaues Rechteck"
    credit = "© Deutscher Landkreistag / Foto: Test"
