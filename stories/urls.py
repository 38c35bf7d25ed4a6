from django.urls import path  # noqa: F401  (views are added by the stories issue)

app_name = "stories"

urlpatterns: list = []
