"""StoryAdmin's part for changes of published stories (stories/drafts.py), kept beside the form's
layout in stories/admin.py so that each can be read (and changed) alone.

- A Kommune editor opening a published story of their Kommune sees it read-only, with the link
  „Änderung vorschlagen“ to a confirmation page (POST starts the change) or „Zur wartenden Änderung“
  once one exists (editorial/admin.py, WorkflowAdmin.workflow_links, shown in the status header).
- The change row says what it is (status_notes), links to the published story, and compares with
  it (compare_base). Its address-name, and the landing-page choices, stay those of the published story.
- When the central team publishes the change row (button or status field, both end in save_model),
  it is merged into the published story after the photos are saved (save_related), and the
  answer leads to the published story.
- Deleting a change row discards the change and leads back to the published story.
- Restoring an old revision of a published story, for a Kommune editor, makes that revision the
  change (for review) instead of saving the published story.
"""

import copy

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.admin import missing_files
from editorial.models import Action
from editorial.workflow import record
from shared.publication import Status
from stories.drafts import pending_change, publish_change, restore_into_change, start_change
from stories.models import Story

# Never changed on a change row: the published story keeps them when the change is merged.
KEPT_FROM_PUBLISHED = ["slug", "featured", "cover_story"]


class ChangeForm:
    """Mixed into the change row's form."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.ARCHIVED:
            self.add_error(
                "status",
                ValidationError(
                    _(
                        "Eine Änderung wird nicht archiviert: Veröffentlichen Sie sie, geben Sie sie zurück oder "
                        "löschen Sie sie, um sie zu verwerfen."
                    ),
                    code="change_archived",
                ),
            )
        return cleaned


class StoryChangeAdmin:
    """Mixed into StoryAdmin, before the workflow admin."""

    def change_url(self, pk) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[pk])

    def start_change_url(self, pk) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_start_change", args=[pk])

    def may_start_change(self, request, story) -> bool:
        """A published story of the user's Kommune that they may not change directly, but whose
        Kommune's stories they write: they propose a change instead."""
        if story is None or story.pk is None:
            return False
        stored = Story.objects.filter(pk=story.pk, draft_of=None, status=Status.PUBLISHED).first()
        return (
            stored is not None
            and self.has_change_permission(request)
            and self.has_view_permission(request, stored)
            and not self.has_change_permission(request, stored)
        )

    # -- the confirmation page ------------------------------------------------------------------
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_start_change"
        own = [path("<path:object_id>/aenderung/", self.admin_site.admin_view(self.start_change_view), name=name)]
        return own + super().get_urls()

    def start_change_view(self, request, object_id):
        live = self.get_object(request, unquote(object_id))  # other Kommunen's stories: 404
        if live is None or live.is_change:
            raise Http404
        existing = pending_change(live)
        if existing is not None and self.has_view_permission(request, existing):
            return HttpResponseRedirect(self.change_url(existing.pk))
        if not self.may_start_change(request, live):
            raise PermissionDenied
        if request.method == "POST":
            change = start_change(live, request.user)
            self.message_user(
                request,
                _(
                    "Ihre Änderung von „%(name)s“ ist angelegt. Bearbeiten Sie sie und reichen Sie sie zur Prüfung "
                    "ein; bis zur Freigabe sehen Besucher die veröffentlichte Fassung."
                )
                % {"name": live.name},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(self.change_url(change.pk))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "story": live,
            "title": _("Änderung vorschlagen"),
        }
        return TemplateResponse(request, "admin/stories/story/start_change.html", context)

    # -- the status header (editorial/admin.py, WorkflowAdmin hooks) -----------------------------
    def workflow_links(self, request, obj) -> list[tuple[str, str]]:
        links = list(super().workflow_links(request, obj))
        if obj is None or obj.pk is None:
            return links
        if obj.is_change:
            return [*links, (_("Zur veröffentlichten Fassung"), self.change_url(obj.draft_of_id))]
        change = pending_change(obj)
        if change is not None and self.has_view_permission(request, change):
            links.append((_("Zur wartenden Änderung"), self.change_url(change.pk)))
        elif change is None and self.may_start_change(request, obj):
            links.append((_("Änderung vorschlagen"), self.start_change_url(obj.pk)))
        return links

    def status_notes(self, request, obj) -> list[str]:
        notes = list(super().status_notes(request, obj))
        if obj is None or obj.pk is None:
            return notes
        if obj.is_change:
            notes.append(
                _(
                    "Dies ist eine Änderung der veröffentlichten Geschichte „%(name)s“. Besucherinnen und Besucher "
                    "sehen bis zur Freigabe durch die Zentrale Redaktion die veröffentlichte Fassung; mit der "
                    "Freigabe ersetzt diese Änderung sie (die Adresse bleibt gleich)."
                )
                % {"name": obj.draft_of.name}
            )
            return notes
        change = pending_change(obj)
        if change is not None:
            notes.append(
                _(
                    "Eine Änderung dieser Geschichte wartet (Status: %(status)s). Bis zur Freigabe bleibt diese "
                    "Fassung öffentlich."
                )
                % {"status": change.get_status_display()}
            )
        elif self.may_start_change(request, obj):
            notes.append(
                _(
                    "Die Geschichte ist veröffentlicht. Änderungen schlagen Sie mit „Änderung vorschlagen“ vor; "
                    "die Zentrale Redaktion gibt sie frei."
                )
            )
        return notes

    def compare_base(self, request, obj):
        """A change is compared with the published story it will replace (what the published story
        keeps on the merge, e.g. its address, is no change)."""
        if obj is not None and obj.is_change:
            base = copy.copy(obj.draft_of)
            for name in KEPT_FROM_PUBLISHED:
                setattr(base, name, getattr(obj, name))
            return base
        return super().compare_base(request, obj)

    # -- the change row's form ----------------------------------------------------------------
    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_change:
            fields += [name for name in KEPT_FROM_PUBLISHED if name not in fields]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or not obj.is_change:
            return form
        # A change is published, sent back or deleted (discarded); archived it would stand in the way
        # of the next one.
        steps = {name: step for name, step in getattr(form, "workflow_steps", {}).items() if name != "archive"}
        return type(form.__name__, (ChangeForm, form), {"workflow_steps": steps})

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.is_change else super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if change and obj.is_change and obj.status == Status.PUBLISHED:
            # Never stored as published: merged into the published story once its photos are saved
            # (save_related), which also writes the audit entry and the e-mails on the published story.
            request.story_change_publish = form.cleaned_data.get("review_comment", "").strip()
            obj.status = obj.stored_status()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        comment = getattr(request, "story_change_publish", None)
        if comment is not None:
            request.story_change_published = publish_change(
                form.instance, request.user, comment=comment, base_url=request.build_absolute_uri("/")
            )

    def response_change(self, request, obj):
        live = getattr(request, "story_change_published", None)
        if live is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            format_html(
                _("Die Änderung ist veröffentlicht: Besucher sehen jetzt die neue Fassung von „{}“."), live.name
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.change_url(live.pk))

    # -- discarding ---------------------------------------------------------------------------
    def delete_model(self, request, obj):
        if obj.is_change:
            request.story_change_discarded = obj.draft_of_id
        super().delete_model(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        live_id = getattr(request, "story_change_discarded", None)
        if live_id is None:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request, _("Die Änderung ist verworfen; die veröffentlichte Fassung bleibt, wie sie ist."), messages.SUCCESS
        )
        return HttpResponseRedirect(self.change_url(live_id))

    # -- the change list ----------------------------------------------------------------------
    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if "change_marker" not in columns:
            columns.insert(columns.index("name") + 1 if "name" in columns else len(columns), "change_marker")
        return columns

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft_of", "pending_change")

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "autocomplete":
            # Choosing a story (a consent's): the published story, never its change.
            queryset = queryset.filter(draft_of=None)
        return queryset, may_have_duplicates

    @staticmethod
    def _pending(story):
        try:
            return story.pending_change
        except Story.pending_change.RelatedObjectDoesNotExist:
            return None

    @admin.display(description=gettext_lazy("Änderung an veröffentlichter Fassung"))
    def change_marker(self, story: Story):
        if story.is_change:
            return format_html(
                '{} <a href="{}">{}</a>', _("Änderung an:"), self.change_url(story.draft_of_id), story.draft_of.name
            )
        change = self._pending(story)
        if change is not None:
            return format_html(
                '<a href="{}">{}</a> ({})',
                self.change_url(change.pk),
                _("Änderung wartet"),
                change.get_status_display(),
            )
        return ""

    # -- restoring ------------------------------------------------------------------------------
    def revert_disabled(self, request, obj=None):
        if obj is not None and self.may_start_change(request, obj) and not missing_files(obj):
            return False  # the revision becomes a change (history_form_view)
        return super().revert_disabled(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        live = self.get_object(request, unquote(object_id))
        if request.method == "POST" and live is not None and self.may_start_change(request, live):
            return self.restore_as_change(request, live, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def restore_as_change(self, request, live, version_id):
        historical = get_object_or_404(live.history.model, id=live.pk, history_id=version_id)
        revision = historical.instance
        history_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[live.pk])
        missing = missing_files(revision)
        if missing:
            self.message_user(request, self.missing_files_message(missing), messages.ERROR)
            return HttpResponseRedirect(history_url)
        topic_ids = list(historical.topics.values_list("topic", flat=True))
        change = restore_into_change(live, revision, topic_ids, request.user)
        record(request.user, change, Action.RESTORED, base_url=request.build_absolute_uri("/"))
        self.message_user(
            request,
            _(
                "Die Fassung vom %(date)s ist jetzt eine Änderung der veröffentlichten Geschichte. Besucher sehen "
                "weiter die veröffentlichte Fassung; reichen Sie die Änderung zur Prüfung ein."
            )
            % {"date": date_format(localtime(historical.history_date), "DATETIME_FORMAT")},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.change_url(change.pk))
