"""Products that background tasks make from the content (the Leitbild PDF, the key-figures
sheet) and that views serve from storage: one row per product, replaced when the content
changes (generated/makers.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedFile(models.Model):
    key = models.SlugField(_("Schlüssel"), max_length=100, unique=True)
    # The name in the default storage. Not a FileField: nobody uploads these, the task writes them.
    path = models.CharField(_("Datei in der Ablage"), max_length=255)
    digest = models.CharField(_("Prüfsumme der Eingaben"), max_length=64)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"))
    made_at = models.DateTimeField(_("Erzeugt am"))

    class Meta:
        ordering = ["key"]
        verbose_name = _("Erzeugte Datei")
        verbose_name_plural = _("Erzeugte Dateien")

    def __str__(self) -> str:
        return self.key

    def get_absolute_url(self) -> str:
        from django.core.files.storage import default_storage

        return default_storage.url(self.path)
