"""History that tells the truth: every change in the editors' words, whole, without false changes,
with the photos, consent records and locations that belong to a row (editorial/compare.py)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import translation

from consent.models import Consent
from editorial.compare import changes_between, html_to_text, normalise_text, word_diff
from editorial.models import Action
from editorial.workflow import record
from shared.roles import KOMMUNE_EDITORS
from stories.models import Photo, Story
from tests.factories import PhotoFactory, StoryFactory, editor, give_consent, image_file, kommune, topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def by_field(changes):
    return {change.field: change for change in changes}


def copy(story: Story, **fields) -> Story:
    clone = Story.objects.get(pk=story.pk)
    for name, value in fields.items():
        setattr(clone, name, value)
    return clone


# --- the comparison of two states ---------------------------------------------------------------


def test_word_diff_marks_only_the_changed_words_and_keeps_the_whole_text():
    long_text = "Am Anfang stand ein Gespräch im Jobcenter. " * 20
    html = word_diff(long_text + "Dann kam die Ausbildung.", long_text + "Dann kam die Umschulung.")
    assert "<del>Ausbildung</del><ins>Umschulung</ins>" in html
    assert html.count("Gespräch") == 20  # whole, no „[211 chars]“
    assert "chars" not in html


def test_a_rewritten_sentence_is_struck_out_whole_and_the_new_one_shown_whole():
    html = word_diff("Ein neues Zitat.", "Zitat Nummer 5: Ich habe wieder Arbeit.")
    assert html == "<del>Ein neues Zitat.</del> <ins>Zitat Nummer 5: Ich habe wieder Arbeit.</ins>"
    html = word_diff("Ich fand eine Stelle als Schlosser.", "Ich fand nach zwei Jahren endlich eine Stelle.")
    assert html == "Ich fand <ins>nach zwei Jahren endlich</ins> eine Stelle<del> als Schlosser</del>."


def test_word_diff_escapes_what_an_editor_typed():
    html = word_diff("a <b>", "a <script>")
    assert "<script" not in html and "<b>" not in html
    assert html == "a &lt;<del>b</del><ins>script</ins>&gt;"


def test_line_endings_and_trailing_whitespace_are_no_change(db):
    story = StoryFactory(teaser="Erste Zeile.\nZweite Zeile.")
    same = copy(story, teaser="Erste Zeile.  \r\nZweite Zeile.\r\n")
    assert changes_between(story, same, children=[]) == []
    assert normalise_text(" a \r\n b \r\n") == "a\n b"


def test_a_changed_quote_is_named_in_german_with_its_words_marked(db):
    story = StoryFactory(quote="Ich habe wieder Arbeit.")
    changed = by_field(changes_between(story, copy(story, quote_de="Ich habe endlich wieder Arbeit."), children=[]))
    assert list(changed) == ["quote_de"]
    assert changed["quote_de"].label == "Zitat"
    assert "<ins>endlich</ins>" in changed["quote_de"].html
    assert "Ich habe" in changed["quote_de"].html


def test_choices_show_their_labels_and_booleans_ja_nein(db):
    story = StoryFactory(kind="testimonial", featured=False)
    changed = by_field(changes_between(story, copy(story, kind="staff", featured=True), children=[]))
    assert "staff" not in changed["kind"].html and "testimonial" not in changed["kind"].html
    assert "nein" in changed["featured"].html and "ja" in changed["featured"].html
    assert changed["featured"].label == "Auf der Startseite zeigen"


def test_dates_are_german_and_empty_values_are_a_dash_not_none(db):
    story = StoryFactory(publish_until=None)
    until = datetime.datetime(2027, 3, 1, 9, 30, tzinfo=datetime.UTC)
    html = by_field(changes_between(story, copy(story, publish_until=until), children=[]))["publish_until"].html
    assert ("2027" in html and "März" in html) or "01.03.2027" in html
    assert "None" not in html
    back = by_field(changes_between(copy(story, publish_until=until), story, children=[]))["publish_until"].html
    assert "None" not in back and "<del>" in back


def test_a_time_saved_through_the_form_without_its_seconds_is_no_change(db):
    moment = datetime.datetime(2026, 12, 7, 17, 9, 23, 456789, tzinfo=datetime.UTC)
    story = StoryFactory(publish_from=moment)
    as_saved = copy(story, publish_from=moment.replace(second=0, microsecond=0))
    assert "publish_from" not in by_field(changes_between(story, as_saved, children=[]))
    a_minute_later = copy(story, publish_from=moment + datetime.timedelta(minutes=1))
    assert "publish_from" in by_field(changes_between(story, a_minute_later, children=[]))


def test_topics_show_as_names_added_and_removed_not_as_a_python_list(db):
    story = StoryFactory()
    story.topics.set([topic("ausbildung")])
    before = story.history.first()
    story.topics.set([topic("qualifizierung")])
    after = story.history.first()
    html = by_field(changes_between(before.instance, after.instance, children=[]))["topics"].html
    assert f"hinzugefügt: <ins>{topic('qualifizierung')}</ins>" in html
    assert f"entfernt: <del>{topic('ausbildung')}</del>" in html
    assert "[" not in html and "]" not in html


def test_rich_text_is_compared_by_its_words(db):
    assert html_to_text("<p>Ein <strong>Satz</strong>.</p><p>Zweiter&nbsp;Satz</p>") == "Ein Satz.\nZweiter Satz"
    story = StoryFactory(body="<p>Ein Satz.</p>")
    changed = by_field(changes_between(story, copy(story, body_de="<p>Ein neuer Satz.</p>"), children=[]))
    assert "<ins>neuer</ins>" in changed["body_de"].html
    assert "&lt;p&gt;" not in changed["body_de"].html


def test_rich_text_with_other_line_breaks_between_paragraphs_or_an_empty_paragraph_is_no_change(db):
    story = StoryFactory(body="<p>Ein Satz.</p><p>Noch einer.</p>")
    assert changes_between(story, copy(story, body_de="<p>Ein Satz.</p>\r\n<p>Noch einer.</p>\n"), children=[]) == []
    empty = StoryFactory(body="")
    assert changes_between(empty, copy(empty, body_de="<p></p>"), children=[]) == []
    bold = by_field(changes_between(story, copy(story, body_de="<p>Ein <strong>Satz</strong>.</p><p>Noch einer.</p>")))
    assert bold["body_de"].html == "<em>Nur die Formatierung wurde geändert.</em>"


def test_no_english_and_no_none_for_a_new_row(db):
    story = StoryFactory(role="")
    changes = changes_between(None, story, children=[])
    text = " ".join(f"{change.label} {change.html}" for change in changes)
    assert "None" not in text and "True" not in text and "False" not in text
    assert "Zitat" in text and "Kommune" in text


# --- child rows: photos and consent records ------------------------------------------------------


def revision_before_now(story: Story):
    """The story's newest revision, as if everything so far had been saved a while ago (so that what
    follows is no part of that save)."""
    for model in (Story, Photo, Consent):
        model.history.update(history_date=F("history_date") - datetime.timedelta(minutes=5))
    return story.history.first().instance


def photo_changes(old, new):
    return [change for change in changes_between(old, new) if change.field == "photo"]


def test_photo_added_replaced_focal_point_and_removed_show_in_the_story_comparison(db):
    story = StoryFactory()
    before = revision_before_now(story)
    photo = PhotoFactory(story=story, caption="Am ersten Arbeitstag")
    added = photo_changes(before, story)
    assert [change.label for change in added] == ["Foto hinzugefügt"]
    assert "Am ersten Arbeitstag" in added[0].html and "Bildnachweis" in added[0].html

    story.save()
    revision = revision_before_now(story)  # with the photo
    assert photo_changes(revision, story) == []
    photo.focal_x = 0.25
    photo.save()
    changed = photo_changes(revision, story)
    assert [change.label for change in changed] == ["Foto geändert"]
    assert "Fokuspunkt waagerecht" in changed[0].html and "<ins>0,25</ins>" in changed[0].html
    assert "<del>0,5</del>" in changed[0].html

    photo.image = image_file("neu.jpg")
    photo.save()
    assert "Bild ersetzt" in photo_changes(revision, story)[0].html

    photo.delete()
    removed = photo_changes(revision, story)
    assert [change.label for change in removed] == ["Foto entfernt"]
    assert "Am ersten Arbeitstag" in removed[0].html


def test_photos_saved_with_the_story_belong_to_its_revision(db):
    story = StoryFactory()
    first = revision_before_now(story)
    story.save()  # the next revision, with its photo saved a moment later (an admin save with inlines)
    PhotoFactory(story=story, caption="Mit der Geschichte gespeichert")
    second = story.history.first().instance
    assert [change.label for change in photo_changes(first, second)] == ["Foto hinzugefügt"]
    assert photo_changes(second, story) == []


def test_a_changed_consent_record_shows_in_the_story_comparison(db):
    story = StoryFactory(consent=False)
    consent = give_consent(story, person="Dora Dürenerin")
    story.save()
    revision = revision_before_now(story)
    assert [change for change in changes_between(revision, story) if change.field == "consent"] == []
    consent.expires_on = datetime.date(2031, 5, 4)
    consent.scope_press = True
    consent.save()
    changes = [change for change in changes_between(revision, story) if change.field == "consent"]
    assert [change.label for change in changes] == ["Einwilligung geändert"]
    assert "Gültig bis" in changes[0].html and "2031" in changes[0].html
    assert "Pressedownload" in changes[0].html and "<ins>ja</ins>" in changes[0].html


def test_a_change_row_is_compared_with_its_published_story_photo_by_photo(db):
    from stories.drafts import start_change

    story = StoryFactory()
    PhotoFactory(story=story, caption="Alte Unterschrift")
    change = start_change(story)
    photo = change.photos.get()
    photo.caption = "Neue Unterschrift"
    photo.save()
    changes = changes_between(story, change, exclude=["slug", "status", "publish_from"])
    labels = [change.label for change in changes]
    assert labels == ["Foto geändert"]  # the consent stays with the published story: no „entfernt“
    assert "<del>Alte</del><ins>Neue</ins> Unterschrift" in changes[0].html


# --- the pages -----------------------------------------------------------------------------------

STORIES = "/admin/stories/story/"


def history_table(html: str) -> str:
    start = html.index('<table id="change-history"')
    return html[start : html.index("</table>", start)]


def test_the_story_history_is_german_whole_and_tells_who_changed_a_photo_or_a_consent(client, central_editor):
    story = StoryFactory(name="Dora Dürenerin", consent=False, teaser="Erster Satz.\nZweiter Satz.")
    consent = give_consent(story)
    photo = PhotoFactory(story=story, caption="Am ersten Arbeitstag")
    revision_before_now(story)
    colleague = editor(KOMMUNE_EDITORS, "kreis-dueren", username="kollegin")
    consent.scope_press = True
    consent._history_user = colleague
    consent.save()
    photo.focal_y = 0.3
    photo.save()
    story.teaser = "Erster Satz.  \r\nZweiter Satz.\r\n"  # the same text from a browser's textarea
    story.quote = "Ein langer Satz. " * 17  # 289 of 300 characters
    story.save()

    client.force_login(central_editor)
    response = client.get(f"{STORIES}{story.pk}/history/")
    html = response.content.decode()
    table = history_table(html)
    for english in ("Object", "Date/time", "Changed by", "Change reason", "Changes", "None", "chars", "[]"):
        assert english not in table
    assert "Zeitpunkt" in table and "Bearbeitet von" in table and "Änderungen" in table
    assert "Kurztext" not in table  # line endings are no change
    assert table.count("Ein langer Satz.") == 17  # whole
    assert "Einwilligung geändert" in table and "kollegin" in table and "Pressedownload" in table
    assert "Foto geändert" in table and "Fokuspunkt senkrecht" in table and "<ins>0,3</ins>" in table
    assert "Foto hinzugefügt" in table and "Am ersten Arbeitstag" in table
    assert "<title>Verlauf: " in html


def test_the_history_lists_a_removed_photo(client, central_editor):
    story = StoryFactory()
    PhotoFactory(story=story, caption="Wird gelöscht")
    revision_before_now(story)
    story.photos.get().delete()
    client.force_login(central_editor)
    table = history_table(client.get(f"{STORIES}{story.pk}/history/").content.decode())
    assert "Foto entfernt" in table and "Wird gelöscht" in table


def test_the_revision_page_says_in_german_what_restoring_changes(client, central_editor):
    story = StoryFactory(quote="Die alte Fassung des Zitats.")
    first = story.history.first()
    story.quote = "Die neue Fassung des Zitats."
    story.save()
    client.force_login(central_editor)
    html = client.get(f"{STORIES}{story.pk}/history/{first.history_id}/").content.decode()
    assert "Unterschied zur aktuellen Fassung" in html
    assert "Die <del>neue</del><ins>alte</ins> Fassung" in html
    assert "Diese Fassung wiederherstellen" in html and "Revert" not in html
    assert 'class="historylink">Verlauf</a>' in html


@pytest.mark.parametrize("url", ["/admin/stories/story/{story}/change/", "/admin/consent/consent/{consent}/change/"])
def test_the_history_button_says_verlauf_not_geschichte(client, central_editor, url):
    story = StoryFactory()
    client.force_login(central_editor)
    html = client.get(url.format(story=story.pk, consent=story.consents.get().pk)).content.decode()
    assert 'class="historylink">Verlauf</a>' in html
    assert ">Geschichte</a>" not in html


def test_the_protokoll_filters_by_the_types_it_holds_with_their_german_names(client, central_editor):
    story = StoryFactory()
    record(central_editor, story, Action.PUBLISHED)
    client.force_login(central_editor)
    response = client.get("/admin/editorial/auditentry/")
    choices = [
        choice["display"]
        for spec in response.context["cl"].filter_specs
        if spec.title == "Inhaltstyp"
        for choice in spec.choices(response.context["cl"])
    ]
    assert choices == ["Alle", "Geschichten"]
    assert "HistoricalStory_topics" not in response.content.decode()
    content_type = ContentType.objects.get_for_model(Story)
    response = client.get(f"/admin/editorial/auditentry/?content_type={content_type.pk}")
    assert response.status_code == 200 and len(response.context["cl"].result_list) == 1
    assert client.get("/admin/editorial/auditentry/?content_type=x").status_code in (200, 302)


def test_a_kommunes_history_shows_its_locations(client, central_editor):
    from decimal import Decimal

    from campaign.models import Kommune, Location

    dueren = kommune("kreis-dueren")
    dueren.save()  # a revision of the Jobcenter page
    location = Location.objects.create(
        kommune=dueren,
        name="Geschäftsstelle Nord",
        kind="branch",
        street="Bahnhofstraße 1",
        postcode="52351",
        city="Düren",
        latitude=Decimal("50.804300"),
    )
    for model in (Kommune, Location):
        model.history.update(history_date=F("history_date") - datetime.timedelta(minutes=5))
    revision = dueren.history.first().instance
    location.name = "Geschäftsstelle Nord-Ost"
    location.latitude = Decimal("50.815000")
    location.save()
    changes = [change for change in changes_between(revision, dueren) if change.field == "location"]
    assert [change.label for change in changes] == ["Standort geändert"]
    assert "Nord<ins>-Ost</ins>" in changes[0].html and "<ins>50,815</ins>" in changes[0].html

    client.force_login(central_editor)
    table = history_table(client.get(f"/admin/campaign/kommune/{dueren.pk}/history/").content.decode())
    assert "Standort geändert" in table and "Geschäftsstelle Nord" in table


def test_the_history_page_reads_a_fixed_number_of_queries_whatever_the_number_of_revisions(client, central_editor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for revisions in (3, 20):
        story = StoryFactory()
        PhotoFactory(story=story)
        for number in range(revisions):
            story.quote = f"Zitat {number}"
            story.save()
            story.topics.set([topic("ausbildung")] if number % 2 else [topic("qualifizierung")])
        client.force_login(central_editor)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{STORIES}{story.pk}/history/").status_code == 200
        counts.append(len(queries))
    assert counts[1] - counts[0] <= 2, counts


def test_a_long_text_is_compared_paragraph_by_paragraph_and_quickly():
    import time

    paragraphs = [f"Absatz {number}: Ich habe im Jobcenter Hilfe gefunden und wieder Arbeit." for number in range(300)]
    changed = list(paragraphs)
    changed[150] = changed[150].replace("Hilfe", "Unterstützung")
    started = time.monotonic()
    html = word_diff("\n".join(paragraphs), "\n".join(changed))
    assert time.monotonic() - started < 1
    assert html.count("<del>") == 1 and "<del>Hilfe</del><ins>Unterstützung</ins>" in html
    assert html.count("<br>") == 299  # whole


def test_a_chapters_history_shows_its_commitments(client, central_editor):
    from leitbild.models import Chapter, Commitment

    item = Chapter.objects.numbered()[0]
    item.save()  # a revision of the chapter
    commitment = Commitment.objects.create(chapter=item, text="Wir beraten vor Ort und digital.", position=99)
    for model in (Chapter, Commitment):
        model.history.update(history_date=F("history_date") - datetime.timedelta(minutes=5))
    revision = item.history.first().instance
    commitment.text = "Wir beraten vor Ort, digital und in Leichter Sprache."
    commitment.save()
    changes = [change for change in changes_between(revision, item) if change.field == "commitment"]
    assert [change.label for change in changes] == ["Vorhaben geändert"]
    assert "<ins>" in changes[0].html and "Leichter Sprache" in changes[0].html

    client.force_login(central_editor)
    table = history_table(client.get(f"/admin/leitbild/chapter/{item.pk}/history/").content.decode())
    assert "Vorhaben geändert" in table and "Leichter Sprache" in table


def test_existing_inline_rows_get_a_first_revision_dated_at_their_parents_first(db):
    """The migrations that give photos, consents, sections and commitments revisions date the first
    revision of an existing row at its parent's first: an older published revision of the story does
    not compare as if every photo had been added since (shared/history.py, record_existing)."""
    from django.apps import apps

    from shared.history import record_existing

    story = StoryFactory()
    story.history.update(history_date=F("history_date") - datetime.timedelta(days=30))
    PhotoFactory(story=story)
    Photo.history.all().delete()  # as before the migration: a photo without revisions
    record_existing("stories", "Photo", parent=("stories", "Story", "story_id"))(apps, None)
    first = Photo.history.get()
    assert first.history_date == story.history.earliest("history_date").history_date
    published = story.history.earliest("history_date").instance
    assert not [change for change in changes_between(published, story) if change.field == "photo"]
