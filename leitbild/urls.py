from django.urls import path

from leitbild import views

app_name = "leitbild"

urlpatterns = [
    path("", views.overview, name="overview"),
    # Before <slug>/ so that the PDF is never taken for a chapter.
    path("leitbild-2030.pdf", views.pdf, name="pdf"),
    path("<slug:slug>/", views.ChapterDetailView.as_view(), name="chapter"),
]
