"""The share card cuts its photo around the focal point (issue 25), as the admin's share-card frame
shows it before saving (static/js/focal-point.js): the photo part of the card keeps the face."""

import io

import pytest
from PIL import Image

from mediafiles import sharecards
from stories import tasks
from tests.factories import PhotoFactory, StoryFactory, give_consent, image_file
from tests.stories.test_share_cards import renders  # noqa: F401 (a fixture)

RED = (220, 20, 20)


def wide_photo() -> bytes:
    """1600 × 600, blue, with a red face at the left edge (x 0–200)."""
    image = Image.new("RGB", (1600, 600), (26, 61, 165))
    image.paste(RED, (0, 150, 200, 450))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def red_in_photo_part(card: bytes) -> int:
    with Image.open(io.BytesIO(card)) as image:
        part = image.convert("RGB").crop((0, 0, sharecards.PHOTO_WIDTH, sharecards.HEIGHT))
        return sum(1 for r, g, b in part.getdata() if r > 180 and g < 80 and b < 80)


def draw(focal) -> bytes:
    return sharecards.render_card(
        quote="Ich habe es geschafft.", name="Leonie", line="", campaign="C", claim="K", photo=wide_photo(), focal=focal
    )


def test_the_cards_photo_is_cut_around_the_focal_point():
    assert red_in_photo_part(draw((0.05, 0.5))) > 10_000  # the face on the left is kept
    assert red_in_photo_part(draw((0.95, 0.5))) == 0  # a point on the right cuts it away


@pytest.mark.django_db
def test_a_new_focal_point_remakes_the_card_with_it(renders, immediate_tasks, django_capture_on_commit_callbacks):  # noqa: F811
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(story=StoryFactory(slug="fokus-karte"), image=image_file("foto.jpg", 1600, 600))
        give_consent(photo.story, scope_social=True).save()
    assert renders[-1]["focal"] == (0.5, 0.5)
    first = tasks.card_source(str(photo.story.pk)).digest

    with django_capture_on_commit_callbacks(execute=True):
        photo.focal_x = 0.1
        photo.save()
    assert renders[-1]["focal"] == (0.1, 0.5)
    assert tasks.card_source(str(photo.story.pk)).digest != first
