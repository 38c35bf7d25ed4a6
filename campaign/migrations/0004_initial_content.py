"""Production content of the campaign app: landing-page texts, key figures, the five content pages.

Texts marked "seed" are word for word from the campaign's source documents:
  000 press coverage of the campaign start (18 June 2021), 003 Strategisches Leitbild der
  kommunalen Jobcenter 2030 (November 2020). The legal pages are starting texts; facts we
  cannot know (addresses, responsible persons) are marked "[Platzhalter: …]".
The content is carried here, not read from a file, so this migration gives the same result forever.
"""

import datetime

from django.db import migrations

LANDING_PAGE = {
    "title": "Kommunale Jobcenter",
    "claim": "Stark. Sozial. Vor Ort.",
    # seed 000: quotation from the joint press release of Städtetag and Landkreistag.
    "lead": (
        "Der Markenkern der kommunalen Jobcenter ist die Unterstützung aus einer Hand und das Ziel, den Menschen "
        "passgenau und nachhaltig dabei zu helfen, schwierige Phasen zu überwinden und wieder Fuß zu fassen."
    ),
    "claim_heading": "Wofür die drei Worte stehen",
    "strong_word": "Stark.",
    # seed 003, chapter "Erfolgreich, innovativ und flexibel".
    "strong_text": (
        "Die kommunalen Jobcenter arbeiten erfolgreich, sind flexibel und innovativ. Sie integrieren pro Jahr mehr "
        "als 250.000 Menschen in nachhaltige Arbeit und sind für ein Gebiet mit mehr als 22 Mio. Einwohnern "
        "verantwortlich. Sie arbeiten jeden Tag daran, diese Erfolge zu verstetigen und auszubauen."
    ),
    "social_word": "Sozial.",
    # seed 003, chapter "Positives Menschenbild".
    "social_text": (
        "Die kommunalen Jobcenter begegnen den Menschen mit Respekt und Wertschätzung. So gelingen eine "
        "vertrauensvolle Zusammenarbeit sowie eine persönliche, individuelle Beratung. Dieses positive Menschenbild "
        "ist die Basis für die Arbeit der kommunalen Jobcenter und wird auch von den Führungskräften vorgelebt."
    ),
    "local_word": "Vor Ort.",
    # seed 000, quoting the campaign website.
    "local_text": (
        "Wir nehmen unsere Verantwortung ernst, Sozialpolitik aktiv vor Ort zu gestalten. Für unsere Landräte und "
        "Oberbürgermeister ist kommunale Arbeitsmarktpolitik Chefsache."
    ),
    "figures_heading": "Die kommunalen Jobcenter in Zahlen",
    "leitbild_heading": "Strategisches Leitbild der kommunalen Jobcenter 2030",
    # seed 003, chapter "Auf gutem Weg in die Zukunft".
    "leitbild_text": (
        "Eine erfolgreiche Arbeitsmarkt- und Sozialpolitik muss in Zukunft noch stärker kommunal geprägt sein. Die "
        "kommunalen Jobcenter entwickeln ihre Konzepte, Strukturen und Methoden ständig weiter, um auch in einer sich "
        "wandelnden, digitalen Arbeitswelt die Menschen mit flexiblen und passgenauen Leistungen und Angeboten zu "
        "unterstützen."
    ),
    "leitbild_link_text": "Das Leitbild lesen",
    "jobcenter_heading": "Die 104 kommunalen Jobcenter",
    # seed 000.
    "jobcenter_text": (
        "Jobcenter werden im Regelfall von der Bundesagentur für Arbeit gemeinsam mit einem kommunalen Träger "
        "betrieben. Es gibt aber auch 104 sogenannte Optionskommunen: Hier liegt die Trägerschaft alleine beim "
        "Landkreis oder einer kreisfreien Stadt."
    ),
    "jobcenter_link_text": "Alle 104 kommunalen Jobcenter",
    "access_heading": "Informationen in Leichter Sprache und in Gebärdensprache",
    "easy_language_text": "Was auf dieser Website steht und wie Sie sich zurechtfinden – in Leichter Sprache.",
    "sign_language_text": "Die wichtigsten Informationen zu dieser Website als Video in Deutscher Gebärdensprache.",
}

