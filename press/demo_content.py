# ruff: noqa: E501 -- the source texts stay one line per paragraph, as in the sources
"""The newsroom's demo content, word for word from the campaign's source documents.

- Pressemitteilung Nr. 022/2018 vom 26.11.2018 (joint release of the Deutscher Landkreistag
  and the Deutscher Städtetag on the campaign start), with its footnote on "nachhaltige
  Integration". The source marks the footnote with "*" after "Integrationen" and ends with
  "Zusätzliche Informationen", the heading under which the release page offers its downloads.
- The release of the Kommunale Arbeitsförderung Ortenaukreis (KOA) on the same day. The
  source gives no date and no number: it speaks of "heute und morgen" at the Tag der
  kommunalen Jobcenter, the day of Nr. 022/2018, so it is dated 26.11.2018 too.
- The press coverage of 18 June 2021 (Carl-Friedrich Höck). The source names neither the
  medium nor an address: both are marked as missing, never made up.

Texts are kept as they are in the sources, including their slips ("erbingen", "weiss").
"""

from datetime import date

RELEASE_022_2018 = {
    "number": "022/2018",
    "date": date(2018, 11, 26),
    "slug": "022-2018-kommunale-jobcenter-starten-kampagne",
    "title": "104 kommunale Jobcenter starten Kampagne „Stark.Sozial.Vor Ort.“",
    "issuers": "Deutscher Landkreistag, Deutscher Städtetag",
    "is_joint": True,
    "lead": "Der Deutsche Landkreistag und der Deutsche Städtetag haben mit den 104 kommunalen Jobcentern unter dem Titel “Stark. Sozial. Vor Ort.“ eine gemeinsame Kampagne gestartet, um auf die Bedeutung dezentraler Arbeitsmarktpolitik aufmerksam zu machen.",
    "paragraphs": [
        "Heute und morgen findet in Berlin der jährliche Tag der kommunalen Jobcenter statt, der sich in diesem Jahr mit den Herausforderungen der Digitalisierung beschäftigen wird. Den kommunalen Jobcentern ist es wichtig, sich ständig weiterzuentwickeln, um auch in einer sich wandelnden, digitalen Arbeitswelt die Menschen mit flexiblen und passgenauen Leistungen zu unterstützen.",
        "Dieser Tag ist gleichzeitig der Startschuss für eine gemeinsame öffentlichkeitswirksame Kampagne der 104 kommunalen Jobcenter. Unter dem Titel „Kommunale Jobcenter – Stark. Sozial. Vor Ort.“ werden deren Arbeit und Stärken zukünftig deutlicher ins Bewusstsein von Bürgern, Politik und Unternehmen gerückt.",
        "Der Eigenbetrieb für Arbeit-Jobcenter Saalekreis unterstützt derzeit 14.738 Grundsicherungsbezieher auf ihrem Weg in Ausbildung oder Arbeit. „Seit Jahren machen wir uns stark für nachhaltige Integrationen* in den Arbeitsmarkt. Mit einer Quote von 74,3% belegen wir im Vergleich der 407 bundesweit agierenden Jobcenter Platz 5.“, weiss Dr. Gert Kuhnert, Betriebsleiter des Eigenbetriebes für Arbeit, zu berichten.",
        "Die kommunalen Jobcenter sind Teil des Landkreises bzw. der kreisfreien Städte und bieten ein Gesamtpaket an Leistungen und Lösungen. Das Ergebnis sind bürgernahe kommunale Jobcenter, kurze Wege, rasche Entscheidungen, umfassende und ganzheitliche Angebote sowie nachhaltige Unterstützung. Sie erbingen Leistungen aus einer Hand und verbinden ihre Angebote mit weiteren kommunalen Verantwortlichkeiten, wie etwa von Jugendämtern, Schulen, Ausländerbehörden oder der Wirtschaftsförderung.",
        "Für Landrat Frank Bannert ist regionale Arbeitsmarktpolitik Chefsache. „Die Arbeit des Eigenbetriebes für Arbeit unterliegt der Kontrolle der Bürger über den direkt gewählten Kreistag, der aus seinen Reihen Mitglieder in den Betriebsausschuss beruft. In den regelmäßig stattfindenden Beratungen dieses Ausschusses informiert der Betriebsleiter zu aktuellen Entwicklungen und neuen Vorhaben. Hinweise aus diesem Gremium fließen in die künftige Arbeit des Eigenbetriebes für Arbeit ein. Dieses Verfahren hat sich bewährt“, schätzt Bannert ein.",
        "Seit über 13 Jahren nutzen wir im Eigenbetrieb für Arbeit die Vorteile einer dezentralen Struktur und erarbeiten maßgeschneiderte Lösungen. So können wir Schwerpunkte bei der Förderung, entsprechend den regionalen und kommunalen Notwendigkeiten, setzen. Ein Beispiel dafür ist der Regionale Arbeitskreis (RAK) des Saalekreises, der seit fast drei Jahren aktiv den Einsatz von ESF-Landesmitteln im Rahmen der regionalen Arbeitsmarktpolitik steuert“, ergänzt Bannert noch.",
        "www.kommunale-jobcenter.de",
    ],
    "footnotes": [
        "*Eine nachhaltige Integration gemäß den Kennzahlen nach § 48a SGB II liegt vor, wenn eine Person eine sozialversicherungspflichtige Beschäftigung aufnimmt und zwölf Monate später ebenfalls sozialversicherungspflichtig beschäftigt ist. Die Person muss allerdings innerhalb dieses Jahres nicht durchgehend beschäftigt gewesen sein. Auch muss das ursprüngliche Beschäftigungsverhältnis nicht mit dem zwölf Monate später beobachteten identisch."
    ],
}

