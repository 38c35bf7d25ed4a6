"""The Jobcenter contact data of all 104 Kommunen as one CSV table, for the central team.

`template_csv()` writes the table with today's values (the "Vorlage"); `import_csv(text)` reads
one back. Every row is checked with the model's own validation before anything is saved, and
the rows are saved together or not at all, so that a table with one bad row changes nothing and
the editor sees every problem at once. An empty cell keeps the stored value: a table that
fills in a few columns cannot wipe the others (a value is removed in the Kommune's form).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from campaign.models import Kommune
from shared.translation import translation_copies

KEY_COLUMNS = ["slug", "name"]
FIELD_COLUMNS = [
    "jobcenter_name",
    "website",
    "phone",
    "email",
    "address",
    "press_name",
    "press_phone",
    "press_email",
    "description",
]
COLUMNS = KEY_COLUMNS + FIELD_COLUMNS
DELIMITERS = [";", ",", "\t"]
# A cell starting with one of these is a formula to Excel: the template writes it with a
# leading apostrophe (so that a "+49 …" phone number or a planted "=HYPERLINK(…)" stays text),
# and the import takes the apostrophe off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    # (Kommune with the new values, names of the fields that changed)
    changes: list[tuple[Kommune, list[str]]] = field(default_factory=list)


def column_labels() -> list[tuple[str, str]]:
    """(column, German field name) for the help on the import page."""
    labels = [("slug", _("Kurzname in der Adresse, z. B. kreis-dueren")), ("name", _("Name der Kommune"))]
    return labels + [(name, str(Kommune._meta.get_field(name).verbose_name)) for name in FIELD_COLUMNS]


def _excel_safe(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _from_cell(value: str) -> str:
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        value = value[1:]
    return value.replace("\r\n", "\n").replace("\r", "\n")


def template_csv() -> str:
    """All 104 Kommunen with their current values: semicolons and a BOM, as German Excel opens it."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    for kommune in Kommune.objects.order_by("name").only(*COLUMNS):
        writer.writerow([_excel_safe(getattr(kommune, column)) for column in COLUMNS])
    return buffer.getvalue()


