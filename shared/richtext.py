"""One rich-text field for every editable text on the site (stories, press, legal pages).

django-prose-editor edits in the admin; on save the HTML is sanitized with nh3 against
exactly the elements the editor can make, so a pasted <script>, style attribute or
iframe never reaches a page. Templates can then print the value with |safe.
"""

from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django_prose_editor.fields import ProseEditorField, create_sanitizer
from django_prose_editor.widgets import AdminProseEditorWidget

RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
}

# What the field does on save, for HTML that leaves the site another way (the feeds).
sanitize = create_sanitizer(RICH_TEXT_EXTENSIONS)


class AdminRichTextWidget(AdminProseEditorWidget):
    """The admin's editor with js/admin.js, which names the editable area after the field's label
    (django-prose-editor 0.28 leaves its role="textbox" unnamed) and gives the toolbar German
    titles (the editor's own are English and not translatable)."""

    @property
    def media(self):
        from shared.admin import ADMIN_JS  # models import this module before the admin is ready

        return super().media + forms.Media(js=[ADMIN_JS])


class ProseField(ProseEditorField):
    def formfield(self, **kwargs):
        # The admin asks for its textarea; django-prose-editor would swap in its own admin widget.
        widget = kwargs.get("widget")
        if widget is AdminTextareaWidget or isinstance(widget, AdminTextareaWidget):
            kwargs["widget"] = AdminRichTextWidget
        return super().formfield(**kwargs)


def RichTextField(verbose_name, **kwargs) -> ProseEditorField:
    return ProseField(verbose_name, extensions=RICH_TEXT_EXTENSIONS, sanitize=True, **kwargs)
