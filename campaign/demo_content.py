"""Demo contact data of a few Jobcenter pages (campaign/demo.py loads them).

Illustrative, not the Jobcenters' real data: every description says "(Demo-Angaben)", e-mail
addresses and websites are under example.org (reserved for examples, RFC 2606), and the phone
numbers are "drama numbers", which the Bundesnetzagentur keeps unassigned for media
productions (Amtsblatt 7/2021, Mitteilung 148/2021): Köln (0)221 4710 000–999, Frankfurt am
Main (0)69 90009 000–999. Addresses, opening hours and accessibility notes are plausible
examples, not checked against the offices; the coordinates are those of the real towns and
districts, so that the markers land where a visitor expects them.
"""

DEMO_MARK = "(Demo-Angaben)"

ACCESSIBLE = (
    "Stufenloser Eingang mit automatischer Tür\n"
    "Aufzug in alle Etagen\n"
    "Barrierefreies WC im Erdgeschoss\n"
    "Induktionsschleife am Empfang"
)

JOBCENTER_PAGES = {
    "kreis-dueren": {
        "fields": {
            "jobcenter_name": "job-com – Kommunales Jobcenter Kreis Düren",
            "website": "https://kreis-dueren.example.org/jobcenter",
            "address": "Kreishaus\nBismarckstraße 16\n52351 Düren",
            "phone": "0221 4710 100",
            "email": "jobcenter@kreis-dueren.example.org",
            "press_name": "Erika Musterfrau",
            "press_phone": "0221 4710 190",
            "press_email": "presse@kreis-dueren.example.org",
            "description": (
                f"{DEMO_MARK} Das job-com ist das kommunale Jobcenter des Kreises Düren. Wir beraten Menschen, "
                "die Grundsicherung für Arbeitsuchende beziehen, zahlen die Leistungen und begleiten sie auf dem "
                "Weg in Arbeit und Ausbildung.\n\n"
                "Damit niemand weit fahren muss, sind wir nicht nur im Kreishaus in Düren da, sondern auch in "
                "Geschäftsstellen im Nord- und im Südkreis. Termine gibt es auch am Telefon und per Video."
            ),
        },
        "locations": [
            {
                "name": "Hauptsitz im Kreishaus",
                "kind": "hauptsitz",
                "street": "Bismarckstraße 16",
                "postcode": "52351",
                "city": "Düren",
                "phone": "0221 4710 101",
                "opening_hours": "Mo–Fr 8–12 Uhr\nDo zusätzlich 14–17 Uhr\nAndere Zeiten nach Absprache",
                "accessibility": ACCESSIBLE + "\nZwei Parkplätze für Menschen mit Behinderung vor dem Eingang",
                "latitude": "50.804300",
                "longitude": "6.482400",
            },
            {
                "name": "Geschäftsstelle Nordkreis",
                "kind": "geschaeftsstelle",
                "street": "Kölnstraße 5",
                "postcode": "52428",
                "city": "Jülich",
                "phone": "0221 4710 120",
                "opening_hours": "Mo, Di, Do 8–12 Uhr\nDi zusätzlich 13–16 Uhr",
                "accessibility": "Stufenloser Eingang über den Hof\nAufzug\nKein barrierefreies WC",
                "latitude": "50.922000",
                "longitude": "6.362000",
            },
            {
                "name": "Geschäftsstelle Südkreis",
                "kind": "geschaeftsstelle",
                "street": "Zülpicher Straße 2",
                "postcode": "52385",
                "city": "Nideggen",
                "opening_hours": "Mi 8–12 Uhr und nach Vereinbarung",
                "accessibility": "Eine Stufe am Eingang, Rampe auf Nachfrage",
                "latitude": "50.689000",
                "longitude": "6.484000",
            },
        ],
    },
    "landeshauptstadt-stuttgart": {
        "fields": {
            "jobcenter_name": "Jobcenter Stuttgart",
            "website": "https://stuttgart.example.org/jobcenter",
            "address": "Rosenbergstraße 10\n70176 Stuttgart",
            "phone": "069 90009 200",
            "email": "jobcenter@stuttgart.example.org",
            "press_name": "Max Mustermann",
            "press_phone": "069 90009 290",
            "press_email": "presse@stuttgart.example.org",
            "description": (
                f"{DEMO_MARK} Das Jobcenter Stuttgart unterstützt Menschen in der Landeshauptstadt, die "
                "Grundsicherung für Arbeitsuchende beziehen: mit Geld zum Leben, mit Beratung und mit Wegen in "
                "Arbeit, Ausbildung und Weiterbildung.\n\n"
                "In den Stadtteilbüros sind wir dort, wo die Menschen wohnen: ohne Termin, mit kurzen Wegen "
                "zu Schuldnerberatung, Kinderbetreuung und Sprachkursen im Quartier."
            ),
        },
        "locations": [
            {
                "name": "Hauptsitz Mitte",
                "kind": "hauptsitz",
                "street": "Rosenbergstraße 10",
                "postcode": "70176",
                "city": "Stuttgart",
                "phone": "069 90009 201",
                "opening_hours": "Mo–Fr 8–12 Uhr\nDo zusätzlich 14–18 Uhr",
                "accessibility": ACCESSIBLE + "\nGebärdensprachdolmetschen auf Anfrage",
                "latitude": "48.779000",
                "longitude": "9.167000",
            },
            {
                "name": "Stadtteilbüro Bad Cannstatt",
                "kind": "stadtteilbuero",
                "street": "Marktstraße 20",
                "postcode": "70372",
                "city": "Stuttgart",
                "phone": "069 90009 230",
                "opening_hours": "Di und Do 9–13 Uhr, ohne Termin",
                "accessibility": "Stufenloser Eingang\nBarrierefreies WC",
                "latitude": "48.805000",
                "longitude": "9.214000",
            },
            {
                "name": "Stadtteilbüro Vaihingen",
                "kind": "stadtteilbuero",
                "street": "Hauptstraße 8",
                "postcode": "70563",
                "city": "Stuttgart",
                "opening_hours": "Mi 9–13 Uhr, ohne Termin",
                "accessibility": "Erdgeschoss, stufenlos erreichbar",
                "latitude": "48.729000",
                "longitude": "9.108000",
            },
        ],
    },
    "kreis-steinfurt": {
        "fields": {
            "jobcenter_name": "Jobcenter Kreis Steinfurt",
            "website": "https://kreis-steinfurt.example.org/jobcenter",
            "phone": "0221 4710 300",
            "email": "jobcenter@kreis-steinfurt.example.org",
            "description": (
                f"{DEMO_MARK} Das Jobcenter Kreis Steinfurt ist in 24 Städten und Gemeinden für die "
                "Grundsicherung für Arbeitsuchende zuständig, mit Standorten in Steinfurt, Rheine und Ibbenbüren."
            ),
        },
        "locations": [
            {
                "name": "Hauptsitz Steinfurt",
                "kind": "hauptsitz",
                "street": "Tecklenburger Straße 10",
                "postcode": "48565",
                "city": "Steinfurt",
                "phone": "0221 4710 301",
                "opening_hours": "Mo–Fr 8–12 Uhr",
                "accessibility": ACCESSIBLE,
                "latitude": "52.147000",
                "longitude": "7.337000",
            },
            {
                "name": "Geschäftsstelle Rheine",
                "kind": "geschaeftsstelle",
                "street": "Bahnhofstraße 14",
                "postcode": "48431",
                "city": "Rheine",
                "opening_hours": "Mo–Do 8–12 Uhr",
                "latitude": "52.280000",
                "longitude": "7.440000",
            },
            {
                "name": "Geschäftsstelle Ibbenbüren",
                "kind": "geschaeftsstelle",
                "street": "Oststraße 3",
                "postcode": "49477",
                "city": "Ibbenbüren",
                "opening_hours": "Di und Do 8–12 Uhr",
                "latitude": "52.277000",
                "longitude": "7.716000",
            },
        ],
    },
}


