"""The Strategisches Leitbild der kommunalen Jobcenter 2030 (edition November 2020,
Deutscher Landkreistag and Deutscher Städtetag), word for word.

The text is carried here, not read from a file, so that this migration gives the same
result forever. Source: leitbild.json in the project brief (from the printed Leitbild).
Reversing the migration removes the Leitbild again.
"""

from django.db import migrations

LEITBILD = {
    "title": "Strategisches Leitbild der kommunalen Jobcenter 2030",
    "edition": "November 2020",
    "publishers": ["Deutscher Landkreistag", "Deutscher Städtetag"],
    "preamble": {
        "title": "Die 104 kommunalen Jobcenter",
        "bullets": [
            "sind Teil ihres Landkreises/ihrer kreisfreien Stadt und bieten ein Gesamtpaket an Leistungen und Lösungen aus einer Hand,",
            "verfügen über eine starke demokratische Verankerung. Die Bürgerinnen und Bürger wählen direkt die Kreistage, Stadträte, Landräte/Landrätinnen und Oberbürgermeister/Oberbürgermeisterinnen,",
            "bieten 1,5 Mio. Menschen Unterstützung auf ihrem Weg in Arbeit und Ausbildung an. Sie sind eine starke Säule der Arbeitsmarkt- und Sozialpolitik vor Ort,",
            "haben den Anspruch, dass jeder und jede Arbeitsuchende mit ihrer Unterstützung im Leben einen Schritt weiterkommt – zu einem Schulabschluss, einer Ausbildung, einer Qualifizierung und schließlich zu einem Job auf dem ersten Arbeitsmarkt. Dieser Aufgabe widmen sich die kommunalen Jobcenter mit viel Hinwendung und Empathie,",
            "sind nah an der Wirtschaft und deren starke Partner,",
            "unterstützen vor allem dabei, eigenverantwortlich zu leben – mit der damit verbundenen gesellschaftlichen Wertschätzung und sozialen Teilhabe,",
            "betrachten die Menschen als Mittelpunkt ihrer Arbeit, kennen ihre Lebensgeschichten und setzen auf die Potenziale und Stärken jedes Einzelnen,",
            "bieten Unterstützung bei Neuorientierung, Qualifizierung und Jobsuche. Die kommunalen Jobcenter kennen die Herausforderungen in den besonderen Lebenslagen und meistern sie gemeinsam mit den Arbeitssuchenden,",
            "nehmen die Verantwortung ernst, Sozialpolitik aktiv vor Ort zu gestalten, und bringen sich in den örtlichen Netzwerken aktiv und engagiert ein,",
            "betrachten die Digitalisierung nicht als Selbstzweck, sondern als zusätzliches Instrument zur weiteren Verbesserung ihrer Dienstleistungen.",
        ],
        "future": {
            "title": "Auf gutem Weg in die Zukunft",
            "paragraphs": [
                "Eine erfolgreiche Arbeitsmarkt- und Sozialpolitik muss in Zukunft noch stärker kommunal geprägt sein. Die kommunalen Jobcenter entwickeln ihre Konzepte, Strukturen und Methoden ständig weiter, um auch in einer sich wandelnden, digitalen Arbeitswelt die Menschen mit flexiblen und passgenauen Leistungen und Angeboten zu unterstützen.",
                "Jedes der 104 kommunalen Jobcenter trifft seine eigenen strategischen Entscheidungen und setzt eigene Schwerpunkte im Sinne der sehr unterschiedlichen Erfordernisse einer erfolgreichen und nachhaltigen regionalen Arbeitsmarkt- und Sozialpolitik.",
                "Die Grundlage dafür bildet das Strategische Leitbild der kommunalen Jobcenter. Es stellt einen Entwicklungsprozess dar, der von den kommunalen Jobcentern kontinuierlich weiter betrieben wird.",
            ],
        },
    },
    "chapters": [
        {
            "number": 1,
            "title": "Erfolgreich, innovativ und flexibel",
            "intro": [
                "Die kommunalen Jobcenter arbeiten erfolgreich, sind flexibel und innovativ. Sie integrieren pro Jahr mehr als 250.000 Menschen in nachhaltige Arbeit und sind für ein Gebiet mit mehr als 22 Mio. Einwohnern verantwortlich. Sie arbeiten jeden Tag daran, diese Erfolge zu verstetigen und auszubauen."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "die eigene Innovationskultur pflegen und weiterentwickeln,",
                "ihre Dienstleistungen weiter verbessern, ausbauen und neue Serviceangebote entwickeln,",
                "weiterhin auf nachhaltige Arbeitsintegration setzen, um den Menschen eine dauerhafte und tragfähige Existenzgrundlage zu verschaffen. Das ist eine Kernkompetenz der kommunalen Jobcenter, die auch zukünftig im Mittelpunkt ihrer Arbeit stehen wird,",
                "im Verbund mit anderen kommunalen Jobcentern Innovationsformate betreiben sowie Projekte auf den Weg bringen, um Erkenntnisse als Grundlage für die Entwicklung neuer Handlungsansätze zu gewinnen.",
            ],
        },
        {
            "number": 2,
            "title": "Digital und persönlich",
            "intro": [
                "Die Digitalisierung verändert die Arbeitswelt und die Lebenswelt der Menschen entscheidend. Auch Verwaltungsleistungen müssen an dieser Entwicklung teilhaben. Das Ziel sind zeitgemäße, schlanke und effiziente Verwaltungsabläufe. Nicht zuletzt kann die zunehmende Digitalisierung auch die Inanspruchnahme von Leistungen wie bei Bildung und Teilhabe erleichtern, bei denen es immer auch darum geht, Zugangshürden abzubauen.",
                "Die kommunalen Jobcenter betreiben die Digitalisierung zum Nutzen der Menschen. Im Bereich der aktiven Eingliederung in den Arbeitsmarkt kann der persönliche Kontakt durch digitale Ansätze ergänzt werden, um die Menschen noch besser zu unterstützen. Im Bereich der Geldleistungen können Standardisierung und Digitalisierung zu schnellen und transparenten Abläufen beitragen.",
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "sämtliche Chancen digitaler Verwaltungsdienste proaktiv nutzen und ihre IT-Verfahren anschlussfähig halten, um medienbruchfrei elektronisch kommunizieren zu können,",
                "ihre IT-Infrastruktur innerhalb der Kreis- oder Stadtverwaltung so aufeinander abstimmen und miteinander verknüpfen, dass dem Once-Only-Prinzip weitestgehend Rechnung getragen wird. Dies fordert ebenso die Innovationsfähigkeit der Anbieter kommunaler Softwarelösungen und betrifft auch den Bereich der Künstlichen Intelligenz zur Automatisierung von Abläufen,",
                "verfügbare Formate wie etwa Videoberatung, Service-Apps, Terminerinnerungen per Messenger und digitale Schnittstellen anwenden,",
                "die Digitalisierung als zusätzlichen qualitativen Mehrwert in der Beratung, Betreuung, Unterstützung und Vermittlung einsetzen.",
            ],
        },
        {
            "number": 3,
            "title": "Landkreis und Stadt als Netzwerkknoten",
            "intro": [
                "Der Markenkern der kommunalen Jobcenter ist die integrierte Leistungserbringung aus einer Hand. Die 104 Landkreise und kreisfreien Städte sind Netzwerkknoten und verbinden die Leistungen des Jobcenters mit den weiteren kommunalen Verantwortlichkeiten und Stellen wie dem Jugendamt, den Schulen, der Ausländerbehörde, der Wirtschaftsförderung und der kommunalen Standortpolitik zu einem umfassenden Gesamtpaket. Die Landkreise und kreisfreien Städte bauen diese intensive kommunale Verankerung zum Wohle der Menschen stetig aus."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "als starke Partner der Wirtschaft mit den örtlichen Unternehmen weiterhin sehr eng zusammenarbeiten, um arbeitslose Menschen passgenau und nachhaltig in Arbeit zu vermitteln,",
                "ihre langjährigen und guten Beziehungen zu den verschiedenen Arbeitsmarktakteuren und Sozialpartnern sowie ihre Verbundenheit zu den kreisangehörigen Gemeinden weiter zum Nutzen der Menschen einsetzen,",
                "als Landkreise/kreisfreie Städte integrierte, übergreifende Unterstützungs- und Hilfsangebote unterbreiten, um den Menschen noch stärker unkomplizierte Hilfe aus einer Hand und auf kurzem Wege zu gewähren,",
                "ihre kommunalen Kompetenzen ausbauen und Aufgaben selbst wahrnehmen, so beispielsweise in Bezug auf die Ausbildungsstellenvermittlung,",
                "sich verstärkt als umfassende soziale Leistungszentren verstehen und aufstellen sowie als zentrale Anlaufstelle auch für eine Erstberatung im Zusammenhang mit angrenzenden Leistungsbereichen wie Wohngeld, Kinderzuschlag, Unterhaltsvorschuss oder Sozialhilfe zur Verfügung stehen.",
            ],
        },
        {
            "number": 4,
            "title": "Zufriedene Menschen",
            "intro": [
                "Die Zufriedenheit der Bürgerinnen und Bürger mit den Dienstleistungen der Verwaltung war und ist den kommunalen Jobcentern besonders wichtig. Denn dies schafft Akzeptanz und fördert eine vertrauensvolle und gewinnbringende Zusammenarbeit mit dem Ziel der Integration in Arbeit."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "weiterhin eine konsequente Serviceorientierung verfolgen. Dazu werden sie die Spielräume zur Vereinfachung der Vorgänge und Entscheidungen im Jobcenter weiterhin nutzen,",
                "auch in Zukunft vielfältige Möglichkeiten anbieten, um mit den Menschen in Kontakt zu treten, zum Beispiel per Telefon, Mail, Briefpost oder im Wege weiterer digitaler Formate,",
                "sich sowohl in mündlicher als auch in schriftlicher Form einer verständlichen Sprache bedienen und ihre Kommunikation mehrsprachig ausgestalten,",
                "kultursensibel agieren und in einer immer diverser werdenden Gesellschaft ihre inklusiven Strategien weiter ausbauen,",
                "Zufriedenheitsbefragungen durchführen und nachhalten, um die Perspektive der Menschen kontinuierlich in ihre Arbeit einzubeziehen,",
                "die Anregungen und Wünsche der Leistungsbeziehenden, der Arbeitsmarktakteure und Sozialpartner ernst nehmen. Sie bieten außerdem ein niedrigschwelliges Beschwerdemanagement an.",
            ],
        },
        {
            "number": 5,
            "title": "Attraktiver Arbeitgeber",
            "intro": [
                "Die kommunalen Jobcenter bieten attraktive Beschäftigungsmöglichkeiten. Gerade im Zuge demografischer Veränderungen und eines sich verstärkenden Wettbewerbs um Fachkräfte unternehmen sie alles, um weiterhin qualifizierte und motivierte Mitarbeitende zu gewinnen und dauerhaft zu beschäftigen."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "die vielfältigen Einsatzmöglichkeiten und Entwicklungschancen innerhalb der breit aufgestellten Kommunalverwaltung, die ein wesentliches Strukturmerkmal der Landkreise und kreisfreien Städte mit kommunalem Jobcenter sind, weiter ausbauen und bewerben,",
                "neben fachlichen Kompetenzen weiterhin auch auf interkulturelle Fähigkeiten Wert legen und ihren Mitarbeitenden verstärkt Fortbildung, Weiterqualifizierung und Unterstützung anbieten,",
                "verstärkt Möglichkeiten der Ausbildung eigenen Personals nutzen und ausbauen,",
                "die Vereinbarkeit von Beruf und Familie sowie Pflege unter Nutzung der digitalen Möglichkeiten weiter befördern, beispielsweise durch Homeoffice-Regelungen, Betriebskindergärten oder Ferienbetreuung,",
                "auch künftig über sichere, ortsnahe und gesundheitsfördernde Arbeitsplätze sowie eine angemessene, aufgabenadäquate und leistungsbezogene Bezahlung verfügen.",
            ],
        },
        {
            "number": 6,
            "title": "Positives Menschenbild",
            "intro": [
                "Die kommunalen Jobcenter begegnen den Menschen mit Respekt und Wertschätzung. So gelingen eine vertrauensvolle Zusammenarbeit sowie eine persönliche, individuelle Beratung. Dieses positive Menschenbild ist die Basis für die Arbeit der kommunalen Jobcenter und wird auch von den Führungskräften vorgelebt."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "die individuellen Stärken jeder einzelnen Person in den Mittelpunkt der Betrachtung stellen und ressourcenorientiert fördern,",
                "spezifische Handlungsstrategien weiterentwickeln und vorhalten, um eine gute Beratung auf der Grundlage einer respektvollen Haltung flächendeckend sicherzustellen,",
                "Selbstverantwortung und aktive Mitwirkung von den Leistungsbeziehenden einfordern.",
            ],
        },
        {
            "number": 7,
            "title": "Soziale Teilhabe sicherstellen",
            "intro": [
                "Erwerbslosigkeit und das Leben am Existenzminimum sind für viele Menschen ein Problem, das sich mitunter über viele Jahre erstreckt. Vielfach stellt sich neben der Erwerbsintegration die Frage nach sozialer Teilhabe und nach der Sinnhaftigkeit des eigenen Tuns, zum Beispiel in einem Sozialen Arbeitsmarkt. In Anbetracht des hohen Stellenwertes von Arbeit ist es besonders wichtig, Ausgrenzungstendenzen für Personen im SGB II-Bezug zu überwinden."
            ],
            "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
            "commitments": [
                "die kommunale Aufgabe der Daseinsvorsorge und die damit verbundene Verantwortung einsetzen, um die soziale Teilhabe zu fördern. Ziel bleiben sinnstiftende Beschäftigungen und Entwicklungschancen,",
                "als Landkreise und kreisfreie Städte Möglichkeiten eines Sozialen Arbeitsmarktes gezielt einsetzen und Beschäftigung in der Kommune schaffen,",
                "auch in diesem Punkt starke Partner der lokalen Wirtschaft sein und gemeinsam mit den Unternehmen an sozialer Teilhabe arbeiten.",
            ],
        },
    ],
    "closing": {
        "title": "Eigenes Image pflegen",
        "intro": [
            "Die kommunalen Jobcenter arbeiten an einer positiven Wahrnehmung ihrer Arbeit in der Öffentlichkeit und werben gleichzeitig für eine breite Akzeptanz des Unterstützungssystems SGB II. Deshalb füllen sie auf vielfältige Art und Weise die drei Elemente ihres Selbstverständnisses „Stark. Sozial. Vor Ort.“ aus."
        ],
        "commitments_lead": "Deshalb werden die kommunalen Jobcenter",
        "commitments": [
            "die Erfolge ihrer Arbeitsmarktintegration noch besser darstellen,",
            "weiter auf ein positives Image des SGB II-Hilfesystems im Allgemeinen und der kommunalen Jobcenter im Besonderen hinwirken, wobei eine starke Wechselbeziehung mit der Zufriedenheit der Menschen besteht,",
            "gezielt Beispiele gelungener Arbeitsmarktintegration veröffentlichen und damit an der positiv-konstruktiven Wahrnehmung des Wirkens der Jobcenter arbeiten,",
            "aktuelle Arbeitsmarktdaten bereithalten, um Informationsbedürfnissen der Öffentlichkeit zu genügen.",
        ],
    },
}

