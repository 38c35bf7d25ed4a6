"""The video section of the change forms (mediafiles.admin.VideoAdminMixin): where the upload is on its
way to the web files, a preview of the finished video, and the two views behind them.

- `<id>/video-status/` answers the processing state as JSON (never cached); static/js/video-status.js
  polls it while the video is processed and updates the form's status line (an ARIA live region),
  so editors follow the progress without reloading. Without script the page shows the state at
  each load, as before.
- `<id>/video-original/` hands the uploaded original to the editor as a download: originals are
  never served under MEDIA_URL (mediafiles/access.py), so the file widget's „Derzeit: …“ links here.

Both views check the rights of the change view: a row outside the editor's Kommunen is not found
(404), a user without the view right on the type is refused (403), nobody signed out gets past the
admin's login.
"""

from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext

from mediafiles.videos import Processing

VIDEO_STATUS_JS = "js/video-status.js"


def admin_url(obj, view: str) -> str:
    """The address of one of the views below for `obj` ("" without a saved row or registered admin)."""
    if obj is None or obj.pk is None:
        return ""
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])
    except NoReverseMatch:
        return ""


def unsaved(*files) -> bool:
    """A file of a refused form: chosen, but never stored (no URL, no processing)."""
    return any(file and not file._committed for file in files)


def state_of(obj) -> str:
    """The row's processing state, "none" without an uploaded file, "unsaved" for the upload of a
    refused form."""
    if obj is None or not obj.video_source:
        return "none"
    if unsaved(obj.video_source):
        return "unsaved"
    return obj.processing_state


def status_message(obj) -> str:
    """The state in one German sentence, as the status line shows it (without a reload hint)."""
    state = state_of(obj)
    if state == "none":
        return gettext("– keine Video-Datei hochgeladen –")
    if state == "unsaved":
        return gettext("– die Video-Datei ist noch nicht gespeichert –")
    if state == Processing.WAITING:
        return gettext("Wartet auf die Verarbeitung.")
    if state == Processing.RUNNING:
        return gettext("Wird verarbeitet: %(progress)s %% fertig.") % {"progress": obj.processing_progress}
    if state == Processing.FAILED:
        return gettext("Fehlgeschlagen: %(error)s") % {"error": obj.processing_error or gettext("unbekannter Fehler")}
    return gettext("Fertig: MP4 und WebM für das Web, Dauer %(duration)s.") % {"duration": obj.duration_display}


def status_data(obj) -> dict:
    """What the status view answers: the state, its German message, the percentage while it is
    known (running), whether the task is still to come, and the preview to show when it is done."""
    state = state_of(obj)
    return {
        "state": state,
        "pending": state in (Processing.WAITING, Processing.RUNNING),
        "message": status_message(obj),
        "progress": obj.processing_progress if state == Processing.RUNNING else None,
        "preview": str(video_preview(obj)),
    }


def processing_status(obj) -> str:
    """The status line of the form: the message in a live region that video-status.js keeps up to
    date, a progress bar while the task runs, a reload hint for browsers without script, and the
    link that hands the editor the uploaded original."""
    state = state_of(obj)
    message = status_message(obj)
    if state == Processing.FAILED:
        message = format_html(
            "<strong>{}</strong> {}", gettext("Fehlgeschlagen:"), obj.processing_error or gettext("unbekannter Fehler")
        )
    progress = ""
    if state in (Processing.WAITING, Processing.RUNNING):
        value = format_html(' value="{}"', obj.processing_progress) if state == Processing.RUNNING else ""
        progress = format_html(
            '<progress class="video-status__progress" max="100"{} aria-label="{}">{} %</progress> ',
            value,
            gettext("Fortschritt der Verarbeitung"),
            obj.processing_progress,
        )
    hint = ""
    if state == Processing.WAITING:
        hint = gettext("Laden Sie die Seite in einer Minute neu.")
    elif state == Processing.RUNNING:
        hint = gettext("Laden Sie die Seite neu, um den Stand zu sehen.")
    original = admin_url(obj, "video_original") if state not in ("none", "unsaved") else ""
    return format_html(
        '<div class="video-status" data-video-status="{}" data-video-state="{}" data-done-text="{}" '
        'data-error-text="{}">{}<span class="video-status__message" role="status">{}</span>{}'
        '<span class="video-status__done" hidden></span>{}</div>',
        admin_url(obj, "video_status"),
        state,
        gettext("Seite neu laden, um das Vorschaubild und die Web-Dateien zu sehen"),
        gettext("Der Stand kann gerade nicht abgefragt werden. Laden Sie die Seite später neu."),
        progress,
        message,
        format_html(' <span class="video-status__hint">{}</span>', hint) if hint else "",
        format_html('<br><a href="{}">{}</a>', original, gettext("Hochgeladene Originaldatei herunterladen"))
        if original
        else "",
    )


def video_preview(obj) -> str:
    """The finished web video, played in the form (limited to the window's height by admin.css).
    Without captions it is only linked: a video without captions fails WCAG, in the desk too."""
    if obj is not None and unsaved(obj.video_webm, obj.video_mp4, obj.captions, obj.poster):
        return gettext("– das neue Video ist noch nicht gespeichert –")
    if obj is None or not obj.has_own_video:
        if obj is not None and obj.processing_pending:
            return gettext("– erscheint, sobald das Video verarbeitet ist –")
        return gettext("– noch kein Video für das Web –")
    if not obj.captions:
        first = obj.video_sources[0]
        return format_html(
            '{} <a href="{}">{}</a>',
            gettext("Die Vorschau erscheint, sobald das Video Untertitel hat."),
            first["url"],
            gettext("Video ohne Untertitel ansehen"),
        )
    poster = obj.poster_picture
    size = (
        format_html(' poster="{}" width="{}" height="{}"', poster.largest_src, poster.width, poster.height)
        if poster
        else ""
    )
    return format_html(
        '<video class="video-preview" controls preload="metadata" playsinline{} aria-label="{}">{}'
        '<track kind="captions" srclang="de" label="{}" src="{}" default></video>',
        size,
        gettext("Vorschau des Videos"),
        format_html_join("", '<source src="{}" type="{}">', ((s["url"], s["type"]) for s in obj.video_sources)),
        gettext("Deutsch"),
        obj.captions.url,
    )


def object_for(model_admin, request, object_id: str):
    """The row as the change view would show it, or 403/404."""
    from django.contrib.admin.utils import unquote

    if not model_admin.has_view_or_change_permission(request):
        raise PermissionDenied
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    return obj


def status_view(model_admin, request, object_id: str):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    response = JsonResponse(status_data(object_for(model_admin, request, object_id)))
    add_never_cache_headers(response)  # no-store: each poll asks the database
    return response


def original_view(model_admin, request, object_id: str):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    obj = object_for(model_admin, request, object_id)
    if not obj.video_source:
        raise Http404
    try:
        handle = obj.video_source.storage.open(obj.video_source.name, "rb")
    except OSError as error:  # the file is gone (a restore of an old revision, a cleaned disk)
        raise Http404 from error
    stem = slugify(getattr(obj, "slug", "") or "")[:60] or f"{obj._meta.model_name}-{obj.pk}"
    name = f"{stem}-original{Path(obj.video_source.name).suffix.lower()}"
    response = FileResponse(handle, as_attachment=True, filename=name)
    add_never_cache_headers(response)
    return response
