"""Content translation (django-modeltranslation): what each app's translation.py shares.

German is the content language: `<field>_de` keeps the field's rules (required where the field was),
`<field>_en` is optional and empty until an editor writes English; reading `obj.field` on an English
page then gives the German text, which `{% lang_of obj "field" %}` marks lang="de".
"""

from django.db.models import NOT_PROVIDED
from django.db.models.signals import pre_save
from modeltranslation.translator import TranslationOptions, translator

CONTENT_LANGUAGE = "de"


class GermanFirst(TranslationOptions):
    required_languages = (CONTENT_LANGUAGE,)


def keep_original_german(sender, instance, raw=False, **kwargs) -> None:
    """The field's own column keeps the German text (what SQL, dumps and code that reads the
    column see), whatever language was active when the object was changed."""
    for name in translator.get_options_for_model(sender).fields:
        instance.__dict__[name] = getattr(instance, f"{name}_{CONTENT_LANGUAGE}")


def follow_german(*models) -> None:
    for model in models:
        pre_save.connect(keep_original_german, sender=model, dispatch_uid=f"follow_german_{model._meta.label}")


def no_translated_defaults(model, fields) -> None:
    """A German default ("Alle Geschichten") is no English text: other languages start empty."""
    for name in fields:
        for field in model._meta.fields:
            if field.name.startswith(f"{name}_") and getattr(field, "language", CONTENT_LANGUAGE) != CONTENT_LANGUAGE:
                field.default = NOT_PROVIDED


def fill_german(app_label: str, translated: dict[str, tuple[str, ...]]):
    """A migration step for a newly translated field: `<field>_de` gets the text the field had,
    `<field>_en` starts empty (AddField would fill it with the field's German default), in the
    model's table and its history table, every row kept."""
    from django.db import migrations
    from django.db.models import F

    def forward(apps, schema_editor):
        for model_name, fields in translated.items():
            for name in (model_name, f"Historical{model_name}"):
                try:
                    model = apps.get_model(app_label, name)
                except LookupError:  # no history
                    continue
                changes = {}
                for field in fields:
                    changes[f"{field}_de"] = F(field)
                    changes[f"{field}_en"] = None
                model._base_manager.using(schema_editor.connection.alias).update(**changes)

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)


def translation_copies(model) -> list[str]:
    """The `<field>_<language>` fields of a model: a full_clean() that validates the field itself
    leaves them out, or each problem is reported twice (once as „Kurzbeschreibung [de]“)."""
    return [field.name for field in model._meta.fields if hasattr(field, "translated_field")]
