"""The database part of a backup: every table of every installed model as rows of JSON, portable
between SQLite and PostgreSQL, written from one consistent snapshot and loaded in one transaction.

Why this form and not `pg_dump` / SQLite's backup API: one archive format for both engines (a site
started on SQLite with `make run` moves to PostgreSQL by backup and restore; the round trip test runs
on both), every row counted and checked before anything is touched, and no `pg_dump` of the server's
exact version needed on the machine. Why not `dumpdata`/`loaddata`: Django's JSON encoder cuts
datetimes to milliseconds, `loaddata` saves row by row and sends signals (the page cache, the search
index, the file clean-up and the history would all act on restored rows), and django-modeltranslation
rewrites field names in querysets. So the rows are read and written column by column: plain
querysets (no model managers) read them with Django's converters, `field.to_python` and
`get_db_prep_save` turn them back, `executemany` inserts them with their ids.

The snapshot: PostgreSQL reads in one REPEATABLE READ, READ ONLY transaction; SQLite in one deferred
read transaction (in WAL mode writers go on meanwhile, unblocked). Loading: one transaction that empties
every table of the site (PostgreSQL: TRUNCATE), inserts the rows (foreign keys are checked at commit,
Django makes them deferrable) and sets each id sequence to where the old site's stood, not to the
highest id left: history rows and audit entries of deleted objects keep their ids, and a new row must
never take the id of a deleted one whose history is still there.

What is included: every table of an installed model, so that nothing else of the old site is needed —
content types and permissions with their ids (what generic relations, the admin log and the groups'
rights point at), django-simple-history's tables, the task queue (queued work runs after the restore,
tasks are idempotent), the second factors and recovery codes (an editor logs in as before), login
attempts. Left out: the sessions (login tokens: after a restore everybody signs in again, and the
archive holds no live logins). `django_migrations` is not copied but compared: the archive is restored
only into a site migrated exactly as the old one was.
"""

import base64
import datetime
import decimal
import gzip
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models, router, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.duration import duration_iso_string

# Sessions hold live logins: a restored site starts without any.
EXCLUDED = {"sessions.Session"}
# The tables `migrate` itself may fill (data migrations, content types, permissions, the first tasks).
# A site is "empty" when every other table is empty; tests/backup/test_empty_site.py keeps this list
# equal to what a freshly migrated database holds.
FILLED_BY_MIGRATE = {
    "auth.Group",
    "auth.Group_permissions",
    "auth.Permission",
    "contenttypes.ContentType",
    "campaign.ContentPage",
    "campaign.HistoricalContentPage",
    "campaign.HistoricalKommune",
    "campaign.HistoricalLandingPage",
    "campaign.Kommune",
    "campaign.LandingPage",
    "django_tasks_database.DBTaskResult",
    "leitbild.Chapter",
    "leitbild.Commitment",
    "leitbild.HistoricalChapter",
    "leitbild.HistoricalCommitment",
    "leitbild.HistoricalLeitbild",
    "leitbild.HistoricalPreamblePoint",
    "leitbild.Leitbild",
    "leitbild.PreamblePoint",
    "press.KeyFigure",
    "press.PressContact",
    "search.SearchEntry",
    "stories.Topic",
}
# Products the task worker makes from the content (the PDFs) right after `migrate` on a new machine:
# made again from the restored content, they do not make a site "non-empty".
REMADE = {"generated.GeneratedFile"}
AUTO_FIELDS = (models.AutoField, models.BigAutoField, models.SmallAutoField)
BATCH = 500


def backed_up_models(using: str = "default") -> list[type[models.Model]]:
    """Every model with a table of its own (m2m tables included), in a fixed order."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model._meta.label not in EXCLUDED
        and router.allow_migrate_model(using, model)
    ]
    return sorted(found, key=lambda model: model._meta.label)


def _columns(model) -> list[models.Field]:
    return list(model._meta.local_concrete_fields)


def pending_migrations(using: str = "default") -> list[str]:
    """Migrations of the code not yet applied to the database (tables may be missing)."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def applied_migrations(using: str = "default") -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations())


