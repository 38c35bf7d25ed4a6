"""Every admin screen uses the shared pieces that give Django's unnamed admin inputs a name
(shared/admin.py); tests/browser/test_admin_axe.py checks the pages themselves with axe."""

import pytest
from django.contrib import admin
from django.contrib.admin import widgets
from django.test import RequestFactory

from shared.admin import FileInput, FilteredSelectMultiple, LabelledListEditable, LabelledTabularInline
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_of_superuser():
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_superuser=True)
    return request


def form_widgets(model_admin, request):
    forms = [model_admin.get_form(request)]
    forms += [inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)]
    for form in forms:
        for name, field in form.base_fields.items():
            widget = field.widget
            if isinstance(widget, widgets.RelatedFieldWidgetWrapper):
                widget = widget.widget
            yield f"{model_admin}.{name}", widget


def test_every_file_input_and_two_box_selector_of_the_admin_has_a_name(request_of_superuser):
    for model_admin in admin.site._registry.values():
        for where, widget in form_widgets(model_admin, request_of_superuser):
            if isinstance(widget, widgets.AdminFileWidget):
                assert isinstance(widget, FileInput), f"{where}: use mediafiles.admin.FILE_FIELDS"
            if isinstance(widget, widgets.FilteredSelectMultiple):
                assert isinstance(widget, FilteredSelectMultiple), f"{where}: use shared.admin.AccessibleSelectFilter"


def test_every_list_editable_and_tabular_inline_labels_its_inputs():
    for model_admin in admin.site._registry.values():
        if model_admin.list_editable:
            assert isinstance(model_admin, LabelledListEditable), model_admin
        for inline in model_admin.inlines:
            if issubclass(inline, admin.TabularInline):
                assert issubclass(inline, LabelledTabularInline), inline


def test_list_editable_and_inline_inputs_are_named_after_column_and_row(admin_client):
    from leitbild.models import Chapter

    topics = admin_client.get("/admin/stories/topic/").content.decode()
    assert 'aria-label="Reihenfolge (Ausbildung)"' in topics
    chapter = Chapter.objects.filter(commitments__isnull=False).first()
    page = admin_client.get(f"/admin/leitbild/chapter/{chapter.pk}/change/").content.decode()
    assert 'aria-label="Text (Vorhaben 1)"' in page  # the German copy (modeltranslation)
    assert 'aria-label="Text (Englisch) (Vorhaben 1)"' in page  # the English one, in the same row
    assert 'aria-label="Löschen (Vorhaben 1)"' in page
    assert 'aria-label="Text (Vorhaben, neu)"' in page  # the row "hinzufügen" copies


def test_file_input_is_named_by_its_label_and_described_by_its_help(admin_client):
    html = admin_client.get("/admin/stories/explainervideo/add/").content.decode()
    assert '<label for="id_poster">' in html
    assert 'aria-describedby="id_poster_helptext"' in html
