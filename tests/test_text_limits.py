"""Every text field editors or visitors write has a maximum length, which the admin's and the
site's forms enforce with Django's German message (a TextField's max_length binds the form,
not the database). Content that arrives with `migrate` and the demo content fit."""

import pytest
from django.apps import apps
from django.db import models

from tests import snapshots

APPS = ["campaign", "stories", "leitbild", "press", "search", "editorial", "consent"]

# Written by the code, never typed into a form: no limit is needed.
NOT_WRITTEN_BY_USERS = {
    "search.SearchEntry.excerpt": "the search index, made by signals from the indexed page",
    "search.SearchEntry.folded_title": "the search index, made by signals from the indexed page",
    "search.SearchEntry.folded_text": "the search index, made by signals from the indexed page",
    "search.SearchEntry.text": "the search index, made by signals from the indexed page",
    "search.SearchEntry.title_stems": "the search index, made by signals from the indexed page",
    "search.SearchEntry.stems": "the search index, made by signals from the indexed page",
}


def text_fields():
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue  # copies of the model's fields (simple-history)
            for field in model._meta.get_fields():
                if isinstance(field, models.TextField):
                    yield f"{model._meta.label}.{field.name}", model, field


def test_every_text_field_of_the_site_has_a_maximum_length():
    unlimited = [
        name for name, _model, field in text_fields() if name not in NOT_WRITTEN_BY_USERS and not field.max_length
    ]
    assert unlimited == []
    assert set(NOT_WRITTEN_BY_USERS) <= {name for name, _model, _field in text_fields()}, "stale exception"


@snapshots.copied
def test_the_content_from_migrate_and_the_demo_fits_its_limits():
    snapshots.demo()  # load_demo's rows, made once per state of the code (on PostgreSQL: load_demo here)
    too_long = []
    for name, model, field in text_fields():
        if not field.max_length:
            continue
        for value in model._default_manager.values_list(field.name, flat=True):
            if value and len(value) > field.max_length:
                too_long.append(f"{name}: {len(value)} > {field.max_length}")
    assert too_long == []


@pytest.mark.django_db
def test_an_overlong_text_is_refused_by_the_form_in_german(admin_client):
    from stories.models import Story
    from tests.factories import StoryFactory
    from tests.helpers import story_change_data

    story = StoryFactory(body="<p>Kurz.</p>")
    limit = Story._meta.get_field("body").max_length
    data = story_change_data(admin_client, story, body_de=f"<p>{'x' * limit}</p>")  # the German copy
    response = admin_client.post(f"/admin/stories/story/{story.pk}/change/", data)
    assert response.status_code == 200
    assert f"Bitte sicherstellen, dass der Wert aus höchstens {limit} Zeichen besteht." in response.content.decode()
    story.refresh_from_db()
    assert story.body == "<p>Kurz.</p>"


@pytest.mark.django_db
def test_the_limits_hold_for_full_clean_too():
    """Imports and management commands validate with full_clean, which a TextField's max_length alone
    would not bind."""
    from django.core.exceptions import ValidationError

    from tests.factories import PressReleaseFactory

    release = PressReleaseFactory()
    release.lead = "x" * 1501
    with pytest.raises(ValidationError) as refused:
        release.full_clean()
    assert "lead" in refused.value.message_dict
