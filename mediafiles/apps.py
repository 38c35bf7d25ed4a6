from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediafilesConfig(AppConfig):
    """The media pipeline: every upload through one gate (`uploads.py`), images and their renditions,
    the one video model and its processing, captions, the clean-up of files no row names, the rule
    who may fetch a file under /media/ (`access.py`) and its serving with Range (`serving.py`).
    Not called `media`: the top-level media/ folder is MEDIA_ROOT, where the uploads are stored."""

    name = "mediafiles"
    verbose_name = _("Medien")

    def ready(self):
        from mediafiles import visibility
        from mediafiles.files import connect_cleanup

        # No leftovers: deleting a row, or replacing one of its files, deletes the old file and
        # its renditions after the commit, for every model of the site (mediafiles/files.py).
        connect_cleanup()
        # With the media in a bucket (DJANGO_S3_BUCKET), a file is public there only while its row
        # is: a task after every content change and at each scheduled moment (mediafiles/visibility.py).
        visibility.connect()
