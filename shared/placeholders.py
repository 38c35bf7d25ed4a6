"""Placeholders: texts that arrive with `migrate` mark what only the operators can know
("[Platzhalter: Telefonnummer]"). Until an editor fills them in, the go-live check lists them
(campaign/golive.py) and the public pages never show one: a line or sentence that holds a
placeholder is left out, and a block left empty says so in a neutral sentence.

Works on plain text and on the sanitized rich text of shared/richtext.py (paragraphs,
headings, list items, line breaks), which is why a few regular expressions are enough.
"""

import re

from django.db import models
from django.utils.translation import gettext as _

from shared.richtext import ProseField

MARK = "[Platzhalter"
PLACEHOLDER = re.compile(r"\[Platzhalter\b[^\]]*\]")
# What stands for a placeholder while the text around it is cut, and for a block left empty
# (neither ever occurs in real text).
_SLOT = "\x00"
_EMPTY = "\x01"
_BLOCK = re.compile(r"<(p|h2|h3)>(.*?)</\1>", re.DOTALL)
_ITEM = re.compile(r"<(li|blockquote)>((?:(?!<p>).)*?)</\1>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>")
# A sentence ends at . ! ? before a capital (not "Art. 77"); a placeholder is a sentence of its own.
_SENTENCE_END = re.compile(r"(?<=[.!?\x00])\s+(?=[A-ZÄÖÜ„<\x00])")
_TAG = re.compile(r"<[^>]+>")


def neutral_sentence() -> str:
    return _("Die Angaben werden derzeit ergänzt.")


def contains(text) -> bool:
    return isinstance(text, str) and MARK in text


def found(text: str) -> list[str]:
    """The placeholders in `text`, each once, in order ("[Platzhalter: Telefonnummer]")."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text or "")))


def visible_text(fragment: str) -> str:
    """The words of an HTML fragment, without tags and extra spaces."""
    return " ".join(_TAG.sub("", fragment or "").split())


def _cut_line(line: str) -> str:
    """The line without the sentences that hold a placeholder ("" when nothing is left)."""
    if _SLOT not in line:
        return line
    kept = " ".join(part for part in _SENTENCE_END.split(line.strip()) if _SLOT not in part)
    return kept if visible_text(kept) else ""


def _cut_block(match: re.Match) -> str:
    tag, inner = match.group(1), match.group(2)
    if _SLOT not in inner:
        return match.group(0)
    kept = "<br>".join(line for line in map(_cut_line, _BREAK.split(inner)) if line)
    visible = visible_text(kept)
    if not visible:
        return f"<{tag}>{_EMPTY}</{tag}>"
    if visible.endswith(":"):  # "Verantwortlich sind:" and nothing after it
        kept = f"{kept}<br>{neutral_sentence()}"
    return f"<{tag}>{kept}</{tag}>"


def redact_html(html: str) -> str:
    """Rich text as the public may see it: no placeholder, nothing half-said."""
    if not contains(html):
        return html
    text = PLACEHOLDER.sub(_SLOT, html)
    text = _BLOCK.sub(_cut_block, text)
    text = _ITEM.sub(_cut_block, text)
    # A list item left empty goes; a list left without items and any other empty block say so.
    text = re.sub(rf"<li>\s*(?:<p>{_EMPTY}</p>|{_EMPTY})?\s*</li>", "", text)
    text = re.sub(r"<(ul|ol)>\s*</\1>", f"<p>{_EMPTY}</p>", text)
    text = re.sub(rf"<(p|h2|h3|blockquote)>{_EMPTY}</\1>", f"<p>{neutral_sentence()}</p>", text)
    # Whatever is left outside the blocks above (never in sanitized text) still never shows.
    return text.replace(_EMPTY, neutral_sentence()).replace(_SLOT, neutral_sentence())


def redact_text(text: str) -> str:
    """Plain text as the public may see it: each line holding a placeholder is left out."""
    if not contains(text):
        return text
    lines = [_cut_line(line) for line in PLACEHOLDER.sub(_SLOT, text).splitlines()]
    return "\n".join(line for line in lines if line).replace(_SLOT, "")


def text_fields(model) -> list[models.Field]:
    """The fields of `model` that hold free text (CharField, TextField and their kin)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices
    ]


def is_html(field: models.Field) -> bool:
    return isinstance(field, ProseField)


def hide(obj):
    """`obj` (in memory, never saved) with every placeholder taken out of its text fields."""
    for field in text_fields(type(obj)):
        value = getattr(obj, field.attname, "")
        if contains(value):
            setattr(obj, field.attname, redact_html(value) if is_html(field) else redact_text(value))
    return obj


def hide_all(objects):
    """The rows of a list, each through `hide`; returns the list."""
    for obj in objects:
        hide(obj)
    return objects
