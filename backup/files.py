"""The folders of a backup: the uploads (MEDIA_ROOT) and the signed consent documents
(CONSENT_ROOT, personal data, never below MEDIA_ROOT's public address).

A restore writes them into a staging folder beside each root (same parent, so the same file system),
private (0700) while it is filled, with each file's and folder's mode from the archive, and swaps it in
by two renames only after the database has committed: the old folder is renamed aside, the staging folder
takes its place, the old one is deleted. On any failure before that the staging folders are deleted and the
roots were never touched."""

import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

# The part of the archive each root lands in.
PARTS = ("media", "consent")
# Files a fresh site may have in MEDIA_ROOT without holding content of its own: the placeholder and the
# products the task worker made after `migrate` (generated/, made again from the restored content).
IGNORED_NAMES = {".gitkeep"}
IGNORED_FOLDERS = ("generated/",)


class FolderError(Exception):
    """A root folder cannot be replaced safely (message in German)."""


def roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "consent": Path(settings.CONSENT_ROOT)}


def walk(root: Path) -> Iterator[tuple[str, Path, os.stat_result]]:
    """Every regular file below root as (relative POSIX name, path, stat), sorted; symlinks are not followed."""
    if not root.is_dir():
        return
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            info = path.lstat()
            if stat.S_ISREG(info.st_mode):
                yield path.relative_to(root).as_posix(), path, info


def folders(root: Path) -> dict[str, str]:
    """The mode of root ("") and of every folder below it, as octal strings."""
    if not root.is_dir():
        return {}
    result = {"": oct(stat.S_IMODE(root.stat().st_mode))}
    for directory, dirs, _files in os.walk(root):
        for name in dirs:
            path = Path(directory, name)
            result[path.relative_to(root).as_posix()] = oct(stat.S_IMODE(path.lstat().st_mode))
    return result


def holds_files(root: Path) -> bool:
    return any(
        Path(name).name not in IGNORED_NAMES and not name.startswith(IGNORED_FOLDERS)
        for name, _path, _info in walk(root)
    )


def check_replaceable(root: Path) -> None:
    """Refuse before anything is touched when the root cannot be swapped by renames."""
    parent = root.parent
    while not parent.exists() and parent != parent.parent:  # made by the restore (a fresh site's private/)
        parent = parent.parent
    if root.is_symlink() or (root.exists() and os.path.ismount(root)):
        raise FolderError(
            _(
                "%(root)s ist ein Einhängepunkt oder ein symbolischer Link; die Wiederherstellung braucht einen "
                "gewöhnlichen Ordner, den sie ersetzen kann (README, Sichern und Wiederherstellen)."
            )
            % {"root": root}
        )
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise FolderError(_("Im Ordner %(parent)s darf nicht geschrieben werden.") % {"parent": parent})


def staging(root: Path) -> Path:
    """An empty private folder beside root for the restored files."""
    root.parent.mkdir(parents=True, exist_ok=True)
    path = root.parent / f".{root.name}.restore-{secrets.token_hex(6)}"
    path.mkdir(mode=0o700)
    return path


def safe_name(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and all(part not in ("", ".", "..") for part in parts)


def apply_modes(folder: Path, modes: dict[str, str]) -> None:
    """Give the folders below `folder` their recorded modes, deepest first; the staging root stays 0700."""
    for name in sorted((n for n in modes if n), key=lambda n: n.count("/"), reverse=True):
        path = folder / name
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(int(modes[name], 8))


def swap_in(staged: Path, root: Path, mode: str | None) -> None:
    """Put the staged folder where root is; the old root is removed."""
    old = root.parent / f".{root.name}.old-{secrets.token_hex(6)}"
    if root.exists():
        os.rename(root, old)
    try:
        os.rename(staged, root)
    except OSError:
        if old.exists():
            os.rename(old, root)
        raise
    root.chmod(int(mode, 8) if mode else 0o755)
    shutil.rmtree(old, ignore_errors=True)
