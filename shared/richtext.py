"""One rich-text field for every editable text on the site (stories, press, legal pages).

django-prose-editor edits in the admin; on save the HTML is sanitized with nh3 against
exactly the elements the editor can make, so a pasted <script>, style attribute or
iframe never reaches a page. Templates can then print the value with |safe.
"""

from django_prose_editor.fields import ProseEditorField

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


def RichTextField(verbose_name, **kwargs) -> ProseEditorField:
    return ProseEditorField(verbose_name, extensions=RICH_TEXT_EXTENSIONS, sanitize=True, **kwargs)
