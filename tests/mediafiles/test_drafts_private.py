"""Files of every unpublished content type answer 404 to visitors and are private to the editors who
may preview the row (mediafiles/access.py; each app registers its file fields with `protect`)."""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db.models import FileField

from campaign.demo import DEMO_MEDIA, STEM
from campaign.models import ContentPage, EasyLanguageSection, PageKey, SignLanguageVideo
from mediafiles.access import PROTECTED
from shared.publication import Publishable, Status
from tests.factories import (
    ExplainerVideoFactory,
    PhotoFactory,
    PressKitItemFactory,
    StoryFactory,
    add_video,
    editor,
    image_file,
)

pytestmark = pytest.mark.django_db


def story_video():
    return add_video(StoryFactory(status=Status.DRAFT))


def story_photo():
    return PhotoFactory(story=StoryFactory(status=Status.DRAFT))


def explainer_video():
    return ExplainerVideoFactory(status=Status.DRAFT)


def sign_language_video():
    video = SignLanguageVideo(title="Über diese Website", transcript="Text.", duration=10, status=Status.DRAFT)
    video.video_mp4.save("dgs.mp4", ContentFile((DEMO_MEDIA / f"{STEM}.mp4").read_bytes()), save=False)
    video.captions.save("dgs.vtt", ContentFile((DEMO_MEDIA / f"{STEM}.vtt").read_bytes()), save=False)
    video.poster = image_file("poster.jpg", width=640, height=360)
    video.save()
    return video


def press_kit_item():
    return PressKitItemFactory(status=Status.DRAFT)


def easy_language_section():
    page = ContentPage.objects.get(key=PageKey.EASY_LANGUAGE)
    page.status = Status.DRAFT
    page.save()
    return EasyLanguageSection.objects.create(
        page=page, text="Das Jobcenter hilft Ihnen.", alt_text="Ein Tisch", image=image_file("tisch.jpg", 800, 600)
    )


# (make a draft row, its file fields, the rendition a page shows, the publishable row, who may preview)
TYPES = {
    "story video": (story_video, ["video_webm", "video_mp4", "captions", "poster"], "poster_jpeg_480", None),
    "story photo": (story_photo, ["image"], "image_webp_800", "story"),
    "explainer video": (explainer_video, ["video_webm", "video_mp4", "captions", "poster"], "poster_jpeg_480", None),
    "sign-language video": (sign_language_video, ["video_mp4", "captions", "poster"], "poster_jpeg_480", None),
    "press-kit item": (press_kit_item, ["file", "preview"], "preview_jpeg_480", None),
    "Leichte Sprache picture": (easy_language_section, ["image"], "image_jpeg_480", "page"),
}


def files(row, fields, rendition) -> list[str]:
    urls = [getattr(row, name).url for name in fields]
    assert all(urls), urls
    return [*urls, getattr(row, rendition).url]


def owner(row, path):
    return getattr(row, path) if path else row


def set_status(row, path, status):
    target = owner(row, path)
    target.status = status
    target.save()  # as the admin does: the save renews the kept answers (the page cache's generation)


@pytest.fixture(params=list(TYPES))
def draft(request):
    make, fields, rendition, path = TYPES[request.param]
    row = make()
    return row, files(row, fields, rendition), path


def test_a_visitor_gets_404_for_every_file_of_a_draft(client, draft):
    row, urls, path = draft
    assert owner(row, path).status == Status.DRAFT
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_the_files_are_served_once_published_and_hidden_again_when_archived(client, draft):
    row, urls, path = draft
    set_status(row, path, Status.PUBLISHED)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"].startswith("public"), url
    set_status(row, path, Status.ARCHIVED)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_the_central_team_previews_them_privately(client, draft):
    _row, urls, _path = draft
    client.force_login(editor("Zentrale Redaktion"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url


def test_every_file_field_of_a_publishable_row_is_protected():
    """A new content type with a file field must register it, or its drafts' files are public."""
    covered = {(entry.model, name) for entry in PROTECTED for name in entry.fields}
    missing = []
    for model in apps.get_models():
        if model._meta.app_label == "consent":  # signed documents: a private storage without URL
            continue
        publishable = issubclass(model, Publishable) or any(
            field.many_to_one and issubclass(field.related_model, Publishable) for field in model._meta.concrete_fields
        )
        for field in model._meta.concrete_fields:
            # An uploaded video original is never served at all (access.SOURCE_FOLDER).
            wanted = publishable and isinstance(field, FileField) and field.name != "video_source"
            if wanted and (model, field.name) not in covered:
                missing.append(f"{model._meta.label}.{field.name}")
    assert missing == []


def test_the_share_card_of_a_scheduled_story_is_hidden_until_its_moment(client, monkeypatch):
    """generated/: a story published or scheduled has its card made in advance; a draft has none."""
    from datetime import timedelta

    from django.utils import timezone

    from generated import makers
    from stories import tasks

    draft = StoryFactory(status=Status.DRAFT)
    assert makers.make_member(tasks.PREFIX, draft.pk) is None  # no card for a draft
    story = StoryFactory(status=Status.PUBLISHED, publish_from=timezone.now() + timedelta(hours=1))
    card = makers.make_member(tasks.PREFIX, story.pk)
    assert card is not None and card.path.startswith("generated/")
    url = "/media/" + card.path
    assert client.get(url).status_code == 404
    client.force_login(editor("Zentrale Redaktion"))
    assert client.get(url)["Cache-Control"] == "private, no-store"
    client.logout()
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the moment comes, no save
    assert client.get(url).status_code == 200


def test_a_visitor_asking_again_for_a_drafts_file_costs_no_query(client, django_assert_num_queries):
    photo = story_photo()
    assert client.get(photo.image.url).status_code == 404
    with django_assert_num_queries(0):
        assert client.get(photo.image.url).status_code == 404
