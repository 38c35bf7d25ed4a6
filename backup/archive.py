"""One archive file: a tar of database/<label>.jsonl.gz, media/…, consent/… and, last, manifest.json
(row counts per table, SHA-256, size and mode of every file, the folders' modes, the migrations).
With DJANGO_BACKUP_KEY the whole tar is sealed (backup/crypto.py).

Writing streams (a site's videos need not fit in memory or twice on disk): the tar goes straight into
`.<name>.partial` beside the final name, which it gets by a rename only when complete, mode 0600.
Reading extracts into staging folders while hashing, and only a complete archive whose every member
matches the manifest is accepted: a cut-off, damaged or changed archive is refused before the
database or any folder of the site is touched."""

import datetime
import hashlib
import io
import json
import os
import shutil
import stat
import tarfile
from pathlib import Path

from django.utils.translation import gettext as _

from backup import crypto, files

FORMAT = "kjc-backup"
VERSION = 1
MANIFEST = "manifest.json"
BLOCK = 1 << 20


class ArchiveError(Exception):
    """The archive is refused (message in German)."""


class _HashingReader(io.RawIOBase):
    def __init__(self, source):
        self._source = source
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._source.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)


def archive_name(now: datetime.datetime, encrypted: bool) -> str:
    return f"kjc-backup-{now:%Y%m%dT%H%M%SZ}.tar" + (".enc" if encrypted else "")


def _add_file(tar: tarfile.TarFile, arcname: str, path: Path, info: os.stat_result) -> dict:
    member = tarfile.TarInfo(arcname)
    member.size = info.st_size
    member.mtime = int(info.st_mtime)
    member.mode = stat.S_IMODE(info.st_mode)
    with path.open("rb") as source:
        reader = _HashingReader(source)
        tar.addfile(member, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.st_size, "mode": oct(member.mode)}


def write(target_dir: Path, dump_dir: Path, database: dict, key: bytes | None, now: datetime.datetime) -> Path:
    """Write the archive; returns its path."""
    target_dir.mkdir(parents=True, exist_ok=True)
    final = target_dir / archive_name(now, key is not None)
    partial = target_dir / f".{final.name}.partial"
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": now.isoformat(),
        "encrypted": key is not None,
        **database,
        "files": {},
        "folders": {},
    }
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as raw:
            out = crypto.EncryptingWriter(raw, key) if key else raw
            with tarfile.open(fileobj=out, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                for entry in database["tables"].values():
                    path = dump_dir / entry["file"]
                    entry.update(_add_file(tar, f"database/{entry['file']}", path, path.stat()))
                for part, root in files.roots().items():
                    manifest["folders"][part] = files.folders(root)
                    for name, path, info in files.walk(root):
                        manifest["files"][f"{part}/{name}"] = _add_file(tar, f"{part}/{name}", path, info)
                body = json.dumps(manifest, indent=1, sort_keys=True).encode()
                member = tarfile.TarInfo(MANIFEST)
                member.size = len(body)
                member.mtime = int(now.timestamp())
                member.mode = 0o600
                tar.addfile(member, io.BytesIO(body))
            if key:
                out.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final


def _open(path: Path, key: bytes | None):
    raw = path.open("rb")
    head = raw.read(len(crypto.MAGIC))
    raw.seek(0)
    if crypto.is_encrypted(head):
        if key is None:
            raw.close()
            raise ArchiveError(_("Das Archiv ist verschlüsselt, aber DJANGO_BACKUP_KEY ist nicht gesetzt."))
        return raw, io.BufferedReader(crypto.DecryptingReader(raw, key), BLOCK)
    return raw, raw


def read(path: Path, dump_dir: Path, staged: dict[str, Path], key: bytes | None) -> dict:
    """Extract the archive (database files into dump_dir, folders into the staging folders) and check
    every member against the manifest. Returns the manifest; raises ArchiveError."""
    if not path.is_file():
        raise ArchiveError(_("Das Archiv %(path)s gibt es nicht.") % {"path": path})
    seen = {}
    manifest = None
    raw, stream = _open(path, key)
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tar:
            for member in tar:
                if manifest is not None:
                    raise ArchiveError(_("Hinter dem Verzeichnis des Archivs stehen weitere Einträge."))
                if not member.isfile() or not files.safe_name(member.name) or member.name in seen:
                    raise ArchiveError(_("Unzulässiger Eintrag im Archiv: %(name)s") % {"name": member.name})
                source = tar.extractfile(member)
                if member.name == MANIFEST:
                    if member.size > 64 * BLOCK:
                        raise ArchiveError(_("Das Verzeichnis des Archivs (manifest.json) ist zu groß."))
                    manifest = _parse_manifest(source.read())
                    continue
                part, _slash, name = member.name.partition("/")
                if part == "database":
                    target = dump_dir / name
                    if "/" in name:
                        raise ArchiveError(_("Unzulässiger Eintrag im Archiv: %(name)s") % {"name": member.name})
                elif part in staged:
                    target = staged[part] / name
                else:
                    raise ArchiveError(_("Unzulässiger Eintrag im Archiv: %(name)s") % {"name": member.name})
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                digest = hashlib.sha256()
                with target.open("xb") as out:
                    while chunk := source.read(BLOCK):
                        digest.update(chunk)
                        out.write(chunk)
                seen[member.name] = (digest.hexdigest(), member.size, target)
            # Read to the very end: an encrypted archive proves there that nothing was cut off.
            while stream.read(BLOCK):
                pass
    except crypto.CryptoError as error:
        raise ArchiveError(str(error)) from error
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as error:
        raise ArchiveError(_("Das Archiv ist beschädigt oder abgeschnitten (%(error)s).") % {"error": error}) from error
    finally:
        raw.close()
    if manifest is None:
        raise ArchiveError(
            _("Das Archiv hat kein Verzeichnis (manifest.json): abgeschnitten oder kein Archiv dieser Website.")
        )
    _check(manifest, seen)
    return manifest


def _parse_manifest(body: bytes) -> dict:
    try:
        manifest = json.loads(body)
    except ValueError as error:
        raise ArchiveError(_("Das Verzeichnis des Archivs (manifest.json) ist beschädigt.")) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("Das ist kein Archiv dieser Website."))
    if manifest.get("version") != VERSION:
        raise ArchiveError(
            _("Das Archiv hat das Format %(version)s; dieses Programm liest Format %(ours)s.")
            % {"version": manifest.get("version"), "ours": VERSION}
        )
    return manifest


def _check(manifest: dict, seen: dict) -> None:
    """Every file of the manifest is there with its hash and size, and nothing else is."""
    expected = {f"database/{entry['file']}": entry for entry in manifest["tables"].values()}
    expected |= manifest["files"]
    missing = sorted(set(expected) - set(seen))
    extra = sorted(set(seen) - set(expected))
    wrong = sorted(
        name
        for name in set(expected) & set(seen)
        if (expected[name]["sha256"], expected[name]["size"]) != seen[name][:2]
    )
    if missing or extra or wrong:
        details = "; ".join(
            f"{label}: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}"
            for label, names in ((_("fehlt"), missing), (_("unbekannt"), extra), (_("Prüfsumme falsch"), wrong))
            if names
        )
        raise ArchiveError(_("Das Archiv passt nicht zu seinem Verzeichnis (%(details)s).") % {"details": details})
    for name, entry in manifest["files"].items():
        seen[name][2].chmod(int(entry["mode"], 8))


def remove(path: Path | None) -> None:
    if path is not None:
        shutil.rmtree(path, ignore_errors=True)
