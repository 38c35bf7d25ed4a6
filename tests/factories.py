"""factory_boy factories for the models the tests create. Apps add theirs here."""

import factory
from django.contrib.auth import get_user_model

from campaign.models import Kommune


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"redaktion{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("ein-langes-testpasswort")
    is_staff = True


def kommune(slug: str = "kreis-dueren") -> Kommune:
    """One of the 104 Kommunen that `migrate` loaded (they are never created by tests)."""
    return Kommune.objects.get(slug=slug)
