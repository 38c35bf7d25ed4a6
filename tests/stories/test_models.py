"""Story and explainer rules: publication, formats, the querysets the campaign pages use, validation."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from mediafiles.platforms import EMBED_ORIGINS
from shared.publication import Status
from stories.models import ExplainerVideo, Story
from tests.factories import (
    ExplainerVideoFactory,
    StoryFactory,
    add_video,
    demo_media_file,
    image_file,
    kommune,
)

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_future_dates():
    visible = StoryFactory(slug="sichtbar")
    StoryFactory(slug="entwurf", status=Status.DRAFT)
    StoryFactory(slug="zukunft", publish_from=timezone.now() + timedelta(days=1))
    assert list(Story.objects.published()) == [visible]
    assert visible.is_published


def test_for_kommune_and_featured_select_what_the_campaign_pages_show():
    dueren = StoryFactory(slug="dueren", kommune=kommune("kreis-dueren"), featured=True)
    StoryFactory(slug="stuttgart", kommune=kommune("landeshauptstadt-stuttgart"))
    assert list(Story.objects.published().for_kommune(kommune("kreis-dueren"))) == [dueren]
    assert list(Story.objects.published().featured()) == [dueren]


def test_format_is_video_for_own_and_for_external_videos():
    photo_story = StoryFactory(slug="foto")
    own = add_video(StoryFactory(slug="eigenes-video"))
    external = StoryFactory(slug="extern", external_platform="youtube", external_video_id="abcdefghijk")
    assert set(Story.objects.with_format("video")) == {own, external}
    assert list(Story.objects.with_format("foto")) == [photo_story]
    assert (own.story_format, external.story_format, photo_story.story_format) == ("video", "video", "foto")


def test_video_needs_captions_transcript_duration_and_described_poster():
    story = StoryFactory.build(kommune=kommune(), video_webm=demo_media_file("videos", "bjoern-mehren.webm"))
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    messages = error.value.message_dict
    assert messages["captions"] == ["Zu einem Video gehören deutsche Untertitel (WebVTT-Datei)."]
    assert messages["transcript"] == ["Zu einem Video gehört ein Transkript mit dem vollständigen Text."]
    assert messages["duration"] == ["Bitte die Dauer des Videos in Sekunden angeben."]
    assert messages["poster"] == ["Zu einem Video gehört ein Vorschaubild."]
    assert messages["poster_alt"] == ["Bitte beschreiben Sie das Vorschaubild (Alternativtext)."]


@pytest.mark.parametrize(
    ("platform", "video_id", "valid"),
    [
        ("youtube", "dQw4w9WgXcQ", True),
        ("youtube", "https://youtu.be/x", False),
        ("youtube", '"><script>', False),
        ("vimeo", "76979871", True),
        ("vimeo", "abc", False),
    ],
)
def test_external_video_id_must_match_the_platform(platform, video_id, valid):
    story = StoryFactory.build(
        kommune=kommune(),
        external_platform=platform,
        external_video_id=video_id,
        poster=image_file(),
        poster_alt="Ein Bild",
        transcript="Text",
    )
    if valid:
        story.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            story.full_clean()
        assert "keine gültige" in error.value.message_dict["external_video_id"][0]


def test_own_and_external_video_together_are_refused():
    story = add_video(StoryFactory(slug="beides"))
    story.external_platform, story.external_video_id = "youtube", "dQw4w9WgXcQ"
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "nicht beides" in error.value.messages[0]


def test_external_embed_and_watch_urls_are_built_from_the_id():
    story = StoryFactory(slug="yt", external_platform="youtube", external_video_id="dQw4w9WgXcQ")
    assert story.external_embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    assert story.external_watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_csp_allows_frames_from_exactly_the_supported_platforms():
    assert sorted(settings.SECURE_CSP["frame-src"]) == EMBED_ORIGINS


def test_explainer_without_a_video_is_refused():
    explainer = ExplainerVideo(title="Ohne Video", slug="ohne-video", teaser="Kurz")
    with pytest.raises(ValidationError) as error:
        explainer.full_clean()
    assert error.value.message_dict["video_source"] == [
        "Ein Erklärvideo braucht ein Video: bitte eine Video-Datei hochladen."
    ]


def test_video_sizes_and_duration_are_ready_for_the_download_link():
    explainer = ExplainerVideoFactory()
    assert explainer.video_webm_size == explainer.video_webm.size > 0
    assert explainer.video_mp4_size == explainer.video_mp4.size > 0
    assert explainer.duration_display == "0:09"
    assert explainer.duration_iso == "PT9S"


def test_story_page_links_the_kommune_page(client):
    story = StoryFactory(kommune=kommune("kreis-dueren"))
    assert 'href="/jobcenter/kreis-dueren/"' in client.get(story.get_absolute_url()).content.decode()


def test_string_and_urls():
    story = StoryFactory(name="Björn Mehren", slug="bjoern-mehren", quote="Endlich Arbeit")
    assert str(story) == "Björn Mehren: „Endlich Arbeit“"
    assert story.get_absolute_url() == "/geschichten/bjoern-mehren/"
    assert ExplainerVideoFactory(slug="but", video=False).get_absolute_url() == "/erklaervideos/but/"
