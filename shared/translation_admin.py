"""German first in the admin forms of translated content (django-modeltranslation).

modeltranslation shows every translated field twice, labelled "Zitat [de]" and "Zitat [en]",
side by side. Our editors write German; another language is an addition. So:

- the German field carries the field's own label ("Zitat"), required where the field is;
- each other language's fields are labelled "Zitat (Englisch)" and, in a change form, move
  together into one collapsed section at the end, "Fassung auf Englisch (optional)", which
  says what an empty field does (the page shows the German text, marked `lang="de"`). A
  section with an error opens by itself (Django does not collapse a fieldset with errors).

Adding a language (say Arabic) to MODELTRANSLATION_LANGUAGES adds its section; nothing here
names a language.
"""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation import settings as mt_settings
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from modeltranslation.utils import build_localized_fieldname


def other_languages() -> list[str]:
    return [code for code in mt_settings.AVAILABLE_LANGUAGES if code != mt_settings.DEFAULT_LANGUAGE]


def language_name(code: str):
    """The language's name in the admin's language: "Englisch"."""
    return get_language_info(code)["name_translated"]


class LanguageLabels:
    """Labels of the translated form fields: "Zitat" for German, "Zitat (Englisch)" otherwise."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        original = getattr(db_field, "translated_field", None)
        if field is None or language is None or original is None:
            return field
        label = capfirst(original.verbose_name)
        if language == mt_settings.DEFAULT_LANGUAGE:
            field.label = label
        else:
            field.label = format_lazy("{} ({})", label, language_name(language))
        return field


class GermanFirstTranslationAdmin(LanguageLabels, TranslationAdmin):
    """A TranslationAdmin whose form shows the German version first and each other language in
    its own collapsed section at the end (see the module's text)."""

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        language_of = {
            build_localized_fieldname(name, code): code
            for name in self.trans_opts.all_fields
            for code in other_languages()
        }
        moved: dict[str, list[str]] = {code: [] for code in other_languages()}
        result = []
        for title, options in fieldsets:
            kept = []
            for line in options.get("fields", ()):
                names = [line] if isinstance(line, str) else list(line)
                for name in names:
                    if name in language_of:
                        moved[language_of[name]].append(name)
                rest = [name for name in names if name not in language_of]
                if rest:
                    kept.append(rest[0] if isinstance(line, str) else tuple(rest))
            if kept:
                result.append((title, {**options, "fields": kept}))
        for code, names in moved.items():
            if not names:
                continue
            name = language_name(code)
            description = _(
                "Für die Seiten auf %(language)s. Was hier leer bleibt, zeigt die Website dort in der deutschen "
                "Fassung (als deutscher Text ausgezeichnet, damit Vorleseprogramme ihn richtig aussprechen)."
            ) % {"language": name}
            title = _("Fassung auf %(language)s (optional)") % {"language": name}
            result.append((title, {"classes": ["collapse"], "fields": names, "description": description}))
        return result


class GermanFirstTranslationTabularInline(LanguageLabels, TranslationTabularInline):
    """Table rows keep every language side by side (a row is one item), with our labels."""
