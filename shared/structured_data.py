"""Structured data (schema.org JSON-LD) and the share image of a page.

Each app builds the objects of its own pages (stories/structured_data.py, press, campaign) with
the helpers here; templates/includes/meta_tags.html writes them into the page as data blocks
(`<script type="application/ld+json">`). A data block is never executed, so it needs no CSP
nonce, and carrying none keeps the page cacheable (shared/pagecache.py stores no page with a
nonce). `to_json_ld` escapes `<`, `>` and `&`, so no text of an editor can end the block.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

CONTEXT = "https://schema.org"
CAMPAIGN_CARD = "img/share-card.jpg"  # made by `manage.py build_share_card`
# The size networks and messengers show a link's picture in; mediafiles/sharecards.py draws its cards so.
SHARE_WIDTH, SHARE_HEIGHT = 1200, 630
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def to_json_ld(data) -> SafeString:
    """`data` as JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, default=_default, separators=(",", ":"))
    return mark_safe(text.translate(_ESCAPES))


def _default(value):
    if isinstance(value, datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)  # lazy translations


@dataclass(frozen=True)
class ShareImage:
    url: str
    alt: str
    width: int | None = SHARE_WIDTH
    height: int | None = SHARE_HEIGHT
    type: str = "image/jpeg"


def campaign_card(request: HttpRequest) -> ShareImage:
    """The card of pages without their own (static/img/share-card.jpg)."""
    return ShareImage(
        request.build_absolute_uri(static(CAMPAIGN_CARD)), f"{settings.SITE_NAME} – {settings.SITE_CLAIM}"
    )


def share_image(request: HttpRequest, stored_path: str | None, alt: str) -> ShareImage:
    """A generated card (its path in the default storage), or the campaign card while it has not
    been made yet: the request never makes one."""
    if not stored_path:
        return campaign_card(request)
    from django.core.files.storage import default_storage

    return ShareImage(request.build_absolute_uri(default_storage.url(stored_path)), alt)


def publisher(request: HttpRequest) -> dict:
    """The campaign as the publisher of every page."""
    return {
        "@type": "Organization",
        "name": str(settings.SITE_NAME),
        "slogan": str(settings.SITE_CLAIM),
        "url": request.build_absolute_uri("/"),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo.svg"))},
    }


def article(
    request: HttpRequest,
    *,
    headline: str,
    description: str,
    url: str,
    published: datetime | date | None,
    modified: datetime | date | None,
    image: ShareImage,
    **extra,
) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Article",
        "headline": headline[:110],
        "description": description,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": settings.LANGUAGE_CODE,
        "image": {"@type": "ImageObject", "url": image.url},
        "publisher": publisher(request),
        "author": publisher(request),
    }
    if image.width:
        data["image"].update(width=image.width, height=image.height)
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    data.update(extra)
    return data


def video_object(request: HttpRequest, video, *, name: str, description: str, url: str, uploaded=None) -> dict | None:
    """A `VideoObject` of a mediafiles.videos.VideoMedia with its captions and transcript; None
    when the row has no video."""
    if not video.has_video:
        return None
    data = {
        "@context": CONTEXT,
        "@type": "VideoObject",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": settings.LANGUAGE_CODE,
    }
    if video.poster_picture:
        data["thumbnailUrl"] = request.build_absolute_uri(video.poster_picture.largest_src)
    if uploaded:
        data["uploadDate"] = uploaded
    if video.duration_iso:
        data["duration"] = video.duration_iso
    if video.has_own_video:
        data["contentUrl"] = request.build_absolute_uri(video.video_sources[0]["url"])
    elif video.external_embed_url:
        data["embedUrl"] = video.external_embed_url
    if video.captions:
        data["caption"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(video.captions.url),
            "encodingFormat": "text/vtt",
            "inLanguage": settings.LANGUAGE_CODE,
            "name": _("Untertitel"),
        }
    if video.transcript:
        data["transcript"] = video.transcript
    return data


def breadcrumb_list(request: HttpRequest, items: list[dict]) -> dict:
    """The `BreadcrumbList` of includes/breadcrumb.html's items (home first; the last item,
    the page itself, has no URL there and gets the page's own)."""
    crumbs = [{"label": _("Startseite"), "url": "/"}, *items]
    elements = []
    for position, item in enumerate(crumbs, start=1):
        url = item.get("url") or request.path
        elements.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": str(item["label"]),
                "item": request.build_absolute_uri(url),
            }
        )
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": elements}
