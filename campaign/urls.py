from django.urls import path

from campaign import views
from campaign.feeds import KommuneStoryAtomFeed, KommuneStoryFeed
from campaign.models import PageKey

app_name = "campaign"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("jobcenter/", views.kommune_list, name="kommune_list"),
    path("jobcenter/<slug:slug>/", views.KommuneDetailView.as_view(), name="kommune_detail"),
    path("jobcenter/<slug:slug>/feed/", KommuneStoryFeed(), name="kommune_feed"),
    path("jobcenter/<slug:slug>/feed/atom/", KommuneStoryAtomFeed(), name="kommune_feed_atom"),
    path("jobcenter/<slug:slug>/karte/", views.kommune_embed, name="kommune_embed"),
    path("impressum/", views.ContentPageView.as_view(key=PageKey.IMPRINT), name="imprint"),
    path("datenschutz/", views.PrivacyView.as_view(), name="privacy"),
    path("barrierefreiheit/", views.ContentPageView.as_view(key=PageKey.ACCESSIBILITY), name="accessibility"),
    path("barrierefreiheit/melden/", views.report_barrier, name="report_barrier"),
    path("barrierefreiheit/melden/danke/", views.ReportBarrierThanksView.as_view(), name="report_barrier_thanks"),
    path("leichte-sprache/", views.ContentPageView.as_view(key=PageKey.EASY_LANGUAGE), name="easy_language"),
    path("gebaerdensprache/", views.SignLanguageView.as_view(), name="sign_language"),
]
