"""Staff typing nonsense into an admin list's date filters gets Django's "invalid filter" handling
(a redirect with ?e=1), never a 500: every registered admin with a date hierarchy or a date filter."""

import pytest
from django.contrib import admin
from django.contrib.admin.filters import DateFieldListFilter
from django.db import models
from django.test import RequestFactory

import config.urls  # noqa: F401  (every admin registered)
from shared.admin import GuardedChangeList

pytestmark = pytest.mark.django_db


def date_filter_fields(model_admin) -> set[str]:
    names = {model_admin.date_hierarchy} if model_admin.date_hierarchy else set()
    for entry in model_admin.list_filter:
        name = entry[0] if isinstance(entry, tuple) else entry
        if isinstance(name, str):
            field = model_admin.model._meta.get_field(name.split("__")[0])
            if isinstance(field, models.DateField) or (isinstance(entry, tuple) and entry[1] is DateFieldListFilter):
                names.add(name)
    return names


CASES = [
    (f"{model._meta.label}.{name}", model, name)
    for model, model_admin in admin.site._registry.items()
    for name in sorted(date_filter_fields(model_admin))
]
NONSENSE = [
    {"__year": "99999999999"},
    {"__year": "9999"},  # no following year to end the range
    {"__year": "9999", "__month": "12", "__day": "31"},
    {"__year": "2024", "__month": "13"},
    {"__year": "2024", "__month": "2", "__day": "99"},
    {"__year": "abc"},
]


def test_every_registered_admin_lists_through_the_guarded_change_list():
    request = RequestFactory().get("/admin/")
    unguarded = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not issubclass(model_admin.get_changelist(request), GuardedChangeList)
    ]
    assert unguarded == [], "base these admins on shared.admin.ModelAdmin or ChangeListGuard"


def test_the_admins_with_date_filters_are_found():
    labels = {label for label, _model, _name in CASES}
    assert {"stories.Story.publish_from", "press.PressRelease.date", "press.PressCoverage.date"} <= labels
    assert "campaign.BarrierReport.created_at" in labels


@pytest.mark.parametrize(("label", "model", "name"), CASES, ids=[case[0] for case in CASES])
@pytest.mark.parametrize("nonsense", NONSENSE, ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()))
def test_nonsense_in_a_date_filter_is_refused_without_an_error(admin_client, label, model, name, nonsense):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    response = admin_client.get(url, {f"{name}{suffix}": value for suffix, value in nonsense.items()})
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert response["Location"] == f"{url}?e=1"