LEITBILD = "Strategisches Leitbild der kommunalen Jobcenter 2030"
# (value, label, source, as_of), all from seed 003.
KEY_FIGURES = [
    ("104", "kommunale Jobcenter in Landkreisen und kreisfreien Städten", LEITBILD, "November 2020"),
    ("1,5 Mio.", "Menschen unterstützt auf ihrem Weg in Arbeit und Ausbildung", LEITBILD, "November 2020"),
    ("mehr als 250.000", "Integrationen in nachhaltige Arbeit pro Jahr", LEITBILD, "November 2020"),
    ("mehr als 22 Mio.", "Einwohner im Gebiet der kommunalen Jobcenter", LEITBILD, "November 2020"),
]

WRITTEN_ON = datetime.date(2026, 11, 21)

SCHLICHTUNGSSTELLE = (
    "<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz<br>"
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen<br>"
    "Mauerstraße 53<br>10117 Berlin<br>"
    "Telefon: 030 18 527-2805<br>"
    'E-Mail: <a href="mailto:info@schlichtungsstelle-bgg.de">info@schlichtungsstelle-bgg.de</a><br>'
    'Internet: <a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a></p>'
)

IMPRINT = """\
<h2>Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)</h2>
<p>Diese Website ist ein gemeinsames Angebot des Deutschen Landkreistages und des Deutschen Städtetages \
für die 104 kommunalen Jobcenter.</p>
<h3>Deutscher Landkreistag</h3>
<p>[Platzhalter: Anschrift des Deutschen Landkreistages]<br>\
Vertreten durch: [Platzhalter: Name und Funktion der vertretungsberechtigten Person]<br>\
Telefon: [Platzhalter: Telefonnummer]<br>\
E-Mail: [Platzhalter: E-Mail-Adresse]</p>
<h3>Deutscher Städtetag</h3>
<p>[Platzhalter: Anschrift des Deutschen Städtetages]<br>\
Vertreten durch: [Platzhalter: Name und Funktion der vertretungsberechtigten Person]<br>\
Telefon: [Platzhalter: Telefonnummer]<br>\
E-Mail: [Platzhalter: E-Mail-Adresse]</p>
<h2>Rechtsform, Register und Umsatzsteuer</h2>
<p>[Platzhalter: Rechtsform, Registergericht und Registernummer, soweit vorhanden]</p>
<p>[Platzhalter: Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz, soweit vorhanden]</p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 Medienstaatsvertrag (MStV)</h2>
<p>[Platzhalter: Name der verantwortlichen Person]<br>\
[Platzhalter: Anschrift der verantwortlichen Person]</p>
<h2>Links zu anderen Websites</h2>
<p>Diese Website verlinkt auf Websites anderer Anbieter, zum Beispiel auf die Websites der Jobcenter. \
Für deren Inhalte sind allein die jeweiligen Anbieter verantwortlich. Als wir die Links gesetzt haben, \
waren keine Rechtsverstöße erkennbar. Erfahren wir von einem Rechtsverstoß, entfernen wir den Link.</p>
<h2>Gestaltung</h2>
<p>Die Gestaltung folgt KERN, dem offenen UX-Standard für die deutsche Verwaltung (Lizenz EUPL-1.2). \
Schrift: Fira Sans (SIL Open Font License).</p>
<h2>Barrierefreiheit</h2>
<p>Wie barrierefrei diese Website ist und wie Sie uns Barrieren melden, steht in der \
<a href="/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>.</p>"""

