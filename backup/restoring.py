"""`manage.py restore`: an archive into an empty site, all or nothing.

Order: refuse a site with content (unless replacing is asked for) and folders that cannot be swapped;
extract and check the whole archive (hashes, sizes, row counts, the migrations) into private staging
folders; then the database in one transaction (its row counts checked again before the commit); only
after the commit the staging folders take the roots' places. Anything failing before the commit
leaves the database and the folders as they were and removes the staging folders."""

import io
import tempfile
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DatabaseError, connections, transaction
from django.utils.translation import gettext as _

from backup import archive, database, files
from shared import pagecache


class RestoreError(Exception):
    """The restore is refused or failed; nothing was changed (message in German)."""


class SwapError(Exception):
    """The database was restored but a folder could not be swapped in (message in German)."""


def check_empty(using: str = "default") -> None:
    tables = database.content_tables(using)
    if tables:
        raise RestoreError(
            _(
                "Die Website ist nicht leer (Zeilen in %(tables)s). Wiederherstellen nur in eine frisch migrierte "
                "Website, oder mit --replace, das alle Inhalte und Dateien dieser Website ersetzt."
            )
            % {"tables": ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")}
        )
    for part, root in files.roots().items():
        if files.holds_files(root):
            raise RestoreError(
                _(
                    "Der Ordner %(root)s (%(part)s) enthält schon Dateien. Wiederherstellen nur in leere Ordner, "
                    "oder mit --replace."
                )
                % {"root": root, "part": part}
            )


def check_counts(manifest: dict, dump_dir: Path) -> None:
    for label, entry in manifest["tables"].items():
        rows = sum(1 for _row in database.read_rows(dump_dir / entry["file"]))
        if rows != entry["rows"]:
            raise RestoreError(
                _("Das Archiv ist beschädigt: %(label)s hat %(rows)d Zeilen, das Verzeichnis nennt %(expected)d.")
                % {"label": label, "rows": rows, "expected": entry["rows"]}
            )


def check_compatible(manifest: dict, using: str) -> None:
    ours = database.applied_migrations(using)
    if manifest["migrations"] != ours:
        theirs = set(manifest["migrations"])
        newer = sorted(theirs - set(ours))
        older = sorted(set(ours) - theirs)
        raise RestoreError(
            _(
                "Die Datenbank dieser Website ist anders migriert als die des Archivs (nur im Archiv: %(newer)s; "
                "nur hier: %(older)s). Stellen Sie mit dem Programmstand des Archivs wieder her und migrieren "
                "Sie danach."
            )
            % {"newer": ", ".join(newer[:3]) or "–", "older": ", ".join(older[:3]) or "–"}
        )
    known = {model._meta.label for model in database.backed_up_models(using)}
    unknown = sorted(set(manifest["tables"]) - known)
    if unknown:
        raise RestoreError(_("Das Archiv enthält unbekannte Tabellen: %(tables)s.") % {"tables": ", ".join(unknown)})


def restore(path: Path, key: bytes | None, *, replace: bool = False, using: str = "default") -> dict:
    """Restore the archive at `path`; returns its manifest. Raises RestoreError or archive.ArchiveError."""
    pending = database.pending_migrations(using)
    if pending:
        raise RestoreError(
            _("Die Datenbank ist nicht vollständig migriert (%(pending)s): zuerst manage.py migrate.")
            % {"pending": ", ".join(pending[:3])}
        )
    if not replace:
        check_empty(using)
    roots = files.roots()
    try:
        for root in roots.values():
            files.check_replaceable(root)
    except files.FolderError as error:
        raise RestoreError(str(error)) from error
    staged = {}
    try:
        for part, root in roots.items():
            staged[part] = files.staging(root)
        with tempfile.TemporaryDirectory(prefix="kjc-restore-") as scratch:
            dump_dir = Path(scratch)
            manifest = archive.read(path, dump_dir, staged, key)
            check_counts(manifest, dump_dir)
            check_compatible(manifest, using)
            for part, folder in staged.items():
                files.apply_modes(folder, manifest["folders"].get(part, {}))
            _load(dump_dir, manifest, using)
        # The database is committed: from here the staged folders are the only copy of the files.
        for part, root in roots.items():
            mode = manifest["folders"].get(part, {}).get("") or ("0o700" if part == "consent" else "0o755")
            try:
                files.swap_in(staged[part], root, mode)
            except OSError as error:
                left = ", ".join(str(folder) for folder in staged.values())
                staged.clear()
                raise SwapError(
                    _(
                        "Die Datenbank ist wiederhergestellt, aber %(root)s konnte nicht ersetzt werden (%(error)s). "
                        "Die Dateien liegen vollständig in %(left)s: verschieben Sie sie von Hand an ihren Platz."
                    )
                    % {"root": root, "error": error, "left": left}
                ) from error
            del staged[part]
    finally:
        for folder in staged.values():
            archive.remove(folder)
    ContentType.objects.clear_cache()
    pagecache.renew()
    return manifest


def _load(dump_dir: Path, manifest: dict, using: str) -> None:
    try:
        _load_in_one_transaction(dump_dir, manifest, using)
    except (DatabaseError, ValueError) as error:
        raise RestoreError(
            _("Die Datenbank konnte nicht geladen werden (%(error)s); sie ist unverändert.") % {"error": error}
        ) from error


def _load_in_one_transaction(dump_dir: Path, manifest: dict, using: str) -> None:
    connection = connections[using]
    with transaction.atomic(using=using):
        database.load(dump_dir, manifest, using)
        now = database.counts(using)
        wrong = [label for label, entry in manifest["tables"].items() if now.get(label) != entry["rows"]]
        if wrong:
            raise RestoreError(_("Nach dem Laden stimmen die Zeilen nicht: %(tables)s.") % {"tables": ", ".join(wrong)})
        if manifest["vendor"] != connection.vendor:
            # The search vectors are the engine's own (PostgreSQL's tsvector, empty on SQLite).
            call_command("rebuild_search_index", database=using, verbosity=0, stdout=io.StringIO())