RELEASE_ORTENAUKREIS = {
    "number": "",
    "date": date(2018, 11, 26),
    "slug": "kommunale-jobcenter-werben-bundesweit-fuer-ihre-arbeit",
    "title": "Kommunale Jobcenter werben bundesweit für ihre Arbeit",
    "issuers": "Kommunale Arbeitsförderung Ortenaukreis (KOA)",
    "is_joint": False,
    "lead": "Heute und morgen findet in Berlin der Tag der kommunalen Jobcenter statt, an dem auch die Kommunale Arbeitsförderung Ortenaukreis (KOA) vertreten ist. Das jährliche Treffen der bundesweit 104 Einrichtungen beschäftigt sich in diesem Jahr mit den Herausforderungen der Digitalisierung. Dadurch wollen die Verantwortlichen Arbeitsuchende in der sich wandelnden, digitalen Arbeitswelt mit flexiblen und passgenauen Leistungen und Angeboten bestmöglich unterstützen. Gleichzeitig ist dieser Tag der Startschuss für eine gemeinsame öffentlichkeitswirksame Kampagne, durch welche die Arbeit der kommunalen Jobcenter zukünftig deutlicher ins Bewusstsein der Öffentlichkeit gerückt werden soll. Daran beteiligt sich auch die KOA im Ortenaukreis, die in 2005 im Zuge der sogenannten Hartz IV-Reformen gegründet wurde.",
    "paragraphs": [
        "„Die Kommunale Arbeitsförderung leistet seit nunmehr 13 Jahren eine erfolgreiche Arbeit und ist aus der regionalen Arbeitsmarktpolitik nicht mehr wegzudenken“, so Sozialdezernent Gerg Benz anlässlich des Tags der Jobcenter. Der Ortenaukreis sei nach wie vor davon überzeugt, dass er mit der Entscheidung, die Langzeitarbeitslosen in Eigenregie zu betreuen, den richtigen Weg beschritten hat. Dadurch könne die KOA ihre Leistungen mit weiteren Aufgaben des Kreises unter einem Dach bündeln und ein Gesamtpaket an Leistungen und Lösungen anbieten.",
        "„Die Kommunale Arbeitsförderung hat in den vergangenen Jahren viel bewegt und sie konnte, auch dank innovativer zielgruppenspezifischer Projekte, viele Arbeitsuchende in den ersten Arbeitsmarkt integrieren“, sagt Armin Mittelstädt, der die KOA bereits seit deren Gründung leitet. „Rund 250 Kolleginnen und Kollegen kümmern sich um die rund 16.500 Menschen im Ortenaukreis, die sogenannte „Hartz IV“-Leistungen beziehen“, so Mittelstädt weiter. Um sie für den Arbeitsmarkt fit zu machen, befinden sich durchschnittlich 2.000 Leistungsempfänger in einer Arbeitsfördermaßnahme der KOA. Mit einer Aktivierungsquote, die regelmäßig zwischen 20 und 25 Prozent aller Arbeitsuchenden betrage, nehme die KOA bundesweit eine Spitzenstellung ein. Dass monatlich zwischen 400 und 500 erwerbsfähige Leistungsberechtigte den Leistungsbezug beenden können, sei ein weiterer Beleg für die gute Arbeit.",
        "Um die kommunalen Jobcenter bei Bürgern, Politik und Unternehmen bekannter zu machen, haben diese nun eine gemeinsame Kampagne unter dem Titel „Kommunale Jobcenter – Stark. Sozial. Vor Ort.“ gestartet. Mit deutschlandweiten Aktivitäten der Öffentlichkeitsarbeit und unterstützt durch verschiedene Werbematerialien möchten sie ihre Stärken in den Fokus rücken:",
    ],
    # The source lists the campaign's strengths after "… in den Fokus rücken:".
    "list": [
        "So erbringen sie als Teil der Verwaltung eines Landkreises bzw. einer kreisfreien Stadt Leistungen aus einer Hand und verbinden ihre Angebote mit weiteren kommunalen Verantwortlichkeiten wie etwa von Jugendämtern, Schulen, Ausländerbehörden oder der Wirtschaftsförderung. Dadurch garantieren sie kurze Wege, rasche Entscheidungen sowie eine umfassende, ganzheitliche und nachhaltige Unterstützung.",
        "Für die Landräte und Oberbürgermeister ist die kommunale Arbeitsmarktpolitik Chefsache. Zudem verfügen sie über eine starke demokratische Verankerung: Sie unterliegen der Kontrolle der Bürger über die direkt gewählten Kreistage und Stadträte. Arbeitsmarktpolitik ist dadurch ein integraler Bestandteil kommunaler Sozialpolitik. Außerdem entwickeln sie lokale und regionale Aktivitäten, die sich gut mit den Maßnahmen der örtlichen Netzwerkpartner verzahnen. Vorteile sind dezentrale Strukturen und kreative maßgeschneiderte Lösungen. So können Schwerpunkte bei der Förderung entsprechend den regionalen und kommunalen Notwendigkeiten gesetzt werden.",
    ],
    "closing": "Weitere Informationen finden Sie im Internet unter www.kommunale-jobcenter.de sowie unter www.koa-ortenau.de.",
    "footnotes": [],
}

COVERAGE_2021 = {
    "title": "So werben Kommunen für ein besseres Jobcenter-Image",
    "author": "Carl-Friedrich Höck",
    "date": date(2021, 6, 18),
    "source": "[Platzhalter: Medium – in der Vorlage nicht genannt]",
    "url": "",
    "teaser": "Jobcenter haben nicht den besten Ruf – dabei können sie Arbeitssuchenden wertvolle Unterstützung leisten. Der Deutsche Städtetag und der Deutsche Landkreistag werben nun mit einer Kampagne für kommunale Center und erzählen Erfolgsgeschichten.",
}