PRIVACY = """\
<h2>Das Wichtigste in Kürze</h2>
<ul>
<li><p>Diese Website setzt für Besucherinnen und Besucher <strong>keine Cookies</strong> und speichert nichts \
in Ihrem Browser.</p></li>
<li><p>Ihr Browser stellt beim Besuch <strong>keine Anfragen an andere Anbieter</strong>: Schriften, Bilder, \
Videos, Untertitel und Programme kommen ausschließlich von unserem eigenen Server.</p></li>
<li><p>Es gibt keine Reichweitenmessung, keine Werbung, keine Social-Media-Plugins und keine eingebetteten \
Inhalte anderer Anbieter.</p></li>
<li><p>Wenn Sie uns über das Formular „Barriere melden“ schreiben, verwenden wir Ihre Angaben nur, um Ihre \
Meldung zu bearbeiten.</p></li>
</ul>
<h2>Verantwortliche Stelle</h2>
<p>Verantwortlich im Sinne von Art. 4 Nr. 7 Datenschutz-Grundverordnung (DSGVO) sind:<br>\
[Platzhalter: Name und Anschrift der verantwortlichen Stelle oder Stellen]<br>\
Telefon: [Platzhalter: Telefonnummer]<br>\
E-Mail: [Platzhalter: E-Mail-Adresse]</p>
<h2>Datenschutzbeauftragte oder Datenschutzbeauftragter</h2>
<p>[Platzhalter: Name oder Funktion und Kontaktdaten der oder des Datenschutzbeauftragten]</p>
<h2>Aufruf der Website</h2>
<p>Wenn Sie eine Seite aufrufen, überträgt Ihr Browser technisch notwendige Daten an unseren Server: \
Ihre IP-Adresse, Datum und Uhrzeit, die aufgerufene Adresse, die übertragene Datenmenge, den Statuscode \
der Antwort und die Angaben Ihres Browsers zu Browsertyp und Betriebssystem.</p>
<p>Wir verarbeiten diese Daten, um Ihnen die Website auszuliefern und um ihren sicheren und stabilen \
Betrieb zu gewährleisten, zum Beispiel um Angriffe zu erkennen und abzuwehren. Rechtsgrundlage ist \
Art. 6 Abs. 1 Buchst. f DSGVO; unser berechtigtes Interesse ist der sichere Betrieb der Website. \
Protokolle des Servers löschen wir nach [Platzhalter: Speicherdauer der Server-Protokolle].</p>
<h2>Keine Cookies und keine Dienste anderer Anbieter</h2>
<p>Wir setzen für Besucherinnen und Besucher keine Cookies und verwenden keine vergleichbaren Techniken. \
Nur die Redaktion erhält beim Anmelden im Redaktionsbereich ein technisch notwendiges Sitzungs-Cookie \
(§ 25 Abs. 2 Nr. 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz).</p>
<p>Alle Inhalte dieser Website liefern wir von unserem eigenen Server aus. Ihr Browser fragt beim Besuch \
keine Inhalte bei anderen Anbietern an; wir binden keine Schriften, Karten, Videos oder Programme anderer \
Anbieter ein. Links zu anderen Websites, etwa zu den Websites der Jobcenter, führen Sie erst nach Ihrem \
Klick dorthin. Dort gelten die Datenschutzhinweise des jeweiligen Anbieters.</p>
<h2>Formular „Barriere melden“</h2>
<p>Wenn Sie uns eine Barriere melden, speichern wir Ihre Beschreibung, die Angabe, wo die Barriere ist, \
den Zeitpunkt der Meldung und – nur wenn Sie sie angeben – Ihren Namen und Ihre E-Mail-Adresse. Ihre \
IP-Adresse speichern wir mit der Meldung nicht. Wir verwenden die Angaben nur, um die Barriere zu \
beseitigen und Ihnen zu antworten. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit \
§ 12b Behindertengleichstellungsgesetz (BGG).</p>
<p>Zum Schutz vor automatisch versandten Nachrichten enthält das Formular ein verstecktes Feld und einen \
Zeitstempel. Dafür setzen wir keine Cookies und geben keine Daten an andere weiter.</p>
<p>Wir löschen Ihre Angaben, wenn die Meldung abschließend bearbeitet ist, spätestens nach \
[Platzhalter: Löschfrist für Meldungen].</p>
<h2>Empfänger</h2>
<p>Wir geben Ihre Daten nicht an Dritte weiter und übermitteln keine Daten in Länder außerhalb der \
Europäischen Union. Dienstleister, die den Server für uns betreiben, verarbeiten Daten nur in unserem \
Auftrag und nach unserer Weisung (Art. 28 DSGVO): [Platzhalter: Name des Hosting-Dienstleisters].</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf</p>
<ul>
<li><p>Auskunft über die Daten, die wir über Sie verarbeiten (Art. 15 DSGVO),</p></li>
<li><p>Berichtigung unrichtiger Daten (Art. 16 DSGVO),</p></li>
<li><p>Löschung (Art. 17 DSGVO),</p></li>
<li><p>Einschränkung der Verarbeitung (Art. 18 DSGVO),</p></li>
<li><p>Datenübertragbarkeit (Art. 20 DSGVO) und</p></li>
<li><p>Widerspruch gegen die Verarbeitung (Art. 21 DSGVO).</p></li>
</ul>
<p>Wenden Sie sich dazu an die verantwortliche Stelle oder an die Datenschutzbeauftragte oder den \
Datenschutzbeauftragten. Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren \
(Art. 77 DSGVO), zum Beispiel bei: [Platzhalter: zuständige Aufsichtsbehörde mit Anschrift].</p>
<h2>Keine automatisierten Entscheidungen</h2>
<p>Wir treffen keine automatisierten Entscheidungen und bilden keine Profile (Art. 22 DSGVO).</p>"""

