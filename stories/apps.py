from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Geschichten")

    def ready(self):
        from shared.media_access import protect
        from stories.models import ExplainerVideo, Photo, Story

        video_fields = ["video_webm", "video_mp4", "captions", "poster"]
        protect(Story, video_fields, folder=f"{Story.MEDIA_FOLDER}/")
        protect(ExplainerVideo, video_fields, folder=f"{ExplainerVideo.MEDIA_FOLDER}/")
        protect(Photo, ["image"], folder="stories/", owner="story__", owner_model=Story)
