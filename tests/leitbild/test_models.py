"""Small rules of the Leitbild models: paragraphs, the short lead, chapter numbers."""

import pytest

from leitbild.models import Chapter, ChapterKind, first_sentence, number_chapters, paragraphs


def test_paragraphs_are_separated_by_empty_lines_and_wrapped_lines_join():
    text = "Erster Absatz,\nder umbricht.\n\n  \nZweiter Absatz.\r\n\r\nDritter."
    assert paragraphs(text) == ["Erster Absatz, der umbricht.", "Zweiter Absatz.", "Dritter."]
    assert paragraphs("  \n\n ") == []


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Eins ist klar. Zwei folgt.", "Eins ist klar."),
        ("Es sind 22 Mio. Einwohner. Danach mehr.", "Es sind 22 Mio. Einwohner."),
        ("Per Telefon, z. B. Mail. Weiter.", "Per Telefon, z. B. Mail."),
        ("Das Land. Die Stadt.", "Das Land."),
        ("Nur ein Satz ohne Punkt", "Nur ein Satz ohne Punkt"),
        ("Ende mit Zitat. „Stark. Sozial.“", "Ende mit Zitat."),
        ("", ""),
    ],
)
def test_first_sentence(text, sentence):
    assert first_sentence(text) == sentence


def test_numbers_follow_the_order_and_skip_the_closing_section():
    sections = [
        Chapter(kind=ChapterKind.CHAPTER, position=1),
        Chapter(kind=ChapterKind.CLOSING, position=2),
        Chapter(kind=ChapterKind.CHAPTER, position=3),
    ]
    number_chapters(sections)
    assert [s.number for s in sections] == [1, None, 2]


def test_closing_section_links_to_its_place_on_the_overview():
    closing = Chapter(kind=ChapterKind.CLOSING, slug="eigenes-image-pflegen")
    assert closing.get_absolute_url() == "/leitbild/#eigenes-image-pflegen"
    assert Chapter(kind=ChapterKind.CHAPTER, slug="x").get_absolute_url() == "/leitbild/x/"
