"""The code a Kommune's web team copies to show stories on its own website.

Two forms (the guide at /presse/einbinden/ shows both, press/views.py):
- a self-contained HTML snippet: text and link, the photo optional. It lives on the Kommune's
  page, so it carries its own inline styles and depends on none of our classes. It is a copy:
  it does not change when the story does (the guide says so).
- an <iframe> of our embed page (`stories:embed`, `campaign:kommune_embed`), which stays current.

Every address in the code is absolute: the code runs on another host.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from stories.models import Story

# How many stories a Jobcenter's card shows (snippet and iframe alike).
EMBED_STORIES = 3

BOX = (
    "box-sizing:border-box;max-width:28rem;margin:0 0 1rem;padding:1rem;border:1px solid #b8bec8;"
    "border-radius:4px;background:#ffffff;color:#1b1f24;font:inherit;line-height:1.5"
)
QUOTE = "margin:0 0 .5rem;font-size:1.125em;font-weight:600"
LINE = "margin:0 0 .5rem"
LINK = "color:#1a3da5;text-decoration:underline"
IMAGE = "display:block;width:100%;height:auto;margin:0 0 .75rem;border-radius:2px"
LIST = "margin:0 0 .75rem;padding:0;list-style:none"
ITEM = "margin:0 0 .75rem;padding:0 0 .75rem;border-bottom:1px solid #dfe3e8"


def _absolute(request: HttpRequest, url: str) -> str:
    return url if url.startswith(("https://", "http://")) else request.build_absolute_uri(url)


def _who(story: Story) -> str:
    parts = [story.name, story.role] if story.role else [story.name]
    return ", ".join(parts) + " – " + str(story.kommune.display_jobcenter_name)


def _photo(request: HttpRequest, story: Story) -> SafeString:
    picture = story.cover_picture
    if picture is None:
        return SafeString("")
    return format_html(
        '  <img src="{}" alt="{}" width="{}" height="{}" loading="lazy" style="{}">\n',
        _absolute(request, picture.src),
        picture.alt,
        picture.width,
        picture.height,
        IMAGE,
    )


def story_snippet(request: HttpRequest, story: Story, photo: bool = False) -> str:
    """One story as self-contained HTML; `photo` adds its picture, loaded from our server."""
    return format_html(
        '<div style="{}">\n{}  <p style="{}">„{}“</p>\n  <p style="{}">{}</p>\n'
        '  <p style="margin:0"><a href="{}" style="{}">{}</a></p>\n</div>\n',
        BOX,
        _photo(request, story) if photo else "",
        QUOTE,
        story.quote,
        LINE,
        _who(story),
        _absolute(request, story.get_absolute_url()),
        LINK,
        _("Die ganze Geschichte lesen: %(site)s") % {"site": settings.SITE_NAME},
    )


def stories_snippet(request: HttpRequest, kommune, stories: list[Story], photo: bool = False) -> str:
    """A Jobcenter's latest stories as self-contained HTML, with a link to all of them."""
    items = format_html_join(
        "",
        '    <li style="{}">\n{}      <p style="{}">„{}“</p>\n      <p style="{}"><a href="{}" style="{}">{}</a></p>\n'
        "    </li>\n",
        (
            (
                ITEM,
                _photo(request, story) if photo else "",
                QUOTE,
                story.quote,
                "margin:0",
                _absolute(request, story.get_absolute_url()),
                LINK,
                _("Die Geschichte von %(name)s") % {"name": story.name},
            )
            for story in stories
        ),
    )
    all_url = _absolute(request, reverse("stories:list")) + f"?jobcenter={kommune.slug}"
    return format_html(
        '<div style="{}">\n  <p style="{}">{}</p>\n  <ul style="{}">\n{}  </ul>\n'
        '  <p style="margin:0"><a href="{}" style="{}">{}</a></p>\n</div>\n',
        BOX,
        QUOTE,
        _("Geschichten aus %(name)s") % {"name": kommune.name},
        LIST,
        items,
        all_url,
        LINK,
        _("Alle Geschichten: %(site)s") % {"site": settings.SITE_NAME},
    )


def iframe_code(request: HttpRequest, url: str, title: str, height: int) -> str:
    """The <iframe> for an embed page. The sandbox lets only its links open (in a new tab)."""
    return format_html(
        '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox" style="max-width:28rem;border:0"></iframe>\n',
        _absolute(request, url),
        title,
        height,
    )
