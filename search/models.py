from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class TextSearchVectorField(SearchVectorField):
    """PostgreSQL's tsvector, filled by search/index.py with the `german` configuration; on other
    databases a text column that stays empty (SQLite searches `stems` instead). Needs no
    django.contrib.postgres in INSTALLED_APPS: the site runs on SQLite too."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"

    def _check_postgres_installed(self, *args):
        return []


class SearchEntry(models.Model):
    """One findable page in the site search, kept current by search/index.py.

    `text` is the page's plain text (title first), `folded_*` the same casefolded with ä→ae,
    ö→oe, ü→ue, ß→ss. PostgreSQL searches `vector` (both spellings, stemmed by its `german`
    configuration); SQLite searches `title_stems`/`stems`, the same stems made by
    search/stemming.py. An entry is found only inside its window [visible_from,
    visible_until), so a scheduled story appears and an expired one vanishes on time without
    any job."""

    kind = models.CharField(_("Art"), max_length=20)
    kind_order = models.PositiveSmallIntegerField(_("Reihenfolge der Art"))
    source = models.CharField(_("Quelle"), max_length=100, unique=True)
    title = models.CharField(_("Titel"), max_length=300)
    url = models.CharField(_("Adresse"), max_length=300)
    excerpt = models.TextField(_("Auszug"), blank=True)
    folded_title = models.TextField(_("Titel für die Suche"))
    folded_text = models.TextField(_("Text für die Suche"))
    text = models.TextField(_("Text"), blank=True)
    title_stems = models.TextField(_("Wortstämme des Titels"), blank=True)
    stems = models.TextField(_("Wortstämme"), blank=True)
    vector = TextSearchVectorField(_("Suchvektor"), null=True, blank=True, editable=False)
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
