"""Central editors edit the Leitbild in the admin; the site and the PDF follow at once."""

import io

import pytest
from pypdf import PdfReader

from leitbild.models import Chapter, Commitment, Leitbild, PreamblePoint
from tests.helpers import in_german
from tests.leitbild.source import pdf_text

pytestmark = pytest.mark.django_db


def chapter(number: int) -> Chapter:
    return Chapter.objects.numbered()[number - 1]


def chapter_form(item: Chapter, rows: list[dict], **changes) -> dict:
    """POST data of the chapter change form: its fields and one inline row per dict
    (keys id, position, text, DELETE)."""
    data = {
        "position": item.position,
        "title": item.title,
        "slug": item.slug,
        "lead": item.lead,
        "intro": item.intro,
        "commitments_lead": item.commitments_lead,
        "loaded_version": item.version,
        "commitments-TOTAL_FORMS": len(rows),
        "commitments-INITIAL_FORMS": sum(1 for row in rows if row.get("id")),
        "commitments-MIN_NUM_FORMS": 0,
        "commitments-MAX_NUM_FORMS": 1000,
        **changes,
    }
    for index, row in enumerate(rows):
        prefix = f"commitments-{index}-"
        data[prefix + "chapter"] = item.pk
        data[prefix + "id"] = row.get("id", "")
        data[prefix + "position"] = row.get("position", "")
        data[prefix + "text"] = row.get("text", "")
        if row.get("DELETE"):
            data[prefix + "DELETE"] = "on"
    return in_german(data, Chapter, Commitment)


def existing_rows(item: Chapter) -> list[dict]:
    return [{"id": c.pk, "position": c.position, "text": c.text} for c in item.commitments.all()]


def change_url(item: Chapter) -> str:
    return f"/admin/leitbild/chapter/{item.pk}/change/"


def test_changing_a_commitment_shows_on_the_page_and_in_the_pdf(
    admin_client, client, immediate_tasks, django_capture_on_commit_callbacks
):
    item = chapter(2)
    rows = existing_rows(item)
    rows[2]["text"] = "Videoberatung überall anbieten, wo Menschen es wünschen,"
    with django_capture_on_commit_callbacks(execute=True):  # the save queues the PDF's task
        response = admin_client.post(change_url(item), chapter_form(item, rows))
    assert response.status_code == 302, response.context["errors"] if response.context else response

    assert Commitment.objects.get(pk=rows[2]["id"]).text == rows[2]["text"]
    page = client.get(item.get_absolute_url()).text
    assert "Videoberatung überall anbieten, wo Menschen es wünschen," in page
    assert "verfügbare Formate wie etwa Videoberatung" not in page
    pdf = PdfReader(io.BytesIO(client.get("/leitbild/leitbild-2030.pdf").content))
    assert "VideoberatungüberallanbietenwoMenschenes" in pdf_text(pdf).replace(",", "")


def test_commitments_can_be_added_removed_and_reordered_inline(admin_client):
    item = chapter(6)
    rows = existing_rows(item)  # three commitments
    first, second, third = rows
    first["DELETE"] = True
    third["position"] = 1
    second["position"] = 2
    rows.append({"position": "", "text": "neu am Ende,"})
    response = admin_client.post(change_url(item), chapter_form(item, rows))
    assert response.status_code == 302

    texts = [c.text for c in item.commitments.all()]
    assert texts == [third["text"], second["text"], "neu am Ende,"]


def test_an_empty_position_goes_to_the_end(admin_client):
    item = chapter(1)
    rows = [*existing_rows(item), {"text": "erstens neu,"}, {"text": "zweitens neu,"}]
    assert admin_client.post(change_url(item), chapter_form(item, rows)).status_code == 302
    assert [c.text for c in item.commitments.all()][-2:] == ["erstens neu,", "zweitens neu,"]


def test_empty_required_text_is_refused_in_german_and_nothing_is_saved(admin_client):
    item = chapter(3)
    before = list(item.commitments.values_list("text", flat=True))
    rows = existing_rows(item)
    rows[0]["text"] = "geändert,"
    response = admin_client.post(change_url(item), chapter_form(item, rows, intro=""))
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in response.text
    # The editor's input is still in the form.
    assert "geändert," in response.text
    assert list(item.commitments.values_list("text", flat=True)) == before
    assert Chapter.objects.get(pk=item.pk).intro == item.intro


