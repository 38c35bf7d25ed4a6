"""Admin pieces the apps share: the file widget, labels for the inputs Django's admin leaves
unnamed, and the rights of the editorial roles. The image and video pieces (FILE_FIELDS, previews,
the focal-point picker, the video section) are in mediafiles/admin.py."""

from django.contrib import admin
from django.contrib.admin import widgets
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, models, router, transaction
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from shared.numbers import DecimalNumberField
from shared.roles import in_own_kommunen, is_central, kommune_ids

# The admin's JavaScript fixes for widgets of Django and django-prose-editor (see the file).
ADMIN_JS = "js/admin.js"


# What a value in a list's query string can raise once the query is built or run: a year out of
# the calendar's range (`?created_at__year=99999`, `__year=0`), an id too large for SQLite's
# integers (`?pk=99999999999999999999`), a value the database itself refuses.
ABSURD_VALUE_ERRORS = (OverflowError, ValueError, TypeError, ValidationError, DatabaseError)


class GuardedChangeList(ChangeList):
    """Django's change list turns most nonsense in its query string into "invalid filter" (a redirect
    with ?e=1), but not what fails only when the query is compiled or run: a date hierarchy out of
    the calendar's range (`?date__year=99999999999` overflows, `?date__year=9999` has no following
    year), a year lookup on any date field (`?created_at__year=99999`, `__year=0`), an id too large
    for SQLite. Those raised and answered 500; here they are "invalid filter" too."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc

    def get_results(self, request):
        # The count runs the filtered query first (the rows, the date hierarchy and the facets run
        # the same conditions after it). In a savepoint: PostgreSQL refuses every later query of a
        # transaction once one has failed. Without lookups in the query string nothing can fail here.
        if not self.get_filters_params():
            return super().get_results(request)
        try:
            with transaction.atomic(using=router.db_for_read(self.model)):
                return super().get_results(request)
        except ABSURD_VALUE_ERRORS as exc:
            raise IncorrectLookupParameters(exc) from exc


class ChangeListGuard:
    """Every admin of the site lists through GuardedChangeList (tests/shared/test_admin_filters.py
    checks each registered admin)."""

    def get_changelist(self, request, **kwargs):
        return GuardedChangeList


class ModelAdmin(ChangeListGuard, admin.ModelAdmin):
    """The base of the site's plain admins (those with history start from editorial.admin.HistoryAdmin)."""


class LinkedFile:
    """A stored file as the file widget shows it: its name, linked to `url`."""

    def __init__(self, field_file, url: str):
        self.field_file, self.url = field_file, url

    def __str__(self) -> str:
        return str(self.field_file)


class FileInput(widgets.AdminFileWidget):
    """Django 6.1 puts the admin's file input into a <fieldset> whose <legend> names the group but
    not the input, which is left without a name (axe: "label"). Without the fieldset the field's
    <label for> names the file input (and opens the file chooser), the help text describes it
    (aria-describedby), and the "Zurücksetzen" box keeps its own label.

    A form refused for another field comes back with the file input empty (browsers never refill
    it) and the upload unsaved: the widget says so, instead of letting the editor believe it is kept."""

    use_fieldset = False

    unsaved: UploadedFile | None = None
    # Where „Derzeit: …“ links a stored file whose MEDIA URL is not served (an admin view that hands
    # it to the editor, e.g. VideoAdminMixin's original download); empty: the file's own URL.
    link = ""

    def value_from_datadict(self, data, files, name):
        # Each form holds its own copy of its widgets, so the upload can be remembered here for render().
        upload = super().value_from_datadict(data, files, name)
        self.unsaved = upload if isinstance(upload, UploadedFile) else None
        return upload

    def is_initial(self, value) -> bool:
        if self.link:  # a stored file without a served URL (private storage, a hidden original)
            return bool(value and getattr(value, "name", ""))
        return super().is_initial(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.link and context["widget"]["is_initial"]:
            context["widget"]["value"] = LinkedFile(value, self.link)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        if self.unsaved is None:
            return super().render(name, value, attrs, renderer)
        attrs = dict(attrs or {})
        hint_id = f"{attrs.get('id') or name}_unsaved"
        attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), hint_id]))
        hint = gettext("„%(name)s“ ist nicht gespeichert. Bitte wählen Sie die Datei erneut aus.") % {
            "name": self.unsaved.name
        }
        return super().render(name, value, attrs, renderer) + format_html(
            '<p class="help" id="{}">{}</p>', hint_id, hint
        )


# Every admin with a decimal field uses this: „50,8043“ and „50.8043“ accepted, „50,8043“ shown
# (shared/numbers.py; the focal point's FloatFields bring the same field themselves,
# mediafiles.images.FocalPointField; tests/shared/test_numbers.py checks every admin form).
NUMBER_FIELDS = {models.DecimalField: {"form_class": DecimalNumberField}}


class FilteredSelectMultiple(widgets.FilteredSelectMultiple):
    """Django's two-box selector (filter_horizontal) with admin.js, which gives the magnifier icon
    in each filter field's label role="img": Django sets an aria-label on a plain <span>, which
    ARIA does not allow (axe: "aria-prohibited-attr"), so the filter fields had no real name."""

    class Media:
        js = [ADMIN_JS]


