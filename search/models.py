from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One findable page in the site search, kept current by search/index.py.

    `folded_*` hold the text casefolded with ä→ae, ö→oe, ü→ue, ß→ss, so a plain
    `contains` finds "Düren" for "dueren" on SQLite and PostgreSQL alike. An entry is found
    only inside its window [visible_from, visible_until), so a scheduled story appears and an
    expired one vanishes on time without any job."""

    kind = models.CharField(_("Art"), max_length=20)
    kind_order = models.PositiveSmallIntegerField(_("Reihenfolge der Art"))
    source = models.CharField(_("Quelle"), max_length=100, unique=True)
    title = models.CharField(_("Titel"), max_length=300)
    url = models.CharField(_("Adresse"), max_length=300)
    excerpt = models.TextField(_("Auszug"), blank=True)
    folded_title = models.TextField(_("Titel für die Suche"))
    folded_text = models.TextField(_("Text für die Suche"))
    visible_from = models.DateTimeField(_("Sichtbar ab"), null=True, blank=True)
    visible_until = models.DateTimeField(_("Sichtbar bis"), null=True, blank=True)

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Sucheinträge")
        ordering = ["kind_order", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url
