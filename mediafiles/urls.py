from django.urls import re_path

from mediafiles.serving import serve_media

app_name = "mediafiles"

# Included by config/urls.py while DJANGO_SERVE_MEDIA is on (else a web server or a bucket serves /media/).
urlpatterns = [re_path(r"^media/(?P<path>.+)$", serve_media, name="serve")]
