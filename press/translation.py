"""English next to the German press release texts (django-modeltranslation); then the revisions."""

from modeltranslation.translator import register
from simple_history import register as register_history

from press.models import PressRelease
from shared.translation import GermanFirst, follow_german


@register(PressRelease)
class PressReleaseTranslation(GermanFirst):
    fields = ("title", "lead", "body")


follow_german(PressRelease)

# Revisions with diff and restore in the admin (editorial.admin.HistoryAdmin), after the translation
# fields (LIBRARIES.md).
register_history(PressRelease, excluded_fields=["version"])
