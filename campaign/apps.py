from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kampagne")

    def ready(self):
        from shared import pagecache

        # Every change of what a public page shows renews the page cache (shared/pagecache.py).
        pagecache.connect()

        # The go-live check of `check --deploy` and its panel on the admin start page.
        # The Leitbild PDF ends with the list of the 104: this app hands it in (leitbild/pdf.py)
        # and asks for a new PDF when a Kommune changes (the task remakes it only if the list did).
        from django.db.models.signals import post_delete, post_save

        from campaign import golive  # noqa: F401
        from campaign.kommunen import leitbild_groups
        from campaign.models import Kommune
        from leitbild import pdf as leitbild_pdf

        leitbild_pdf.provide_jobcenter_list(leitbild_groups)

        # Files of an unpublished sign-language video or Leichte-Sprache page answer 404 to visitors.
        from campaign.models import ContentPage, EasyLanguageSection, SignLanguageVideo
        from mediafiles.access import protect

        video_fields = ["video_webm", "video_mp4", "captions", "poster"]
        protect(SignLanguageVideo, video_fields, folder=f"{SignLanguageVideo.MEDIA_FOLDER}/")
        protect(EasyLanguageSection, ["image"], folder="leichte-sprache/", owner="page__", owner_model=ContentPage)
        post_save.connect(kommune_changed, sender=Kommune, dispatch_uid="leitbild-pdf-kommune-save")
        post_delete.connect(kommune_changed, sender=Kommune, dispatch_uid="leitbild-pdf-kommune-delete")


def kommune_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata: no tasks for fixtures
        return
    from generated import makers
    from leitbild import pdf as leitbild_pdf

    makers.enqueue(leitbild_pdf.KEY)