ACCESSIBILITY = f"""\
<h2>Geltungsbereich</h2>
<p>Diese Erklärung gilt für die Website der Kampagne „Kommunale Jobcenter – Stark. Sozial. Vor Ort.“ \
unter www.kommunale-jobcenter.de.</p>
<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Diese Website ist wegen der folgenden Ausnahmen <strong>teilweise</strong> mit den Anforderungen der \
Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar. Die Anforderungen ergeben sich aus der \
europäischen Norm EN 301 549 und den Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<p>Folgende Inhalte sind noch nicht vollständig barrierefrei:</p>
<ul>
<li><p><strong>Gebärdensprache:</strong> Die Videos in Deutscher Gebärdensprache werden noch erstellt. \
Bis sie vorliegen, finden Sie die wichtigsten Informationen in <a href="/leichte-sprache/">Leichter \
Sprache</a>.</p></li>
<li><p><strong>Audiodeskription:</strong> Videos haben Untertitel; eine Audiodeskription gibt es noch nicht \
für alle Videos. [Platzhalter: betroffene Videos nennen]</p></li>
<li><p>[Platzhalter: weitere Ergebnisse der Prüfung ergänzen]</p></li>
</ul>
<h2>Erstellung dieser Erklärung</h2>
<p>Diese Erklärung wurde am 21. November 2026 erstellt. Sie beruht auf einer Selbstbewertung: Jede Seite \
wird bei jeder Änderung der Software automatisch mit dem Prüfwerkzeug axe-core auf die Anforderungen der \
WCAG 2.1 (Stufe AA) geprüft. [Platzhalter: Art und Datum einer Prüfung durch eine externe Prüfstelle, \
falls durchgeführt] Das Datum der letzten Überprüfung steht am Ende dieser Seite.</p>
<h2>Feedback und Kontakt</h2>
<p>Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website aufgefallen? Oder brauchen Sie \
Informationen aus einem nicht barrierefreien Inhalt in barrierefreier Form? Dann melden Sie sich bitte \
über unser Formular <a href="/barrierefreiheit/melden/">Barriere melden</a>. Wir antworten Ihnen \
innerhalb eines Monats.</p>
<p>Sie erreichen uns auch so:<br>\
E-Mail: [Platzhalter: E-Mail-Adresse der zuständigen Stelle]<br>\
Telefon: [Platzhalter: Telefonnummer der zuständigen Stelle]</p>
<h2>Durchsetzungsverfahren: Schlichtungsstelle nach § 16 BGG</h2>
<p>Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten haben, können Sie sich an die \
Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) wenden. Die Schlichtungsstelle hilft, \
Konflikte zwischen Menschen mit Behinderungen und öffentlichen Stellen ohne Gericht zu lösen. Das \
Schlichtungsverfahren ist kostenlos. Sie brauchen keinen Rechtsbeistand.</p>
{SCHLICHTUNGSSTELLE}"""

