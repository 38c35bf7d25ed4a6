"""Every fieldset of every admin form starts with a <legend> that has text (issue 25: HTML_CodeSniffer
found fieldsets without a legend and without any name). The legends come from
templates/admin/includes/fieldset.html and templates/admin/edit_inline/."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.stories.html import parse

pytestmark = pytest.mark.django_db


def test_every_fieldset_of_every_add_form_has_a_legend(admin_client):
    checked, unnamed, total = [], [], 0
    for model in admin.site._registry:
        opts = model._meta
        try:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        except NoReverseMatch:  # an admin without an add view
            continue
        response = admin_client.get(url)
        if response.status_code != 200:
            continue
        checked.append(url)
        for fieldset in parse(response.content).find_all("fieldset"):
            total += 1
            first = fieldset.children[0] if fieldset.children else None
            if first is None or first.tag != "legend" or not first.all_text():
                unnamed.append(f"{url}: {fieldset.attrs}")
    assert len(checked) > 10 and total > 50
    assert not unnamed, "\n".join(unnamed)
