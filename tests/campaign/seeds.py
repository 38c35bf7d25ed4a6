"""The campaign's source documents (docs/sources/seeds/), for word-for-word comparisons in tests."""

import re
from functools import cache

from tests.sources import SEEDS


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def seed_text() -> str:
    return normalize(" ".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))))


def in_seeds(text: str) -> bool:
    return normalize(text) in seed_text()
