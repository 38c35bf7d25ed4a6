"""Share cards: made per story by a background task (stories/tasks.py), never in a request;
the story page's share tags and JSON-LD point to the card that exists."""

import json
import re
from io import BytesIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image

from generated import makers
from generated.models import GeneratedFile
from mediafiles import sharecards
from shared.publication import Status
from stories import tasks
from tests.factories import PhotoFactory, StoryFactory, give_consent

pytestmark = pytest.mark.django_db


def card_key(story) -> str:
    return f"{tasks.PREFIX}-{story.pk}"


def meta(html: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert found, f"no {name}"
    return found.group(1)


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def renders(monkeypatch):
    """The inputs of every card drawn, with the real drawing."""
    calls = []
    original = sharecards.render_card

    def counting(**kwargs):
        calls.append(kwargs)
        return original(**kwargs)

    monkeypatch.setattr(sharecards, "render_card", counting)
    return calls


def stored_path(url: str) -> str:
    path = urlsplit(url).path
    assert path.startswith(settings.MEDIA_URL)
    return path.removeprefix(settings.MEDIA_URL)


def test_story_page_has_valid_json_ld_and_share_tags_pointing_to_a_generated_card_that_exists(
    client, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryFactory(slug="mit-karte", name="Björn Mehren", quote="Ich bin wieder Schlosser.", role="Schlosser")
    row = GeneratedFile.objects.get(key=card_key(story))

    html = client.get(story.get_absolute_url()).content.decode()
    image = meta(html, "property", "og:image")
    assert image.startswith("http://testserver/media/generated/")
    assert stored_path(image) == row.path
    with default_storage.open(row.path, "rb") as file:
        card = Image.open(BytesIO(file.read()))
        assert card.size == (1200, 630)
        assert card.format == "JPEG"
    served = client.get(urlsplit(image).path)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    assert meta(html, "property", "og:image:width") == "1200"
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert "Björn Mehren" in meta(html, "name", "twitter:image:alt")
    assert '<link rel="canonical" href="http://testserver/geschichten/mit-karte/">' in html

    objects = {data["@type"]: data for data in json_ld(html)}
    article = objects["Article"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Björn Mehren: „Ich bin wieder Schlosser.“"
    assert article["url"] == "http://testserver/geschichten/mit-karte/"
    assert article["image"]["url"] == image
    assert article["datePublished"] and article["dateModified"]
    assert article["about"]["@type"] == "GovernmentOrganization"
    crumbs = objects["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Startseite", "Geschichten", "Björn Mehren"]
    assert crumbs[-1]["item"] == "http://testserver/geschichten/mit-karte/"


def test_the_page_points_to_the_campaign_card_until_the_card_is_made_and_never_draws_one(client, renders):
    story = StoryFactory(slug="noch-ohne-karte")  # no task has run: the queue is not worked here

    html = client.get(story.get_absolute_url()).content.decode()

    assert renders == []
    assert not GeneratedFile.objects.filter(key=card_key(story)).exists()
    image = meta(html, "property", "og:image")
    assert re.fullmatch(r"http://testserver/static/img/share-card(\.[0-9a-f]+)?\.jpg", image)
    assert (settings.BASE_DIR / "static" / "img" / "share-card.jpg").exists()
    with Image.open(settings.BASE_DIR / "static" / "img" / "share-card.jpg") as card:
        assert card.size == (1200, 630)


def test_the_card_shows_the_photo_only_while_every_consent_covers_social_media(
    renders, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(story=StoryFactory(slug="foto-karte"))
    story = photo.story
    assert renders[-1]["photo"] is None  # web consent only: a card of text

    with django_capture_on_commit_callbacks(execute=True):
        consent = give_consent(story, scope_social=True)
        consent.save()  # the factory helper updates in bulk; an editor saves the record
    assert renders[-1]["photo"] is not None
    assert renders[-1]["name"] == story.name
    assert renders[-1]["line"] == "Kreis Düren"

    with django_capture_on_commit_callbacks(execute=True):
        give_consent(story, person="Zweite Person", scope_social=False).save()
    assert renders[-1]["photo"] is None  # one person on record without social media


def test_the_card_is_made_once_per_change_and_deleted_when_the_story_goes_offline(
    renders, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryFactory(slug="wechsel")
    first = GeneratedFile.objects.get(key=card_key(story)).path
    count = len(renders)

    makers.make_member(tasks.PREFIX, story.pk)  # again without a change: nothing drawn
    assert len(renders) == count

    with django_capture_on_commit_callbacks(execute=True):
        story.quote = "Ein neues Zitat."
        story.save()
    second = GeneratedFile.objects.get(key=card_key(story)).path
    assert second != first and renders[-1]["quote"] == "Ein neues Zitat."
    assert not default_storage.exists(first) and default_storage.exists(second)

    with django_capture_on_commit_callbacks(execute=True):
        story.status = Status.ARCHIVED
        story.save()
    assert not GeneratedFile.objects.filter(key=card_key(story)).exists()
    assert not default_storage.exists(second)


def test_make_generated_files_now_makes_every_story_card(renders):
    stories = [StoryFactory(slug=f"alle-{n}") for n in range(3)]
    StoryFactory(slug="entwurf", status=Status.DRAFT)

    makers.make_all()

    keys = set(GeneratedFile.objects.filter(key__startswith=f"{tasks.PREFIX}-").values_list("key", flat=True))
    assert keys == {card_key(story) for story in stories}


def test_json_ld_escapes_what_could_end_the_script_block(client, immediate_tasks):
    story = StoryFactory(slug="boese", quote="</script><script>alert(1)</script> & mehr")

    html = client.get(story.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in html
    article = next(data for data in json_ld(html) if data["@type"] == "Article")
    assert "</script><script>alert(1)</script> & mehr" in article["headline"]
