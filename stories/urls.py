from django.urls import path

from stories import views

app_name = "stories"

urlpatterns = [
    path("geschichten/", views.story_list, name="list"),
    path("geschichten/<slug:slug>/", views.StoryDetailView.as_view(), name="detail"),
    path("erklaervideos/", views.ExplainerListView.as_view(), name="explainer_list"),
    path("erklaervideos/<slug:slug>/", views.ExplainerDetailView.as_view(), name="explainer_detail"),
]
