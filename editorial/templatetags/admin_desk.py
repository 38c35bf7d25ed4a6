"""Tags of the admin's change forms (templates/admin/): the error summary at the top and readonly
values in words."""

from django import template
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.forms.utils import ErrorDict
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()


def _anchor(bound_field, elsewhere: dict[str, str]) -> str:
    """The id a link to the field should point at: its input, or the box of a group of inputs
    (a checkbox list labels no single input; Django gives its wrapper the field's id). A hidden
    input has no place to go, unless the admin names one (`error_anchors`: the workflow's status
    is set by the buttons at the end, which show its errors)."""
    if bound_field.field.widget.is_hidden:
        return elsewhere.get(bound_field.name, "")
    return bound_field.id_for_label or bound_field.auto_id or ""


def _field_errors(form, order: list[str], prefix: str = "", elsewhere: dict[str, str] | None = None) -> list[dict]:
    items = []
    errors: ErrorDict = form.errors
    names = [name for name in order if name in errors] + [n for n in errors if n not in order]
    for name in names:
        if name == "__all__" or name not in form.fields:
            for message in errors[name]:
                items.append({"label": prefix.rstrip(": "), "message": message, "anchor": "", "name": name})
            continue
        bound = form[name]
        label = f"{prefix}{capfirst(bound.label)}" if bound.label else prefix.rstrip(": ")
        for message in errors[name]:
            items.append({"label": label, "message": message, "anchor": _anchor(bound, elsewhere or {}), "name": name})
    return items


def _inline_errors(inline_admin_formset) -> list[dict]:
    formset = inline_admin_formset.formset
    opts = inline_admin_formset.opts
    items = [
        {"label": capfirst(opts.verbose_name_plural), "message": message, "anchor": f"{formset.prefix}-group"}
        for message in formset.non_form_errors()
    ]
    order = flatten_fieldsets(inline_admin_formset.fieldsets)
    for number, form in enumerate(formset.forms, start=1):
        if not form.errors:
            continue
        row = _("%(name)s %(number)d") % {"name": capfirst(opts.verbose_name), "number": number}
        for item in _field_errors(form, order, prefix=f"{row}: "):
            item["anchor"] = item["anchor"] or f"{formset.prefix}-{number - 1}"
            items.append(item)
    return items


@register.inclusion_tag("admin/includes/error_summary.html")
def error_summary(adminform, inline_admin_formsets, inlines_after=None):
    """Every error of the form and its inline rows, each linked to its field, in the order of the
    page: the fieldsets, with the inline groups after the first `inlines_after` fieldsets (after
    all of them unless given). Errors of the whole form come first, without a link."""
    fieldsets = list(adminform.fieldsets)
    split = len(fieldsets) if inlines_after is None else inlines_after
    form = adminform.form
    before = flatten_fieldsets(fieldsets[:split])
    general = [{"label": "", "message": message, "anchor": ""} for message in form.non_field_errors()]
    elsewhere = getattr(adminform.model_admin, "error_anchors", {})
    fields = [item for item in _field_errors(form, flatten_fieldsets(fieldsets), elsewhere=elsewhere) if item["label"]]
    first = [item for item in fields if item["name"] in before]
    rest = [item for item in fields if item["name"] not in before]
    inlines = [item for formset in inline_admin_formsets for item in _inline_errors(formset)]
    return {"items": general + first + inlines + rest}


@register.simple_tag
def readonly_contents(admin_field):
    """A readonly field's value as Django shows it, but a yes/no field in words („ja“/„nein“, not a
    coloured icon without text) and, where the admin explains who decides the field
    (`readonly_notes`), that line after it: „Nein. Wählt die Zentrale Redaktion.“"""
    name = admin_field.field["name"]
    contents = admin_field.contents()
    if not isinstance(name, str):
        return contents
    form = admin_field.form
    try:
        model_field = form._meta.model._meta.get_field(name)
    except FieldDoesNotExist:
        model_field = None
    note = getattr(admin_field.model_admin, "readonly_notes", {}).get(name)
    if isinstance(model_field, models.BooleanField):
        contents = _("ja") if getattr(form.instance, name, False) else _("nein")
        if note:
            return format_html('{}. <span class="readonly-note">{}</span>', capfirst(contents), note)
        return contents
    if note:
        return format_html('{} <span class="readonly-note">{}</span>', contents, note)
    return contents
