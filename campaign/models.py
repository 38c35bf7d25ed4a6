from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Land(models.TextChoices):
    """The 16 Länder. The value is the URL form (`?land=hessen`), the label the German name."""

    BADEN_WUERTTEMBERG = "baden-wuerttemberg", _("Baden-Württemberg")
    BAYERN = "bayern", _("Bayern")
    BERLIN = "berlin", _("Berlin")
    BRANDENBURG = "brandenburg", _("Brandenburg")
    BREMEN = "bremen", _("Bremen")
    HAMBURG = "hamburg", _("Hamburg")
    HESSEN = "hessen", _("Hessen")
    MECKLENBURG_VORPOMMERN = "mecklenburg-vorpommern", _("Mecklenburg-Vorpommern")
    NIEDERSACHSEN = "niedersachsen", _("Niedersachsen")
    NORDRHEIN_WESTFALEN = "nordrhein-westfalen", _("Nordrhein-Westfalen")
    RHEINLAND_PFALZ = "rheinland-pfalz", _("Rheinland-Pfalz")
    SAARLAND = "saarland", _("Saarland")
    SACHSEN = "sachsen", _("Sachsen")
    SACHSEN_ANHALT = "sachsen-anhalt", _("Sachsen-Anhalt")
    SCHLESWIG_HOLSTEIN = "schleswig-holstein", _("Schleswig-Holstein")
    THUERINGEN = "thueringen", _("Thüringen")


class KommuneKind(models.TextChoices):
    LANDKREIS = "landkreis", _("Landkreis")
    KREISFREIE_STADT = "kreisfreie-stadt", _("kreisfreie Stadt")


class KommuneQuerySet(models.QuerySet):
    def in_land(self, land: str) -> "KommuneQuerySet":
        return self.filter(land=land)


class Kommune(models.Model):
    """One of the 104 Optionskommunen: a Landkreis or kreisfreie Stadt that runs its Jobcenter alone."""

    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=KommuneKind.choices)
    land = models.CharField(_("Land"), max_length=30, choices=Land.choices, db_index=True)
    jobcenter_name = models.CharField(
        _("Name des Jobcenters"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen, wenn das Jobcenter keinen eigenen Namen führt."),
    )
    website = models.URLField(_("Website"), blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)

    objects = KommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("campaign:kommune_detail", kwargs={"slug": self.slug})

    @property
    def display_jobcenter_name(self) -> str:
        return self.jobcenter_name or _("Jobcenter %(name)s") % {"name": self.name}
