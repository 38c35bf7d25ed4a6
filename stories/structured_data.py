"""JSON-LD and share images of the story and explainer pages (shared/structured_data.py)."""

from django.http import HttpRequest

from shared import structured_data
from shared.structured_data import ShareImage
from stories.models import ExplainerVideo, Story


def story_card(request: HttpRequest, story: Story) -> ShareImage:
    """The story's generated card (`share_card`, annotated by the view), else the campaign card."""
    alt = f"„{story.quote}“ – {story.name}, {story.kommune.name}"
    return structured_data.share_image(request, getattr(story, "share_card", None), alt)


def story_objects(request: HttpRequest, story: Story, image: ShareImage) -> list[dict]:
    """An `Article` for the story and, when it is told by video, its `VideoObject`."""
    url = request.build_absolute_uri(story.get_absolute_url())
    headline = f"{story.name}: „{story.quote}“"
    about = {
        "@type": "GovernmentOrganization",
        "name": str(story.kommune.display_jobcenter_name),
        "url": request.build_absolute_uri(story.kommune.get_absolute_url()),
    }
    objects = [
        structured_data.article(
            request,
            headline=headline,
            description=story.teaser,
            url=url,
            published=story.publish_from or story.created_at,
            modified=story.updated_at,
            image=image,
            about=about,
        )
    ]
    video = structured_data.video_object(
        request,
        story,
        name=headline,
        description=story.teaser,
        url=url,
        uploaded=story.publish_from or story.created_at,
    )
    if video:
        objects.append(video)
    return objects


def explainer_image(request: HttpRequest, explainer: ExplainerVideo) -> ShareImage:
    if explainer.poster_picture:
        src = request.build_absolute_uri(explainer.poster_picture.largest_src)
        return ShareImage(src, explainer.poster_alt, width=None, height=None)
    return structured_data.campaign_card(request)


def explainer_objects(request: HttpRequest, explainer: ExplainerVideo) -> list[dict]:
    url = request.build_absolute_uri(explainer.get_absolute_url())
    video = structured_data.video_object(
        request,
        explainer,
        name=explainer.title,
        description=explainer.teaser,
        url=url,
        uploaded=explainer.publish_from or explainer.updated_at,
    )
    return [video] if video else []
