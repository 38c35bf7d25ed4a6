from django.contrib.sitemaps import Sitemap

from campaign.models import Kommune
from shared.sitemaps import StaticViewSitemap


class KommuneSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Kommune.objects.only("slug")


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
        ]
    ),
    "jobcenter": KommuneSitemap,
}
