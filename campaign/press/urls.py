"""The newsroom's addresses, included by campaign/urls.py under /presse/ (namespace "campaign")."""

from django.urls import path

from campaign.press import views
from campaign.press.feeds import PressReleaseAtomFeed, PressReleaseFeed

urlpatterns = [
    path("", views.newsroom, name="press"),
    # Before <slug>/ so that neither the feeds nor the sheet are taken for a release.
    path("feed/", PressReleaseFeed(), name="press_feed"),
    path("feed/atom/", PressReleaseAtomFeed(), name="press_feed_atom"),
    path("kennzahlen.pdf", views.key_figures_pdf, name="key_figures_pdf"),
    path("<slug:slug>/", views.PressReleaseDetailView.as_view(), name="press_release"),
]
