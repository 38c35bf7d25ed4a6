"""Which language a piece of content is in, for the `lang` attribute (a template builtin).

Interface strings follow the page's language; what editors write is German unless it has a
translation. A content field is translated when its model has `<field>_<language>` with a value
(the shape django-modeltranslation gives a field registered for translation); until then every
content field is German. So `<p{% lang_of story "teaser" %}>` says lang="de" on an English page
whose story has no English teaser, and nothing on a German page (the <html> element says it).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def content_language(obj, field: str = "") -> str:
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return language
    if field and getattr(obj, f"{field}_{language.replace('-', '_')}", None):
        return language
    return settings.LANGUAGE_CODE


@register.simple_tag
def lang_of(obj=None, field: str = "") -> str:
    """` lang="de"` where the content is German inside a page in another language, else ""."""
    language = content_language(obj, field)
    if language == (get_language() or settings.LANGUAGE_CODE):
        return ""
    return format_html(' lang="{}"', language)
