"""The history page of one row as a timeline: its revisions and the changes of its child rows
(a story's photos and consent records, editorial.compare.register_children), newest first.

A child row saved in the same admin save as its parent (an inline) belongs to the parent's
revision: same author, written within compare.SAME_SAVE after it and before the next revision.
Child changes made elsewhere (a consent record edited in the register) are entries of their own,
with their own author and time, so that every line says truthfully who changed what when.
"""

import bisect
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from editorial.compare import SAME_SAVE, Change, ChildRelation, changes_between, child_change, children_of


def action_label(history_type: str) -> str:
    return {"+": _("Angelegt"), "~": _("Geändert"), "-": _("Gelöscht")}.get(history_type, "")


@dataclass
class Entry:
    """One line of the timeline: a revision of the row, or child changes saved on their own."""

    date: object
    user_id: int | None
    history_id: int | None = None  # the row's revision (None: child rows only)
    history_type: str = "~"
    children: list[tuple[ChildRelation, dict]] = field(default_factory=list)
    # Filled for the entries of the page shown:
    record: object = None
    user: object = None
    action: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def is_revision(self) -> bool:
        return self.history_id is not None


def timeline(model, pk) -> list[Entry]:
    """Every entry of the row `pk`, oldest first, without their changes (cheap: ids and dates)."""
    revisions = [
        Entry(
            date=row["history_date"],
            user_id=row["history_user_id"],
            history_id=row["history_id"],
            history_type=row["history_type"],
        )
        for row in model.history.filter(**{model._meta.pk.attname: pk})
        .order_by("history_date", "history_id")
        .values("history_id", "history_date", "history_user_id", "history_type")
    ]
    dates = [entry.date for entry in revisions]
    loose: list[tuple[ChildRelation, dict]] = []
    for relation in children_of(model):
        history = getattr(relation.model, "history", None)
        if history is None:
            continue
        fk_attname = relation.model._meta.get_field(relation.fk_name).attname
        pk_attname = relation.model._meta.pk.attname
        rows = (
            history.filter(**{fk_attname: pk})
            .order_by("history_date", "history_id")
            .values("history_id", "history_date", "history_user_id", "history_type", pk_attname)
        )
        for row in rows:
            row["child_pk"] = row[pk_attname]
            index = bisect.bisect_right(dates, row["history_date"]) - 1
            if index >= 0:
                parent = revisions[index]
                end = parent.date + SAME_SAVE
                if index + 1 < len(revisions):
                    end = min(end, revisions[index + 1].date)
                if row["history_user_id"] == parent.user_id and row["history_date"] < end:
                    parent.children.append((relation, row))
                    continue
            loose.append((relation, row))
    loose.sort(key=lambda item: (item[1]["history_date"], item[1]["history_id"]))
    groups: list[Entry] = []
    for relation, row in loose:
        last = groups[-1] if groups else None
        if (
            last is not None
            and last.user_id == row["history_user_id"]
            and row["history_date"] - last.children[0][1]["history_date"] < SAME_SAVE
            and bisect.bisect_right(dates, row["history_date"]) == bisect.bisect_right(dates, last.date)
        ):
            last.children.append((relation, row))
        else:
            groups.append(Entry(date=row["history_date"], user_id=row["history_user_id"], children=[(relation, row)]))
    return sorted(revisions + groups, key=lambda entry: entry.date)


def describe_children(children: list[tuple[ChildRelation, dict]]) -> list[Change]:
    """The child rows' changes of one entry: per row, its state before the entry's first record
    against its state after the last (added, removed, changed)."""
    by_row: dict[tuple, list[dict]] = {}
    for relation, row in children:
        by_row.setdefault((relation, row["child_pk"]), []).append(row)
    result = []
    for (relation, child_pk), rows in by_row.items():
        history = relation.model.history
        pk_attname = relation.model._meta.pk.attname
        first, last = rows[0], rows[-1]
        before = (
            history.filter(**{pk_attname: child_pk, "history_date__lt": first["history_date"]})
            .exclude(history_type="-")
            .order_by("-history_date", "-history_id")
            .first()
            if first["history_type"] != "+"
            else None
        )
        after = history.get(history_id=last["history_id"]) if last["history_type"] != "-" else None
        if before is None and after is None:
            continue  # added and removed again
        if before is None:
            change = child_change(relation, "added", None, after.instance)
        elif after is None:
            change = child_change(relation, "removed", before.instance, None)
        else:
            change = child_change(relation, "changed", before.instance, after.instance)
        if change is not None:
            result.append(change)
    return result


def revision_instance(record):
    """The row as a revision holds it (django-simple-history's `.instance` without its query for
    the fields the history leaves out, which no comparison reads)."""
    instance = record.instance_type(
        **{field.attname: getattr(record, field.attname) for field in record.tracked_fields}
    )
    instance._history = record
    return instance


def prefetch_m2m(records) -> None:
    """The related ids of every revision's tracked many-to-many fields, in one query per field."""
    records = list(records)
    if not records:
        return
    for record in records:
        record.m2m_ids_cache = {}
    for model_field in getattr(records[0], "_history_m2m_fields", ()):
        through = getattr(records[0], model_field.name).model
        target = f"{model_field.m2m_reverse_field_name()}_id"
        ids = {record.history_id: set() for record in records}
        for history_id, related_id in through._default_manager.filter(history_id__in=ids).values_list(
            "history_id", target
        ):
            ids[history_id].add(related_id)
        every = set().union(*ids.values())
        related = model_field.related_model._default_manager.filter(pk__in=every) if every else []
        names = {row.pk: str(row) for row in related}
        for record in records:
            record.m2m_ids_cache[model_field.name] = ids[record.history_id]
            record.m2m_names_cache = {**getattr(record, "m2m_names_cache", {}), model_field.name: names}


def history_page(model, pk, page_number, per_page: int = 50) -> dict:
    """The context of one page of the timeline, newest first, with each entry's changes."""
    entries = timeline(model, pk)
    previous_revision = {}
    last = None
    for entry in entries:
        if entry.is_revision:
            previous_revision[entry.history_id] = last
            last = entry.history_id
    paginator = Paginator(list(reversed(entries)), per_page)
    page = paginator.get_page(page_number)
    wanted = {entry.history_id for entry in page.object_list if entry.is_revision}
    wanted |= {previous_revision[history_id] for history_id in wanted if previous_revision[history_id]}
    records = model.history.select_related("history_user").in_bulk(wanted, field_name="history_id")
    prefetch_m2m(records.values())
    users = {}
    for entry in page.object_list:
        if entry.is_revision:
            entry.record = records[entry.history_id]
            entry.user = entry.record.history_user
            entry.action = action_label(entry.history_type)
            before = records.get(previous_revision[entry.history_id])
            if entry.history_type == "~" and before is not None:
                entry.changes = changes_between(revision_instance(before), revision_instance(entry.record), children=[])
        else:
            entry.user = users.get(entry.user_id)
            if entry.user is None and entry.user_id is not None:
                entry.user = users.setdefault(
                    entry.user_id,
                    model.history.model._meta.get_field("history_user")
                    .related_model._default_manager.filter(pk=entry.user_id)
                    .first(),
                )
        entry.changes += describe_children(entry.children)
        if not entry.is_revision:
            labels = []
            for change in entry.changes:
                if change.label not in labels:
                    labels.append(change.label)
            entry.action = ", ".join(labels) or capfirst(_("geändert"))
    return {
        "page_obj": page,
        "page_range": paginator.get_elided_page_range(page.number),
        "pagination_required": paginator.num_pages > 1,
    }
