"""The gallery must not pay imagekit's spec hashing per card (issue 13: 25 cards cost 93 ms,
most of it in md5-of-pickle rendition names). Counting the hashing calls is deterministic,
unlike timing on a shared machine."""

import pytest
from django.test.signals import template_rendered
from imagekit.specs import ImageSpec

from campaign.models import Kommune
from stories.views import STORIES_PER_PAGE
from tests.factories import PhotoFactory, StoryFactory, many_stories

pytestmark = pytest.mark.django_db


def test_gallery_does_not_hash_rendition_specs_per_card(client, monkeypatch, settings):
    settings.PAGE_CACHE_ENABLED = False  # both requests render the page
    photo = PhotoFactory(story=StoryFactory(slug="erste-geschichte"))
    many_stories(STORIES_PER_PAGE * 2, kommunen=list(Kommune.objects.all()), photo_source=photo)
    assert client.get("/geschichten/").status_code == 200  # warm: names computed once

    calls = []
    original = ImageSpec.get_hash
    monkeypatch.setattr(ImageSpec, "get_hash", lambda self: calls.append(1) or original(self))
    response = client.get("/geschichten/")
    assert response.status_code == 200
    assert response.content.count(b"<picture") >= STORIES_PER_PAGE
    assert len(calls) == 0, f"{len(calls)} imagekit spec hashes for one gallery page"


def test_the_filter_lists_render_no_template_per_option(client, settings):
    """The four selects (up to 104 Jobcenter) are written in Python (stories.filters.FilterSelect):
    one form template per option cost the gallery more CPU than its cards."""
    settings.PAGE_CACHE_ENABLED = False
    many_stories(STORIES_PER_PAGE, kommunen=list(Kommune.objects.all()))
    rendered = []
    template_rendered.connect(
        lambda sender, template, **kw: rendered.append(template.name), weak=False, dispatch_uid="t"
    )
    try:
        response = client.get("/geschichten/?land=hessen")
    finally:
        template_rendered.disconnect(dispatch_uid="t")
    html = response.content.decode()
    assert html.count("<option") > 20 and '<option value="hessen" selected>' in html
    assert [name for name in rendered if name and name.startswith("django/forms/widgets/")] == []
