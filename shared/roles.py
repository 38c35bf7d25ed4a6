"""The editorial roles and what a user may touch.

- *Redaktion Kommune*: PR staff of one or more Kommunen (`Kommune.editors`, reached here through
  the user's reverse accessor `kommunen`). They write and edit the stories of their Kommunen and
  their Jobcenter page, and cannot publish.
- *Zentrale Redaktion*: the central team at Landkreistag and Städtetag; reviews, publishes and
  unpublishes everything, and edits the Leitbild, the campaign pages and the press area.
- Administrators (superusers) may do everything.

The groups and their model permissions are created by campaign/migrations/0011_editorial_roles.py;
the rows a Kommune editor may see are narrowed by shared.admin.KommuneScopedAdmin.
"""

from django.conf import settings
from django.db.models import Q

KOMMUNE_EDITORS = "Redaktion Kommune"
CENTRAL_EDITORS = "Zentrale Redaktion"


def is_central(user) -> bool:
    """Administrators and the central team see and publish everything."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_kjc_is_central", None)
    if cached is None:
        cached = user.groups.filter(name=CENTRAL_EDITORS).exists()
        user._kjc_is_central = cached
    return cached


def second_factor_required(user) -> bool:
    """With DJANGO_REQUIRE_2FA=true the central team and administrators must use a second factor
    (accounts/twofactor.py sets it up, accounts/sites.py keeps them out of the admin without it)."""
    return bool(settings.REQUIRE_2FA) and user.is_authenticated and user.is_staff and is_central(user)


def lacks_second_factor(user) -> bool:
    """Signed in with the password alone where the second factor is required: such a session opens
    neither the admin nor any preview on the public site (shared.publication.can_preview).
    `is_verified` comes from django-otp's OTPMiddleware; without it nobody counts as verified."""
    if not second_factor_required(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (callable(is_verified) and is_verified())


def kommune_ids(user) -> list[int]:
    """The Kommunen a user edits (empty for anonymous users)."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_kjc_kommune_ids", None)
    if cached is None:
        cached = list(user.kommunen.values_list("pk", flat=True))
        user._kjc_kommune_ids = cached
    return cached


def in_own_kommunen(user, kommune_path: str) -> Q:
    """Rows whose Kommune (reached by `kommune_path`, e.g. "story__kommune") the user edits."""
    return Q(**{f"{kommune_path}__in": kommune_ids(user)})
