"""/jobcenter/<slug>/feed/ (RSS 2.0) and /jobcenter/<slug>/feed/atom/ (Atom 1.0): one Jobcenter's
newest published stories, for the Kommune's own website or a feed reader."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from campaign.models import Kommune
from shared.feeds import FEED_LENGTH, atom_feed
from stories.feeds import StoryFeed
from stories.models import Story


class KommuneStoryFeed(StoryFeed):
    def get_object(self, request, slug: str) -> Kommune:
        return get_object_or_404(Kommune, slug=slug).shown_to_visitors()

    def title(self, kommune: Kommune) -> str:
        return _("Geschichten aus %(name)s – Kommunale Jobcenter") % {"name": kommune.name}

    def description(self, kommune: Kommune) -> str:
        return _(
            "Menschen erzählen, wie sie mit ihrem Jobcenter (%(jobcenter)s) den Weg in Arbeit und Ausbildung fanden."
        ) % {"jobcenter": kommune.display_jobcenter_name}

    def link(self, kommune: Kommune) -> str:
        return kommune.get_absolute_url()

    def items(self, kommune: Kommune):
        return (
            Story.objects.published()
            .for_kommune(kommune.pk)
            .select_related("kommune")
            .prefetch_related("topics")[:FEED_LENGTH]
        )


KommuneStoryAtomFeed = atom_feed(KommuneStoryFeed)
