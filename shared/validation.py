"""Model validation that adds to what a parent class's clean() found."""

from collections.abc import Callable

from django.core.exceptions import ValidationError


def errors_from(clean: Callable[[], None]) -> dict:
    """The errors `clean` raises (usually `super().clean`) as a dict of lists, to add more to
    and raise together, so that the editor sees every problem of a form at once."""
    try:
        clean()
    except ValidationError as error:
        return error.update_error_dict({})
    return {}
