from django.urls import path

from editorial import views

app_name = "editorial"

urlpatterns = [
    path("vorschau/<str:token>/", views.shared_preview, name="preview"),
]
