"""A Kommune editor changes a published story; visitors keep the published story until the central
team approves the change (stories/drafts.py, stories/draft_admin.py)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consent.models import Consent
from editorial.models import Action, AuditEntry
from shared.publication import Status
from shared.roles import KOMMUNE_EDITORS
from stories.drafts import publish_change, start_change
from stories.models import Photo, Story
from tests.factories import PhotoFactory, StoryFactory, add_video, editor, image_file, topic
from tests.helpers import public_text, story_change_data

pytestmark = pytest.mark.django_db

CHANGE = "/admin/stories/story/{}/change/"
START = "/admin/stories/story/{}/aenderung/"


@pytest.fixture
def live(db):
    story = StoryFactory(quote="Der alte Satz über die Arbeit.", cover_story=True, featured=True)
    PhotoFactory(story=story, image=image_file("alt.jpg", color=(200, 10, 10)))
    story.topics.set([topic("ausbildung")])
    return Story.objects.get(pk=story.pk)


def stored(name: str) -> bool:
    return (Path(settings.MEDIA_ROOT) / name).exists()


def photo_rows(story, delete=(), new=None) -> dict:
    """The photo inline of `story` as posted: its rows (those in `delete` marked), and one new row."""
    photos = list(story.photos.order_by("position", "pk"))
    data = {
        "photos-TOTAL_FORMS": str(len(photos) + (1 if new else 0)),
        "photos-INITIAL_FORMS": str(len(photos)),
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for index, photo in enumerate(photos):
        prefix = f"photos-{index}-"
        data |= {
            f"{prefix}id": photo.pk,
            f"{prefix}story": story.pk,
            f"{prefix}alt_text": photo.alt_text,
            f"{prefix}caption": photo.caption,
            f"{prefix}credit": photo.credit,
            f"{prefix}position": photo.position,
            f"{prefix}focal_x": "0.5",
            f"{prefix}focal_y": "0.5",
        }
        if photo in delete:
            data[f"{prefix}DELETE"] = "on"
    if new:
        prefix = f"photos-{len(photos)}-"
        data |= {
            f"{prefix}image": new,
            f"{prefix}alt_text": "Die Person am neuen Arbeitsplatz",
            f"{prefix}caption": "Am neuen Arbeitsplatz",
            f"{prefix}credit": "Foto: Jobcenter Kreis Düren",
            f"{prefix}position": "1",
            f"{prefix}focal_x": "0.5",
            f"{prefix}focal_y": "0.5",
        }
    return data


def upload(name="neu.jpg", color=(10, 200, 10)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_file(name, color=color).read(), content_type="image/jpeg")


def errors(response) -> str:
    if response.status_code != 200:
        return ""
    return str(response.context["errors"]) + str(
        [(f.formset.errors, f.formset.non_form_errors()) for f in response.context["inline_admin_formsets"]]
    )


def post_change(client, story, **changes):
    data = story_change_data(client, story, **changes)
    data.update({key: value for key, value in changes.items() if key.startswith("photos-") or key == "topics"})
    return client.post(CHANGE.format(story.pk), data)


def test_visitors_keep_the_published_story_until_the_central_team_publishes_the_change(
    client, live, dueren_editor, central_editor, django_capture_on_commit_callbacks, mailoutbox
):
    old_photo = live.photos.get().image.name
    public = f"/geschichten/{live.slug}/"
    client.force_login(dueren_editor)
    form = client.get(CHANGE.format(live.pk)).content.decode()
    assert "Änderung vorschlagen" in form and START.format(live.pk) in form
    confirmation = client.get(START.format(live.pk))
    assert confirmation.status_code == 200
    assert "Besucherinnen und Besucher sehen bis zur Freigabe" in confirmation.content.decode()
    response = client.post(START.format(live.pk))
    change = Story.objects.get(draft_of=live)
    assert response.status_code == 302 and response["Location"] == CHANGE.format(change.pk)
    assert change.status == Status.DRAFT and not change.cover_story and change.slug != live.slug
    assert str(change) == f"{live}" + " (Änderung)"
    assert change.photos.get().image.name == old_photo
    form = client.get(CHANGE.format(change.pk)).content.decode()
    assert "Dies ist eine Änderung der veröffentlichten Geschichte" in form
    assert "Zur veröffentlichten Fassung" in form and CHANGE.format(live.pk) in form
    assert "Zur wartenden Änderung" in client.get(CHANGE.format(live.pk)).content.decode()

    data = photo_rows(change, delete=list(change.photos.all()), new=upload())
    data |= {"topics": [topic("familie-und-beruf").pk]}
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(client, change, quote_de="Der neue Satz über die Arbeit.", status="review", **data)
    assert response.status_code == 302, errors(response)
    change.refresh_from_db()
    new_photo = change.photos.get().image.name
    assert change.status == Status.REVIEW and change.quote == "Der neue Satz über die Arbeit."
    assert stored(old_photo) and stored(new_photo)  # the published story still shows the old photo

    client.logout()
    page = client.get(public).content.decode()
    assert "Der alte Satz" in page and "Der neue Satz" not in page
    assert Path(old_photo).stem in page and Path(new_photo).stem not in page
    everywhere = public_text(client, "Satz")  # pages, feeds, sitemap, press kit, search
    assert "Der neue Satz" not in everywhere and change.slug not in everywhere and "Der alte Satz" in everywhere
    assert client.get(f"/geschichten/{change.slug}/").status_code == 404

    client.force_login(central_editor)
    with django_capture_on_commit_callbacks(execute=True):
        data = photo_rows(change) | {"topics": list(change.topics.values_list("pk", flat=True))}
        response = post_change(client, change, status="published", **data)
    assert response.status_code == 302, errors(response)
    assert response["Location"] == CHANGE.format(live.pk)
    assert not Story.objects.filter(pk=change.pk).exists()

    live.refresh_from_db()
    assert live.quote == "Der neue Satz über die Arbeit." and live.status == Status.PUBLISHED
    assert live.cover_story and live.featured and live.slug == f"{live.slug}"
    assert [p.image.name for p in live.photos.all()] == [new_photo]
    assert [t.slug for t in live.topics.all()] == ["familie-und-beruf"]
    assert stored(new_photo) and not stored(old_photo)
    entry = AuditEntry.objects.filter(action=Action.PUBLISHED).get()
    assert entry.object_id == str(live.pk)
    assert any("ist veröffentlicht" in mail.body for mail in mailoutbox)

    client.logout()
    page = client.get(public).content.decode()
    assert "Der neue Satz" in page and "Der alte Satz" not in page
    assert Path(new_photo).stem in page and Path(old_photo).stem not in page
    everywhere = public_text(client, "Satz")
    assert "Der neue Satz" in everywhere and "Der alte Satz" not in everywhere and change.slug not in everywhere


def test_a_second_start_returns_the_waiting_change(live, dueren_editor, client):
    change = start_change(live)
    assert start_change(live) == change
    client.force_login(dueren_editor)
    response = client.post(START.format(live.pk))
    assert response.status_code == 302 and response["Location"] == CHANGE.format(change.pk)
    assert Story.objects.filter(draft_of=live).count() == 1


def test_the_editor_of_another_kommune_cannot_start_a_change(client, live):
    client.force_login(editor(KOMMUNE_EDITORS, "landeshauptstadt-stuttgart", username="redaktion-stuttgart"))
    assert client.get(START.format(live.pk)).status_code == 404
    assert client.post(START.format(live.pk)).status_code == 404
    assert not Story.objects.filter(draft_of=live).exists()


def test_the_central_team_edits_directly_and_is_offered_no_change(client, live, central_editor):
    client.force_login(central_editor)
    assert client.post(START.format(live.pk)).status_code == 403
    assert not Story.objects.filter(draft_of=live).exists()


def test_a_withdrawal_removes_the_waiting_change_and_its_own_files(live, django_capture_on_commit_callbacks):
    change = start_change(live)
    extra = Photo.objects.create(
        story=change, image=upload("eigen.jpg"), alt_text="a", caption="b", credit="c", position=2
    ).image.name
    consent = Consent.objects.get(story=live)
    consent.withdrawn_on = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        consent.save()
    assert not Story.objects.filter(pk=change.pk).exists()
    assert not stored(extra)
    live.refresh_from_db()
    assert live.status == Status.ARCHIVED


def test_discarding_the_change_keeps_every_file_the_published_story_shows(
    client, live, dueren_editor, django_capture_on_commit_callbacks
):
    change = start_change(live)
    shown = live.photos.get().image.name
    client.force_login(dueren_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/stories/story/{change.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and response["Location"] == CHANGE.format(live.pk)
    assert not Story.objects.filter(pk=change.pk).exists()
    assert stored(shown) and live.photos.get().image.name == shown


def test_replacing_a_photo_in_the_change_keeps_the_published_file(live, django_capture_on_commit_callbacks):
    change = start_change(live)
    shown = live.photos.get().image.name
    photo = change.photos.get()
    photo.image = upload("ersatz.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert stored(shown) and stored(photo.image.name)


def test_moving_the_focal_point_in_the_change_keeps_the_published_crops(live):
    shown = live.photos.get()
    crop = shown.image_crop_jpg_480.name if hasattr(shown, "image_crop_jpg_480") else None
    change = start_change(live)
    photo = change.photos.get()
    photo.focal_x = 0.1
    photo.save()
    names = [getattr(shown, name).name for name in dir(type(shown)) if name.startswith("image_crop_")]
    assert names and all(stored(name) for name in names), crop


def test_the_change_copies_texts_video_and_topics_without_processing_again(live, immediate_tasks):
    add_video(live)
    Story.objects.filter(pk=live.pk).update(quote_en="The old sentence.")
    live = Story.objects.get(pk=live.pk)
    change = start_change(live)
    assert change.quote_en == "The old sentence." and change.quote_de == live.quote_de
    assert change.video_webm.name == live.video_webm.name and change.captions.name == live.captions.name
    assert change.poster.name == live.poster.name
    assert change.processing_state == live.processing_state
    assert list(change.topics.all()) == list(live.topics.all())
    assert change.has_consent()


def test_publishing_keeps_the_published_address_and_the_cover(live):
    change = start_change(live)
    Story.objects.filter(pk=change.pk).update(quote_de="Neu.", quote="Neu.", status=Status.REVIEW)
    merged = publish_change(Story.objects.get(pk=change.pk))
    assert merged.pk == live.pk and merged.slug == live.slug and merged.cover_story
    assert Story.objects.get(pk=live.pk).quote == "Neu."
    assert not Story.objects.filter(draft_of=live).exists()


def test_a_kommune_editor_restoring_a_published_story_creates_a_change(client, live, dueren_editor):
    first = live.history.earliest()
    live.quote_de = "Der zweite Satz."
    live.save()
    client.force_login(dueren_editor)
    page = client.get(f"/admin/stories/story/{live.pk}/history/{first.history_id}/")
    assert page.status_code == 200 and 'name="_save"' in page.content.decode()  # the revision can become a change
    response = client.post(f"/admin/stories/story/{live.pk}/history/{first.history_id}/", {"quote_de": "Böse"})
    change = Story.objects.get(draft_of=live)
    assert response.status_code == 302 and response["Location"] == CHANGE.format(change.pk)
    assert change.quote == "Der alte Satz über die Arbeit." and change.status == Status.DRAFT
    live.refresh_from_db()
    assert live.quote == "Der zweite Satz." and live.status == Status.PUBLISHED


def test_the_change_list_marks_changes_and_the_stories_they_wait_on(client, live, dueren_editor):
    change = start_change(live)
    client.force_login(dueren_editor)
    page = client.get("/admin/stories/story/").content.decode()
    assert "Änderung an veröffentlichter Fassung" in page
    assert "Änderung wartet" in page and CHANGE.format(change.pk) in page


def test_the_change_is_compared_with_the_published_story(live):
    from django.contrib import admin

    from editorial.compare import changes_between

    change = start_change(live)
    change.quote_de = "Ein neuer Satz."
    change.save()
    model_admin = admin.site.get_model_admin(Story)
    base = model_admin.compare_base(None, Story.objects.get(pk=change.pk))
    assert base.pk == live.pk
    changed = [each.field for each in changes_between(base, Story.objects.get(pk=change.pk))]
    assert [name for name in changed if name != "status"] == ["quote_de"]  # not its address or cover


def test_the_buttons_submit_and_publish_a_change(
    client, live, dueren_editor, central_editor, django_capture_on_commit_callbacks
):
    change = start_change(live)
    client.force_login(dueren_editor)
    rows = photo_rows(change) | {"topics": [topic("ausbildung").pk]}
    response = post_change(client, change, quote_de="Per Knopf geändert.", _workflow="submit", **rows)
    assert response.status_code == 302, errors(response)
    assert Story.objects.get(pk=change.pk).status == Status.REVIEW

    client.force_login(central_editor)
    form = client.get(CHANGE.format(change.pk)).content.decode()
    assert 'value="publish"' in form and 'value="archive"' not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change(client, Story.objects.get(pk=change.pk), _workflow="publish", **rows)
    assert response.status_code == 302 and response["Location"] == CHANGE.format(live.pk), errors(response)
    assert Story.objects.get(pk=live.pk).quote == "Per Knopf geändert."
    assert not Story.objects.filter(pk=change.pk).exists()


def test_restoring_a_revision_whose_file_is_gone_is_refused_in_german(client, live, dueren_editor):
    add_video(live)
    with_video = live.history.first()
    Path(settings.MEDIA_ROOT, live.poster.name).unlink()
    Story.objects.filter(pk=live.pk).update(poster="", poster_alt="")
    client.force_login(dueren_editor)
    response = client.post(f"/admin/stories/story/{live.pk}/history/{with_video.history_id}/", follow=True)
    assert "Diese Fassung kann nicht wiederhergestellt werden" in response.content.decode()
    assert not Story.objects.filter(draft_of=live).exists()


def test_the_kommune_editor_previews_the_change_at_its_own_address(client, live, dueren_editor):
    change = start_change(live)
    Story.objects.filter(pk=change.pk).update(quote_de="Vorschau des neuen Satzes.", quote="Vorschau des neuen Satzes.")
    client.force_login(dueren_editor)
    page = client.get(f"/geschichten/{change.slug}/").content.decode()
    assert "Vorschau des neuen Satzes." in page and "Vorschau" in page
    assert "Vorschau des neuen Satzes." not in client.get(f"/geschichten/{live.slug}/").content.decode()


def test_a_consent_is_recorded_for_the_published_story_not_its_change(client, live, central_editor):
    change = start_change(live)
    client.force_login(central_editor)
    found = client.get(
        "/admin/autocomplete/",
        {"term": live.name, "app_label": "consent", "model_name": "consent", "field_name": "story"},
    ).json()
    assert [row["id"] for row in found["results"]] == [str(live.pk)]
    form = client.get(CHANGE.format(change.pk)).content.decode()
    assert f"story={live.pk}" in form and f"story={change.pk}" not in form


def test_a_change_cannot_be_archived(client, live, central_editor):
    change = start_change(live)
    client.force_login(central_editor)
    rows = photo_rows(change) | {"topics": [topic("ausbildung").pk]}
    response = post_change(client, change, status="archived", **rows)
    assert response.status_code == 200
    assert "Eine Änderung wird nicht archiviert" in str(response.context["adminform"].form.errors)
    assert Story.objects.get(pk=change.pk).status == Status.DRAFT


def test_a_new_poster_in_the_change_replaces_the_published_one_on_publishing(live, django_capture_on_commit_callbacks):
    add_video(live)
    live = Story.objects.get(pk=live.pk)
    old_poster, video = live.poster.name, live.video_webm.name
    change = start_change(live)
    change.poster = image_file("neues-bild.jpg", width=640, height=360, color=(1, 2, 3))
    with django_capture_on_commit_callbacks(execute=True):
        change.save()
    new_poster = Story.objects.get(pk=change.pk).poster.name
    assert stored(old_poster) and stored(new_poster)  # the published story still shows its poster
    with django_capture_on_commit_callbacks(execute=True):
        publish_change(Story.objects.get(pk=change.pk))
    live = Story.objects.get(pk=live.pk)
    assert live.poster.name == new_poster and live.video_webm.name == video
    assert stored(new_poster) and stored(video) and not stored(old_poster)
