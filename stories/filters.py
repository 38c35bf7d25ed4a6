"""The gallery's filters: Land, Jobcenter, Thema, Format, read from the query string.

The filters are a plain GET form, so every filtered view is a shareable URL and works
without JavaScript. An unknown value never breaks the page: that filter is left out and
the visitor is told so in German.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db.models import Count
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from stories.models import Format, Story, StoryQuerySet, Topic

# The Kommune model and its Länder, reached through the story's foreign key: stories import
# no campaign code (see docs/architecture.md).
Kommune = Story._meta.get_field("kommune").related_model
LAND_CHOICES = Kommune._meta.get_field("land").choices


@dataclass(frozen=True)
class ActiveFilter:
    param: str
    label: str
    value_label: str
    remove_url: str


class FilterSelect(forms.Select):
    """Django's Select, written in Python: the Jobcenter list alone has up to 104 options, and
    rendering each through the form templates cost the gallery more CPU than its 25 cards."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = [
            format_html(
                '<option value="{}"{}>{}</option>',
                option,
                mark_safe(" selected") if option in chosen else "",
                label,
            )
            for option, label in ((("" if v is None else str(v)), label) for v, label in self.choices)
        ]
        select = format_html('<select name="{}"{}>', name, flatatt(self.build_attrs(self.attrs, attrs)))
        return mark_safe(select + "\n" + "\n".join(options) + "\n</select>")


class FilterField(forms.ChoiceField):
    """A select whose list offers some values but accepts every value in `accepted`.

    (A Kommune without stories yet is not offered, but ?jobcenter=<its slug> is a valid,
    empty, result.)
    """

    def __init__(self, label):
        super().__init__(label=label, required=False, widget=FilterSelect(attrs={"class": "kern-form-input__select"}))
        self.accepted: set[str] = set()
        self.error_messages["invalid_choice"] = format_lazy(
            _("Den Filter „{filter}“ mit dem Wert „%(value)s“ gibt es nicht; er wird nicht angewendet."),
            filter=label,
        )

    def valid_value(self, value) -> bool:
        return value in self.accepted


class StoryFilterForm(forms.Form):
    land = FilterField(_("Land"))
    jobcenter = FilterField(_("Jobcenter"))
    thema = FilterField(_("Thema"))
    format = FilterField(_("Format"))

    def __init__(self, data, *args, stories: StoryQuerySet | None = None, **kwargs):
        """`stories`: the published stories the gallery shows (Story.objects.published())."""
        super().__init__(data, *args, **kwargs)
        self.stories = Story.objects.published() if stories is None else stories
        # Two cheap queries instead of annotating 104 Kommunen through the consent rule: the
        # Kommunen as plain rows, and the published stories counted per Kommune (grouped).
        # The list offers the Kommunen with stories and the one asked for, so that the form
        # always shows what is applied.
        kommunen = list(Kommune.objects.order_by("name").values_list("pk", "slug", "name", "land"))
        self.story_counts: dict[int, int] = dict(
            self.stories.order_by().values_list("kommune_id").annotate(n=Count("pk")).values_list("kommune_id", "n")
        )
        self.kommunen = {slug: (pk, land) for pk, slug, _name, land in kommunen}
        asked = {name: data.get(name, "") for name in self.fields}
        lands_with_stories = {land for pk, _slug, _name, land in kommunen if self.story_counts.get(pk)}
        self.topics = list(Topic.objects.all())

        self._offer(
            "land",
            _("Alle Länder"),
            [(v, label) for v, label in LAND_CHOICES if v in lands_with_stories or v == asked["land"]],
            accepted=[value for value, _label in LAND_CHOICES],
        )
        self._offer(
            "jobcenter",
            _("Alle Jobcenter"),
            [(slug, name) for pk, slug, name, _ in kommunen if self.story_counts.get(pk) or slug == asked["jobcenter"]],
            accepted=self.kommunen,
        )
        self._offer("thema", _("Alle Themen"), [(t.slug, t.name) for t in self.topics])
        self._offer("format", _("Foto und Video"), list(Format.choices))

    def _offer(self, name: str, all_label, choices: list, accepted=None) -> None:
        field = self.fields[name]
        field.choices = [("", all_label), *choices]
        field.accepted = {""} | set(accepted if accepted is not None else (value for value, _label in choices))

    @property
    def notices(self) -> list[str]:
        return [message for errors in self.errors.values() for message in errors]

    def value_of(self, name: str) -> str:
        return self.cleaned_data.get(name, "") if hasattr(self, "cleaned_data") else ""

    def apply(self, stories: StoryQuerySet | None = None) -> StoryQuerySet:
        """The stories (by default the form's published ones) narrowed by the valid filters."""
        self.is_valid()
        stories = self.stories if stories is None else stories
        if land := self.value_of("land"):
            stories = stories.filter(kommune__land=land)
        if jobcenter := self.value_of("jobcenter"):
            stories = stories.filter(kommune__slug=jobcenter)
        if thema := self.value_of("thema"):
            stories = stories.filter(topics__slug=thema)
        if story_format := self.value_of("format"):
            stories = stories.with_format(story_format)
        return stories

    def known_count(self) -> int | None:
        """How many stories the filters leave, when the per-Kommune counts tell it (no filter, or
        only Land and Jobcenter): the gallery's paginator then needs no COUNT query."""
        self.is_valid()
        if self.value_of("thema") or self.value_of("format"):
            return None
        land, jobcenter = self.value_of("land"), self.value_of("jobcenter")
        return sum(
            self.story_counts.get(pk, 0)
            for slug, (pk, kommune_land) in self.kommunen.items()
            if (not land or kommune_land == land) and (not jobcenter or slug == jobcenter)
        )

    @property
    def active(self) -> list[ActiveFilter]:
        """The applied filters, each with a readable value and a link that removes it."""
        self.is_valid()
        return [
            ActiveFilter(
                name, str(field.label), str(dict(field.choices)[self.value_of(name)]), self.url(**{name: None})
            )
            for name, field in self.fields.items()
            if self.value_of(name)
        ]

    def url(self, **changes) -> str:
        """The gallery URL with the applied (valid) filters, changed by `changes` (None removes).

        Unknown values are left out, so links never carry a broken filter along.
        """
        self.is_valid()
        params = {name: self.value_of(name) for name in self.fields}
        params.update(changes)
        query = urlencode([(name, value) for name, value in params.items() if value not in (None, "")])
        return reverse("stories:list") + (f"?{query}" if query else "")
