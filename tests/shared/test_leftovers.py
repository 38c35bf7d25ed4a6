"""No leftovers (issue 12, finding 3): deleting or replacing content removes its files and every
rendition under /media/CACHE/, after the commit; `remove_orphaned_files` finds the rest."""

import datetime
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from campaign.models import SignLanguageVideo
from consent.models import Consent
from press.models import PressKitItem
from stories.models import Photo, Story
from tests.factories import (
    PhotoFactory,
    PressKitItemFactory,
    StoryFactory,
    add_video,
    image_file,
    kommune,
    many_stories,
)

pytestmark = pytest.mark.django_db


def files_in(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def test_deleting_a_photo_removes_its_file_and_every_rendition(settings, django_capture_on_commit_callbacks):
    keep = PhotoFactory()
    before = files_in(settings.MEDIA_ROOT)
    photo = PhotoFactory(story=keep.story)
    added = files_in(settings.MEDIA_ROOT) - before
    assert photo.image.name in added and any(name.startswith("CACHE/images/") for name in added)
    assert len(added) == 19  # the original, 9 whole renditions and 9 crops around the focal point
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert files_in(settings.MEDIA_ROOT) == before


def test_deleting_a_story_removes_photos_video_captions_poster_and_renditions(
    settings, django_capture_on_commit_callbacks
):
    story = add_video(StoryFactory())
    PhotoFactory(story=story)
    assert len(files_in(settings.MEDIA_ROOT)) == 41  # 4 files, 18 poster and 18+1 photo files
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    assert files_in(settings.MEDIA_ROOT) == set()


def test_replacing_a_photo_removes_the_old_file_and_its_renditions(settings, django_capture_on_commit_callbacks):
    photo = PhotoFactory()
    old = files_in(settings.MEDIA_ROOT)
    with django_capture_on_commit_callbacks(execute=True):
        photo.image = image_file("neu.jpg", width=700, height=500)
        photo.save()
    now = files_in(settings.MEDIA_ROOT)
    assert not old & now
    assert photo.image.name in now and len(now) == 19


def test_clearing_a_poster_removes_it(settings, django_capture_on_commit_callbacks):
    video = add_video(StoryFactory())
    poster = video.poster.name
    with django_capture_on_commit_callbacks(execute=True):
        video.poster = ""
        video.save()
    assert not (settings.MEDIA_ROOT / poster).exists()
    assert not [name for name in files_in(settings.MEDIA_ROOT) if name.startswith("CACHE/images/stories/posters")]


def test_a_rolled_back_delete_keeps_the_files(settings, django_capture_on_commit_callbacks):
    photo = PhotoFactory()
    pk = photo.pk
    before = files_in(settings.MEDIA_ROOT)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        photo.delete()
        raise RuntimeError("Abbruch")
    assert files_in(settings.MEDIA_ROOT) == before
    assert Photo.objects.filter(pk=pk).exists()


def test_a_file_another_row_still_names_is_kept(settings, django_capture_on_commit_callbacks):
    many_stories(2)
    shared_name = Photo.objects.first().image.name
    with django_capture_on_commit_callbacks(execute=True):
        Photo.objects.filter(story__slug__startswith="massenperson").first().delete()
    assert (settings.MEDIA_ROOT / shared_name).is_file()


def test_deleting_a_press_kit_item_removes_file_and_preview_renditions(settings, django_capture_on_commit_callbacks):
    item = PressKitItemFactory()
    assert item.preview.name and len(files_in(settings.MEDIA_ROOT)) == 19
    with django_capture_on_commit_callbacks(execute=True):
        PressKitItem.objects.filter(pk=item.pk).delete()
    assert files_in(settings.MEDIA_ROOT) == set()


def test_deleting_a_sign_language_video_removes_its_files(settings, django_capture_on_commit_callbacks):
    video = add_video(SignLanguageVideo(title="DGS"))
    assert files_in(settings.MEDIA_ROOT)
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert files_in(settings.MEDIA_ROOT) == set()


def test_deleting_or_replacing_a_consent_document_removes_it(settings, django_capture_on_commit_callbacks):
    consent = Consent(person="Erika", kommune=kommune(), signed_on=datetime.date(2026, 1, 5))
    consent.document.save("scan.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    consent.save()
    first = consent.document.name
    assert files_in(settings.CONSENT_ROOT) == {first}
    with django_capture_on_commit_callbacks(execute=True):
        consent.document.save("neu.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"))
    assert files_in(settings.CONSENT_ROOT) == {consent.document.name}
    with django_capture_on_commit_callbacks(execute=True):
        consent.delete()
    assert files_in(settings.CONSENT_ROOT) == set()


def test_remove_orphaned_files_lists_then_removes_only_orphans(settings, capsys):
    photo = PhotoFactory()
    named = files_in(settings.MEDIA_ROOT)
    orphan = settings.MEDIA_ROOT / "stories" / "photos" / "verwaist.jpg"
    orphan.write_bytes(b"x")
    rendition = settings.MEDIA_ROOT / "CACHE" / "images" / "stories" / "photos" / "weg" / "abc.avif"
    rendition.parent.mkdir(parents=True)
    rendition.write_bytes(b"x")
    (settings.MEDIA_ROOT / ".gitkeep").write_bytes(b"")
    settings.CONSENT_ROOT = settings.MEDIA_ROOT / "privat"  # even inside MEDIA_ROOT: never touched
    settings.CONSENT_ROOT.mkdir()
    (settings.CONSENT_ROOT / "dokument.pdf").write_bytes(b"%PDF")

    call_command("remove_orphaned_files", dry_run=True, min_age=0)
    out = capsys.readouterr().out
    assert "Würde entfernen: stories/photos/verwaist.jpg" in out
    assert "Würde entfernen: CACHE/images/stories/photos/weg/abc.avif" in out
    assert "2 verwaiste Dateien gefunden, nichts gelöscht (--dry-run)." in out
    assert orphan.exists() and rendition.exists()

    call_command("remove_orphaned_files", min_age=0)
    out = capsys.readouterr().out
    assert "Entfernt: stories/photos/verwaist.jpg" in out
    assert "2 verwaiste Dateien entfernt." in out
    assert files_in(settings.MEDIA_ROOT) == named | {".gitkeep", "privat/dokument.pdf"}
    assert not rendition.parent.exists()
    assert photo.image.name in named


def test_remove_orphaned_files_leaves_fresh_uploads_alone(settings, capsys):
    (settings.MEDIA_ROOT / "frisch.jpg").write_bytes(b"x")
    call_command("remove_orphaned_files")
    assert "0 verwaiste Dateien entfernt." in capsys.readouterr().out
    assert (settings.MEDIA_ROOT / "frisch.jpg").exists()


def test_story_without_files_saves_and_deletes_normally(django_capture_on_commit_callbacks):
    story = StoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        story.save()
        Story.objects.filter(pk=story.pk).delete()
    assert not Story.objects.exists()