EASY_LANGUAGE = """\
<h2>Was steht auf dieser Internet-Seite?</h2>
<p>Diese Internet-Seite ist von den kommunalen Job-Centern.</p>
<p>Kommunal bedeutet: Der Land-Kreis ist verantwortlich. Oder die Stadt ist verantwortlich.</p>
<p>Ein Job-Center hilft Menschen ohne Arbeit. Das Job-Center hilft bei der Suche nach Arbeit. \
Und bei der Suche nach einer Ausbildung. Das Job-Center zahlt auch Geld zum Leben.</p>
<p>In Deutschland gibt es 104 kommunale Job-Center.</p>
<p>Auf dieser Internet-Seite finden Sie:</p>
<ul>
<li><p>Geschichten von Menschen. Ein Job-Center hat diesen Menschen geholfen.</p></li>
<li><p>Filme. Die Filme erklären wichtige Dinge.</p></li>
<li><p>Das Leit-Bild. Im Leit-Bild steht: Das wollen die kommunalen Job-Center erreichen.</p></li>
<li><p>Eine Liste mit allen 104 kommunalen Job-Centern.</p></li>
</ul>
<h2>So finden Sie sich zurecht</h2>
<p>Oben auf jeder Seite ist ein Menü. Klicken Sie dort auf ein Thema. Dann kommen Sie zu dem Thema.</p>
<p>Ganz oben auf jeder Seite sind diese Links:</p>
<ul>
<li><p>Leichte Sprache. Dort finden Sie diesen Text.</p></li>
<li><p>Gebärden-Sprache. Dort gibt es Filme in Deutscher Gebärden-Sprache.</p></li>
</ul>
<p>Ganz unten auf jeder Seite sind noch mehr Links. Zum Beispiel: Impressum. Dort steht: \
Wer hat diese Internet-Seite gemacht?</p>
<p>Sie suchen Ihr Job-Center? Dann klicken Sie im Menü auf: Jobcenter. Dort wählen Sie Ihr \
Bundes-Land aus. Oder Sie schreiben den Namen von Ihrer Stadt in das Such-Feld. Oder den Namen \
von Ihrem Land-Kreis.</p>
<p>Ihr Job-Center ist nicht in der Liste? Dann ist Ihr Job-Center kein kommunales Job-Center. \
Es gibt aber auch für Sie ein Job-Center.</p>
<h2>Barriere-Freiheit</h2>
<p>Barriere-frei bedeutet: Alle Menschen können die Internet-Seite gut benutzen. \
Auch Menschen mit Behinderung.</p>
<p>Wir wollen: Diese Internet-Seite ist barriere-frei.</p>
<p>Das klappt schon bei vielen Dingen. Aber noch nicht bei allen Dingen. Zum Beispiel: \
Die Filme in Gebärden-Sprache sind noch nicht fertig.</p>
<p>Alles über die Barriere-Freiheit steht in der \
<a href="/barrierefreiheit/">Erklärung zur Barriere-Freiheit</a>. \
Die Erklärung ist in schwerer Sprache.</p>
<h2>Sie haben ein Problem mit dieser Internet-Seite?</h2>
<p>Dann sagen Sie es uns bitte. Dafür gibt es ein Formular: \
<a href="/barrierefreiheit/melden/">Barriere melden</a>.</p>
<p>Wir antworten Ihnen in 1 Monat. Dafür brauchen wir Ihre E-Mail-Adresse.</p>
<p>Sie sind mit unserer Antwort nicht zufrieden? Dann können Sie sich bei der Schlichtungs-Stelle \
beschweren. Die Schlichtungs-Stelle hilft Ihnen. Das kostet nichts.</p>
<p>Das ist die Adresse von der Schlichtungs-Stelle:</p>
""" + SCHLICHTUNGSSTELLE.replace(
    "<p>Schlichtungsstelle nach dem Behindertengleichstellungsgesetz<br>", "<p>Schlichtungsstelle BGG<br>"
)

