"""English next to the German Leitbild texts (django-modeltranslation); then the revisions."""

from modeltranslation.translator import register
from simple_history import register as register_history

from editorial.compare import register_children
from leitbild.models import Chapter, Commitment, Leitbild, PreamblePoint
from shared.translation import GermanFirst, follow_german, no_translated_defaults


@register(Leitbild)
class LeitbildTranslation(GermanFirst):
    fields = ("title", "description", "preamble_title", "future_title", "future_text")


@register(PreamblePoint)
class PreamblePointTranslation(GermanFirst):
    fields = ("text",)


@register(Chapter)
class ChapterTranslation(GermanFirst):
    fields = ("title", "lead", "intro", "commitments_lead")


@register(Commitment)
class CommitmentTranslation(GermanFirst):
    fields = ("text",)


no_translated_defaults(Chapter, ["commitments_lead"])

follow_german(Leitbild, PreamblePoint, Chapter, Commitment)

# Revisions with diff and restore in the admin (editorial.admin.HistoryAdmin), after the translation
# fields (LIBRARIES.md).
register_history(Leitbild, excluded_fields=["version"])
register_history(Chapter, excluded_fields=["version"])
# The rows edited inline (the preamble's points and the chapters on the Leitbild, the commitments on a
# chapter) have revisions too and show in their page's history (editorial/history.py).
register_history(PreamblePoint)
register_history(Commitment)
register_children(PreamblePoint, "leitbild")
register_children(Chapter, "leitbild")
register_children(Commitment, "chapter")
