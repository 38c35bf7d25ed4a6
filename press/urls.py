"""The newsroom's addresses, included by config/urls.py under /presse/."""

from django.urls import path

from press import views
from press.feeds import PressReleaseAtomFeed, PressReleaseFeed

app_name = "press"

urlpatterns = [
    path("", views.newsroom, name="newsroom"),
    # Before <slug>/ so that neither the feeds nor the sheet are taken for a release.
    path("feed/", PressReleaseFeed(), name="feed"),
    path("feed/atom/", PressReleaseAtomFeed(), name="feed_atom"),
    path("kennzahlen.pdf", views.key_figures_pdf, name="key_figures_pdf"),
    path("einbinden/", views.embed_guide, name="embed_guide"),
    path("<slug:slug>/", views.PressReleaseDetailView.as_view(), name="release"),
]
