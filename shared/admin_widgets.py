"""Text fields with a limit in the admin: a text area as big as the limit, with a live count.

Quote, teaser and alt text are one to five sentences. As one-line inputs the editor sees a
fraction of what they wrote; as text areas sized to the limit they see all of it. Above the
limit the browser stops typing (`maxlength`, which Django sets from the field's max_length,
without script too); static/js/admin.js adds the count „noch 120 von 300 Zeichen“, read out
politely by screen readers when the editor pauses.
"""

from django import forms

from shared.admin import ADMIN_JS


class CountedTextarea(forms.Textarea):
    """A text area with `rows` lines and a character count (static/js/admin.js). `one_line`:
    the text is one paragraph (a quote, an alt text): line breaks become spaces."""

    def __init__(self, rows: int, one_line: bool = False, attrs=None):
        super().__init__(
            attrs={"rows": rows, "cols": 80, "class": "vLargeTextField", "data-char-count": "", **(attrs or {})}
        )
        self.one_line = one_line

    @property
    def media(self):
        return forms.Media(js=[ADMIN_JS])

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if self.one_line and isinstance(value, str):
            value = " ".join(value.split())
        return value


class CountedTextFields:
    """For admins and inlines: `counted_fields = {"quote": (4, True)}` gives those fields (every
    language of a translated one) a CountedTextarea of 4 lines, one paragraph."""

    counted_fields: dict[str, tuple[int, bool]] = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        original = getattr(db_field, "translated_field", db_field)
        if original.name in self.counted_fields and "widget" not in kwargs:
            rows, one_line = self.counted_fields[original.name]
            kwargs["widget"] = CountedTextarea(rows=rows, one_line=one_line)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
