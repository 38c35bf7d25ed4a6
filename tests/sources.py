"""Where the tests find the campaign's source documents: docs/sources/ inside the repository
(verbatim copies, see docs/sources/README.md), so that every clone can run them."""

from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "docs" / "sources"
SEEDS = SOURCES / "seeds"
DATA = SOURCES / "data"
