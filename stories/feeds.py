"""/geschichten/feed/ (RSS 2.0) and /geschichten/feed/atom/ (Atom 1.0): the newest published stories."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shared.feeds import FEED_LENGTH, SiteFeed, atom_feed
from stories.models import Story


class StoryFeed(SiteFeed):
    title = _("Neue Geschichten – Kommunale Jobcenter")
    description = _(
        "Menschen erzählen, wie sie mit ihrem kommunalen Jobcenter den Weg in Arbeit und Ausbildung gefunden haben."
    )

    def link(self) -> str:
        return reverse("stories:list")

    def items(self):
        # Two queries for any number of stories (the topics become categories).
        return Story.objects.published().select_related("kommune").prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, story: Story) -> str:
        return f"{story.name}: „{story.quote}“"

    def item_text(self, story: Story) -> str:
        return story.teaser

    def item_pubdate(self, story: Story):
        return story.publish_from

    def item_updateddate(self, story: Story):
        return max(story.updated_at, story.publish_from)

    def item_author_name(self, story: Story) -> str:
        return str(story.kommune.display_jobcenter_name)

    def item_categories(self, story: Story) -> list[str]:
        return [topic.name for topic in story.topics.all()]


StoryAtomFeed = atom_feed(StoryFeed)
