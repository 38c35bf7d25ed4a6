"""Change lists PR staff enjoy: filters by state, format, Kommune and Land (only the Länder that
have Optionskommunen), and thumbnails."""

import pytest

from shared.publication import Status
from tests.factories import PhotoFactory, StoryFactory, kommune

pytestmark = pytest.mark.django_db


def test_land_filter_offers_only_laender_with_optionskommunen(central):
    html = central.get("/admin/stories/story/").content.decode()
    assert "?land=hessen" in html and "?land=nordrhein-westfalen" in html
    assert "?land=saarland" in html  # Landkreis Saarlouis
    for without in ("berlin", "bremen", "hamburg"):
        assert f"?land={without}" not in html


def test_filters_by_state_format_and_kommune_and_a_thumbnail(central):
    photo_story = StoryFactory(name="Fiona Foto", status=Status.REVIEW, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=photo_story)
    StoryFactory(name="Stella Stuttgart", kommune=kommune("landeshauptstadt-stuttgart"))
    html = central.get("/admin/stories/story/?status__exact=review").content.decode()
    assert "Fiona Foto" in html and "Stella Stuttgart" not in html
    assert '<img src="/media/CACHE/images/stories/photos/' in html
    html = central.get(f"/admin/stories/story/?kommune={kommune('landeshauptstadt-stuttgart').pk}").content.decode()
    assert "Stella Stuttgart" in html and "Fiona Foto" not in html
    html = central.get("/admin/stories/story/?format=video").content.decode()
    assert "Fiona Foto" not in html
    # A forged filter value is no error.
    assert central.get("/admin/stories/story/?kommune=abc&format=x&land=mars").status_code in (200, 302)
