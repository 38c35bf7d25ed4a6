"""The consent register (Einwilligungen): for every person shown in a story, photo or video, the
consent on record — form, signed document, date, collecting Kommune, scope, what may be shown,
expiry or review date, guardian for minors, withdrawal.

Legal frame: § 67b SGB X (that someone received benefits is social data), Art. 9 DSGVO (health
details), § 22 KUG (pictures of people). A consent is valid for a use (`Scope`) at a moment when
it covers that use, has not expired and has not been withdrawn before that moment, and the signed
document is on record (or the record carries the update's mark „Altbestand: Nachweis nachreichen“).
"""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history import register as register_history

from consent.storage import consent_upload, get_consent_storage
from editorial.compare import register_children
from mediafiles.images import store_clean_original
from mediafiles.uploads import RASTER_TYPES, detect_type, gate


class Scope(models.TextChoices):
    WEB = "web", _("Website")
    SOCIAL = "social", _("Soziale Medien")
    PRINT = "print", _("Druck")
    PRESS = "press", _("Pressedownload")


class Form(models.TextChoices):
    WRITTEN = "written", _("schriftlich")
    ELECTRONIC = "electronic", _("elektronisch")


class NameShown(models.TextChoices):
    FULL = "full", _("Vor- und Nachname")
    FIRST = "first", _("nur Vorname")


SCOPE_FIELDS = {
    Scope.WEB: "scope_web",
    Scope.SOCIAL: "scope_social",
    Scope.PRINT: "scope_print",
    Scope.PRESS: "scope_press",
}


