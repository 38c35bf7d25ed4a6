"""Small text helpers shared by the apps."""

from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def german_slugify(value: str) -> str:
    """Slug that keeps German words readable: 'Düren' -> 'dueren', not 'duren'."""
    return slugify(str(value).translate(GERMAN_TRANSLITERATION))
