"""The 104 Optionskommunen (zugelassene kommunale Träger nach § 6a SGB II), as of November 2020.

The rows are carried here, not read from a file, so that this migration gives the same
result forever. Source: optionskommunen.csv (name, kind, Land) in the project brief.
"""

from django.db import migrations

# (name, slug, kind, land) in the order of the source list.
OPTIONSKOMMUNEN = [
    ("Landkreis Biberach", "landkreis-biberach", "landkreis", "baden-wuerttemberg"),
    ("Bodenseekreis", "bodenseekreis", "landkreis", "baden-wuerttemberg"),
    ("Enzkreis", "enzkreis", "landkreis", "baden-wuerttemberg"),
    ("Landkreis Ludwigsburg", "landkreis-ludwigsburg", "landkreis", "baden-wuerttemberg"),
    ("Ortenaukreis", "ortenaukreis", "landkreis", "baden-wuerttemberg"),
    ("Ostalbkreis", "ostalbkreis", "landkreis", "baden-wuerttemberg"),
    ("Stadt Pforzheim", "stadt-pforzheim", "kreisfreie-stadt", "baden-wuerttemberg"),
    ("Landkreis Ravensburg", "landkreis-ravensburg", "landkreis", "baden-wuerttemberg"),
    ("Landeshauptstadt Stuttgart", "landeshauptstadt-stuttgart", "kreisfreie-stadt", "baden-wuerttemberg"),
    ("Landkreis Tuttlingen", "landkreis-tuttlingen", "landkreis", "baden-wuerttemberg"),
    ("Landkreis Waldshut", "landkreis-waldshut", "landkreis", "baden-wuerttemberg"),
    ("Landkreis Ansbach", "landkreis-ansbach", "landkreis", "bayern"),
    ("Stadt Erlangen", "stadt-erlangen", "kreisfreie-stadt", "bayern"),
    ("Landkreis Günzburg", "landkreis-guenzburg", "landkreis", "bayern"),
    ("Stadt Ingolstadt", "stadt-ingolstadt", "kreisfreie-stadt", "bayern"),
    ("Stadt Kaufbeuren", "stadt-kaufbeuren", "kreisfreie-stadt", "bayern"),
    ("Landkreis Miesbach", "landkreis-miesbach", "landkreis", "bayern"),
    ("Landkreis München", "landkreis-muenchen", "landkreis", "bayern"),
    ("Landkreis Oberallgäu", "landkreis-oberallgaeu", "landkreis", "bayern"),
    ("Stadt Schweinfurt", "stadt-schweinfurt", "kreisfreie-stadt", "bayern"),
    ("Landkreis Würzburg", "landkreis-wuerzburg", "landkreis", "bayern"),
    ("Landkreis Havelland", "landkreis-havelland", "landkreis", "brandenburg"),
    ("Landkreis Oberhavel", "landkreis-oberhavel", "landkreis", "brandenburg"),
    ("Landkreis Oder-Spree", "landkreis-oder-spree", "landkreis", "brandenburg"),
    ("Landkreis Ostprignitz-Ruppin", "landkreis-ostprignitz-ruppin", "landkreis", "brandenburg"),
    ("Landkreis Potsdam-Mittelmark", "landkreis-potsdam-mittelmark", "landkreis", "brandenburg"),
    ("Landkreis Spree-Neiße", "landkreis-spree-neisse", "landkreis", "brandenburg"),
    ("Landkreis Uckermark", "landkreis-uckermark", "landkreis", "brandenburg"),
    ("Kreis Bergstraße", "kreis-bergstrasse", "landkreis", "hessen"),
    ("Landkreis Darmstadt-Dieburg", "landkreis-darmstadt-dieburg", "landkreis", "hessen"),
    ("Landkreis Fulda", "landkreis-fulda", "landkreis", "hessen"),
    ("Kreis Groß-Gerau", "kreis-gross-gerau", "landkreis", "hessen"),
    ("Landkreis Hersfeld-Rotenburg", "landkreis-hersfeld-rotenburg", "landkreis", "hessen"),
    ("Hochtaunuskreis", "hochtaunuskreis", "landkreis", "hessen"),
    ("Lahn-Dill-Kreis", "lahn-dill-kreis", "landkreis", "hessen"),
    ("Main-Kinzig-Kreis", "main-kinzig-kreis", "landkreis", "hessen"),
    ("Main-Taunus-Kreis", "main-taunus-kreis", "landkreis", "hessen"),
    ("Landkreis Marburg-Biedenkopf", "landkreis-marburg-biedenkopf", "landkreis", "hessen"),
    ("Odenwaldkreis", "odenwaldkreis", "landkreis", "hessen"),
    ("Kreis Offenbach", "kreis-offenbach", "landkreis", "hessen"),
    ("Stadt Offenbach am Main", "stadt-offenbach-am-main", "kreisfreie-stadt", "hessen"),
    ("Rheingau-Taunus-Kreis", "rheingau-taunus-kreis", "landkreis", "hessen"),
    ("Vogelsbergkreis", "vogelsbergkreis", "landkreis", "hessen"),
    ("Landeshauptstadt Wiesbaden", "landeshauptstadt-wiesbaden", "kreisfreie-stadt", "hessen"),
    ("Landkreis Vorpommern-Rügen", "landkreis-vorpommern-ruegen", "landkreis", "mecklenburg-vorpommern"),
    ("Landkreis Ammerland", "landkreis-ammerland", "landkreis", "niedersachsen"),
    ("Landkreis Aurich", "landkreis-aurich", "landkreis", "niedersachsen"),
    ("Landkreis Emsland", "landkreis-emsland", "landkreis", "niedersachsen"),
    ("Landkreis Friesland", "landkreis-friesland", "landkreis", "niedersachsen"),
    ("Landkreis Göttingen", "landkreis-goettingen", "landkreis", "niedersachsen"),
    ("Landkreis Grafschaft Bentheim", "landkreis-grafschaft-bentheim", "landkreis", "niedersachsen"),
    ("Landkreis Heidekreis", "landkreis-heidekreis", "landkreis", "niedersachsen"),
    ("Landkreis Leer", "landkreis-leer", "landkreis", "niedersachsen"),
    ("Landkreis Oldenburg", "landkreis-oldenburg", "landkreis", "niedersachsen"),
    ("Landkreis Osnabrück", "landkreis-osnabrueck", "landkreis", "niedersachsen"),
    ("Landkreis Osterholz", "landkreis-osterholz", "landkreis", "niedersachsen"),
    ("Landkreis Peine", "landkreis-peine", "landkreis", "niedersachsen"),
    ("Landkreis Rotenburg (Wümme)", "landkreis-rotenburg-wuemme", "landkreis", "niedersachsen"),
    ("Landkreis Schaumburg", "landkreis-schaumburg", "landkreis", "niedersachsen"),
    ("Landkreis Verden", "landkreis-verden", "landkreis", "niedersachsen"),
    ("Landkreis Wittmund", "landkreis-wittmund", "landkreis", "niedersachsen"),
    ("Kreis Borken", "kreis-borken", "landkreis", "nordrhein-westfalen"),
    ("Kreis Coesfeld", "kreis-coesfeld", "landkreis", "nordrhein-westfalen"),
    ("Kreis Düren", "kreis-dueren", "landkreis", "nordrhein-westfalen"),
    ("Ennepe-Ruhr-Kreis", "ennepe-ruhr-kreis", "landkreis", "nordrhein-westfalen"),
    ("Stadt Essen", "stadt-essen", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Kreis Gütersloh", "kreis-guetersloh", "landkreis", "nordrhein-westfalen"),
    ("Stadt Hamm", "stadt-hamm", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Hochsauerlandkreis", "hochsauerlandkreis", "landkreis", "nordrhein-westfalen"),
    ("Kreis Kleve", "kreis-kleve", "landkreis", "nordrhein-westfalen"),
    ("Kreis Lippe", "kreis-lippe", "landkreis", "nordrhein-westfalen"),
    ("Kreis Minden-Lübbecke", "kreis-minden-luebbecke", "landkreis", "nordrhein-westfalen"),
    ("Stadt Mülheim an der Ruhr", "stadt-muelheim-an-der-ruhr", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Stadt Münster", "stadt-muenster", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Kreis Recklinghausen", "kreis-recklinghausen", "landkreis", "nordrhein-westfalen"),
    ("Stadt Solingen", "stadt-solingen", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Kreis Steinfurt", "kreis-steinfurt", "landkreis", "nordrhein-westfalen"),
    ("Kreis Warendorf", "kreis-warendorf", "landkreis", "nordrhein-westfalen"),
    ("Stadt Wuppertal", "stadt-wuppertal", "kreisfreie-stadt", "nordrhein-westfalen"),
    ("Landkreis Kusel", "landkreis-kusel", "landkreis", "rheinland-pfalz"),
    ("Landkreis Mainz-Bingen", "landkreis-mainz-bingen", "landkreis", "rheinland-pfalz"),
    ("Landkreis Mayen-Koblenz", "landkreis-mayen-koblenz", "landkreis", "rheinland-pfalz"),
    ("Landkreis Südwestpfalz", "landkreis-suedwestpfalz", "landkreis", "rheinland-pfalz"),
    ("Landkreis Vulkaneifel", "landkreis-vulkaneifel", "landkreis", "rheinland-pfalz"),
    ("Landkreis Saarlouis", "landkreis-saarlouis", "landkreis", "saarland"),
    ("Saarpfalz-Kreis", "saarpfalz-kreis", "landkreis", "saarland"),
    ("Landkreis St. Wendel", "landkreis-st-wendel", "landkreis", "saarland"),
    ("Landkreis Bautzen", "landkreis-bautzen", "landkreis", "sachsen"),
    ("Erzgebirgskreis", "erzgebirgskreis", "landkreis", "sachsen"),
    ("Landkreis Görlitz", "landkreis-goerlitz", "landkreis", "sachsen"),
    ("Landkreis Leipzig", "landkreis-leipzig", "landkreis", "sachsen"),
    ("Landkreis Meißen", "landkreis-meissen", "landkreis", "sachsen"),
    ("Altmarkkreis Salzwedel", "altmarkkreis-salzwedel", "landkreis", "sachsen-anhalt"),
    ("Landkreis Anhalt-Bitterfeld", "landkreis-anhalt-bitterfeld", "landkreis", "sachsen-anhalt"),
    ("Burgenlandkreis", "burgenlandkreis", "landkreis", "sachsen-anhalt"),
    ("Landkreis Harz", "landkreis-harz", "landkreis", "sachsen-anhalt"),
    ("Saalekreis", "saalekreis", "landkreis", "sachsen-anhalt"),
    ("Salzlandkreis", "salzlandkreis", "landkreis", "sachsen-anhalt"),
    ("Kreis Nordfriesland", "kreis-nordfriesland", "landkreis", "schleswig-holstein"),
    ("Kreis Schleswig-Flensburg", "kreis-schleswig-flensburg", "landkreis", "schleswig-holstein"),
    ("Landkreis Eichsfeld", "landkreis-eichsfeld", "landkreis", "thueringen"),
    ("Landkreis Greiz", "landkreis-greiz", "landkreis", "thueringen"),
    ("Stadt Jena", "stadt-jena", "kreisfreie-stadt", "thueringen"),
    ("Landkreis Schmalkalden-Meiningen", "landkreis-schmalkalden-meiningen", "landkreis", "thueringen"),
]


def load(apps, schema_editor):
    Kommune = apps.get_model("campaign", "Kommune")
    Kommune.objects.bulk_create(
        [Kommune(name=name, slug=slug, kind=kind, land=land) for name, slug, kind, land in OPTIONSKOMMUNEN]
    )


def unload(apps, schema_editor):
    Kommune = apps.get_model("campaign", "Kommune")
    Kommune.objects.filter(slug__in=[row[1] for row in OPTIONSKOMMUNEN]).delete()


class Migration(migrations.Migration):
    dependencies = [("campaign", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