def valid_q(scope: str, prefix: str = "", at: datetime | None = None) -> Q:
    """Consents (reached by `prefix`, e.g. "consents__") valid for `scope` at `at` (default now)."""
    moment = at or timezone.now()
    day = timezone.localdate(moment)
    return (
        Q(**{f"{prefix}{SCOPE_FIELDS[scope]}": True})
        # The proof: the signed document, or the legacy mark of the update (consent/migrations/0003, 0007).
        & (Q(**{f"{prefix}document__gt": ""}) | Q(**{f"{prefix}is_legacy": True}))
        & (Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": day}))
        & (Q(**{f"{prefix}withdrawn_on__isnull": True}) | Q(**{f"{prefix}withdrawn_on__gt": day}))
    )


def ended_q(prefix: str = "", at: datetime | None = None) -> Q:
    """Consents that were valid once and have ended by `at`: expired or withdrawn."""
    day = timezone.localdate(at or timezone.now())
    return Q(**{f"{prefix}expires_on__lt": day}) | Q(**{f"{prefix}withdrawn_on__lte": day})


def shown_with_consent(scope: str = Scope.WEB, at: datetime | None = None):
    """The ids of the stories that may be shown for `scope` at `at`: at least one consent on
    record, and every person on record for the story holds a consent valid for that use (a
    person matched by name may have renewed an expired consent). A story without any record,
    or with one person whose consent ended or was withdrawn, is not shown."""
    valid = Consent.objects.filter(valid_q(scope, at=at), story__isnull=False)
    lacking = Consent.objects.filter(story__isnull=False).exclude(
        Exists(valid.filter(story=OuterRef("story"), person=OuterRef("person")))
    )
    return valid.exclude(story__in=lacking.values("story")).values("story")


def end_of(consent: "Consent") -> datetime | None:
    """The moment a consent stops being valid (start of the day after its expiry, or of the day
    of its withdrawal), or None while it has no end."""
    days = []
    if consent.expires_on:
        days.append(consent.expires_on + timedelta(days=1))
    if consent.withdrawn_on:
        days.append(consent.withdrawn_on)
    return start_of(min(days)) if days else None


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def shown_until(consents) -> datetime | None:
    """When the story of `consents` (all its records) stops being shown because a consent ends:
    per person the latest end of their valid consents, the earliest of those over all persons."""
    by_person: dict[str, list] = {}
    for consent in consents:
        if consent.is_valid_now:
            by_person.setdefault(consent.person, []).append(end_of(consent))
    ends = []
    for person_ends in by_person.values():
        if None not in person_ends:
            ends.append(max(person_ends))
    return min(ends) if ends else None


class ConsentQuerySet(models.QuerySet):
    def valid(self, scope: str = Scope.WEB, at: datetime | None = None) -> "ConsentQuerySet":
        return self.filter(valid_q(scope, at=at))

    def expiring(self, days: int = 30) -> "ConsentQuerySet":
        """Valid today, but ending (expiry) or due for review within `days`."""
        today = timezone.localdate()
        until = today + timezone.timedelta(days=days)
        ends = Q(expires_on__gte=today, expires_on__lte=until) | Q(review_on__gte=today, review_on__lte=until)
        return self.filter(ends, withdrawn_on__isnull=True)


class Consent(models.Model):
    # Kept when the story is deleted: the record (and a withdrawal) stays as proof.
    story = models.ForeignKey(
        "stories.Story",
        verbose_name=_("Geschichte"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consents",
        help_text=_("Die Geschichte, in der die Person gezeigt wird."),
    )
    person = models.CharField(_("Person"), max_length=200, help_text=_("Wer eingewilligt hat (wie im Dokument)."))
    kommune = models.ForeignKey(
        "campaign.Kommune", verbose_name=_("Erhebende Kommune"), on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField(_("Form"), max_length=20, choices=Form.choices, default=Form.WRITTEN)
    document = models.FileField(
        _("Unterschriebenes Dokument"),
        storage=get_consent_storage,
        upload_to=consent_upload,
        blank=True,
        validators=gate("document"),
        help_text=_(
            "PDF, JPEG, PNG oder HEIC (Foto vom iPhone). Wird nicht öffentlich gespeichert; nur die Redaktion "
            "dieser Kommune und die Zentrale Redaktion können es herunterladen, jeder Abruf wird protokolliert."
        ),
    )
    signed_on = models.DateField(_("Erteilt am"))
    scope_web = models.BooleanField(_("Website"), default=True)
    scope_social = models.BooleanField(_("Soziale Medien"), default=False)
    scope_print = models.BooleanField(_("Druck"), default=False)
    scope_press = models.BooleanField(_("Pressedownload"), default=False)
    name_shown = models.CharField(_("Gezeigter Name"), max_length=10, choices=NameShown.choices, default=NameShown.FULL)
    employer_shown = models.BooleanField(_("Arbeitgeber darf genannt werden"), default=False)
    health_shown = models.BooleanField(_("Gesundheitsangaben dürfen genannt werden"), default=False)
    benefits_shown = models.BooleanField(_("Leistungsbezug darf genannt werden"), default=False)
    expires_on = models.DateField(_("Gültig bis"), null=True, blank=True, help_text=_("Leer: ohne Ablauf."))
    review_on = models.DateField(_("Überprüfen am"), null=True, blank=True)
    is_minor = models.BooleanField(_("Minderjährig"), default=False)
    guardian = models.CharField(_("Sorgeberechtigte Person"), max_length=200, blank=True)
    withdrawn_on = models.DateField(_("Widerrufen am"), null=True, blank=True)
    is_demo = models.BooleanField(_("Demo-Eintrag"), default=False, editable=False)
    is_legacy = models.BooleanField(
        _("Altbestand: Nachweis nachreichen"),
        default=False,
        help_text=_(
            "Beim Update für eine schon veröffentlichte Geschichte angelegt, damit sie online bleibt. "
            "Bitte das unterschriebene Dokument hochladen und die Angaben prüfen; danach das Häkchen entfernen."
        ),
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    KOMMUNE_PATH = "kommune"

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.person} ({self.signed_on:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        # A photographed or scanned document keeps no camera data (GPS, device) and nothing
        # appended to its pixels: it is re-encoded like every image of the site.
        if self.document and not self.document._committed and detect_type(self.document) in RASTER_TYPES:
            store_clean_original(self.document)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if not self.document and not self.is_legacy:
            errors["document"] = _(
                "Bitte das unterschriebene Dokument hochladen: ohne Nachweis gilt die Einwilligung nicht."
            )
        if self.signed_on and self.signed_on > timezone.localdate():
            errors["signed_on"] = _("Das Datum der Einwilligung darf nicht in der Zukunft liegen.")
        if self.is_minor and not self.guardian.strip():
            errors["guardian"] = _("Bei Minderjährigen muss die sorgeberechtigte Person eingetragen sein.")
        if self.expires_on and self.signed_on and self.expires_on < self.signed_on:
            errors["expires_on"] = _("„Gültig bis“ darf nicht vor dem Tag der Einwilligung liegen.")
        if self.withdrawn_on and self.signed_on and self.withdrawn_on < self.signed_on:
            errors["withdrawn_on"] = _("Der Widerruf kann nicht vor der Einwilligung liegen.")
        if not any(getattr(self, name) for name in SCOPE_FIELDS.values()):
            errors["scope_web"] = _("Bitte mindestens einen Zweck ankreuzen, für den die Einwilligung gilt.")
        if errors:
            raise ValidationError(errors)

    def is_valid_for(self, scope: str = Scope.WEB, at: datetime | None = None) -> bool:
        """The rule of `valid_q` for this row, in Python (no query)."""
        day = timezone.localdate(at or timezone.now())
        return (
            bool(getattr(self, SCOPE_FIELDS[scope]))
            and (bool(self.document) or self.is_legacy)
            and (self.expires_on is None or self.expires_on >= day)
            and (self.withdrawn_on is None or self.withdrawn_on > day)
        )

    @property
    def is_valid_now(self) -> bool:
        return self.is_valid_for(Scope.WEB)

    @property
    def has_ended(self) -> bool:
        day = timezone.localdate()
        return bool((self.expires_on and self.expires_on < day) or (self.withdrawn_on and self.withdrawn_on <= day))


class DocumentAccess(models.Model):
    """Every view or download of a consent document: who, when, which."""

    # Never shown on a public page: a change needs no new page-cache generation.
    page_cache_ignore = True

    consent = models.ForeignKey(
        Consent, verbose_name=_("Einwilligung"), on_delete=models.CASCADE, related_name="accesses"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Benutzer"), null=True, on_delete=models.SET_NULL)
    username = models.CharField(_("Benutzername"), max_length=150)
    at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Abruf eines Dokuments")
        verbose_name_plural = _("Abrufe von Dokumenten")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.username}: {self.consent} ({self.at:%d.%m.%Y %H:%M})"


# Every change of a consent record has a revision (who changed what, when), shown in the history
# of its story (editorial/compare.py). The document itself stays in the private storage.
register_history(Consent)
register_children(Consent, "story")
