"""The public URL map. German paths; each app brings its own urls.py with an app_name.

The public pages exist once per language: German at the root, English under /en/ with the same
German slugs (/en/geschichten/). The admin, health, media, the sitemap, previews and
/.well-known/ stay unprefixed and German.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from config.health import health
from config.robots_txt import robots_txt
from config.security_txt import security_txt
from config.sitemaps import collect_sitemaps, sitemap

admin.site.site_header = _("Kommunale Jobcenter – Redaktion")
admin.site.site_title = _("Kommunale Jobcenter")
admin.site.index_title = _("Inhalte verwalten")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("health/", health, name="health"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers (and the admin, which does not link our icon) ask for /favicon.ico.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.svg"), permanent=True)),
    path("sitemap.xml", sitemap, {"sitemaps": collect_sitemaps()}, name="sitemap"),
    path("", include("editorial.urls")),
]
urlpatterns += i18n_patterns(
    path("leitbild/", include("leitbild.urls")),
    path("presse/", include("press.urls")),
    path("suche/", include("search.urls")),
    path("", include("consent.urls")),
    path("", include("stories.urls")),
    path("", include("campaign.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # /media/ with Range and the rule for unpublished files (mediafiles/serving.py).
    urlpatterns.append(path("", include("mediafiles.urls")))

handler500 = "config.errors.server_error"