# Address names of the seven chapters and the closing section, in order.
SLUGS = [
    "erfolgreich-innovativ-und-flexibel",
    "digital-und-persoenlich",
    "landkreis-und-stadt-als-netzwerkknoten",
    "zufriedene-menschen",
    "attraktiver-arbeitgeber",
    "positives-menschenbild",
    "soziale-teilhabe-sicherstellen",
    "eigenes-image-pflegen",
]

DESCRIPTION = (
    "Das Strategische Leitbild der 104 kommunalen Jobcenter für das Jahr 2030: "
    "sieben Kapitel zu Innovation, Digitalisierung, Netzwerken, Zufriedenheit, "
    "Arbeitgeberqualität, Menschenbild und sozialer Teilhabe."
)


def load_leitbild(apps, schema_editor):
    Leitbild = apps.get_model("leitbild", "Leitbild")
    PreamblePoint = apps.get_model("leitbild", "PreamblePoint")
    Chapter = apps.get_model("leitbild", "Chapter")
    Commitment = apps.get_model("leitbild", "Commitment")

    preamble = LEITBILD["preamble"]
    leitbild = Leitbild.objects.create(
        title=LEITBILD["title"],
        edition=LEITBILD["edition"],
        publishers=" und ".join(LEITBILD["publishers"]),
        description=DESCRIPTION,
        preamble_title=preamble["title"],
        future_title=preamble["future"]["title"],
        future_text="\n\n".join(preamble["future"]["paragraphs"]),
        structure_locked=True,
    )
    PreamblePoint.objects.bulk_create(
        PreamblePoint(leitbild=leitbild, position=position, text=text)
        for position, text in enumerate(preamble["bullets"], start=1)
    )
    sections = [("chapter", chapter) for chapter in LEITBILD["chapters"]] + [("closing", LEITBILD["closing"])]
    for position, ((kind, section), slug) in enumerate(zip(sections, SLUGS, strict=True), start=1):
        chapter = Chapter.objects.create(
            leitbild=leitbild,
            kind=kind,
            position=position,
            title=section["title"],
            slug=slug,
            intro="\n\n".join(section["intro"]),
            commitments_lead=section["commitments_lead"],
        )
        Commitment.objects.bulk_create(
            Commitment(chapter=chapter, position=number, text=text)
            for number, text in enumerate(section["commitments"], start=1)
        )


def remove_leitbild(apps, schema_editor):
    apps.get_model("leitbild", "Commitment").objects.all().delete()
    apps.get_model("leitbild", "Chapter").objects.all().delete()
    apps.get_model("leitbild", "PreamblePoint").objects.all().delete()
    apps.get_model("leitbild", "Leitbild").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("leitbild", "0001_initial")]

    operations = [migrations.RunPython(load_leitbild, remove_leitbild)]
