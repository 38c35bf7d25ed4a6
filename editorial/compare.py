"""Two states of a row compared field by field, in the editors' words.

One comparison per field type, chosen from a registry (after wagtail/admin/compare.py): text as a
word diff (difflib) shown whole, rich text as the words an editor sees, choices by their labels,
yes/no, German dates and numbers, related rows by their names, many-to-many as items added and
removed, files as uploaded/replaced/removed. Child rows (a story's photos and consent records)
are matched by id: added, removed, changed.

    changes_between(old, new, children=None) -> list[Change]

`old` and `new` are instances of the same model: live rows or a historical revision's `.instance`
(django-simple-history marks those with `_history`); `old` may be None (everything is new).
Unchanged fields are left out; line endings and whitespace at the ends of lines are no change.
`children`: None takes the child relations registered for the model (`register_children`, called
where an app registers its history); an empty list compares the row alone.

Used by the history pages (editorial.admin.HistoryAdmin) and the status header's "what changed
since the last published version".
"""

import difflib
import html
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

try:  # the site's rich-text field (shared/richtext.py) stores sanitized HTML
    from django_prose_editor.fields import ProseEditorField
except ImportError:  # pragma: no cover
    ProseEditorField = ()

EMPTY = "–"
# Child rows saved with their parent (the inlines of the same admin save) are written a moment
# after the parent's revision: they belong to it.
SAME_SAVE = timedelta(seconds=60)


@dataclass
class Change:
    """One changed field (or one child row added, removed or changed)."""

    field: str
    label: str
    html: SafeString
    # For a child row: "added", "removed" or "changed"; the changes of its fields in `details`.
    kind: str = "changed"
    details: list["Change"] = dataclass_field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.label}: {self.html}"


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BETWEEN_TAGS = re.compile(r">\s+<")


