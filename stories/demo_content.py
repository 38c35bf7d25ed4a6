"""The demo stories and explainer videos that `manage.py load_demo` loads.

The first two are the real testimonials named in the press coverage of the campaign start
(seed 000): their quotes are word for word, and their texts say nothing the source does
not. Everything else is invented and marked as an example (Story.is_example), with
illustrations instead of photos (stories/demo_art.py) and demo videos built by
stories/demo_media/build.py.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoStory:
    slug: str
    name: str
    kommune: str  # Kommune slug
    topics: tuple[str, ...]  # Topic slugs
    quote: str
    teaser: str
    body: tuple[str, ...]  # paragraphs (plain text; the loader wraps them in <p>)
    role: str = ""
    kind: str = "testimonial"
    video: str = ""  # a video in stories/demo_media/ (same slug)
    external: tuple[str, str] | None = None  # (platform, video ID)
    photos: int = 1
    featured: bool = False
    cover_story: bool = False  # the Titelgeschichte at the top of the landing page (one)
    example: bool = True
    photo_notes: tuple[str, ...] = field(default=())
    status: str = "published"  # IN_WORK stories show the editorial workflow
    review_note: str = ""  # the central team's comment when it sent the story back


REAL = (
    DemoStory(
        slug="bjoern-mehren",
        name="Björn Mehren",
        kommune="kreis-dueren",
        topics=("neuorientierung", "qualifizierung"),
        quote="Jetzt habe ich endlich wieder eine richtige Arbeit als Schlosser",
        teaser="Björn Mehren aus dem Kreis Düren arbeitet wieder als Schlosser.",
        body=(
            "„Jetzt habe ich endlich wieder eine richtige Arbeit als Schlosser“, sagt Björn Mehren aus dem "
            "Kreis Düren. Seine Geschichte ist eine der Erfolgsgeschichten, mit denen die kommunalen Jobcenter "
            "zeigen, wie es gelingen kann, wieder Fuß zu fassen.",
        ),
        role="Schlosser",
        video="bjoern-mehren",
        photos=0,
        featured=True,
        example=False,
    ),
    DemoStory(
        slug="anastasia-popvidou",
        name="Anastasia Popvidou",
        kommune="landeshauptstadt-stuttgart",
        topics=("neuorientierung", "qualifizierung"),
        quote="Endlich konnte ich zeigen, dass ich auch mit 35 etwas Neues lernen kann.",
        teaser="Anastasia Popvidou aus Stuttgart freut sich über ihren neuen Job in einem Speditionsunternehmen.",
        body=(
            "Anastasia Popvidou aus Stuttgart hat einen neuen Job in einem Speditionsunternehmen. "
            "„Endlich konnte ich zeigen, dass ich auch mit 35 etwas Neues lernen kann.“",
        ),
        role="Mitarbeiterin in einem Speditionsunternehmen",
        video="anastasia-popvidou",
        photos=0,
        featured=True,
        example=False,
    ),
)

EXAMPLES = (
    DemoStory(
        slug="sabine-hartmann",
        name="Sabine Hartmann",
        kind="staff",
        role="Fallmanagerin im Jobcenter",
        kommune="landkreis-emsland",
        topics=("soziale-teilhabe", "gesundheit"),
        quote="Wir suchen gemeinsam den nächsten Schritt.",
        teaser="Sabine Hartmann begleitet Menschen, die lange keine Arbeit hatten – mit Geduld und einem Plan.",
        body=(
            "Seit zwölf Jahren arbeitet Sabine Hartmann im Fallmanagement. Zu ihr kommen Menschen, bei denen "
            "mehr als eine Sache im Weg steht: Schulden, Krankheit, ein fehlender Abschluss.",
            "„Ich frage zuerst, was jemand kann und will. Dann suchen wir gemeinsam den nächsten Schritt – "
            "manchmal ist das eine Beratung, manchmal ein Praktikum.“",
        ),
        video="sabine-hartmann",
        photos=0,
        featured=True,
    ),
    DemoStory(
        slug="jonas-albrecht",
        name="Jonas Albrecht",
        role="Elektroniker für Betriebstechnik",
        kommune="kreis-borken",
        topics=("ausbildung",),
        quote="Die Einstiegsqualifizierung hat mir die Tür zur Ausbildung geöffnet.",
        teaser="Nach der Schule fand Jonas Albrecht keinen Ausbildungsplatz. Ein Praktikum im Betrieb änderte das.",
        body=(
            "Jonas Albrecht hatte über vierzig Bewerbungen geschrieben. Im Jobcenter bekam er den Tipp, es mit "
            "einer Einstiegsqualifizierung zu versuchen: ein Jahr im Betrieb, mit Berufsschule.",
            "Heute ist er im dritten Lehrjahr. Sein Video liegt auf einer Videoplattform und wird erst nach "
            "einem Klick geladen.",
        ),
        external=("youtube", "Beispiel-01"),
        photos=0,
    ),
    DemoStory(
        slug="leonie-braun",
        name="Leonie Braun",
        role="Auszubildende zur Kauffrau im Einzelhandel",
        kommune="landkreis-muenchen",
        topics=("ausbildung", "familie-und-beruf"),
        quote="Mit meiner Tochter und einer Ausbildung in Teilzeit – das hätte ich allein nicht geschafft.",
        teaser=(
            "Leonie Braun macht ihre Ausbildung in Teilzeit. Die Kinderbetreuung hat das Jobcenter mit ihr organisiert."
        ),
        body=(
            "Als ihre Tochter zur Welt kam, hatte Leonie Braun die Schule gerade beendet. Eine Ausbildung schien "
            "unmöglich.",
            "Mit der Teilzeitausbildung arbeitet sie sechs Stunden am Tag. Den Platz in der Kita hat sie mit Hilfe "
            "ihrer Ansprechpartnerin im Jobcenter gefunden.",
        ),
        photos=2,
        featured=True,
        cover_story=True,
    ),
    DemoStory(
        slug="mehmet-yildiz",
        name="Mehmet Yıldız",
        role="Busfahrer",
        kommune="stadt-essen",
        topics=("qualifizierung",),
        quote="Der Führerschein Klasse D war mein Schlüssel zurück in den Beruf.",
        teaser="Mehmet Yıldız fährt heute Linienbus. Die Weiterbildung dafür hat das Jobcenter gefördert.",
        body=(
            "Nach der Schließung seines Betriebs war Mehmet Yıldız zwei Jahre ohne Arbeit. Fahrer wurden gesucht, "
            "aber ihm fehlte der Führerschein.",
            "Mit einem Bildungsgutschein machte er den Busführerschein. Seit einem Jahr fährt er im Schichtdienst.",
        ),
    ),
    DemoStory(
        slug="katrin-vogel",
        name="Katrin Vogel",
        role="Pflegehelferin",
        kommune="landkreis-uckermark",
        topics=("gesundheit", "qualifizierung"),
        quote="Nach meiner Krankheit wollte ich wieder gebraucht werden. Jetzt werde ich es jeden Tag.",
        teaser="Nach einer langen Krankheit hat Katrin Vogel in der Pflege einen neuen Anfang gemacht.",
        body=(
            "Zwei Jahre lang konnte Katrin Vogel nicht arbeiten. Danach wollte sie nicht zurück in ihren alten "
            "Beruf im Einzelhandel.",
            "Über einen Pflegebasiskurs fand sie in ein Seniorenheim in ihrer Nähe. Die Arbeitszeiten hat sie mit "
            "ihrem Arbeitgeber so gelegt, dass sie gesund bleibt.",
        ),
    ),
    DemoStory(
        slug="yusuf-haidari",
        name="Yusuf Haidari",
        role="Auszubildender zum Anlagenmechaniker",
        kommune="kreis-offenbach",
        topics=("zuwanderung", "ausbildung"),
        quote="Erst der Sprachkurs, dann das Praktikum, jetzt die Ausbildung – Schritt für Schritt.",
        teaser="Yusuf Haidari kam vor vier Jahren nach Deutschland. Heute lernt er Anlagenmechaniker.",
        body=(
            "Als Yusuf Haidari in den Kreis Offenbach kam, sprach er kein Deutsch. Nach dem Integrationskurs "
            "folgte ein berufsbezogener Sprachkurs.",
            "Ein Praktikum in einem Heizungsbaubetrieb wurde zur Ausbildungsstelle. Die Berufsschule schafft er mit "
            "ausbildungsbegleitender Hilfe.",
        ),
        photos=2,
    ),
    DemoStory(
        slug="petra-lindner",
        name="Petra Lindner",
        role="Inhaberin eines Hofladens",
        kommune="landkreis-vorpommern-ruegen",
        topics=("selbststaendigkeit",),
        quote="Ich habe mich getraut, mein eigenes Geschäft aufzumachen – mit Beratung vom Jobcenter.",
        teaser="Petra Lindner verkauft Obst, Gemüse und Eingemachtes aus der Region – in ihrem eigenen Laden.",
        body=(
            "Die Idee hatte Petra Lindner schon lange. Es fehlte ein Plan, der trägt.",
            "Im Jobcenter bekam sie eine Gründungsberatung und für den Anfang Einstiegsgeld. Ihr Laden trägt sich "
            "inzwischen selbst.",
        ),
    ),
    DemoStory(
        slug="thomas-kuehn",
        name="Thomas Kühn",
        role="Fachkraft für Lagerlogistik",
        kommune="landkreis-leipzig",
        topics=("neuorientierung",),
        quote="Mit 52 noch mal etwas Neues anfangen? Ja – und es hat sich gelohnt.",
        teaser="Thomas Kühn hat mit 52 Jahren den Beruf gewechselt und arbeitet heute in einem Logistikzentrum.",
        body=(
            "Dreißig Jahre war Thomas Kühn Drucker. Dann wurde die Druckerei geschlossen.",
            "Eine Umschulung zur Fachkraft für Lagerlogistik brachte ihn in ein Logistikzentrum vor den Toren "
            "Leipzigs. „Ich bin der Älteste im Team – und das ist gut so.“",
        ),
    ),
    DemoStory(
        slug="aylin-demir",
        name="Aylin Demir",
        kind="staff",
        role="Arbeitsvermittlerin im Jobcenter",
        kommune="stadt-muenster",
        topics=("familie-und-beruf",),
        quote="Ich sehe zuerst den Menschen, dann den Lebenslauf.",
        teaser=(
            "Aylin Demir vermittelt vor allem Mütter und Väter, die nach der Familienzeit zurück in den Beruf wollen."
        ),
        body=(
            "„Viele, die zu mir kommen, glauben, ihre Lücke im Lebenslauf sei das Problem“, sagt Aylin Demir. "
            "„Dabei haben sie in der Familienzeit viel gelernt.“",
            "Mit Arbeitgebern in Münster spricht sie über Teilzeit und flexible Arbeitszeiten – oft öffnet das "
            "die Tür.",
        ),
    ),
    DemoStory(
        slug="daniel-schroeder",
        name="Daniel Schröder",
        role="Gärtner im Garten- und Landschaftsbau",
        kommune="landkreis-goettingen",
        topics=("gesundheit", "soziale-teilhabe"),
        quote="Die Arbeit draußen tut mir gut. Ich habe wieder einen Rhythmus.",
        teaser="Nach einer schweren Zeit hat Daniel Schröder im Garten- und Landschaftsbau Halt gefunden.",
        body=(
            "Daniel Schröder hatte Jahre ohne festen Tagesablauf hinter sich. Eine Arbeitsgelegenheit in einem "
            "Gemeinschaftsgarten war der erste Schritt.",
            "Heute ist er fest angestellt. Seine Chefin sagt: „Auf ihn ist Verlass.“",
        ),
    ),
    DemoStory(
        slug="svetlana-morozova",
        name="Svetlana Morozova",
        role="Buchhalterin",
        kommune="stadt-jena",
        topics=("zuwanderung", "qualifizierung"),
        quote="Mein Abschluss wurde anerkannt – endlich arbeite ich wieder in meinem Beruf.",
        teaser=(
            "Svetlana Morozova war in ihrer Heimat Buchhalterin. "
            "Mit der Anerkennung ihres Abschlusses ist sie es wieder."
        ),
        body=(
            "In ihren ersten Jahren in Jena arbeitete Svetlana Morozova als Reinigungskraft. Ihr Studium galt hier "
            "zunächst nichts.",
            "Das Jobcenter half beim Anerkennungsverfahren und bezahlte einen Kurs für deutsche Buchführung. Seit "
            "dem Frühjahr arbeitet sie in einem Steuerbüro.",
        ),
    ),
    DemoStory(
        slug="frank-meier",
        name="Frank Meier",
        role="Hausmeister an einer Grundschule",
        kommune="landkreis-saarlouis",
        topics=("soziale-teilhabe",),
        quote="Ich gehöre wieder dazu. Die Kinder grüßen mich jeden Morgen.",
        teaser="Nach langer Arbeitslosigkeit ist Frank Meier Hausmeister an einer Grundschule.",
        body=(
            "Frank Meier war über sechs Jahre ohne Arbeit. Über eine geförderte Stelle zur Teilhabe am "
            "Arbeitsmarkt kam er an eine Grundschule.",
            "Ein Coach des Jobcenters begleitete ihn im ersten Jahr. Heute hat er einen unbefristeten Vertrag.",
        ),
    ),
    DemoStory(
        slug="nicole-schwarz",
        name="Nicole Schwarz",
        role="Verwaltungsfachangestellte",
        kommune="landkreis-mainz-bingen",
        topics=("familie-und-beruf",),
        quote="Dank der Kinderbetreuung kann ich wieder Vollzeit arbeiten.",
        teaser="Nicole Schwarz arbeitet wieder in Vollzeit – weil die Betreuung ihrer Kinder geklärt ist.",
        body=(
            "Drei Kinder, eine Ausbildung in der Verwaltung, aber keine Betreuung am Nachmittag: Lange passte das "
            "nicht zusammen.",
            "Im Jobcenter fand Nicole Schwarz Unterstützung bei der Suche nach einem Hortplatz. Seit dem Sommer "
            "arbeitet sie in einer Kreisverwaltung.",
        ),
        photos=2,
    ),
    DemoStory(
        slug="lukas-wagner",
        name="Lukas Wagner",
        role="Auszubildender zum Mechatroniker",
        kommune="ortenaukreis",
        topics=("ausbildung",),
        quote="Ohne Schulabschluss dachte ich, für mich gibt es nichts. Jetzt bin ich im zweiten Lehrjahr.",
        teaser="Lukas Wagner hat seinen Hauptschulabschluss nachgeholt und eine Ausbildung begonnen.",
        body=(
            "Die Schule hatte Lukas Wagner ohne Abschluss verlassen. Im Jugendberufsteam des Jobcenters holte er "
            "ihn in einem Kurs nach.",
            "Jetzt lernt er Mechatroniker bei einem Zulieferer in der Ortenau.",
        ),
    ),
    DemoStory(
        slug="ahmad-karimi",
        name="Ahmad Karimi",
        role="Koch",
        kommune="salzlandkreis",
        topics=("zuwanderung", "neuorientierung"),
        quote="In der Küche spricht man eine gemeinsame Sprache.",
        teaser="Ahmad Karimi kocht heute in einem Restaurant im Salzlandkreis.",
        body=(
            "In Afghanistan hatte Ahmad Karimi in der Verwaltung gearbeitet. In Deutschland wollte er etwas mit "
            "den Händen machen.",
            "Nach einem Praktikum in einer Großküche stellte ihn ein Restaurant ein. Den Berufsabschluss holt er "
            "in Teilzeit nach.",
        ),
    ),
    DemoStory(
        slug="birgit-hoffmann",
        name="Birgit Hoffmann",
        kind="staff",
        role="Teamleiterin Integration im Jobcenter",
        kommune="kreis-nordfriesland",
        topics=("soziale-teilhabe",),
        quote="Gute Arbeit beginnt mit Zuhören.",
        teaser="Birgit Hoffmann leitet ein Team, das Menschen auf dem Land zu Hause und unterwegs berät.",
        body=(
            "In Nordfriesland sind die Wege weit. Birgit Hoffmanns Team berät deshalb auch in Sprechstunden in "
            "den Ämtern und per Video.",
            "„Wer zu uns kommt, soll sich ernst genommen fühlen. Dann entsteht Vertrauen – und daraus ein Plan.“",
        ),
    ),
    DemoStory(
        slug="sandra-krueger",
        name="Sandra Krüger",
        role="Friseurmeisterin mit eigenem Salon",
        kommune="erzgebirgskreis",
        topics=("selbststaendigkeit", "familie-und-beruf"),
        quote="Das Einstiegsgeld hat mir das erste Jahr leichter gemacht.",
        teaser="Sandra Krüger hat sich mit einem eigenen Salon selbstständig gemacht.",
        body=(
            "Nach der Elternzeit fand Sandra Krüger keine Stelle mit passenden Arbeitszeiten. Also schuf sie "
            "sich selbst eine.",
            "Ihr Businessplan entstand mit einer Gründungsberatung, die das Jobcenter vermittelt hat.",
        ),
    ),
    DemoStory(
        slug="marco-rossi",
        name="Marco Rossi",
        role="Berufskraftfahrer",
        kommune="landkreis-fulda",
        topics=("qualifizierung",),
        quote="Die Weiterbildung hat nur ein paar Monate gedauert, aber alles verändert.",
        teaser="Marco Rossi fährt heute Lkw für eine Spedition in Osthessen.",
        body=(
            "Jahrelang hatte Marco Rossi in befristeten Hilfsjobs gearbeitet. Eine Weiterbildung zum "
            "Berufskraftfahrer brachte die feste Stelle.",
            "„Ich weiß jetzt am Monatsanfang, was am Monatsende auf dem Konto ist.“",
        ),
    ),
    DemoStory(
        slug="julia-neumann",
        name="Julia Neumann",
        role="Auszubildende zur Erzieherin",
        kommune="landkreis-osnabrueck",
        topics=("ausbildung", "familie-und-beruf"),
        quote="Als Alleinerziehende eine Ausbildung – mit dem richtigen Plan geht es.",
        teaser="Julia Neumann macht als alleinerziehende Mutter eine Ausbildung zur Erzieherin.",
        body=(
            "Julia Neumann wollte schon immer mit Kindern arbeiten. Mit zwei eigenen Kindern schien die "
            "Ausbildung zu lang.",
            "Eine praxisintegrierte Ausbildung mit Vergütung machte es möglich. Das Jobcenter hilft bei den "
            "Fahrtkosten.",
        ),
    ),
    DemoStory(
        slug="stefan-zimmermann",
        name="Stefan Zimmermann",
        role="IT-Supporter",
        kommune="stadt-erlangen",
        topics=("gesundheit", "neuorientierung"),
        quote="Nach dem Burn-out habe ich einen Beruf gefunden, der zu mir passt.",
        teaser="Stefan Zimmermann arbeitet nach einer Erkrankung im IT-Support eines Krankenhauses.",
        body=(
            "Stefan Zimmermann war Vertriebsleiter, bis er nicht mehr konnte. Nach der Reha wollte er einen "
            "ruhigeren Beruf.",
            "Eine Weiterbildung im IT-Support und ein Arbeitsversuch beim neuen Arbeitgeber gaben ihm Sicherheit.",
        ),
    ),
    DemoStory(
        slug="elena-popescu",
        name="Elena Popescu",
        role="Pflegefachkraft",
        kommune="landkreis-oberhavel",
        topics=("zuwanderung", "qualifizierung"),
        quote="Der Sprachkurs für Pflegeberufe war genau das Richtige.",
        teaser="Elena Popescu ist Pflegefachkraft in einem Krankenhaus in Oberhavel.",
        body=(
            "In Rumänien war Elena Popescu Krankenschwester. Für die Anerkennung in Deutschland fehlte ihr das "
            "Sprachniveau B2.",
            "Ein berufsbezogener Sprachkurs für Pflegeberufe schloss die Lücke. Seit einem Jahr arbeitet sie auf "
            "einer internistischen Station.",
        ),
    ),
    DemoStory(
        slug="hans-becker",
        name="Hans Becker",
        kind="staff",
        role="Ansprechpartner für Arbeitgeber im Jobcenter",
        kommune="kreis-guetersloh",
        topics=("qualifizierung",),
        quote="Ich bringe Betriebe und Menschen zusammen, die zueinander passen.",
        teaser="Hans Becker kennt die Betriebe im Kreis Gütersloh – und weiß, wen sie suchen.",
        body=(
            "Hans Becker ist jeden Tag in Betrieben unterwegs. Er fragt, welche Stellen offen sind und was die "
            "Bewerberinnen und Bewerber können müssen.",
            "„Manchmal fehlt nur eine kurze Schulung. Die organisieren wir dann gleich mit.“",
        ),
    ),
    DemoStory(
        slug="maria-schulz",
        name="Maria Schulz",
        role="Verkäuferin",
        kommune="landeshauptstadt-wiesbaden",
        topics=("soziale-teilhabe", "familie-und-beruf"),
        quote="Ich habe wieder Struktur im Alltag – und meine Kinder sehen, dass es sich lohnt.",
        teaser="Maria Schulz arbeitet in einer Bäckerei in Wiesbaden – nach vielen Jahren zu Hause.",
        body=(
            "Viele Jahre hatte Maria Schulz ihre kranke Mutter gepflegt. Danach traute sie sich eine Stelle "
            "kaum noch zu.",
            "Ein Coaching im Jobcenter half ihr, ihre Stärken zu sehen. Nach einem Probearbeitstag bekam sie die "
            "Stelle in der Bäckerei.",
        ),
    ),
    DemoStory(
        slug="kevin-lange",
        name="Kevin Lange",
        role="Maler und Lackierer",
        kommune="kreis-dueren",
        topics=("ausbildung",),
        quote="Mit 25 habe ich meine Ausbildung doch noch abgeschlossen.",
        teaser="Kevin Lange hat seine abgebrochene Ausbildung wieder aufgenommen und bestanden.",
        body=(
            "Mit 19 hatte Kevin Lange seine Ausbildung abgebrochen. Sechs Jahre später wagte er einen neuen Anlauf.",
            "Mit ausbildungsbegleitender Hilfe bestand er die Gesellenprüfung. Sein Betrieb hat ihn übernommen.",
        ),
    ),
)

STORIES = REAL + EXAMPLES

# Not public: one submission of Kreis Düren waiting for the central team, and one Stuttgart
# draft the central team sent back with a comment (the admin start pages show both).
IN_WORK = (
    DemoStory(
        slug="jana-krueger",
        name="Jana Krüger",
        role="Fachkraft für Lagerlogistik",
        kommune="kreis-dueren",
        topics=("ausbildung",),
        quote="Mit 34 noch eine Ausbildung – und jetzt leite ich eine Schicht.",
        teaser="Jana Krüger hat spät eine Ausbildung begonnen. Heute führt sie ein Team im Lager.",
        body=(
            "Nach Jahren mit Aushilfsjobs wollte Jana Krüger einen Abschluss. Das Jobcenter förderte eine "
            "Umschulung in Teilzeit, damit sie ihren Sohn weiter selbst von der Kita abholen konnte.",
            "Seit dem Abschluss arbeitet sie in einem Logistikzentrum bei Düren, inzwischen als Schichtleiterin.",
        ),
        status="review",
    ),
    DemoStory(
        slug="murat-yildiz",
        name="Murat Yıldız",
        role="Busfahrer",
        kommune="landeshauptstadt-stuttgart",
        topics=("qualifizierung",),
        quote="Den Führerschein hat das Jobcenter gefördert – das Lenkrad halte ich selbst.",
        teaser="Murat Yıldız fährt heute Linienbus in Stuttgart.",
        body=("Der Busführerschein kostet viel Geld. Das Jobcenter übernahm die Kosten der Weiterbildung.",),
        photos=0,
        status="draft",
        review_note="Bitte noch ein Foto ergänzen und den Kurztext um ein, zwei Sätze erweitern.",
    ),
)

# Published once, then the person withdrew their consent (consent/demo.py records it): the story
# is archived without its pictures and shown nowhere; the admin shows the audit entry.
WITHDRAWN = (
    DemoStory(
        slug="ralf-schneider",
        name="Ralf Schneider",
        role="Hausmeister",
        kommune="kreis-steinfurt",
        topics=("qualifizierung",),
        quote="Ich repariere wieder, was kaputtgeht – und mein Tag hat einen Anfang.",
        teaser="Ralf Schneider arbeitet als Hausmeister in einer Wohnanlage im Kreis Steinfurt.",
        body=("Nach einer Weiterbildung in Haustechnik fand Ralf Schneider eine feste Stelle.",),
    ),
)

BUT_EXPLAINER = {
    "slug": "bildungs-und-teilhabepaket",
    "title": "Das Bildungs- und Teilhabepaket",
    "teaser": (
        "Kinder und Jugendliche aus Familien mit wenig Geld sollen mitmachen können: in der Schule, beim "
        "Mittagessen, im Sportverein. Das Bildungs- und Teilhabepaket hilft dabei."
    ),
    "body": (
        "<h2>Wer bekommt Leistungen?</h2>"
        "<p>Kinder, Jugendliche und junge Erwachsene, deren Familien Bürgergeld, Sozialhilfe, Wohngeld oder "
        "den Kinderzuschlag bekommen.</p>"
        "<h2>Wofür gibt es Geld?</h2>"
        "<ul><li><p>Schulbedarf, zum Beispiel Hefte und Stifte</p></li>"
        "<li><p>Ausflüge und Klassenfahrten</p></li>"
        "<li><p>gemeinsames Mittagessen in Schule, Kita oder Hort</p></li>"
        "<li><p>Lernförderung, zum Beispiel Nachhilfe</p></li>"
        "<li><p>Fahrten zur nächstgelegenen Schule</p></li>"
        "<li><p>Sport, Musik und Kultur, zum Beispiel den Beitrag im Verein</p></li></ul>"
        "<h2>Wie bekomme ich die Leistungen?</h2>"
        "<p>Wenn Ihre Familie Bürgergeld bekommt, fragen Sie Ihr Jobcenter. Es sagt Ihnen, welche Leistungen "
        "Sie beantragen können und was Sie dafür brauchen.</p>"
    ),
    "video": "bildungs-und-teilhabepaket",
}
