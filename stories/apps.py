from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Geschichten")

    def ready(self):
        from django.db.models.signals import post_save

        from mediafiles.access import protect, protect_made
        from stories import tasks
        from stories.models import ExplainerVideo, Photo, Story
        from stories.withdrawal import on_consent_saved

        # A withdrawal takes the story offline and deletes its files (stories/withdrawal.py).
        post_save.connect(on_consent_saved, sender="consent.Consent", dispatch_uid="stories-consent-ended")
        # The share card of each story is remade by a background task when it changes.
        tasks.connect_signals()

        video_fields = ["video_webm", "video_mp4", "captions", "poster"]
        protect(Story, video_fields, folder=f"{Story.MEDIA_FOLDER}/")
        protect(ExplainerVideo, video_fields, folder=f"{ExplainerVideo.MEDIA_FOLDER}/")
        protect(Photo, ["image"], folder="stories/", owner="story__", owner_model=Story)
        # The share card of a scheduled story exists before its moment (generated/makers.py names it
        # "generated/<stem>-<pk>-<digest>.<suffix>"): hidden until the story is public.
        stem, _dot, suffix = tasks.FILENAME.rpartition(".")
        protect_made(Story, rf"^generated/{stem}-(\d+)-[0-9a-f]{{12}}\.{suffix}$")