def test_chapters_cannot_be_deleted_or_added_while_the_structure_is_locked(admin_client):
    item = chapter(5)
    assert admin_client.get(f"/admin/leitbild/chapter/{item.pk}/delete/").status_code == 403
    assert admin_client.post(f"/admin/leitbild/chapter/{item.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin_client.get("/admin/leitbild/chapter/add/").status_code == 403
    changelist = admin_client.get("/admin/leitbild/chapter/")
    assert "delete_selected" not in changelist.text
    response = admin_client.post(
        "/admin/leitbild/chapter/", {"action": "delete_selected", "_selected_action": [item.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    assert Chapter.objects.numbered().count() == 7


def test_chapter_inline_on_the_leitbild_page_offers_no_delete_while_locked(admin_client):
    leitbild = Leitbild.objects.get()
    response = admin_client.get(f"/admin/leitbild/leitbild/{leitbild.pk}/change/")
    assert response.status_code == 200
    formset = next(f for f in response.context["inline_admin_formsets"] if f.formset.model is Chapter)
    assert formset.formset.can_delete is False
    assert formset.formset.total_form_count() == 8


def test_kind_cannot_change_while_locked(admin_client):
    item = chapter(7)
    response = admin_client.post(change_url(item), chapter_form(item, existing_rows(item), kind="closing"))
    assert response.status_code == 302
    assert Chapter.objects.get(pk=item.pk).is_numbered


def test_unlocking_the_structure_deliberately_allows_deleting_a_chapter(admin_client, client):
    Leitbild.objects.update(structure_locked=False)
    item = chapter(7)
    response = admin_client.post(f"/admin/leitbild/chapter/{item.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert Chapter.objects.numbered().count() == 6
    assert client.get(item.get_absolute_url()).status_code == 404
    assert "Kapitel 6 von 6" in client.get(chapter(6).get_absolute_url()).text


def test_unlocked_structure_allows_adding_a_chapter(admin_client, client):
    Leitbild.objects.update(structure_locked=False)
    data = {
        "kind": "chapter",
        "position": 75,
        "title": "Gemeinsam lernen",
        "slug": "gemeinsam-lernen",
        "lead": "",
        "intro": "Erster Absatz.\n\nZweiter Absatz.",
        "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
        "commitments-TOTAL_FORMS": 1,
        "commitments-INITIAL_FORMS": 0,
        "commitments-MIN_NUM_FORMS": 0,
        "commitments-MAX_NUM_FORMS": 1000,
        "commitments-0-position": "",
        "commitments-0-text": "voneinander lernen.",
    }
    response = admin_client.post("/admin/leitbild/chapter/add/", in_german(data, Chapter, Commitment))
    assert response.status_code == 302
    new = Chapter.objects.get(slug="gemeinsam-lernen")
    assert new.leitbild == Leitbild.objects.get()
    assert [c.position for c in new.commitments.all()] == [1]
    page = client.get("/leitbild/gemeinsam-lernen/").text
    assert "Kapitel 8 von 8" in page and "<p>Zweiter Absatz.</p>" in page


def test_the_leitbild_cannot_be_deleted_nor_a_second_one_added(admin_client):
    leitbild = Leitbild.objects.get()
    assert admin_client.get(f"/admin/leitbild/leitbild/{leitbild.pk}/delete/").status_code == 403
    assert admin_client.get("/admin/leitbild/leitbild/add/").status_code == 403
    response = admin_client.get("/admin/leitbild/leitbild/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/leitbild/leitbild/{leitbild.pk}/change/"


def test_editing_the_leitbild_texts_and_preamble_points(admin_client, client):
    leitbild = Leitbild.objects.get()
    points = list(leitbild.points.all())
    chapters = list(leitbild.chapters.all())
    data = {
        "title": leitbild.title,
        "edition": "Dezember 2026",
        "publishers": leitbild.publishers,
        "description": leitbild.description,
        "preamble_title": leitbild.preamble_title,
        "future_title": leitbild.future_title,
        "future_text": leitbild.future_text,
        "structure_locked": "on",
        "loaded_version": leitbild.version,
        "points-TOTAL_FORMS": len(points) + 1,
        "points-INITIAL_FORMS": len(points),
        "points-MIN_NUM_FORMS": 0,
        "points-MAX_NUM_FORMS": 1000,
        "chapters-TOTAL_FORMS": len(chapters),
        "chapters-INITIAL_FORMS": len(chapters),
        "chapters-MIN_NUM_FORMS": 0,
        "chapters-MAX_NUM_FORMS": 1000,
    }
    for index, point in enumerate(points):
        data |= {
            f"points-{index}-id": point.pk,
            f"points-{index}-leitbild": leitbild.pk,
            f"points-{index}-position": point.position,
            f"points-{index}-text": point.text,
        }
    data |= {
        f"points-{len(points)}-leitbild": leitbild.pk,
        f"points-{len(points)}-position": "",
        f"points-{len(points)}-text": "arbeiten eng mit den Ländern zusammen.",
    }
    for index, item in enumerate(chapters):
        data |= {
            f"chapters-{index}-id": item.pk,
            f"chapters-{index}-leitbild": leitbild.pk,
            f"chapters-{index}-position": item.position,
            f"chapters-{index}-title": item.title,
        }
    # Swap chapters 1 and 2.
    data["chapters-0-position"], data["chapters-1-position"] = chapters[1].position, chapters[0].position
    response = admin_client.post(
        f"/admin/leitbild/leitbild/{leitbild.pk}/change/", in_german(data, Leitbild, PreamblePoint, Chapter)
    )
    assert response.status_code == 302, response.context["errors"] if response.context else response

    assert PreamblePoint.objects.last().text == "arbeiten eng mit den Ländern zusammen."
    page = client.get("/leitbild/").text
    assert "Stand: Dezember 2026" in page
    assert page.index("Digital und persönlich") < page.index("Erfolgreich, innovativ und flexibel")
    assert "Kapitel 1 von 7" in client.get("/leitbild/digital-und-persoenlich/").text
