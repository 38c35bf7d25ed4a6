"""Admin pieces of the editorial workflow, used by every app whose content is reviewed.

- `HistoryAdmin`: revisions with a field-by-field diff and restore (django-simple-history), and
  the refusal of a second, concurrent save (shared.publication.Versioned). A restore needs the
  right to save the row as it is now (a view right shows the revision read-only); a revision
  naming a file that is gone is refused.
- `WorkflowAdmin`: the states Entwurf → Zur Prüfung → Veröffentlicht → Archiviert, who may set
  which (editorial/workflow.py), the comment when a submission is sent back, the audit log,
  the e-mails, and a signed preview link for reviewers without an account. The steps are buttons
  of the submit row (`_workflow`, templates/admin/submit_line.html), offered by role and state;
  the status header above the form says who did what when (editorial/status_header.py).
  Deleting a published or archived row is the central team's; every deletion is logged and mailed.
"""

import copy
from contextvars import ContextVar

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, models, router, transaction
from django.forms.models import ModelForm
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from editorial import preview, status_header
from editorial.compare import changes_between
from editorial.history import history_page
from editorial.models import Action, AuditEntry
from editorial.workflow import STEPS, Step, action_for, allowed_statuses, record, save_status, steps_for
from shared.admin import ChangeListGuard, KommuneScopedAdmin, LogAdmin, ModelAdmin
from shared.publication import Status
from shared.roles import is_central

# The site's address for the preview link (set per request; readonly fields get no request).
BASE_URL: ContextVar[str] = ContextVar("editorial_base_url", default="")

# Kept on the Veröffentlichung section of each reviewed type, after the status and the window.
WORKFLOW_FIELDS = ["review_comment", "preview_link"]
# On a form with the status header the note stands above the step buttons (templates/admin/submit_line.html).
NOTE_BESIDE_BUTTONS = ["review_comment"]
# The name of the submit row's workflow buttons; the value is a step of editorial.workflow.STEPS.
STEP_FIELD = "_workflow"


