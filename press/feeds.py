"""/presse/feed/ (RSS 2.0) and /presse/feed/atom/ (Atom 1.0): the published press releases."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from press.models import PressRelease
from shared.feeds import FEED_LENGTH, SiteFeed, atom_feed
from shared.publication import start_of_day


class PressReleaseFeed(SiteFeed):
    title = _("Pressemitteilungen – Kommunale Jobcenter")
    description = _(
        "Die Pressemitteilungen der Kampagne „Kommunale Jobcenter – Stark. Sozial. Vor Ort.“ "
        "des Deutschen Landkreistages und des Deutschen Städtetages."
    )

    def link(self) -> str:
        return reverse("press:newsroom")

    def items(self):
        return PressRelease.objects.published()[:FEED_LENGTH]

    def item_title(self, release: PressRelease) -> str:
        return f"Nr. {release.number}: {release.title}" if release.number else release.title

    def item_text(self, release: PressRelease) -> str:
        return release.lead

    def item_pubdate(self, release: PressRelease):
        return start_of_day(release.date)

    def item_updateddate(self, release: PressRelease):
        return max(release.updated_at, start_of_day(release.date))

    def item_author_name(self, release: PressRelease) -> str:
        return release.issuers


PressReleaseAtomFeed = atom_feed(PressReleaseFeed)
