"""The one publication rule of every public content type.

A row is public when its status is "Veröffentlicht" and the current moment lies inside its
optional window [publish_from, publish_until). The window takes effect by itself: the
public queries compare it with the clock, so no job has to run when a time is reached.

- `Publishable`: the abstract model with the three fields.
- `PublishableQuerySet.published()`: what visitors may see now; every public view, feed,
  sitemap, search source and the press kit use it. It applies the model's `public_q()`,
  which a model may narrow further (stories also need the consent of the persons shown).
- `Publishable.is_published`: the same rule for one row in Python.
- `Publishable.may_be_previewed()`: whether a preview link may still show the row (not archived;
  stories also need the consent), with the reason in `preview_refusal()`.
- `PreviewMixin`: detail views show unpublished rows only to editors who may change them,
  with `preview` in the context for templates/includes/preview_banner.html.
"""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shared.roles import in_own_kommunen, is_central, lacks_second_factor


def start_of_day(day: date) -> datetime:
    """A date as the moment it begins on the site's clock."""
    return timezone.make_aware(datetime.combine(day, time.min))


class Status(models.TextChoices):
    """Entwurf → Zur Prüfung → Veröffentlicht → Archiviert. Only "Veröffentlicht" is public;
    who may move a row where is the editorial workflow's business (editorial/workflow.py)."""

    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("Zur Prüfung")
    PUBLISHED = "published", _("Veröffentlicht")
    ARCHIVED = "archived", _("Archiviert")


def status_field(default: str = Status.DRAFT) -> models.CharField:
    """The status field; a type whose new rows are usually public at once passes PUBLISHED."""
    return models.CharField(_("Status"), max_length=20, choices=Status.choices, default=default, db_index=True)


def published_q(prefix: str = "", at: datetime | None = None) -> Q:
    """The rule as a condition, also across a relation: `published_q("stories__")`."""
    moment = at or timezone.now()
    return (
        Q(**{f"{prefix}status": Status.PUBLISHED})
        & (Q(**{f"{prefix}publish_from__isnull": True}) | Q(**{f"{prefix}publish_from__lte": moment}))
        & (Q(**{f"{prefix}publish_until__isnull": True}) | Q(**{f"{prefix}publish_until__gt": moment}))
    )


class PublishableQuerySet(models.QuerySet):
    def published(self, at: datetime | None = None) -> "PublishableQuerySet":
        """Rows that visitors may see at `at` (default: now), by the model's `public_q`."""
        return self.filter(self.model.public_q(at=at))

    def released(self, at: datetime | None = None) -> "PublishableQuerySet":
        """Published now or scheduled for later (not yet expired): what an index may hold,
        each row with its window, so that it appears and vanishes on time by itself."""
        moment = at or timezone.now()
        return self.filter(Q(publish_until__isnull=True) | Q(publish_until__gt=moment), status=Status.PUBLISHED)


class Publishable(models.Model):
    status = status_field()
    publish_from = models.DateTimeField(
        _("Sichtbar ab"),
        null=True,
        blank=True,
        help_text=_("Leer: ab dem Veröffentlichen. Ein späterer Zeitpunkt plant die Veröffentlichung."),
    )
    publish_until = models.DateTimeField(
        _("Sichtbar bis"),
        null=True,
        blank=True,
        help_text=_("Leer: ohne Ende. Danach ist der Inhalt nicht mehr öffentlich."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # The moment of publication is kept: pages, feeds and the sitemap show and sort by it.
        if self.status == Status.PUBLISHED and self.publish_from is None:
            self.publish_from = self.default_publish_from()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "publish_from"}
        super().save(*args, **kwargs)

    @classmethod
    def public_q(cls, prefix: str = "", at: datetime | None = None) -> Q:
        """The model's publication rule as a condition, also across a relation. A model with a
        further condition (stories: the consent of the persons shown) overrides it."""
        return published_q(prefix, at)

    def stored_status(self) -> str | None:
        """The status in the database (None for a new row): what a save changes it from."""
        if self.pk is None:
            return None
        return type(self)._default_manager.filter(pk=self.pk).values_list("status", flat=True).first()

    @property
    def is_published(self) -> bool:
        now = timezone.now()
        return (
            self.status == Status.PUBLISHED
            and (self.publish_from is None or self.publish_from <= now)
            and (self.publish_until is None or now < self.publish_until)
        )

    def clean(self) -> None:
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError(
                {"publish_until": _("„Sichtbar bis“ muss nach „Sichtbar ab“ liegen.")}, code="window_order"
            )

    def default_publish_from(self) -> datetime:
        """When a row published without a "Sichtbar ab" becomes visible: at once."""
        return timezone.now()

    def preview_refusal(self) -> str:
        """Why a signed preview link (editorial/preview.py) must not show this row any more, in one
        German sentence; "" while it may. An archived row is no longer shown; a model with a further
        condition (stories: the consent of the persons shown) overrides it."""
        if self.status == Status.ARCHIVED:
            return _("Archivierte Inhalte werden nicht mehr gezeigt.")
        return ""

    def may_be_previewed(self) -> bool:
        return not self.preview_refusal()


def can_preview(user, model: type[models.Model]) -> bool:
    """Editors who may change rows of `model` see them before they are published, with the same
    session the admin asks for: where a second factor is required, only after its code."""
    opts = model._meta
    return bool(
        user.is_authenticated
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        and not lacks_second_factor(user)
    )


class PreviewMixin:
    """For DetailViews of Publishable models: visitors get the published rows only. A model that
    belongs to a Kommune names the lookup in `KOMMUNE_PATH`; then a Kommune editor previews only
    the drafts of their own Kommunen (shared/roles.py)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        grant = getattr(self.request, "preview_grant", None)
        if grant is not None and grant[0] == queryset.model._meta.label_lower:
            # A signed preview link (editorial/preview.py) shows this one row to anybody who has it.
            return queryset.filter(queryset.model.public_q() | Q(pk=grant[1]))
        if not can_preview(user, queryset.model):
            self.visitors_only = True  # the row is published: no second look needed
            return queryset.published()
        kommune_path = getattr(queryset.model, "KOMMUNE_PATH", None)
        if kommune_path is None or is_central(user):
            return queryset
        return queryset.filter(queryset.model.public_q() | in_own_kommunen(user, kommune_path))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not getattr(self, "visitors_only", False) and not self.object.is_published
        return context


class Versioned(models.Model):
    """A counter that every save raises. The admin form carries the number it was loaded with,
    so that the second of two editors saving the same row is refused instead of overwriting
    the first (editorial.admin.WorkflowAdmin). History leaves it out."""

    version = models.PositiveIntegerField(_("Bearbeitungsstand"), default=0, db_default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version = (self.version or 0) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def current_version(self) -> int:
        """The number stored now (0 for a new row)."""
        if self.pk is None:
            return 0
        stored = type(self)._default_manager.filter(pk=self.pk).values_list("version", flat=True).first()
        return stored or 0


# The fields of the "Veröffentlichung" section in every admin form.
PUBLICATION_FIELDS = ["status", "publish_from", "publish_until"]