def normalise_text(value) -> str:
    """The text as an editor means it: \\r\\n and \\r are \\n, no whitespace at the ends of lines
    or of the whole."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def html_to_text(value) -> str:
    """The words of a rich text, one line per paragraph, heading or list item."""
    text = _BLOCK_END.sub("\n", str(value or ""))
    text = html.unescape(_TAG.sub("", text)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in normalise_text(text).split("\n")]
    return "\n".join(line for line in lines if line)


def _escape_lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


def _segments(a: list[str], b: list[str]) -> list[tuple[str, str, str]]:
    """(tag, old text, new text) runs; changes separated only by spaces or punctuation are one run,
    so that a rewritten sentence reads as old words struck, new words added, not word by word."""
    segments: list[list[str]] = []
    # Very long paragraphs: frequent words may not start a match (difflib's autojunk), which keeps
    # the comparison quick at some cost in precision.
    autojunk = len(a) * len(b) > 1_000_000
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=autojunk).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        tag = "equal" if tag == "equal" else "change"
        if segments and segments[-1][0] == tag == "change":
            segments[-1][1] += old
            segments[-1][2] += new
        elif (
            tag == "change" and len(segments) >= 2 and segments[-2][0] == "change" and not _WORD.search(segments[-1][1])
        ):
            _tag, gap, _same = segments.pop()
            segments[-1][1] += gap + old
            segments[-1][2] += gap + new
        else:
            segments.append([tag, old, new])
    return [tuple(segment) for segment in segments]


def word_diff(old: str, new: str) -> SafeString:
    """The whole new text with removed words in <del> and added words in <ins> (the spaces around
    them outside the marks). Compared paragraph by paragraph first, then word by word inside the
    paragraphs that changed (a long text stays quick). A text with no word in common is shown struck
    out whole, then the new one whole."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    if len(old_lines) == 1 and len(new_lines) == 1:
        return _word_diff_block(old, new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "\n".join(old_lines[i1:i2]), "\n".join(new_lines[j1:j2])
        if tag == "equal":
            parts.append(_escape_lines(added))
        elif tag == "delete":
            parts.append(f"<del>{_escape_lines(removed)}</del>")
        elif tag == "insert":
            parts.append(f"<ins>{_escape_lines(added)}</ins>")
        else:
            parts.append(_word_diff_block(removed, added))
    return mark_safe("<br>".join(parts))


def _word_diff_block(old: str, new: str) -> SafeString:
    segments = _segments(_TOKENS.findall(old), _TOKENS.findall(new))
    if old and new and not any(tag == "equal" and _WORD.search(same) for tag, same, _new in segments):
        return format_html("<del>{}</del> <ins>{}</ins>", _Lines(old), _Lines(new))
    parts = []
    for index, (tag, removed, added) in enumerate(segments):
        if tag == "equal":
            parts.append(_escape_lines(added))
            continue
        lead_removed, core_removed, trail_removed = _split_space(removed)
        lead_added, core_added, trail_added = _split_space(added)
        lead, trail = (lead_added, trail_added) if core_added else (lead_removed, trail_removed)
        if not core_removed and not core_added:  # only spaces or line breaks changed
            parts.append(_escape_lines(added))
            continue
        following = segments[index + 1][2] if index + 1 < len(segments) else ""
        if lead and not trail and not following[:1].isspace():
            # "Zitat<del> Nummer 5</del>." rather than "Zitat <del>Nummer 5</del>.": the space goes with
            # the words, so that the text without the marks reads right.
            core_removed = f"{lead_removed}{core_removed}" if core_removed else ""
            core_added = f"{lead_added}{core_added}" if core_added else ""
            lead = ""
        parts.append(_escape_lines(lead))
        if core_removed:
            parts.append(f"<del>{_escape_lines(core_removed)}</del>")
        if core_added:
            parts.append(f"<ins>{_escape_lines(core_added)}</ins>")
        parts.append(_escape_lines(trail))
    return mark_safe("".join(parts))


class _Lines(str):
    """Text escaped for HTML with its line breaks kept (for format_html)."""

    def __html__(self) -> str:
        return _escape_lines(str(self))


# ---------------------------------------------------------------------------------------------
# One comparison per field type
# ---------------------------------------------------------------------------------------------


class FieldComparison:
    """Plain values: compared as they are, shown old → new (removed struck out, added marked)."""

    def __init__(self, model_field, old, new):
        self.field = model_field
        self.old = old
        self.new = new

    def values(self, obj):
        return None if obj is None else self.field.value_from_object(obj)

    def comparable(self, obj):
        return self.values(obj)

    def has_changed(self) -> bool:
        return self.comparable(self.old) != self.comparable(self.new)

    def display(self, value) -> str:
        if value is None or value == "":
            return EMPTY
        return str(value)

    def html(self) -> SafeString:
        old, new = self.values(self.old), self.values(self.new)
        if self.old is None or old in (None, ""):
            return format_html("<ins>{}</ins>", self.display(new))
        if new in (None, ""):
            return format_html("<del>{}</del>", self.display(old))
        return format_html("<del>{}</del> → <ins>{}</ins>", self.display(old), self.display(new))


class TextComparison(FieldComparison):
    def comparable(self, obj):
        return normalise_text(self.values(obj))

    def html(self) -> SafeString:
        return word_diff(self.comparable(self.old), self.comparable(self.new))


class RichTextComparison(TextComparison):
    """Compared by the words an editor sees; a change of markup only (a word set in bold, a list
    made of paragraphs) is named as such."""

    def comparable(self, obj):
        value = self.values(obj)
        if not html_to_text(value):
            return ""  # an empty paragraph is no text
        # Line breaks and spaces between the elements are no change.
        return _BETWEEN_TAGS.sub("><", normalise_text(value))

    def html(self) -> SafeString:
        old, new = html_to_text(self.values(self.old)), html_to_text(self.values(self.new))
        if old == new:
            return format_html("<em>{}</em>", _("Nur die Formatierung wurde geändert."))
        return word_diff(old, new)


class ChoiceComparison(FieldComparison):
    def display(self, value) -> str:
        if value is None or value == "":
            return EMPTY
        return str(dict(self.field.flatchoices).get(value, value))


class BooleanComparison(FieldComparison):
    def display(self, value) -> str:
        if value is None:
            return EMPTY
        return _("ja") if value else _("nein")

    def html(self) -> SafeString:
        new = self.display(self.values(self.new))
        if self.old is None:
            return format_html("<ins>{}</ins>", new)
        return format_html("<del>{}</del> → <ins>{}</ins>", self.display(self.values(self.old)), new)


class DateComparison(FieldComparison):
    def comparable(self, obj):
        # Compared as shown (to the minute): a time saved through the form has lost the seconds and
        # microseconds of the moment it was set, which is no change an editor made.
        return self.display(self.values(obj))

    def display(self, value) -> str:
        if value is None:
            return EMPTY
        if isinstance(value, datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return date_format(value, "DATETIME_FORMAT")
        if isinstance(value, date):
            return date_format(value, "DATE_FORMAT")
        return str(value)


class NumberComparison(FieldComparison):
    def comparable(self, obj):
        value = self.values(obj)
        return round(float(value), 6) if isinstance(value, float) else value

    def display(self, value) -> str:
        if value is None or value == "":
            return EMPTY
        if isinstance(value, float):
            value = round(value, 6)
        elif isinstance(value, Decimal):  # 50,804300 is 50,8043; no exponent for 100
            value = value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
        return number_format(value)


class ForeignKeyComparison(FieldComparison):
    def values(self, obj):
        return None if obj is None else getattr(obj, self.field.attname)

    def display(self, value) -> str:
        if value is None:
            return EMPTY
        related = self.field.related_model._default_manager.filter(pk=value).first()
        if related is None:
            return _("gelöscht (Nr. %(id)s)") % {"id": value}
        return str(related)


class FileComparison(FieldComparison):
    """Stored file names are random: the change is said in words."""

    def values(self, obj):
        if obj is None:
            return ""
        value = self.field.value_from_object(obj)
        return getattr(value, "name", value) or ""

    def html(self) -> SafeString:
        old, new = self.values(self.old), self.values(self.new)
        if not old:
            return format_html("<ins>{}</ins>", _("neue Datei hochgeladen"))
        if not new:
            return format_html("<del>{}</del>", _("Datei entfernt"))
        return format_html("<ins>{}</ins>", _("Datei ersetzt"))


class ImageComparison(FileComparison):
    def html(self) -> SafeString:
        old, new = self.values(self.old), self.values(self.new)
        if not old:
            return format_html("<ins>{}</ins>", _("neues Bild hochgeladen"))
        if not new:
            return format_html("<del>{}</del>", _("Bild entfernt"))
        return format_html("<ins>{}</ins>", _("Bild ersetzt"))


class ManyToManyComparison(FieldComparison):
    """Compared as sets of related rows; shown as the names added and removed."""

    def values(self, obj):
        return m2m_ids(obj, self.field)

    def comparable(self, obj):
        return self.values(obj)

    def has_changed(self) -> bool:
        old, new = self.values(self.old), self.values(self.new)
        if new is None or (self.old is not None and old is None):
            return False  # one side's state is not on record
        return (old or set()) != new

    def html(self) -> SafeString:
        old, new = self.values(self.old) or set(), self.values(self.new) or set()
        added, removed = new - old, old - new
        record = getattr(self.new, "_history", None)
        names = getattr(record, "m2m_names_cache", {}).get(self.field.name)  # editorial.history fills it
        if names is None or not (added | removed) <= names.keys():
            related = self.field.related_model._default_manager.filter(pk__in=added | removed)
            names = {row.pk: str(row) for row in related}

        def listed(ids):
            labels = sorted(names.get(pk, _("gelöscht (Nr. %(id)s)") % {"id": pk}) for pk in ids)
            return format_html_join(", ", "{}", ((label,) for label in labels))

        parts = []
        if added:
            parts.append(format_html("{} <ins>{}</ins>", _("hinzugefügt:"), listed(added)))
        if removed:
            parts.append(format_html("{} <del>{}</del>", _("entfernt:"), listed(removed)))
        return mark_safe("; ".join(parts))


def m2m_ids(obj, model_field) -> set | None:
    """The ids of the related rows: of the revision when `obj` is historical (None when its
    history does not track this relation), else of the live row."""
    if obj is None:
        return set()
    record = getattr(obj, "_history", None)
    if record is not None:
        if model_field.name not in {f.name for f in getattr(record, "_history_m2m_fields", ())}:
            return None
        cached = getattr(record, "m2m_ids_cache", {})  # filled for a whole page by editorial.history
        if model_field.name in cached:
            return cached[model_field.name]
        through = getattr(record, model_field.name)
        target = model_field.m2m_reverse_field_name()
        return set(through.values_list(f"{target}_id", flat=True))
    if obj.pk is None:
        return set()
    return set(getattr(obj, model_field.name).values_list("pk", flat=True))


# The first entry whose field class matches is used (subclasses before their bases).
COMPARISONS: list[tuple[type, type[FieldComparison]]] = [
    (models.ManyToManyField, ManyToManyComparison),
    (models.ForeignKey, ForeignKeyComparison),
    (models.ImageField, ImageComparison),
    (models.FileField, FileComparison),
    (models.BooleanField, BooleanComparison),
    (models.DateField, DateComparison),  # DateTimeField is a DateField
    (models.FloatField, NumberComparison),
    (models.DecimalField, NumberComparison),
    (models.IntegerField, NumberComparison),
]
if ProseEditorField:
    COMPARISONS.insert(0, (ProseEditorField, RichTextComparison))


def register_comparison(field_class: type, comparison: type[FieldComparison]) -> None:
    COMPARISONS.insert(0, (field_class, comparison))


def comparison_class(model_field) -> type[FieldComparison]:
    if getattr(model_field, "choices", None) and not model_field.many_to_many:
        return ChoiceComparison
    for field_class, comparison in COMPARISONS:
        if isinstance(model_field, field_class):
            return comparison
    if isinstance(model_field, (models.CharField, models.TextField)):
        return TextComparison
    return FieldComparison


# ---------------------------------------------------------------------------------------------
# Which fields, with which names
# ---------------------------------------------------------------------------------------------


def field_label(model_field) -> str:
    """The German verbose name; a translation's field (django-modeltranslation) says its language
    unless it is the German one."""
    original = getattr(model_field, "translated_field", None)
    if original is not None:
        label = capfirst(str(original.verbose_name))
        language = getattr(model_field, "language", "de")
        if language != "de":
            return _("%(label)s (Englisch)") % {"label": label} if language == "en" else f"{label} ({language})"
        return label
    return capfirst(str(model_field.verbose_name))


def compared_fields(model, exclude=()) -> list:
    """The fields an editor can change: editable, not the key, not the bare field behind its
    translations, not what the history leaves out (the version counter, processing state)."""
    history_excluded = set()
    history_model = getattr(model, "history", None)
    if history_model is not None:
        history_excluded = set(getattr(history_model.model, "_history_excluded_fields", ()) or ())
    translated = {f.translated_field.name for f in model._meta.concrete_fields if getattr(f, "translated_field", None)}
    result = []
    for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if (
            not model_field.editable
            or model_field.primary_key
            or model_field.name in translated
            or model_field.name in history_excluded
            or model_field.name in exclude
        ):
            continue
        result.append(model_field)
    return result


# ---------------------------------------------------------------------------------------------
# Child rows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildRelation:
    model: type
    fk_name: str
    # Pairs the child rows of two different parent rows (a story and its change row, whose photos
    # are copies with new ids): rows with the same value of this field are the same row.
    match_by: str | None = None

    @property
    def parent_model(self):
        return self.model._meta.get_field(self.fk_name).related_model


CHILDREN: list[ChildRelation] = []


def register_children(child_model, fk_name: str, match_by: str | None = None) -> None:
    """Show the changes of `child_model`'s rows (with a history of their own) in the history of
    the row their `fk_name` points at: a story's photos, its consent records. Between two
    different parent rows only relations with `match_by` are compared."""
    relation = ChildRelation(child_model, fk_name, match_by)
    if relation not in CHILDREN:
        CHILDREN.append(relation)


def children_of(model) -> list[ChildRelation]:
    concrete = model._meta.concrete_model
    return [relation for relation in CHILDREN if relation.parent_model._meta.concrete_model is concrete]


def child_rows(obj, relation: ChildRelation) -> dict | None:
    """{pk: child instance} as it stood for `obj` (None: not on record). For a revision: the child
    rows' last revisions up to it, and those its author saved with it (the inlines of the same
    save, written a moment later: until the row's next revision, at most SAME_SAVE later)."""
    if obj is None or obj.pk is None:
        return {}
    fk_attname = relation.model._meta.get_field(relation.fk_name).attname
    record = getattr(obj, "_history", None)
    if record is None:
        return {row.pk: row for row in relation.model._default_manager.filter(**{fk_attname: obj.pk})}
    history = getattr(relation.model, "history", None)
    if history is None:
        return None
    end = record.history_date + SAME_SAVE
    following = (
        type(record)
        ._default_manager.filter(**{type(obj)._meta.pk.attname: obj.pk, "history_date__gt": record.history_date})
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    if following is not None:
        end = min(end, following)
    same_save = Q(history_date__lt=end, history_user_id=record.history_user_id)
    revisions = history.filter(**{fk_attname: obj.pk}).filter(Q(history_date__lte=record.history_date) | same_save)
    latest = revisions.latest_of_each().exclude(history_type="-")
    return {revision.instance.pk: revision.instance for revision in latest}


def _child_label(row) -> str:
    text = normalise_text(str(row))
    return text if text else _("Nr. %(id)s") % {"id": row.pk}


def _child_details_html(details: list[Change]) -> SafeString:
    if not details:
        return mark_safe("")
    return format_html(
        '<ul class="history-details">{}</ul>',
        format_html_join("", "<li><strong>{}:</strong> {}</li>", ((c.label, c.html) for c in details)),
    )


def child_change(relation: ChildRelation, kind: str, old, new) -> Change | None:
    model = relation.model
    name = str(model._meta.verbose_name)
    exclude = {relation.fk_name}
    if kind == "added":
        label = _("%(name)s hinzugefügt") % {"name": capfirst(name)}
        details = changes_between(None, new, children=[], exclude=exclude)
        row = new
    elif kind == "removed":
        label = _("%(name)s entfernt") % {"name": capfirst(name)}
        details = []
        row = old
    else:
        details = changes_between(old, new, children=[], exclude=exclude)
        if not details:
            return None
        label = _("%(name)s geändert") % {"name": capfirst(name)}
        row = new
    text = format_html("„{}“", _child_label(row))
    if kind == "removed":
        text = format_html("<del>{}</del>", text)
    return Change(
        field=relation.model._meta.model_name,
        label=label,
        html=format_html("{}{}", text, _child_details_html(details)),
        kind=kind,
        details=details,
    )


def _match_value(row, field_name: str):
    value = getattr(row, field_name, None)
    return getattr(value, "name", value) or None


def paired_rows(before: dict, after: dict, relation: ChildRelation, same_parent: bool) -> tuple[list, list, list]:
    """(added, pairs of old and new, removed): by id for the same parent row, else by match_by."""
    if same_parent:
        pairs = [(before[pk], after[pk]) for pk in sorted(before.keys() & after.keys())]
        added = [after[pk] for pk in sorted(after.keys() - before.keys())]
        removed = [before[pk] for pk in sorted(before.keys() - after.keys())]
        return added, pairs, removed
    old_by_value = {}
    for row in before.values():
        old_by_value.setdefault(_match_value(row, relation.match_by), row)
    old_by_value.pop(None, None)
    pairs, added = [], []
    for pk in sorted(after):
        old = old_by_value.pop(_match_value(after[pk], relation.match_by), None)
        if old is None:
            added.append(after[pk])
        else:
            pairs.append((old, after[pk]))
    paired = {old.pk for old, _new in pairs}
    removed = [before[pk] for pk in sorted(before) if pk not in paired]
    return added, pairs, removed


def children_changes(old, new, relations) -> list[Change]:
    same_parent = old is None or old.pk == new.pk
    result = []
    for relation in relations:
        if not same_parent and relation.match_by is None:
            continue  # the ids of two rows' children say nothing about each other
        before, after = child_rows(old, relation), child_rows(new, relation)
        if after is None or (old is not None and before is None):
            continue
        added, pairs, removed = paired_rows(before or {}, after, relation, same_parent)
        result.extend(child_change(relation, "added", None, row) for row in added)
        for old_row, new_row in pairs:
            change = child_change(relation, "changed", old_row, new_row)
            if change is not None:
                result.append(change)
        result.extend(child_change(relation, "removed", row, None) for row in removed)
    return result


# ---------------------------------------------------------------------------------------------
# The one entry point
# ---------------------------------------------------------------------------------------------


def changes_between(old, new, children=None, exclude=()) -> list[Change]:
    """What changed from `old` to `new` (see the module's docstring)."""
    model = type(new)
    result = []
    for model_field in compared_fields(model, exclude):
        comparison = comparison_class(model_field)(model_field, old, new)
        if old is None:
            value = comparison.values(new)
            if value in (None, "", set()) or (isinstance(value, str) and not normalise_text(value)):
                continue  # nothing to show for an empty field of a new row
            if model_field.many_to_many and not value:
                continue
        elif not comparison.has_changed():
            continue
        result.append(Change(field=model_field.name, label=field_label(model_field), html=comparison.html()))
    relations = children_of(model) if children is None else list(children)
    result.extend(children_changes(old, new, relations))
    return result


def as_html(changes: list[Change]) -> SafeString:
    """The changes as a list, for a template or a message."""
    if not changes:
        return mark_safe("")
    return format_html(
        '<ul class="history-changes">{}</ul>',
        format_html_join("", "<li><strong>{}:</strong> {}</li>", ((c.label, c.html) for c in changes)),
    )
