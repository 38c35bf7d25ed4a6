"""Which row an admin URL may answer for: one rule for every URL of the site's admin that names a row
(change, delete, history and its revisions, the video status and original, the consent document,
„Änderung vorschlagen“, a user's password, any view an admin adds later) and for „Auf der Website
anzeigen“ (`/admin/r/<content type>/<id>/`). accounts.sites.AdminSite applies it to every view.

A row the user may not view in the admin — another Kommune's row for a Kommune editor — answers
exactly like an id that does not exist: 404, with the same body. Nothing tells them apart, so the
admin is no oracle for which ids exist (README „Redaktionelle Rollen“). A type closed to the user
answers 403 for every id, existing or not, before any row is looked up.
"""

from django.contrib import admin
from django.contrib.admin.options import TO_FIELD_VAR
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

# The names under which admin URLs capture the row's id (Django's own, django-otp's, auth's
# password form); django-simple-history's revision page captures it as its first positional group.
ID_NAMES = ("object_id", "pk", "id")
HISTORY_VIEWS = {"history_view", "history_form_view"}


def row_id(args, kwargs) -> str | None:
    for name in ID_NAMES:
        if name in kwargs:
            return str(kwargs[name])
    return str(args[0]) if args else None


def visible_row(model_admin, request, object_id: str, to_field: str | None = None):
    """The row as `model_admin` shows it to this user (its get_queryset and its view or change right
    for that row), or None."""
    obj = model_admin.get_object(request, object_id, to_field)
    if obj is not None and model_admin.has_view_or_change_permission(request, obj):
        return obj
    return None


def deleted_row(model_admin, request, object_id: str):
    """The last state of a deleted row whose history this user may read (the central team restores
    deleted rows from their history), or None; a live row is never found here."""
    model = model_admin.model
    manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
    if manager_name is None:
        return None
    try:
        pk = model._meta.pk.to_python(object_id)
    except ValidationError:
        return None
    if model._default_manager.filter(pk=pk).exists():
        return None  # live, but not shown to this user: like a missing one
    record = getattr(model, manager_name).filter(**{model._meta.pk.attname: pk}).first()
    if record is None or not model_admin.has_view_or_change_permission(request, record.instance):
        return None
    return record.instance


def check(view, request, args, kwargs) -> None:
    """Before `view` (a view of a ModelAdmin that names a row) runs for a signed-in staff user:
    403 where the type is closed to them, 404 where the row is not theirs to view or does not exist."""
    model_admin = getattr(view, "__self__", None)
    if not isinstance(model_admin, admin.ModelAdmin):
        return
    object_id = row_id(args, kwargs)
    if object_id is None:
        return
    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    to_field = request.POST.get(TO_FIELD_VAR, request.GET.get(TO_FIELD_VAR))
    if to_field and not model_admin.to_field_allowed(request, to_field):
        return  # the view refuses it (400) whatever the id
    object_id = unquote(object_id)
    obj = visible_row(model_admin, request, object_id, to_field)
    history = getattr(view, "__name__", "") in HISTORY_VIEWS
    if obj is None and history:
        obj = deleted_row(model_admin, request, object_id)
    if obj is None:
        raise Http404
    if history and len(args) > 1 and not revision_of(obj, args[1]):
        raise Http404


def revision_of(obj, version_id) -> bool:
    """Whether `version_id` names a revision of `obj` (the revision page's second part)."""
    history = getattr(type(obj), getattr(obj._meta, "simple_history_manager_attribute", ""), None)
    if history is None:
        return False
    try:
        return history.filter(**{obj._meta.pk.attname: obj.pk, "history_id": int(version_id)}).exists()
    except (TypeError, ValueError, OverflowError):
        return False


def on_site(site, request, content_type_id: str, object_id: str):
    """The row behind „Auf der Website anzeigen“ if this user may view it in the admin; else 404
    (a closed type included: the address answers nothing but redirects)."""
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except (ContentType.DoesNotExist, ValueError, OverflowError) as exc:
        raise Http404 from exc
    model_admin = site._registry.get(model)
    if model_admin is None or not model_admin.has_view_or_change_permission(request):
        raise Http404
    obj = visible_row(model_admin, request, object_id)
    if obj is None:
        raise Http404
    return obj
