from shared.sitemaps import ModelSitemap, StaticViewSitemap, newest
from stories.models import ExplainerVideo, Story


class StorySitemap(ModelSitemap):
    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return Story.objects.published().only("slug", "updated_at")

    def lastmod(self, story: Story):
        return story.updated_at


class ExplainerSitemap(ModelSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return ExplainerVideo.objects.published().only("slug", "updated_at")

    def lastmod(self, explainer: ExplainerVideo):
        return explainer.updated_at


SITEMAPS = {
    "geschichten": StaticViewSitemap(
        ["stories:list", "stories:explainer_list"],
        lastmod={
            "stories:list": newest(Story.objects.published),
            "stories:explainer_list": newest(ExplainerVideo.objects.published),
        },
    ),
    "geschichte": StorySitemap,
    "erklaervideo": ExplainerSitemap,
}
