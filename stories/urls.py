from django.urls import path

from stories import views
from stories.feeds import StoryAtomFeed, StoryFeed

app_name = "stories"

urlpatterns = [
    path("geschichten/", views.story_list, name="list"),
    # Before <slug>/ so that the feeds are never taken for a story.
    path("geschichten/feed/", StoryFeed(), name="feed"),
    path("geschichten/feed/atom/", StoryAtomFeed(), name="feed_atom"),
    path("geschichten/<slug:slug>/", views.StoryDetailView.as_view(), name="detail"),
    path("geschichten/<slug:slug>/karte/", views.story_embed, name="embed"),
    path("erklaervideos/", views.ExplainerListView.as_view(), name="explainer_list"),
    path("erklaervideos/<slug:slug>/", views.ExplainerDetailView.as_view(), name="explainer_detail"),
]