def _delimiter(text: str) -> str:
    header = next((line for line in text.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def _header_errors(header: list[str]) -> list[str]:
    names = [name for name in header if name]
    errors = []
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        errors.append(
            _("Unbekannte Spalte: %(names)s. Erlaubt sind: %(allowed)s.")
            % {"names": ", ".join(f"„{Truncator(name).chars(40)}“" for name in unknown), "allowed": ", ".join(COLUMNS)}
        )
    doubled = sorted({name for name in names if names.count(name) > 1})
    if doubled:
        errors.append(_("Diese Spalten stehen mehrfach in der Kopfzeile: %(names)s.") % {"names": ", ".join(doubled)})
    if not set(KEY_COLUMNS) & set(names):
        errors.append(
            _(
                "Es fehlt die Spalte „slug“ (oder „name“), die jede Zeile einer Kommune zuordnet. "
                "Die erste Zeile der Datei muss die Spaltennamen enthalten, wie in der Vorlage."
            )
        )
    elif not set(FIELD_COLUMNS) & set(names):
        errors.append(
            _("Die Datei hat keine Spalte mit Angaben zum Übernehmen. Möglich sind: %(allowed)s.")
            % {"allowed": ", ".join(FIELD_COLUMNS)}
        )
    return errors


def _messages(error: ValidationError) -> list[str]:
    """ "E-Mail: Bitte gültige E-Mail-Adresse eingeben." per problem of a Kommune's full_clean."""
    found = []
    for name, messages in error.message_dict.items():
        label = "" if name == NON_FIELD_ERRORS else f"{Kommune._meta.get_field(name).verbose_name}: "
        found.extend(f"{label}{message}" for message in messages)
    return found


def check_csv(text: str) -> ImportResult:
    """Read and validate every row; saves nothing."""
    result = ImportResult()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        rows = list(reader)
    except csv.Error:
        # The line is counted in the file; a cell with line breaks spans several.
        result.errors.append(
            _(
                "Die Datei lässt sich ab Zeile %(line)s nicht als CSV lesen, z. B. wegen eines "
                "Anführungszeichens ohne Gegenstück. Bitte speichern Sie die Tabelle erneut als CSV."
            )
            % {"line": reader.line_num}
        )
        return result
    header_index = next((index for index, row in enumerate(rows) if any(cell.strip() for cell in row)), None)
    if header_index is None:
        result.errors.append(_("Die Datei enthält keine Zeilen."))
        return result
    header = [cell.strip().lower() for cell in rows[header_index]]
    result.errors = _header_errors(header)
    if result.errors:
        return result

    kommunen = list(Kommune.objects.all())
    by_slug = {kommune.slug: kommune for kommune in kommunen}
    by_name = {kommune.name: kommune for kommune in kommunen}
    seen: dict[int, int] = {}
    # Rows are numbered as a spreadsheet numbers them: the header is row 1 (if it is the first).
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in row):
            continue
        extra = [cell for cell in row[len(header) :] if cell.strip()]
        if extra:
            result.errors.append(
                _("Zeile %(row)s: mehr Zellen als Spalten in der Kopfzeile. Ist ein Trennzeichen zu viel?")
                % {"row": number}
            )
            continue
        values = {name: _from_cell(cell) for name, cell in zip(header, row, strict=False) if name}
        kommune, problem = _find(values, by_slug, by_name)
        if problem:
            result.errors.append(_("Zeile %(row)s: %(problem)s") % {"row": number, "problem": problem})
            continue
        prefix = _("Zeile %(row)s (%(slug)s)") % {"row": number, "slug": kommune.slug}
        if kommune.pk in seen:
            result.errors.append(
                _("%(prefix)s: Diese Kommune steht schon in Zeile %(first)s.")
                % {"prefix": prefix, "first": seen[kommune.pk]}
            )
            continue
        seen[kommune.pk] = number
        changed = []
        for name in FIELD_COLUMNS:
            value = values.get(name, "")
            if value and value != getattr(kommune, name):
                setattr(kommune, name, value)
                changed.append(name)
        try:
            kommune.full_clean(validate_unique=False, exclude=translation_copies(Kommune))
        except ValidationError as error:
            result.errors.extend(f"{prefix}: {message}" for message in _messages(error))
            continue
        if changed:
            result.changes.append((kommune, changed))
    if not seen and not result.errors:
        result.errors.append(_("Die Datei enthält nur die Kopfzeile, aber keine Kommune."))
    return result


def _find(values: dict[str, str], by_slug: dict, by_name: dict) -> tuple[Kommune | None, str]:
    slug, name = values.get("slug", ""), values.get("name", "")
    if slug:
        kommune = by_slug.get(slug)
        if kommune is None:
            return None, _("Unbekannter Kurzname „%(slug)s“: So heißt keine der 104 Kommunen.") % {"slug": slug}
        if name and name != kommune.name:
            # A column sorted on its own in Excel shifts rows against each other.
            return None, _(
                "Der Name „%(name)s“ passt nicht zum Kurznamen „%(slug)s“ (%(expected)s). Ist die Zeile verrutscht?"
            ) % {"name": name, "slug": slug, "expected": kommune.name}
        return kommune, ""
    if name:
        kommune = by_name.get(name)
        if kommune is None:
            return None, _("Unbekannte Kommune „%(name)s“: Bitte den Namen wie in der Vorlage schreiben.") % {
                "name": name
            }
        return kommune, ""
    return None, _("Kurzname und Name fehlen; die Zeile lässt sich keiner Kommune zuordnen.")


def import_csv(text: str) -> ImportResult:
    """Check every row; when all are right, save the changed Kommunen in one transaction."""
    result = check_csv(text)
    if not result.errors:
        with transaction.atomic():
            for kommune, changed in result.changes:
                kommune.save(update_fields=changed)
    return result
