"""Issue 27, finding 3: with DJANGO_REQUIRE_2FA=true the public site's preview rights (drafts and
their files) need the same verified session as the admin. A central editor signed in with the
password alone gets what a visitor gets; after the code step they preview again. A Kommune editor,
whom the rule does not ask for a second factor, keeps their previews."""

import pytest

from shared.publication import Status
from shared.roles import CENTRAL_EDITORS, KOMMUNE_EDITORS
from tests.accounts.conftest import PASSWORD, current_code, with_second_factor
from tests.factories import PhotoFactory, StoryFactory, editor, kommune

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


@pytest.fixture
def draft(db):
    story = StoryFactory(name="Dora Dürenerin", status=Status.DRAFT, publish_from=None, kommune=kommune("kreis-dueren"))
    PhotoFactory(story=story)
    return story


def answers(client, story) -> list[int]:
    photo = story.photos.get()
    urls = (story.get_absolute_url(), photo.image.url, photo.image_jpeg_480.url)
    return [client.get(url).status_code for url in urls]


def sign_in_with_password(client, username: str) -> None:
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_a_central_editor_without_second_factor_gets_the_public_404(client, draft, required):
    central = editor(CENTRAL_EDITORS, username="zentrale")
    sign_in_with_password(client, "zentrale")  # the admin then sends them to the setup page
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" in client.session
    assert answers(client, draft) == [404, 404, 404]
    assert central.has_perm("stories.change_story")  # the rights are there: only the session lacks


def test_a_central_editor_with_a_session_that_skipped_the_code_gets_the_public_404(client, draft, required):
    central = editor(CENTRAL_EDITORS, username="zentrale")
    with_second_factor(central)
    client.force_login(central)  # a session that never passed the code step
    assert answers(client, draft) == [404, 404, 404]


def test_after_the_code_step_the_central_editor_previews_the_draft_and_its_files(client, draft, required):
    device = with_second_factor(editor(CENTRAL_EDITORS, username="zentrale"))
    sign_in_with_password(client, "zentrale")
    client.post("/admin/login/code/", {"code": current_code(device)})
    assert answers(client, draft) == [200, 200, 200]


def test_a_kommune_editor_not_asked_for_a_second_factor_keeps_their_previews(client, draft, required):
    editor(KOMMUNE_EDITORS, "kreis-dueren", username="redaktion-dueren")
    sign_in_with_password(client, "redaktion-dueren")
    assert answers(client, draft) == [200, 200, 200]


def test_without_the_requirement_the_password_alone_still_previews(client, draft, settings):
    assert settings.REQUIRE_2FA is False
    editor(CENTRAL_EDITORS, username="zentrale")
    sign_in_with_password(client, "zentrale")
    assert answers(client, draft) == [200, 200, 200]