class AccessibleSelectFilter:
    """For admins with filter_horizontal or filter_vertical: the selector above."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in [*self.filter_horizontal, *self.filter_vertical] and "widget" not in kwargs:
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, db_field.name in self.filter_vertical)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def _label_row(form, row: str) -> None:
    for field in form.fields.values():
        if not field.widget.is_hidden:
            field.widget.attrs["aria-label"] = _("%(field)s (%(row)s)") % {"field": field.label, "row": row}


class LabelledListEditable:
    """list_editable puts inputs into change list cells under a column heading but without a label
    (axe: "label"). Each gets a name of column and row: "Reihenfolge (Ausbildung)"."""

    def get_changelist_form(self, request, **kwargs):
        base = super().get_changelist_form(request, **kwargs)

        class LabelledForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                _label_row(self, Truncator(str(self.instance)).chars(60))

        return LabelledForm


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline puts its inputs into table cells under a column heading but without a label
    (axe: "label"). Each gets a name of column and row: "Position (Vorhaben 2)", "Löschen (Vorhaben 2)",
    "Text (Vorhaben, neu)" in the rows that "hinzufügen" adds."""

    def get_formset(self, request, obj=None, **kwargs):
        base = super().get_formset(request, obj, **kwargs)
        verbose_name = self.verbose_name

        class LabelledFormSet(base):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if index is None:  # the template row that "hinzufügen" copies
                    row = _("%(name)s, neu") % {"name": verbose_name}
                else:
                    row = _("%(name)s %(number)d") % {"name": verbose_name, "number": index + 1}
                _label_row(form, row)

        return LabelledFormSet


class KommuneFilter(admin.SimpleListFilter):
    """The Kommunen that have rows in the list (not all 104); a Kommune editor has no such filter."""

    title = _("Kommune")
    parameter_name = "kommune"

    def lookups(self, request, model_admin):
        if not is_central(request.user):
            return []
        path = model_admin.kommune_lookup
        kommune_model = model_admin.model._meta.get_field(path.split("__")[0]).related_model
        used = model_admin.model._default_manager.values_list(f"{path}__pk", flat=True)
        return [(str(k.pk), k.name) for k in kommune_model._default_manager.filter(pk__in=used).order_by("name")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.kommune_lookup}__pk": int(self.value())})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.kommune_lookup = model_admin.kommune_lookup
        super().__init__(request, params, model, model_admin)


class LandFilter(admin.SimpleListFilter):
    """Only the Länder that have Optionskommunen (the city states Berlin, Bremen and Hamburg have none)."""

    title = _("Land")
    parameter_name = "land"

    def lookups(self, request, model_admin):
        path = model_admin.kommune_lookup
        kommune_model = model_admin.model._meta.get_field(path.split("__")[0]).related_model
        field = kommune_model._meta.get_field("land")
        present = set(kommune_model._default_manager.values_list("land", flat=True))
        return [(value, label) for value, label in field.choices if value in present]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.kommune_lookup}__land": self.value()})
        return queryset

    def __init__(self, request, params, model, model_admin):
        self.kommune_lookup = model_admin.kommune_lookup
        super().__init__(request, params, model, model_admin)


class LogAdmin:
    """A log in the admin (audit entries, document downloads): read by those allowed to view it,
    written by the code only, never changed or deleted through the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class KommuneScopedAdmin:
    """For models that belong to a Kommune: a Kommune editor sees, changes and deletes only the
    rows of their own Kommunen, on every admin entry point (change list, search and filters work
    on that list; change, delete and history pages of other rows are refused), and may choose only
    their own Kommunen. The central team and administrators see everything.

    `kommune_path` is the lookup from the model to its Kommune: the model's KOMMUNE_PATH by default
    ("kommune"), "pk" for the Kommune itself."""

    kommune_path = ""

    class Media:
        js = [ADMIN_JS]  # names the searchable Kommune field (static/js/admin.js)

    @property
    def kommune_lookup(self) -> str:
        return self.kommune_path or self.model.KOMMUNE_PATH

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_central(request.user):
            return queryset
        return queryset.filter(in_own_kommunen(request.user, self.kommune_lookup)).distinct()

    def owns(self, request, obj) -> bool:
        if obj is None or is_central(request.user):
            return True
        return type(obj)._default_manager.filter(in_own_kommunen(request.user, self.kommune_lookup), pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None) -> bool:
        return super().has_view_permission(request, obj) and self.owns(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and self.owns(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and self.owns(request, obj)

    def get_autocomplete_fields(self, request):
        # The central team searches the 104 by typing; a Kommune editor chooses among their own.
        fields = list(super().get_autocomplete_fields(request))
        if is_central(request.user) and "kommune" in {f.name for f in self.model._meta.fields}:
            fields.append("kommune")
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "kommune" and not is_central(request.user):
            kwargs["queryset"] = db_field.related_model._default_manager.filter(pk__in=kommune_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        # An editor of one Kommune writes for it: the field comes chosen (a link may still name another).
        initial = super().get_changeform_initial_data(request)
        has_kommune = any(field.name == "kommune" and field.is_relation for field in self.model._meta.fields)
        if has_kommune and "kommune" not in initial and not is_central(request.user):
            own = list(kommune_ids(request.user))
            if len(own) == 1:
                initial["kommune"] = own[0]
        return initial
