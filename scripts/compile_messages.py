"""Compile locale/*/LC_MESSAGES/*.po into .mo files, in pure Python (no gettext tools needed).

The .mo files are build products (git-ignored): `make run` and `make test` call this, and so does
tests/conftest.py before a bare `pytest`. A catalogue is compiled only when its .po is newer than
its .mo. Like `msgfmt`, fuzzy, obsolete (#~) and untranslated entries are left out.

    python scripts/compile_messages.py [--force]
"""

from __future__ import annotations

import ast
import re
import struct
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "locale"
ENTRY = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$")


def parse_po(text: str) -> dict[str, str]:
    """The catalogue of a .po file as .mo keys and values (context\\x04msgid, plural forms
    joined by NUL). The header (msgid "") is kept: it names the charset and the plural rule."""
    catalogue: dict[str, str] = {}
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip()]
        fields: dict[str, str] = {}
        key = None
        fuzzy = False
        for line in lines:
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            if line.startswith("#"):
                continue
            match = ENTRY.match(line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if "msgid" not in fields:
            continue
        msgid = fields["msgid"]
        if fuzzy and msgid:
            continue
        if "msgctxt" in fields:
            msgid = f"{fields['msgctxt']}\x04{msgid}"
        if "msgid_plural" in fields:
            forms = [v for k, v in sorted(fields.items()) if k.startswith("msgstr[")]
            if forms and all(forms):
                catalogue[f"{msgid}\0{fields['msgid_plural']}"] = "\0".join(forms)
        elif fields.get("msgstr"):
            catalogue[msgid] = fields["msgstr"]
    return catalogue


def mo_bytes(catalogue: dict[str, str]) -> bytes:
    """The GNU .mo format: a header, two tables of (length, offset), then the strings."""
    keys = sorted(catalogue)
    ids = [k.encode() for k in keys]
    strs = [catalogue[k].encode() for k in keys]
    count = len(keys)
    start = 7 * 4 + count * 16
    id_blob = b"".join(s + b"\0" for s in ids)
    str_blob = b"".join(s + b"\0" for s in strs)
    offsets = []
    position = start
    for s in ids:
        offsets.append((len(s), position))
        position += len(s) + 1
    for s in strs:
        offsets.append((len(s), position))
        position += len(s) + 1
    header = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    table = b"".join(struct.pack("<2I", length, offset) for length, offset in offsets)
    return header + table + id_blob + str_blob


def compile_all(force: bool = False) -> list[Path]:
    written = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        partial = mo.with_suffix(".mo.partial")
        partial.write_bytes(mo_bytes(parse_po(po.read_text(encoding="utf-8"))))
        partial.replace(mo)  # atomic: a running server or test never reads half a file
        written.append(mo)
    return written


if __name__ == "__main__":
    for path in compile_all(force="--force" in sys.argv):
        print(f"compiled {path.relative_to(LOCALE.parent)}")
