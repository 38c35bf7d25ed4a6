"""German stems for the search, the same on SQLite as PostgreSQL's `german` configuration.

PostgreSQL's `german` text-search configuration is Snowball's German stemmer with Snowball's
German stop words (german.stop, copied here from PostgreSQL 15). snowballstemmer 2.2.0 is the
same stemmer (3.x follows a newer Snowball and differs), so stemming the same words with it
gives the same lexemes on SQLite; a test compares them with PostgreSQL's for every entry.

Every word is stemmed twice: as written (lower case) and umlaut-folded (shared.search.fold:
"Düren" → "dueren"). Written, "Schlössern" and "Schlosser" share the stem "schloss"; folded,
"Düren", "DÜREN" and "dueren" share "duer". PostgreSQL gets the same words in the same two
spellings (search/index.py, vector()), so both databases find the same pages.
"""

import re
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

from shared.search import fold

# A word: letters and digits; everything else (punctuation, "_", "%", control characters) separates.
WORD = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60

STOP_WORDS = frozenset(
    line.strip() for line in (Path(__file__).with_name("german.stop")).read_text(encoding="utf-8").splitlines()
)


@cache
def _stemmer():
    return snowballstemmer.stemmer("german")


def words(text: str) -> list[str]:
    """The words of a text, in order, lower case; over-long "words" (a hash, a URL) are dropped."""
    return [word for word in WORD.findall(text.lower()) if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=50_000)
def variants(word: str) -> frozenset[str]:
    """The stems of one lower-case word as written and as folded; stop words have none. Like
    PostgreSQL's parser (numbers and words with digits go to its `simple` dictionary), a word
    with a digit is kept as it is."""
    spellings = {word, fold(word)}
    if any(ch.isdigit() for ch in word):
        return frozenset(spellings)
    spellings -= STOP_WORDS
    return frozenset(_stemmer().stemWord(spelling) for spelling in spellings if spelling)


def stems(text: str) -> str:
    """The distinct stems of a text, space-separated with a space at both ends, so that
    `contains(" stem ")` finds a whole stem."""
    found = dict.fromkeys(stem for word in words(text) for stem in sorted(variants(word)))
    return f" {' '.join(found)} " if found else ""
