"""What consent does to a story: no submission or publication without a valid web consent of
every person on record; a withdrawal or an expiry (the clock moved, no job running) removes the
story from every public page, feed, sitemap, search result and the press kit; the withdrawal in
the admin and then `manage.py enforce_consents` leave no file of it on disk."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from consent.models import Consent
from editorial.models import Action, AuditEntry
from mediafiles.images import rendition_paths
from shared.publication import Status
from stories.models import Photo, Story
from tests.factories import PhotoFactory, StoryFactory, add_video, consent_document, editor, give_consent, kommune
from tests.helpers import admin_form_data, public_text, story_change_data

pytestmark = pytest.mark.django_db

SEARCH = "Einwilligungsperson"
STORY_ADMIN = "/admin/stories/story/"
REGISTER = "/admin/consent/consent/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONSENT_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


def files_on_disk(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.fixture
def story(db):
    """A published, featured Düren story with a photo and a video; its person consented to web and press."""
    story = StoryFactory(
        name="Erna Einwilligungsperson",
        slug="erna-einwilligungsperson",
        kommune=kommune("kreis-dueren"),
        featured=True,
        consent__scope_press=True,
    )
    PhotoFactory(story=story, caption="Foto von Erna Einwilligungsperson")
    return add_video(story)


def assert_everywhere(client, story):
    text = public_text(client, SEARCH)
    assert story.slug in text and "Foto von Erna Einwilligungsperson" in text  # the press kit
    assert client.get(story.get_absolute_url()).status_code == 200
    for name in [story.poster.name, story.photos.get().image.name, *rendition_paths(story, "poster")]:
        assert client.get(f"/media/{name}").status_code == 200, name


def assert_nowhere(client, story, names):
    text = public_text(client, SEARCH)
    assert story.slug not in text and story.name not in text
    assert "Foto von Erna Einwilligungsperson" not in text
    assert client.get(story.get_absolute_url()).status_code == 404
    for name in names:
        assert client.get(f"/media/{name}").status_code == 404, name


def public_names(story) -> list[str]:
    photo = story.photos.get()
    return [
        story.poster.name,
        story.video_webm.name,
        story.captions.name,
        photo.image.name,
        *rendition_paths(story, "poster"),
        *rendition_paths(photo, "image"),
    ]


# --- no submission, no publication without consent -----------------------------------------


def post_status(client, story, status: str):
    return client.post(f"{STORY_ADMIN}{story.pk}/change/", story_change_data(client, story, status=status))


@pytest.mark.parametrize(("group", "status"), [("Redaktion Kommune", "review"), ("Zentrale Redaktion", "published")])
@pytest.mark.parametrize(
    "consent",
    [
        None,
        {"scope_web": False, "scope_press": True},
        {"expires_on": date(2026, 2, 1)},
        {"withdrawn_on": date(2026, 2, 1)},
    ],
    ids=["none", "press-only", "expired", "withdrawn"],
)
def test_no_submission_or_publication_without_valid_web_consent(client, group, status, consent, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: timezone.datetime(2026, 6, 1, 10, tzinfo=timezone.UTC))
    story = add_video(StoryFactory(slug="ohne-einwilligung", status=Status.DRAFT, publish_from=None, consent=False))
    if consent is not None:  # as recorded, or as it became by the passing of time
        Consent.objects.filter(pk=give_consent(story).pk).update(**consent)
    client.force_login(editor(group, "kreis-dueren"))
    response = post_status(client, story, status)
    assert response.status_code == 200
    assert "Ohne gültige Einwilligung für die Website" in response.content.decode()
    story.refresh_from_db()
    assert story.status == Status.DRAFT and not AuditEntry.objects.exists()
    give_consent(story, scope_web=True, expires_on=None, withdrawn_on=None)
    assert post_status(client, story, status).status_code == 302
    story.refresh_from_db()
    assert story.status == status


def test_a_consent_for_the_first_name_only_refuses_the_full_name(client, story):
    Consent.objects.filter(story=story).update(name_shown="first")
    client.force_login(editor("Zentrale Redaktion"))
    response = post_status(client, story, "published")
    assert "Laut Einwilligung darf nur der Vorname gezeigt werden" in response.content.decode()
    data = story_change_data(client, story, name="Erna")
    assert client.post(f"{STORY_ADMIN}{story.pk}/change/", data).status_code == 302
    story.refresh_from_db()
    assert story.name == "Erna" and story.is_published


def test_every_person_on_record_needs_a_valid_consent(story, monkeypatch):
    second = give_consent(story, person="Zweite Person")
    assert Story.objects.published().filter(pk=story.pk).exists()
    Consent.objects.filter(pk=second.pk).update(expires_on=timezone.localdate())
    assert Story.objects.published().filter(pk=story.pk).exists()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=1))
    assert not Story.objects.published().filter(pk=story.pk).exists()
    # A renewed consent of the same person brings the story back (the old record stays as proof).
    Consent.objects.create(
        story=story,
        person="Zweite Person",
        kommune=story.kommune,
        signed_on=timezone.localdate(),
        document=consent_document(),
    )
    assert Story.objects.published().filter(pk=story.pk).exists()


def test_the_story_form_links_to_the_register(client, story):
    client.force_login(editor("Redaktion Kommune", "kreis-dueren"))
    draft = StoryFactory(slug="noch-ohne", consent=False, status=Status.DRAFT)
    html = client.get(f"{STORY_ADMIN}{draft.pk}/change/").content.decode()
    assert "Keine Einwilligung erfasst" in html
    assert f"{REGISTER}add/?story={draft.pk}&amp;person=" in html
    form = (
        client.get(f"{REGISTER}add/?story={draft.pk}&person=Testperson&kommune={draft.kommune_id}")
        .context["adminform"]
        .form
    )
    assert form.initial["story"] == str(draft.pk) and form.initial["person"] == "Testperson"


# --- expiry: takes effect at the time, files go with the maintenance run ---------------------


def test_expiry_removes_the_story_everywhere_at_the_time_and_the_command_leaves_no_file(
    client, story, media, monkeypatch
):
    names = public_names(story)
    before = files_on_disk(media)
    assert set(names) <= before
    consent = Consent.objects.get(story=story)
    consent.expires_on = timezone.localdate()  # recorded in the register: valid through today
    consent.save()
    assert_everywhere(client, story)

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=1))  # no job runs
    assert_nowhere(client, story, names)
    assert files_on_disk(media) == before  # the files wait for the maintenance run

    call_command("enforce_consents", verbosity=0)
    left = files_on_disk(media)
    assert not set(names) & left
    assert not {name for name in left if "poster" in name or "bild" in name or "bjoern-mehren" in name}
    assert before - left >= set(names)
    story.refresh_from_db()
    assert story.status == Status.ARCHIVED and not story.photos.exists() and not story.poster
    entry = AuditEntry.objects.get(action=Action.CONSENT_ENDED)
    assert "abgelaufen" in entry.comment and entry.kommune == story.kommune
    call_command("enforce_consents", verbosity=0)  # idempotent
    assert AuditEntry.objects.filter(action=Action.CONSENT_ENDED).count() == 1


def test_a_withdrawal_dated_ahead_takes_effect_on_its_day_without_a_job(client, story, media, monkeypatch):
    names = public_names(story)
    consent = Consent.objects.get(story=story)
    consent.withdrawn_on = timezone.localdate() + timedelta(days=2)  # "zum Monatsende widerrufen"
    consent.save()
    assert_everywhere(client, story)
    assert not AuditEntry.objects.exists()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=2))
    assert_nowhere(client, story, names)
    call_command("enforce_consents", verbosity=0)
    assert not set(names) & files_on_disk(media)
    assert "widerrufen" in AuditEntry.objects.get(action=Action.CONSENT_ENDED).comment


def test_the_maintenance_run_keeps_files_other_rows_still_use(story, media, monkeypatch):
    other = StoryFactory(slug="andere-geschichte")
    shared_name, poster = story.photos.get().image.name, story.poster.name
    Photo.objects.create(story=other, image=shared_name, width=600, height=400, alt_text="a", caption="b", credit="c")
    Consent.objects.filter(story=story).update(expires_on=timezone.localdate() - timedelta(days=1))
    call_command("enforce_consents", verbosity=0)
    assert not story.photos.exists()
    assert (media / shared_name).exists()
    assert not (media / poster).exists()
    assert Story.objects.published().filter(pk=other.pk).exists()


def test_a_story_without_any_record_keeps_its_files(story, media):
    draft = StoryFactory(slug="entwurf-ohne", consent=False, status=Status.DRAFT)
    photo = PhotoFactory(story=draft)
    call_command("enforce_consents", verbosity=0)
    assert (media / photo.image.name).exists() and draft.photos.exists()


def test_records_are_deleted_with_their_document_after_the_proof_period(story, settings):
    from django.core.files.base import ContentFile

    consent = Consent.objects.get(story=story)
    consent.document.save("nachweis.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    consent.withdrawn_on = timezone.localdate() - timedelta(days=365 * 3 + 2)
    consent.signed_on = consent.withdrawn_on - timedelta(days=30)
    consent.save()
    path = settings.CONSENT_ROOT / consent.document.name
    assert path.exists()
    recent = give_consent(StoryFactory(slug="juenger"), withdrawn_on=timezone.localdate() - timedelta(days=30))
    call_command("enforce_consents", verbosity=0)
    assert not Consent.objects.filter(pk=consent.pk).exists() and not path.exists()
    assert Consent.objects.filter(pk=recent.pk).exists()


# --- withdrawal in the admin: at once, files deleted, audit entry ----------------------------


def test_a_withdrawal_recorded_by_the_kommune_takes_the_story_offline_and_deletes_every_file(
    client, story, media, django_capture_on_commit_callbacks, mailoutbox
):
    names = public_names(story)
    assert_everywhere(client, story)
    before = files_on_disk(media)
    consent = Consent.objects.get(story=story)
    editor("Zentrale Redaktion", username="zentrale", email="zentrale@jobcenter.example")
    user = editor("Redaktion Kommune", "kreis-dueren", username="redaktion-dueren", email="presse@dueren.example")
    client.force_login(user)
    form = client.get(f"{REGISTER}{consent.pk}/change/").context["adminform"].form
    data = admin_form_data(form, exclude=["document"], withdrawn_on=timezone.localdate().strftime("%d.%m.%Y"))
    data = {key: value for key, value in data.items() if value is not False}
    data = {key: ("on" if value is True else value) for key, value in data.items()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{REGISTER}{consent.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]

    client.logout()
    assert_nowhere(client, story, names)
    left = files_on_disk(media)
    assert not set(names) & left and before - left >= set(names)
    story.refresh_from_db()
    assert story.status == Status.ARCHIVED
    entry = AuditEntry.objects.get(action=Action.CONSENT_ENDED)
    assert entry.username == "redaktion-dueren" and "widerrufen" in entry.comment
    assert [mail.to for mail in mailoutbox if "offline" in mail.body] == [["zentrale@jobcenter.example"]]
    # The record stays as proof.
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
