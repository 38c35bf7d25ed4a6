"""English next to the German story texts (django-modeltranslation); then the revisions."""

from modeltranslation.translator import register
from simple_history import register as register_history

from editorial.compare import register_children
from mediafiles.videos import PROCESSING_FIELDS
from shared.translation import GermanFirst, follow_german
from stories.models import ExplainerVideo, Photo, Story


@register(Story)
class StoryTranslation(GermanFirst):
    fields = ("role", "quote", "teaser", "body")


@register(ExplainerVideo)
class ExplainerVideoTranslation(GermanFirst):
    fields = ("title", "teaser", "body")


follow_german(Story, ExplainerVideo)

# Revisions with diff and restore in the admin (editorial.admin.HistoryAdmin), after the translation
# fields (LIBRARIES.md). The version counter is left out: it changes on every save and is no content.
register_history(Story, excluded_fields=["version", *PROCESSING_FIELDS], m2m_fields=["topics"])
register_history(ExplainerVideo, excluded_fields=["version", *PROCESSING_FIELDS])
# A story's photos have revisions of their own (added, removed, replaced, focal point), shown in
# the story's history (editorial/compare.py).
register_history(Photo)
register_children(Photo, "story", match_by="image")  # a change row copies its photos
