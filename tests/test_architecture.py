"""The house (docs/architecture.md) stays true: which app may import which, and nothing of the
project or its tests reads outside the repository."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = [
    "config",
    "campaign",
    "press",
    "stories",
    "leitbild",
    "search",
    "editorial",
    "consent",
    "accounts",
    "backup",
    "generated",
    "mediafiles",
    "outbox",
    "shared",
]


def house() -> dict[str, set[str]]:
    """The allowed imports as docs/architecture.md draws them ("campaign  -> stories, shared")."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = re.search(r"```house\n(.*?)```", text, re.S)
    assert block, "docs/architecture.md has no ```house block"
    allowed = {}
    for line in block[1].strip().splitlines():
        name, targets = (part.strip() for part in line.split("->"))
        allowed[name] = {target.strip() for target in targets.split(",") if target.strip() in PACKAGES}
    return allowed


def imported_packages(path: Path) -> set[str]:
    """Our packages that a module imports (absolute imports; we use no relative ones)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            names = [node.module or ""]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & set(PACKAGES)
    return found


def test_the_picture_names_every_package_once_and_has_no_circle():
    allowed = house()
    assert sorted(allowed) == sorted(PACKAGES)
    # Peel off floors that import nothing left; a circle would leave some behind.
    remaining = {name: set(targets) for name, targets in allowed.items()}
    while remaining:
        ground = [name for name, targets in remaining.items() if not targets - {name}]
        assert ground, f"import circle among {sorted(remaining)}"
        for name in ground:
            del remaining[name]
        for targets in remaining.values():
            targets.difference_update(ground)
    assert allowed["shared"] == set()


@pytest.mark.parametrize("package", PACKAGES)
def test_package_imports_only_what_the_house_allows(package):
    allowed = house()[package] | {package}
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - allowed)
        for path in sorted((ROOT / package).rglob("*.py"))
        if imported_packages(path) - allowed
    }
    assert not wrong, f"{package} may import only {sorted(allowed)}: {wrong}"


def test_the_checker_sees_a_forbidden_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from campaign.models import Kommune\nimport shared.pagecache\nimport os\n")
    assert imported_packages(module) == {"campaign", "shared"}
    assert "campaign" not in house()["stories"]


OUTSIDE = re.compile(r"""\.\./shared|parent\s*/\s*["']shared["']|parents\[\d\]\s*/\s*["']shared["']""")


def test_nothing_reads_the_shared_folder_beside_the_project():
    """A fresh clone has no ../shared: the tests compare with docs/sources/ instead."""
    readers = [
        str(path.relative_to(ROOT))
        for folder in [*PACKAGES, "tests", "scripts"]
        for path in (ROOT / folder).rglob("*.py")
        if path != Path(__file__) and OUTSIDE.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []
    assert (ROOT / "docs" / "sources" / "seeds").is_dir()
