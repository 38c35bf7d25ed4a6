from shared.sitemaps import StaticViewSitemap

SITEMAPS = {"consent": StaticViewSitemap(["consent:privacy"])}
