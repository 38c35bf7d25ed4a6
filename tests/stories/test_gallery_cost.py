"""The gallery must not pay imagekit's spec hashing per card (issue 13: 25 cards cost 93 ms,
most of it in md5-of-pickle rendition names). Counting the hashing calls is deterministic,
unlike timing on a shared machine."""

import re

import pytest
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.db.models.query import QuerySet
from django.db.models.signals import post_init
from django.http import QueryDict
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from imagekit.specs import ImageSpec

from campaign.models import Kommune
from consent.models import Consent
from shared.publication import Status
from stories.filters import StoryFilterForm
from stories.models import Photo, Story
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


def _gallery(client, url, monkeypatch):
    """Render `url` (no page cache) and report what it cost: the SQL, the Kommune and Photo
    model instances made, the querysets built over photos and the media URLs computed."""
    made = {Kommune: 0, Photo: 0}
    photo_querysets, media_urls = [], []

    def count_instance(sender, **kwargs):
        if sender in made:
            made[sender] += 1

    original_init, original_url = QuerySet.__init__, FileSystemStorage.url

    def init(self, model=None, *args, **kwargs):
        if model is Photo:
            photo_querysets.append(1)
        original_init(self, model, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "__init__", init)

    def storage_url(self, name):
        if not isinstance(self, StaticFilesStorage):
            media_urls.append(name)
        return original_url(self, name)

    monkeypatch.setattr(FileSystemStorage, "url", storage_url)
    post_init.connect(count_instance, weak=False, dispatch_uid="gallery-cost")
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    finally:
        post_init.disconnect(dispatch_uid="gallery-cost")
        monkeypatch.undo()
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries], made, len(photo_querysets), media_urls


def test_the_gallery_pays_per_card_not_per_kommune_nor_per_photo_url(client, monkeypatch, settings):
    """Issue 13 (gallery ≈ a story page in CPU). The filter's Kommune list is read as plain rows
    and the stories counted per Kommune in one grouped query (no 104 Kommune objects annotated
    through the consent rule); those counts also give the paginator its total (no COUNT query);
    the cards' photos come as plain lists (no queryset per story); rendition URLs are computed
    once per process."""
    settings.PAGE_CACHE_ENABLED = False
    photo = PhotoFactory(story=StoryFactory(slug="erste-geschichte"))
    many_stories(STORIES_PER_PAGE * 2, kommunen=list(Kommune.objects.all()), photo_source=photo)
    assert client.get("/geschichten/").status_code == 200  # warm: URLs computed once

    response, queries, made, photo_querysets, media_urls = _gallery(client, "/geschichten/", monkeypatch)
    assert response.content.count(b'class="stories-card ') == STORIES_PER_PAGE
    assert made[Kommune] <= STORIES_PER_PAGE, f"{made[Kommune]} Kommune objects (the cards need {STORIES_PER_PAGE})"
    assert made[Photo] <= STORIES_PER_PAGE
    assert photo_querysets <= 4, f"{photo_querysets} photo querysets for one page of cards"
    assert media_urls == [], f"{len(media_urls)} media URLs computed again"
    assert not [sql for sql in queries if "COUNT(*)" in sql], queries
    assert len(queries) <= 5


@pytest.mark.parametrize(
    "query", ["", "?land=nordrhein-westfalen", "?jobcenter=kreis-dueren", "?land=hessen&jobcenter=kreis-dueren"]
)
def test_the_count_from_the_per_kommune_counts_is_the_real_count(client, settings, query):
    """Only published stories with consent count: a draft and a story without consent in the
    same Kommune are left out, exactly as the cards are."""
    settings.PAGE_CACHE_ENABLED = False
    dueren = Kommune.objects.get(slug="kreis-dueren")
    many_stories(STORIES_PER_PAGE + 3, kommunen=[dueren, *Kommune.objects.filter(land="hessen")[:2]])
    StoryFactory(kommune=dueren, status=Status.DRAFT)
    Consent.objects.filter(story=Story.objects.filter(kommune=dueren).order_by("pk").first()).delete()

    form = StoryFilterForm(QueryDict(query.removeprefix("?")))
    expected = form.apply().count()
    assert form.known_count() == expected
    assert expected == Story.objects.published().filter(pk__in=form.apply().values("pk")).count()
    html = " ".join(client.get("/geschichten/" + query).content.decode().split())
    heading = re.search(r"data-stories-count> (\d+) Geschichte", html)
    assert heading and int(heading.group(1)) == expected, heading