# The Leitbild's promise of "Leichte Sprache" with pictures: (heading, sentences, drawing, alt text).
# The drawing is stories/demo_art.drawing(name, variant, role): a person at work, never a photo.
EASY_LANGUAGE_SECTIONS = [
    (
        "Das macht das Job-Center",
        [
            "Das Job-Center hilft Menschen ohne Arbeit.",
            "Eine Person vom Job-Center spricht mit Ihnen.",
            "Sie suchen zusammen eine Arbeit.",
            "Oder eine Ausbildung.",
        ],
        ("Leichte Sprache Beratung", 3, "Fallmanagerin im Jobcenter"),
        "Ein gemaltes Bild: Eine Person steht neben einem Schreib-Tisch. Auf dem Tisch steht ein Computer.",
    ),
    (
        "Geschichten von Menschen",
        [
            "Auf dieser Internet-Seite gibt es Geschichten.",
            "Die Menschen in den Geschichten haben wieder Arbeit.",
            "Zum Beispiel: Ein Mann arbeitet wieder als Schlosser.",
            "Das Job-Center hat ihm geholfen.",
        ],
        ("Leichte Sprache Schlosser", 2, "Schlosser"),
        "Ein gemaltes Bild: Ein Mensch steht an einer Werk-Bank. An der Wand hängt Werk-Zeug.",
    ),
    (
        "Ihr Job-Center finden",
        [
            "In Deutschland gibt es 104 kommunale Job-Center.",
            "Klicken Sie oben im Menü auf: Jobcenter.",
            "Dort finden Sie Ihr Job-Center.",
            "Dort steht die Adresse.",
            "Und wann das Job-Center offen ist.",
        ],
        ("Leichte Sprache Weg", 5, "Busfahrer"),
        "Ein gemaltes Bild: Ein Mensch steht vor einem Bus.",
    ),
]