class VersionedForm(ModelForm):
    """Carries the row's version from the moment the form was opened; a save is refused when
    somebody else has saved the row since (the typed input stays in the form)."""

    # Hidden: no label row is drawn for it (templates/admin/includes/fieldset.html); German where named.
    loaded_version = forms.IntegerField(label=_("Stand beim Öffnen"), widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # What the database holds now; for a restore form the instance is an old revision.
            self.initial["loaded_version"] = self.instance.current_version()

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        if instance.pk is None or instance._state.adding:
            return cleaned
        queryset = type(instance)._default_manager.filter(pk=instance.pk)
        if connections[router.db_for_write(type(instance))].in_atomic_block:
            # Held until the save commits: a second request waits and then sees the new version.
            queryset = queryset.select_for_update()
        stored = queryset.values_list("version", flat=True).first()
        if stored is None:
            raise ValidationError(_("Dieser Eintrag wurde inzwischen gelöscht."), code="deleted")
        if cleaned.get("loaded_version") != stored:
            raise ValidationError(self.conflict_message(), code="concurrent_edit")
        return cleaned

    def conflict_message(self) -> str:
        latest = (
            self.instance.history.select_related("history_user").first() if hasattr(self.instance, "history") else None
        )
        if latest is not None and latest.history_user is not None:
            return _(
                "Nicht gespeichert: %(user)s hat diesen Eintrag am %(time)s gespeichert, nachdem Sie ihn geöffnet "
                "haben. Ihre Eingaben stehen unten noch im Formular. Öffnen Sie den Eintrag in einem neuen Tab, "
                "übernehmen Sie Ihre Änderungen dort und speichern Sie erneut – so geht keine Änderung verloren."
            ) % {
                "user": latest.history_user.get_username(),
                "time": date_format(localtime(latest.history_date), "DATETIME_FORMAT"),
            }
        return _(
            "Nicht gespeichert: Jemand hat diesen Eintrag gespeichert, nachdem Sie ihn geöffnet haben. Ihre "
            "Eingaben stehen unten noch im Formular. Öffnen Sie den Eintrag in einem neuen Tab, übernehmen Sie "
            "Ihre Änderungen dort und speichern Sie erneut – so geht keine Änderung verloren."
        )


class WorkflowForm(VersionedForm):
    """The status is set by the buttons of the submit row (`_workflow`, editorial.workflow.STEPS);
    the `status` field stays as a hidden input holding what a plain save keeps, and a posted
    `status=` still works. A button is turned into that status before the form is cleaned, so every
    check (rights, comment, a type's own rules on `status`) runs as for the status chosen."""

    review_comment = forms.CharField(
        label=_("Anmerkung zur Prüfung"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Für die andere Seite: beim Einreichen ein Hinweis an die Zentrale Redaktion, beim Zurückgeben "
            "was zu ändern ist – dann Pflicht. Wird per E-Mail geschickt und im Protokoll festgehalten."
        ),
    )

    # Set per request by WorkflowAdmin.get_form: the steps offered and the status a plain save keeps.
    workflow_steps: dict[str, Step] = {}
    workflow_save_status: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.workflow_step: Step | None = None
        self._posted_status = None
        if "status" not in self.fields or self.workflow_save_status is None:
            return
        self.fields["status"].widget = forms.HiddenInput()
        if not self.is_bound:
            self.initial["status"] = self.workflow_save_status
            return
        self.workflow_step = STEPS.get(self.data.get(STEP_FIELD, ""))
        if self.workflow_step is not None and self.workflow_step.name in self.workflow_steps:
            self._posted_status = self.data.get("status") or self.workflow_save_status
            self.data = self.data.copy()
            self.data["status"] = self.workflow_step.status

    def full_clean(self):
        super().full_clean()
        if self._posted_status is not None:
            # Shown again after an error, the hidden field holds what a plain save keeps, not the step.
            self.data["status"] = self._posted_status

    def clean(self):
        cleaned = super().clean()
        step = self.workflow_step
        if step is not None and step.name not in self.workflow_steps:
            raise ValidationError(
                _("„%(step)s“ passt nicht mehr zum Stand dieses Eintrags. Bitte laden Sie die Seite neu."),
                code="step_not_offered",
                params={"step": step.label},
            )
        old = self.instance.stored_status() if self.instance.pk else None
        new = cleaned.get("status")
        withdrawn = step is not None and step.name == "withdraw"
        if action_for(old, new) == Action.SENT_BACK and not withdrawn and not cleaned.get("review_comment", "").strip():
            self.add_error(
                "review_comment",
                ValidationError(
                    _("Bitte schreiben Sie der Redaktion, was vor der Veröffentlichung zu ändern ist."),
                    code="comment_required",
                ),
            )
        return cleaned


def is_restore(request) -> bool:
    """True on django-simple-history's page for one old revision (the restore form)."""
    match = getattr(request, "resolver_match", None)
    return bool(match and (match.url_name or "").endswith("_simple_history"))


def restore_allowed(request) -> bool:
    """Whether this request's restore page may save (set by HistoryAdmin.history_form_view)."""
    return getattr(request, "editorial_restore_allowed", False)


def missing_files(instance) -> list[tuple[str, str]]:
    """(field label, stored name) of every file a revision names that the storage no longer holds
    (replaced or deleted since, e.g. after a withdrawal): such a revision cannot come back."""
    missing = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.FileField):
            file = getattr(instance, field.attname)
            if file and not file.storage.exists(file.name):
                missing.append((str(field.verbose_name), file.name))
    return missing


def read_only(form_class):
    """The restore form for somebody who may not restore: every field shown, none taken."""

    class ReadOnlyForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                field.disabled = True

    return ReadOnlyForm


