from functools import partial

from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from campaign.models import ContentPage, Kommune, LandingPage, PageKey
from shared.sitemaps import ModelSitemap, StaticViewSitemap, newest
from stories.models import Story


class KommuneSitemap(ModelSitemap):
    """All 104 Jobcenter pages; a page changes with its Kommune and with its published stories."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        newest_story = (
            Story.objects.published()
            .filter(kommune=OuterRef("pk"))
            .order_by()
            .values("kommune")
            .annotate(newest=Max("updated_at"))
            .values("newest")
        )
        # Coalesce: Greatest is NULL on SQLite when one side is (a Kommune without stories).
        changed = Greatest("updated_at", Coalesce(Subquery(newest_story), "updated_at"))
        return Kommune.objects.only("slug").annotate(changed=changed)

    def lastmod(self, kommune: Kommune):
        return kommune.changed


SITEMAPS = {
    "campaign": StaticViewSitemap(
        [
            "campaign:home",
            "campaign:kommune_list",
            "campaign:easy_language",
            "campaign:sign_language",
            "campaign:imprint",
            "campaign:privacy",
            "campaign:accessibility",
            "campaign:report_barrier",
        ],
        lastmod={
            # The home page shows the landing texts and the newest stories; the list, the 104.
            "campaign:home": newest(LandingPage.objects.all, Story.objects.published),
            "campaign:kommune_list": newest(Kommune.objects.all),
            **{f"campaign:{key}": newest(partial(ContentPage.objects.filter, key=key)) for key in PageKey.values},
            "campaign:report_barrier": newest(partial(ContentPage.objects.filter, key=PageKey.ACCESSIBILITY)),
        },
    ),
    "jobcenter": KommuneSitemap,
}
