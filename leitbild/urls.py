from django.urls import path  # noqa: F401  (views are added by the leitbild issue)

app_name = "leitbild"

urlpatterns: list = []
