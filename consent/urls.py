from django.urls import path

from consent import views

app_name = "consent"

urlpatterns = [
    path("datenschutz/personen-in-geschichten/", views.PrivacyView.as_view(), name="privacy"),
]
