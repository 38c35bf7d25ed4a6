"""The admin's last rights holes (issue 27, findings 1, 2 and 4), each enumerated over every
registered admin so that a new admin, field or object view is checked without a new test:

1. „Auf der Website anzeigen“ (`/admin/r/<content type>/<id>/`) answers only for rows the user may
   view in the admin; any other row answers the same 404 as a missing id.
2. Absurd values in a change list's query string (a year 99999, month 13, `__isnull=maybe`, huge
   ids) are refused (Django's `?e=1`) or give an empty list, never a 500.
4. Every admin URL of one row answers a Kommune editor alike for another Kommune's row and for an id
   that does not exist (404; 403 for both where the type is closed to them): no existence oracle.
   The public preview link of a deleted row answers like a forged one (a guard: it already did).
"""

import datetime
import re
import uuid

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.test import RequestFactory
from django.urls import URLPattern
from django.urls.resolvers import RegexPattern
from django.utils import timezone

import config.urls  # noqa: F401  (every admin registered)
from campaign.models import BarrierReport, Kommune, SignLanguageVideo
from consent.models import Consent, DocumentAccess
from editorial.models import Action, AuditEntry
from generated.models import GeneratedFile
from press.models import KitKind
from shared.publication import Status
from tests.factories import (
    ExplainerVideoFactory,
    PressCoverageFactory,
    PressKitItemFactory,
    PressReleaseFactory,
    StoryFactory,
    UserFactory,
    give_consent,
    kommune,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    """The users here never type their password (force_login): a fast hash spares ~0.8 s a test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


OTHER = "landeshauptstadt-stuttgart"
REGISTRY = admin.site._registry


def label(model) -> str:
    return model._meta.label


# --- rows that a Kommune editor of Kreis Düren may not view ----------------------------------


def stuttgart_story(**fields):
    fields = {"name": "Murat Yildiz", "slug": "murat-yildiz", "status": Status.DRAFT, "publish_from": None, **fields}
    return StoryFactory(kommune=kommune(OTHER), **fields)


def withdrawn_story():
    story = StoryFactory(kommune=kommune(OTHER), name="Anna Beispiel", slug="anna-beispiel", consent=False)
    give_consent(story, withdrawn_on=timezone.localdate())
    return story


def stuttgart_consent():
    return give_consent(stuttgart_story(), signed_on=datetime.date(2026, 3, 1))


def stuttgart_entry():
    story = stuttgart_story()
    return AuditEntry.objects.create(
        username="zentrale",
        action=Action.SUBMITTED,
        content_type=ContentType.objects.get_for_model(story),
        object_id=str(story.pk),
        object_repr=story.name,
        kommune=story.kommune,
    )


def totp_device():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=UserFactory(username="zentrale-2fa"), name="Telefon", confirmed=True)


def static_device():
    from django_otp.plugins.otp_static.models import StaticDevice

    return StaticDevice.objects.create(user=UserFactory(username="zentrale-codes"), name="Codes", confirmed=True)


def access_attempt():
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(username="zentrale", ip_address="192.0.2.1", failures_since_start=3)


def access_log():
    from axes.models import AccessLog

    return AccessLog.objects.create(username="zentrale", ip_address="192.0.2.1")


def access_failure():
    from axes.models import AccessFailureLog

    return AccessFailureLog.objects.create(username="zentrale", ip_address="192.0.2.1")


def first(model):
    return lambda: model._default_manager.order_by("pk").first()


MAKERS = {
    "accounts.SecondFactorReset": lambda: apps.get_model("accounts", "SecondFactorReset").objects.create(
        by_username="zentrale", username="redaktion-andere"
    ),
    "editorial.AuditEntry": stuttgart_entry,
    "auth.User": lambda: UserFactory(username="zentrale-andere"),
    "campaign.Kommune": lambda: kommune(OTHER),
    "campaign.SignLanguageVideo": lambda: SignLanguageVideo.objects.create(title="Entwurf DGS", status=Status.DRAFT),
    "campaign.BarrierReport": lambda: BarrierReport.objects.create(description="Rampe fehlt", location="Rathaus"),
    "stories.Story": stuttgart_story,
    "stories.ExplainerVideo": lambda: ExplainerVideoFactory(status=Status.DRAFT, video=False),
    "press.PressRelease": lambda: PressReleaseFactory(status=Status.DRAFT),
    "press.PressCoverage": lambda: PressCoverageFactory(status=Status.DRAFT),
    "press.PressKitItem": lambda: PressKitItemFactory(
        status=Status.DRAFT, kind=KitKind.DOCUMENT, file=ContentFile(b"%PDF-1.4\n", name="mappe.pdf"), alt_text=""
    ),
    "consent.Consent": stuttgart_consent,
    "consent.DocumentAccess": lambda: DocumentAccess.objects.create(consent=stuttgart_consent(), username="zentrale"),
    "generated.GeneratedFile": lambda: GeneratedFile.objects.create(
        key="pressemappe", path="erzeugt/pressemappe.pdf", digest="0" * 64, size=1, made_at=timezone.now()
    ),
    "otp_totp.TOTPDevice": totp_device,
    "otp_static.StaticDevice": static_device,
    "axes.AccessAttempt": access_attempt,
    "axes.AccessLog": access_log,
    "axes.AccessFailureLog": access_failure,
}


def plain_value(field):
    """A valid value for a required field of a type without a maker."""
    if isinstance(field, models.ForeignKey):
        return first(field.related_model)() or plain_row(field.related_model)
    if isinstance(field, models.EmailField):
        return "jemand@example.org"
    if isinstance(field, (models.CharField, models.TextField)):
        return "x"
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return timezone.localdate()
    if isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
        return 1
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.JSONField):
        return {}
    raise AssertionError(f"{field.model._meta.label}.{field.name}: add a maker to MAKERS")


def plain_row(model):
    """A row of a type no maker knows (an admin added later): its required fields filled plainly."""
    values = {
        field.name: plain_value(field)
        for field in model._meta.concrete_fields
        if not (field.primary_key or field.has_default() or field.null or field.blank)
    }
    return model._default_manager.create(**values)


def make_row(model):
    """A row of `model`: a maker's, else one that `migrate` brought, else a plain new one."""
    if label(model) in MAKERS:
        return MAKERS[label(model)]()
    return first(model)() or plain_row(model)


def editor_request(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def hidden_from(user, obj) -> bool:
    """Whether the admin keeps `obj` from `user`: the type closed, or the row outside their list."""
    model_admin = REGISTRY[type(obj)]
    request = editor_request(user)
    if not model_admin.has_view_or_change_permission(request):
        return True
    return not model_admin.get_queryset(request).filter(pk=obj.pk).exists()


def missing_pk(model):
    if isinstance(model._meta.pk, models.UUIDField):
        return uuid.UUID(int=1)
    last = model._default_manager.order_by("-pk").values_list("pk", flat=True).first() or 0
    return last + 1000


NONCE = re.compile(rb'nonce="[^"]*"')


def answer(response, *ids) -> tuple:
    """What a response tells: its status, type, redirect target and body, with what differs
    anyway blanked out: the per-response CSP nonce, the page's own address (its canonical link) and
    the requested id in a redirect's target (the asker knows both)."""
    location = response.get("Location", "")
    for value in ids:
        location = location.replace(f"/{value}/", "/ID/")
    body = NONCE.sub(b'nonce=""', response.content).replace(response.wsgi_request.path.encode(), b"PATH")
    return response.status_code, response.get("Content-Type"), location, body


# --- 1. „Auf der Website anzeigen“ -----------------------------------------------------------

SITE_MODELS = sorted((m for m in REGISTRY if hasattr(m, "get_absolute_url")), key=label)


def shortcut(obj_or_model, pk=None) -> str:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    content_type = ContentType.objects.get_for_model(model)
    return f"/admin/r/{content_type.pk}/{obj_or_model.pk if pk is None else pk}/"


def test_every_model_with_a_page_on_the_site_is_checked():
    assert {label(m) for m in SITE_MODELS} >= {
        "stories.Story",
        "stories.ExplainerVideo",
        "press.PressRelease",
        "campaign.Kommune",
        "campaign.SignLanguageVideo",
    }


@pytest.mark.parametrize("model", SITE_MODELS, ids=label)
def test_view_on_site_answers_a_row_the_editor_may_not_view_like_a_missing_id(client, dueren_editor, model):
    row = make_row(model)
    client.force_login(dueren_editor)
    foreign = client.get(shortcut(row))
    if not hidden_from(dueren_editor, row):  # a type whose every row the editor may view (the topics)
        assert foreign.status_code == 302
        return
    missing = client.get(shortcut(model, missing_pk(model)))
    assert foreign.status_code == 404
    assert answer(foreign) == answer(missing)


@pytest.mark.parametrize("model", SITE_MODELS, ids=label)
def test_view_on_site_still_leads_the_admin_who_may_view_the_row_to_its_page(admin_client, model):
    row = make_row(model)
    response = admin_client.get(shortcut(row))
    assert response.status_code == 302
    assert response["Location"].endswith(row.get_absolute_url())


@pytest.mark.parametrize(
    "make",
    [stuttgart_story, withdrawn_story, lambda: ExplainerVideoFactory(status=Status.DRAFT, video=False)],
    ids=["draft of another Kommune", "withdrawn story", "explainer video draft"],
)
def test_the_findings_own_cases_give_no_slug_to_a_kommune_editor(client, dueren_editor, make):
    row = make()
    client.force_login(dueren_editor)
    response = client.get(shortcut(row))
    assert response.status_code == 404
    assert row.slug.encode() not in response.content and row.slug not in response.get("Location", "")


def test_view_on_site_leads_the_editor_to_their_own_draft(client, dueren_editor):
    own = StoryFactory(name="Eigene Person", slug="eigene-person", status=Status.DRAFT, publish_from=None)
    client.force_login(dueren_editor)
    response = client.get(shortcut(own))
    assert response.status_code == 302 and response["Location"].endswith("/eigene-person/")


@pytest.mark.parametrize("path", ["/admin/r/999999/1/", "/admin/r/abc/1/", "/admin/r/{story}/abc/"])
def test_view_on_site_with_nonsense_answers_404(client, dueren_editor, path):
    client.force_login(dueren_editor)
    story_type = ContentType.objects.get_for_model(StoryFactory._meta.model).pk
    assert client.get(path.format(story=story_type)).status_code == 404


# --- 2. absurd values in a change list's query string ----------------------------------------


def date_fields(model) -> list[str]:
    return sorted(
        f.name for f in model._meta.get_fields() if isinstance(f, models.DateField) and f.concrete and not f.is_relation
    )


FILTER_CASES = [(model, name) for model in sorted(REGISTRY, key=label) for name in date_fields(model)]
# One request each (a list with nothing found is rendered, so those are kept together).
ABSURD = [
    {"__year": "99999"},
    {"__year": "0"},
    {"__year": "99999999999999999999"},
    {"__year__gte": "99999"},
    {"__month": "13", "__day": "32"},
    {"__gte": "99999-01-01"},
    {"__lt": "0000-00-00"},
    {"": "99999-01-01"},
    {"__range": "2024-01-01,99999-01-01"},
    {"__isnull": "maybe"},
]
ABSURD_IDS = [
    ("pk", "99999999999999999999"),
    ("id__in", "1,99999999999999999999"),
    ("pk__range", "1,99999999999999999999"),
]


def refused_without_error(response, url: str) -> bool:
    """Django's answers to a bad filter: the list (maybe empty), its ?e=1 redirect, a refused lookup
    (400) or a closed type (403). Never a 500."""
    if response.status_code == 302:  # ?e=1, or a one-row type's list leading to that row
        return response["Location"].startswith(url) and "?" not in response["Location"].replace("?e=1", "")
    return response.status_code in (200, 400, 403)


def test_every_date_field_of_every_admin_is_enumerated():
    labels = {f"{label(model)}.{name}" for model, name in FILTER_CASES}
    assert {"stories.Story.created_at", "press.PressRelease.date", "consent.Consent.signed_on"} <= labels
    assert {"axes.AccessAttempt.attempt_time", "campaign.BarrierReport.reply_by"} <= labels


def opens_list(client, user, model) -> bool:
    """Signs `user` in; False where the type is closed to them (every list of it answers 403)."""
    client.force_login(user)
    client.raise_request_exception = False  # a 500 is counted, not raised: the list shows every one
    return REGISTRY[model].has_view_or_change_permission(editor_request(user))


@pytest.mark.parametrize("who", ["admin_user", "dueren_editor"])
@pytest.mark.parametrize(("model", "name"), FILTER_CASES, ids=[f"{label(m)}.{n}" for m, n in FILTER_CASES])
def test_absurd_values_for_a_date_field_never_answer_500(client, request, who, model, name):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    if not opens_list(client, request.getfixturevalue(who), model):
        return
    wrong = []
    for absurd in ABSURD:
        query = {f"{name}{suffix}": value for suffix, value in absurd.items()}
        response = client.get(url, query)
        if not refused_without_error(response, url):
            wrong.append((query, response.status_code, response.get("Location", "")))
    assert wrong == []


@pytest.mark.engine  # SQLite overflows on a huge integer, PostgreSQL compares it: both engines in .ci/run
@pytest.mark.parametrize("who", ["admin_user", "dueren_editor"])
@pytest.mark.parametrize("model", sorted(REGISTRY, key=label), ids=label)
def test_absurd_ids_in_a_change_list_never_answer_500(client, request, who, model):
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    if not opens_list(client, request.getfixturevalue(who), model):
        return
    wrong = []
    for name, value in ABSURD_IDS:
        response = client.get(url, {name: value})
        if not refused_without_error(response, url):
            wrong.append((f"{name}={value}", response.status_code, response.get("Location", "")))
    assert wrong == []


# --- 4. another Kommune's row answers like a missing one, on every admin URL of a row ----------


def object_patterns(model) -> list[URLPattern]:
    """The URLs of `model`'s admin that name one row (they capture its id)."""
    patterns = []
    for pattern in REGISTRY[model].get_urls():
        if isinstance(pattern.pattern, RegexPattern):
            if pattern.pattern.regex.groups:
                patterns.append(pattern)
        elif pattern.pattern.converters:
            patterns.append(pattern)
    return patterns


def fill(model, pattern: URLPattern, pk, version) -> str:
    """The pattern's URL for row `pk` (and revision `version` where it names one)."""
    values = iter([str(pk), str(version)])
    if isinstance(pattern.pattern, RegexPattern):
        route = re.sub(r"\([^)]*\)", lambda _m: next(values), str(pattern.pattern).strip("^$"))
    else:
        route = re.sub(r"<[^>]+>", lambda _m: next(values), str(pattern.pattern))
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{route}"


OBJECT_CASES = sorted((m for m in REGISTRY if object_patterns(m)), key=label)


def test_every_admin_url_of_a_row_is_enumerated():
    names = {p.name for m in OBJECT_CASES for p in object_patterns(m)}
    assert {
        "stories_story_history",
        "stories_story_simple_history",
        "stories_story_start_change",
        "stories_story_video_status",
        "stories_story_video_original",
        "consent_consent_document",
        "auth_user_password_change",
        "otp_totp_totpdevice_config",
    } <= names


def revision_of(row):
    history = getattr(type(row), "history", None)
    record = history.filter(**{row._meta.pk.attname: row.pk}).first() if history is not None else None
    return record.history_id if record is not None else 1


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("model", OBJECT_CASES, ids=label)
def test_another_kommunes_row_and_a_missing_id_answer_alike_on_every_admin_url(client, dueren_editor, model, method):
    row = make_row(model)
    client.force_login(dueren_editor)
    version, missing = revision_of(row), missing_pk(model)
    closed = not REGISTRY[model].has_view_or_change_permission(editor_request(dueren_editor))
    differ = []
    for pattern in object_patterns(model):
        if not hidden_from(dueren_editor, row):
            continue  # a type whose every row the editor may view: nothing to hide
        foreign = getattr(client, method)(fill(model, pattern, row.pk, version))
        absent = getattr(client, method)(fill(model, pattern, missing, version))
        if answer(foreign, row.pk, missing) != answer(absent, row.pk, missing):
            differ.append((pattern.name or str(pattern.pattern), foreign.status_code, absent.status_code))
        elif pattern.name and foreign.status_code != (403 if closed else 404):
            differ.append((pattern.name, foreign.status_code, "expected", 403 if closed else 404))
    assert differ == []
    assert type(row)._default_manager.filter(pk=row.pk).exists()  # nothing deleted by a forged POST


@pytest.mark.parametrize("model", OBJECT_CASES, ids=label)
def test_a_missing_id_answers_404_on_every_admin_url_of_a_row(admin_client, model):
    row = make_row(model)
    version = revision_of(row)
    wrong = []
    for pattern in object_patterns(model):
        if not pattern.name:
            continue  # `<id>/`: Django's old address, a redirect to `<id>/change/`
        # A text id where the pattern takes any text (`<int:pk>` leaves "abc" to other patterns).
        for pk in (missing_pk(model), *(("abc",) if "<int:" not in str(pattern.pattern) else ())):
            response = admin_client.get(fill(model, pattern, pk, version))
            if response.status_code != 404:
                wrong.append((pattern.name, pk, response.status_code))
    assert wrong == []


def test_the_history_of_another_kommunes_deleted_story_answers_like_a_missing_one(client, dueren_editor):
    story = stuttgart_story()
    version, pk = revision_of(story), story.pk
    story.delete()
    client.force_login(dueren_editor)
    for suffix in ("history/", f"history/{version}/"):
        deleted = client.get(f"/admin/stories/story/{pk}/{suffix}")
        absent = client.get(f"/admin/stories/story/{missing_pk(type(story))}/{suffix}")
        assert deleted.status_code == absent.status_code == 404


def test_the_central_team_still_opens_the_history_of_a_deleted_story(client, central_editor):
    story = stuttgart_story()
    version, pk = revision_of(story), story.pk
    story.delete()
    client.force_login(central_editor)
    assert client.get(f"/admin/stories/story/{pk}/history/").status_code == 200
    assert client.get(f"/admin/stories/story/{pk}/history/{version}/").status_code == 200


def test_the_editor_still_opens_every_admin_url_of_an_own_row(client, dueren_editor):
    own = StoryFactory(name="Eigene Person", slug="eigene-person", status=Status.DRAFT, publish_from=None)
    client.force_login(dueren_editor)
    for suffix in ("change/", "history/", f"history/{revision_of(own)}/", "delete/"):
        assert client.get(f"/admin/stories/story/{own.pk}/{suffix}").status_code == 200, suffix
    assert client.get(f"/admin/stories/story/{own.pk}/video-status/").status_code == 200
    consent = Consent.objects.get(story=own)
    assert client.get(f"/admin/consent/consent/{consent.pk}/change/").status_code == 200
    assert client.get(f"/admin/campaign/kommune/{kommune().pk}/history/").status_code == 200
    assert Kommune.objects.filter(slug=OTHER).exists()


def test_a_preview_link_of_a_deleted_row_answers_like_a_forged_one(client):
    from editorial import preview

    story = stuttgart_story()
    link = f"/vorschau/{preview.token_for(story)}/"
    assert client.get(link).status_code == 200
    story.delete()
    deleted, forged = client.get(link), client.get("/vorschau/erfunden/")
    assert deleted.status_code == forged.status_code == 404
    assert answer(deleted) == answer(forged)
