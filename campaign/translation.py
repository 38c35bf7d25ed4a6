"""English next to the German page texts (django-modeltranslation); then the revisions."""

from modeltranslation.translator import register
from simple_history import register as register_history

from campaign.models import ContentPage, EasyLanguageSection, Kommune, LandingPage, Location
from editorial.compare import register_children
from shared.translation import GermanFirst, follow_german, no_translated_defaults

LANDING_FIELDS = (
    "title",
    "claim",
    "lead",
    "claim_heading",
    "strong_word",
    "strong_text",
    "social_word",
    "social_text",
    "local_word",
    "local_text",
    "figures_heading",
    "stories_heading",
    "stories_text",
    "stories_link_text",
    "press_heading",
    "press_link_text",
    "leitbild_heading",
    "leitbild_text",
    "leitbild_link_text",
    "jobcenter_heading",
    "jobcenter_text",
    "jobcenter_link_text",
    "access_heading",
    "easy_language_text",
    "sign_language_text",
)


@register(Kommune)
class KommuneTranslation(GermanFirst):
    fields = ("description",)


@register(LandingPage)
class LandingPageTranslation(GermanFirst):
    fields = LANDING_FIELDS


@register(ContentPage)
class ContentPageTranslation(GermanFirst):
    fields = ("title", "intro", "body")


no_translated_defaults(LandingPage, LANDING_FIELDS)

follow_german(Kommune, LandingPage, ContentPage)

# Revisions with diff and restore in the admin (editorial.admin.HistoryAdmin), after the translation
# fields (LIBRARIES.md).
register_history(Kommune, excluded_fields=["version"])
register_history(LandingPage, excluded_fields=["version"])
register_history(ContentPage, excluded_fields=["version"])
# Inline rows have revisions of their own, shown in the history of their page (editorial/compare.py):
# a Kommune's locations (their history is registered in campaign/models.py), the parts of the
# Leichte-Sprache page.
register_history(EasyLanguageSection)
register_children(Location, "kommune")
register_children(EasyLanguageSection, "page")
