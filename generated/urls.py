# generated/ has no pages of its own: each app serves its products through generated.views.serve.
app_name = "generated"
urlpatterns: list = []