class HistoryAdmin(ChangeListGuard, SimpleHistoryAdmin):
    """History with diff and restore; concurrent saves refused. The hidden `loaded_version` field
    is added to the first fieldset by itself."""

    form = VersionedForm
    history_list_per_page = 50

    # The history pages in the editors' words (editorial/compare.py, editorial/history.py): the
    # revisions and the changes of photos and consent records as one timeline, word by word.
    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Left to editorial.history, page by page (simple-history's own diff is not shown)."""

    def render_history_view(self, request, template, context, **kwargs):
        if template == self.object_history_template:
            page = request.GET.get(PAGE_VAR)
            context.update(history_page(self.model, context["object"].pk, page, self.history_list_per_page))
        elif template == self.object_history_form_template:
            revision = context["original"]
            current = type(revision)._default_manager.filter(pk=revision.pk).first()
            context["restore_changes"] = changes_between(current, revision, children=[]) if current else []
            context["revision_date"] = revision._history.history_date
        return super().render_history_view(request, template, context, **kwargs)

    def history_view_title(self, request, obj):
        return _("Verlauf: %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        when = date_format(localtime(obj._history.history_date), "DATETIME_FORMAT")
        if self.revert_disabled(request, obj):
            return _("Fassung vom %(date)s") % {"date": when}
        return _("Fassung vom %(date)s wiederherstellen") % {"date": when}

    def editable(self, request, obj=None) -> bool:
        if is_restore(request):
            return restore_allowed(request)
        return self.has_change_permission(request, obj) if obj is not None else self.has_add_permission(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        named = [name for _title, options in fieldsets for name in options.get("fields", ())]
        if not self.editable(request, obj) or "loaded_version" in named:
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options.get("fields", ()), "loaded_version"]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None and is_restore(request):
            self.keep_current_state(obj)
        form = super().get_form(request, obj, change=change, **kwargs)
        if is_restore(request) and not restore_allowed(request):
            return read_only(form)
        return form

    def keep_current_state(self, obj) -> None:
        """Restoring an old revision brings back its content; the publication state stays as it
        is now (a restore publishes nothing and unpublishes nothing)."""
        current = type(obj)._default_manager.filter(pk=obj.pk).first()
        if current is None:
            return
        for name in ("status", "publish_from", "publish_until", "version"):
            if hasattr(current, name):
                setattr(obj, name, getattr(current, name))

    def save_model(self, request, obj, form, change):
        if is_restore(request) and not restore_allowed(request):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        if change and is_restore(request):
            record(request.user, obj, Action.RESTORED, base_url=request.build_absolute_uri("/"))

    # --- the restore page: the same rights as a save ----------------------------------------------

    def may_restore(self, request, current) -> bool:
        """Whether the restore page may save: the right to save the row as it stands now (`current`;
        None for a deleted row, which comes back as a new one). Never a view right alone."""
        if current is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, current)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One old revision. django-simple-history asks only for a view right and judges the rights
        by the old revision; here they are the rights on the row as it is now (`may_restore`): others
        see the revision read-only and a POST is refused. A revision naming a file that is gone is
        refused in German, with nothing saved."""
        current = self.current_row(object_id)
        if current is not None and not self.has_view_or_change_permission(request, current):
            raise PermissionDenied
        allowed = self.may_restore(request, current)
        if request.method == "POST" and not allowed:
            raise PermissionDenied
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        revision = history.filter(**{self.model._meta.pk.attname: object_id, "history_id": version_id}).first()
        missing = missing_files(revision.instance) if revision is not None else []
        if missing:
            allowed = False
            messages.error(request, self.missing_files_message(missing))
            if request.method == "POST":  # back to the list of revisions, which shows the message
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", args=[object_id])
                )
        request.editorial_restore_allowed = allowed
        return super().history_form_view(request, object_id, version_id, extra_context)

    def current_row(self, object_id):
        try:
            pk = self.model._meta.pk.to_python(unquote(object_id))
            return self.model._default_manager.filter(pk=pk).first()
        except (ValidationError, ValueError) as exc:
            raise Http404 from exc

    @staticmethod
    def missing_files_message(missing: list[tuple[str, str]]) -> str:
        files = ", ".join(f"„{label}“ ({name.rsplit('/', 1)[-1]})" for label, name in missing)
        return ngettext(
            "Diese Fassung kann nicht wiederhergestellt werden: die Datei %(files)s gibt es nicht mehr (ersetzt "
            "oder gelöscht). Es wurde nichts gespeichert; Texte aus dieser Fassung können Sie von Hand in die "
            "aktuelle übernehmen.",
            "Diese Fassung kann nicht wiederhergestellt werden: die Dateien %(files)s gibt es nicht mehr (ersetzt "
            "oder gelöscht). Es wurde nichts gespeichert; Texte aus dieser Fassung können Sie von Hand in die "
            "aktuelle übernehmen.",
            len(missing),
        ) % {"files": files}

    def revert_disabled(self, request, obj=None) -> bool:
        if is_restore(request) and not restore_allowed(request):
            return True
        return super().revert_disabled(request, obj)


class WorkflowAdmin(HistoryAdmin):
    """For Publishable + Versioned types that are reviewed before they go public."""

    form = WorkflowForm
    # True for pages that stay public while a change waits (the Jobcenter page): a Kommune editor
    # may then change a published row; the change goes back to "Entwurf"/"Zur Prüfung".
    authors_change_published = False
    # The status is a hidden input set by the step buttons at the end (templates/admin/submit_line.html),
    # which show its errors: the error summary links there (editorial/templatetags/admin_desk.py).
    error_anchors = {"status": "workflow-actions"}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.editable(request, obj):
            return fieldsets
        result = []
        for name, options in fieldsets:
            fields = list(options.get("fields", ()))
            if "status" in fields:
                beside_buttons = [] if is_restore(request) else NOTE_BESIDE_BUTTONS
                fields += [
                    field
                    for field in WORKFLOW_FIELDS
                    if field not in fields and field not in beside_buttons and (obj or field != "preview_link")
                ]
            result.append((name, {**options, "fields": fields}))
        return result

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "preview_link"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if is_restore(request) or not issubclass(form, WorkflowForm):
            return form
        status = obj.status if obj is not None else None
        steps = steps_for(request.user, status, self.authors_change_published) if self.editable(request, obj) else []
        attributes = {"workflow_steps": {step.name: step for step in steps}}
        attributes["workflow_save_status"] = save_status(request.user, status)
        return type(form.__name__, (form,), attributes)

    def posted_step(self, request) -> Step | None:
        """The workflow button the form was sent with (None: a plain save). A step the user's role
        never has (a Kommune editor's „publish“) is refused outright."""
        if request.method != "POST" or STEP_FIELD not in request.POST:
            return None
        name = request.POST[STEP_FIELD]
        role_steps = {
            step.name
            for status in [None, *Status]
            for step in steps_for(request.user, status, self.authors_change_published)
        }
        if name not in role_steps:
            raise PermissionDenied
        return STEPS[name]

    # Hooks of the status header (templates/admin/includes/workflow_status.html).
    def compare_base(self, request, obj):
        """What „changed since the last published version“ compares with: the last revision saved
        as published, or None."""
        history = getattr(obj, "history", None)
        revision = history.filter(status=Status.PUBLISHED).first() if history is not None else None
        return revision.instance if revision is not None else None

    def workflow_links(self, request, obj) -> list[tuple[str, str]]:
        """Further (label, url) links for the status header."""
        return []

    def status_notes(self, request, obj) -> list[str]:
        """Further lines for the status header."""
        return []

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if not is_restore(request) and "adminform" in context:
            context["workflow"] = self.workflow_header(request, obj, context["adminform"].form)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_header(self, request, obj, form) -> status_header.Header:
        current = obj
        if obj is not None and obj.pk is not None and form.is_bound:
            # Shown again after an error: the header tells the stored state, not the posted one.
            current = type(obj)._default_manager.filter(pk=obj.pk).first() or obj
        header = status_header.build(self, request, current if obj is not None and obj.pk else None)
        header.steps = list(getattr(form, "workflow_steps", {}).values())
        save = getattr(form, "workflow_save_status", None)
        header.save_label = _("Als Entwurf speichern") if save == Status.DRAFT else _("Speichern")
        header.editable = save is not None and self.editable(request, obj)
        return header

    def response_add(self, request, obj, post_url_continue=None):
        return self.response_step(request, obj, add=True) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.response_step(request, obj) or super().response_change(request, obj)

    def response_step(self, request, obj, add=False):
        """After a workflow button: what was done, and back to the list."""
        step = self.posted_step(request)
        if step is None or IS_POPUP_VAR in request.POST:
            return None
        self.message_user(request, step.done % {"title": obj}, messages.SUCCESS)
        return self.response_post_save_add(request, obj) if add else self.response_post_save_change(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["choices"] = [(status.value, status.label) for status in allowed_statuses(request.user)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None) -> bool:
        # Published and archived rows are the central team's; a Kommune editor may view them.
        locked = (Status.ARCHIVED,) if self.authors_change_published else (Status.PUBLISHED, Status.ARCHIVED)
        if obj is not None and obj.status in locked and not is_central(request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting a published or archived row is the central team's, also where its Kommune may change it.
        if obj is not None and obj.status in (Status.PUBLISHED, Status.ARCHIVED) and not is_central(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request, obj):
        with transaction.atomic():
            self.record_deletion(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The bulk action "delete_selected"; Django has asked has_delete_permission of every row.
        with transaction.atomic():
            for obj in queryset:
                self.record_deletion(request, obj)
            super().delete_queryset(request, queryset)

    def record_deletion(self, request, obj) -> None:
        """Every deletion is logged and told to the Kommune's editors (editorial/workflow.py); the
        mail is written after the commit, from a copy that still has the row's key and Kommune."""
        comment = _("Status beim Löschen: %(status)s") % {"status": obj.get_status_display()}
        base_url = request.build_absolute_uri("/")
        record(request.user, copy.copy(obj), Action.DELETED, comment=comment, base_url=base_url)

    def save_model(self, request, obj, form, change):
        old = obj.stored_status() if change else None
        super().save_model(request, obj, form, change)
        action = action_for(old, obj.status)
        if not is_central(request.user):
            if action == Action.SENT_BACK:
                action = Action.WITHDRAWN
            elif action == Action.UNPUBLISHED:  # an author starts a change of a public page
                action = None
        if action is not None:
            comment = form.cleaned_data.get("review_comment", "").strip()
            record(request.user, obj, action, comment=comment, base_url=request.build_absolute_uri("/"))

    @admin.display(description=_("Vorschau-Link"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None or not hasattr(obj, "get_absolute_url"):
            return _("– nach dem ersten Speichern –")
        if obj.is_published:
            return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())
        if refusal := preview.refusal(obj):  # a link dies with the right to be shown: none is offered
            return _("Kein Vorschau-Link: %(reason)s") % {"reason": refusal}
        link = preview.link_for(obj, BASE_URL.get())
        return format_html(
            '<a href="{0}">{0}</a><br>{1}',
            link,
            _("Zeigt den Entwurf ohne Anmeldung, %(days)s Tage lang. Nur an Personen geben, die ihn prüfen sollen.")
            % {"days": preview.valid_days()},
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        self.posted_step(request)  # a step the role never has: refused before anything is read or saved
        token = BASE_URL.set(request.build_absolute_uri("/"))
        try:
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # readonly fields are drawn now, while the address is known
            return response
        finally:
            BASE_URL.reset(token)


class ContentTypeFilter(admin.SimpleListFilter):
    """Only the types the log holds (of the entries this user sees), by their German plural names,
    not every table of the site."""

    title = _("Inhaltstyp")
    parameter_name = "content_type"

    def lookups(self, request, model_admin):
        held = model_admin.get_queryset(request).order_by().values_list("content_type", flat=True).distinct()
        choices = []
        for content_type in ContentType.objects.filter(pk__in=held):
            model = content_type.model_class()
            name = model._meta.verbose_name_plural if model is not None else content_type.model
            choices.append((str(content_type.pk), capfirst(str(name))))
        return sorted(choices, key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(content_type_id=int(value))
        return queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(KommuneScopedAdmin, LogAdmin, ModelAdmin):
    """The log is read-only for everybody; Kommune editors see the entries of their Kommunen."""

    list_display = ["created_at", "action", "object_repr", "content_type", "username", "kommune"]
    list_filter = ["action", ContentTypeFilter]
    list_select_related = ["content_type", "kommune"]
    search_fields = ["object_repr", "username", "comment"]
    date_hierarchy = "created_at"
    fields = ["created_at", "action", "content_type", "object_id", "object_repr", "username", "kommune", "comment"]
    readonly_fields = fields
    view_on_site = False