SIGN_LANGUAGE = """\
<p>Im Video erfahren Sie:</p>
<ul>
<li><p>was Sie auf dieser Website finden,</p></li>
<li><p>wie Sie sich auf der Website zurechtfinden,</p></li>
<li><p>wie barrierefrei die Website ist und wie Sie uns eine Barriere melden.</p></li>
</ul>
<p>Das Video hat Untertitel. Unter dem Video steht der Text zum Nachlesen. Sie können das Video auch \
herunterladen.</p>"""

CONTENT_PAGES = [
    # (key, title, intro, body)
    ("imprint", "Impressum", "", IMPRINT),
    (
        "privacy",
        "Datenschutzerklärung",
        "Hier informieren wir Sie nach Art. 13 DSGVO darüber, welche Daten wir verarbeiten, wenn Sie diese "
        "Website besuchen.",
        PRIVACY,
    ),
    (
        "accessibility",
        "Erklärung zur Barrierefreiheit",
        "Die Betreiber dieser Website sind bemüht, sie im Einklang mit § 12a Behindertengleichstellungsgesetz "
        "(BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.",
        ACCESSIBILITY,
    ),
    ("easy_language", "Leichte Sprache", "Hier erklären wir diese Internet-Seite in Leichter Sprache.", EASY_LANGUAGE),
    (
        "sign_language",
        "Informationen in Deutscher Gebärdensprache",
        "Auf dieser Seite erklären wir in Deutscher Gebärdensprache (DGS), was Sie auf dieser Website finden.",
        SIGN_LANGUAGE,
    ),
]


def load(apps, schema_editor):
    LandingPage = apps.get_model("campaign", "LandingPage")
    KeyFigure = apps.get_model("campaign", "KeyFigure")
    ContentPage = apps.get_model("campaign", "ContentPage")
    LandingPage.objects.create(pk=1, **LANDING_PAGE)
    KeyFigure.objects.bulk_create(
        [
            KeyFigure(value=value, label=label, source=source, as_of=as_of, position=position)
            for position, (value, label, source, as_of) in enumerate(KEY_FIGURES, start=1)
        ]
    )
    ContentPage.objects.bulk_create(
        [
            ContentPage(key=key, title=title, intro=intro, body=body, last_reviewed=WRITTEN_ON)
            for key, title, intro, body in CONTENT_PAGES
        ]
    )


def unload(apps, schema_editor):
    apps.get_model("campaign", "LandingPage").objects.filter(pk=1).delete()
    apps.get_model("campaign", "KeyFigure").objects.filter(
        value__in=[row[0] for row in KEY_FIGURES], label__in=[row[1] for row in KEY_FIGURES]
    ).delete()
    apps.get_model("campaign", "ContentPage").objects.filter(key__in=[row[0] for row in CONTENT_PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("campaign", "0003_pages_figures_reports")]

    operations = [migrations.RunPython(load, unload)]