def _encode(value):
    """A column's Python value as JSON that `field.to_python` reads back exactly."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # microseconds kept (Django's JSON encoder would cut them)
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _rows(model, using: str) -> Iterator[list]:
    names = [field.attname for field in _columns(model)]
    # A plain QuerySet: no model manager (django-modeltranslation would rename the columns).
    queryset = models.QuerySet(model=model, using=using).order_by("pk").values_list(*names)
    for row in queryset.iterator(chunk_size=2000):
        yield [_encode(value) for value in row]


def _sequence_table_column(model):
    pk = model._meta.pk
    return (model._meta.db_table, pk.column) if isinstance(pk, AUTO_FIELDS) else None


def next_ids(using: str) -> dict[str, int]:
    """Per table the id its sequence gives next (PostgreSQL's sequences, SQLite's sqlite_sequence)."""
    connection = connections[using]
    result = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            return {name: int(seq) + 1 for name, seq in cursor.fetchall()}
        if connection.vendor != "postgresql":
            return {}
        for model in backed_up_models(using):
            spec = _sequence_table_column(model)
            if not spec:
                continue
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [connection.ops.quote_name(spec[0]), spec[1]])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608 (a name from the catalogue)
                last, called = cursor.fetchone()
                result[spec[0]] = int(last) + 1 if called else int(last)
    return result


def dump(folder: Path, using: str = "default") -> dict:
    """Write every table to folder/<label>.jsonl.gz from one snapshot; the manifest's database part."""
    connection = connections[using]
    tables = {}
    outer = connection.in_atomic_block
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite" and not outer:
        connection.transaction_mode = "DEFERRED"  # a read snapshot that does not block the site's writers
    try:
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and not outer:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            sequences = next_ids(using)
            migrations = applied_migrations(using)
            for model in backed_up_models(using):
                label = model._meta.label
                name = f"{label}.jsonl.gz"
                count = 0
                with gzip.open(folder / name, "wt", encoding="utf-8", compresslevel=6) as out:
                    out.write(json.dumps([field.column for field in _columns(model)]) + "\n")
                    for row in _rows(model, using):
                        out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
                        count += 1
                tables[label] = {
                    "table": model._meta.db_table,
                    "rows": count,
                    "file": name,
                    "next_id": sequences.get(model._meta.db_table),
                }
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = mode
    return {"vendor": connection.vendor, "migrations": migrations, "tables": tables}


def read_rows(path: Path) -> Iterator[list]:
    """The rows of one dumped table (after its header line of column names)."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            yield json.loads(line)


def header(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return json.loads(next(lines))


def counts(using: str = "default") -> dict[str, int]:
    return {model._meta.label: models.QuerySet(model=model, using=using).count() for model in backed_up_models(using)}


def content_tables(using: str = "default") -> list[str]:
    """The tables with rows that `migrate` does not make: a site with any of them is not empty."""
    ignored = FILLED_BY_MIGRATE | REMADE
    return [label for label, count in counts(using).items() if count and label not in ignored]


def _prepare(field: models.Field, value, connection):
    if isinstance(field, models.ForeignKey):
        target = field.target_field
        return target.get_db_prep_save(target.to_python(value), connection)
    return field.get_db_prep_save(field.to_python(value), connection)


def load(folder: Path, manifest: dict, using: str = "default") -> None:
    """Empty every table and insert the archive's rows; call inside transaction.atomic()."""
    connection = connections[using]
    quote = connection.ops.quote_name
    by_label = {model._meta.label: model for model in backed_up_models(using)}
    with connection.cursor() as cursor:
        tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
        for statement in connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=False):
            cursor.execute(statement)
        for label, entry in manifest["tables"].items():
            model = by_label[label]
            fields = _columns(model)
            path = folder / entry["file"]
            if header(path) != [field.column for field in fields]:
                raise ValueError(label)
            insert = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the models)
                quote(model._meta.db_table),
                ", ".join(quote(field.column) for field in fields),
                ", ".join(["%s"] * len(fields)),
            )
            batch = []
            for row in read_rows(path):
                batch.append([_prepare(field, value, connection) for field, value in zip(fields, row, strict=True)])
                if len(batch) >= BATCH:
                    cursor.executemany(insert, batch)
                    batch = []
            if batch:
                cursor.executemany(insert, batch)
            _set_sequence(cursor, connection, model, entry.get("next_id"))


def _set_sequence(cursor, connection, model, next_id: int | None) -> None:
    spec = _sequence_table_column(model)
    if not spec:
        return
    table, column = spec
    quote = connection.ops.quote_name
    cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")  # noqa: S608 (names from the models)
    highest = cursor.fetchone()[0] or 0
    wanted = max(next_id or 1, highest + 1)
    if connection.vendor == "postgresql":
        cursor.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)", [quote(table), column, wanted])
    elif connection.vendor == "sqlite":
        cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
        cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, wanted - 1])
