"""The privacy statement said that nothing is embedded from other providers, while a story can
offer a video of a platform behind the two-click facade. These sentences now say what the site
does and point to the section the page generates from the facade's list of platforms
(templates/campaign/privacy.html, mediafiles/platforms.py).

Only the sentences exactly as 0004_initial_content wrote them are replaced: text an editor has
already rewritten stays as it is. Reversible: the old sentences come back.
"""

from django.db import migrations

SEE_BELOW = "(siehe unten „Videos anderer Anbieter: erst nach Ihrem Klick“)"

REPLACEMENTS = [
    (
        "Videos, Untertitel und Programme kommen ausschließlich von unserem eigenen Server.</p></li>",
        "Videos, Untertitel und Programme kommen von unserem eigenen Server. Nur das Video einer Videoplattform "
        f"lädt Ihr Browser von dort, wenn Sie es ausdrücklich anklicken {SEE_BELOW}.</p></li>",
    ),
    (
        "keine Social-Media-Plugins und keine eingebetteten Inhalte anderer Anbieter.</p></li>",
        "keine Social-Media-Plugins. Inhalte anderer Anbieter bindet die Website nur nach Ihrem Klick ein: Videos "
        "von Videoplattformen.</p></li>",
    ),
    (
        "<h2>Keine Cookies und keine Dienste anderer Anbieter</h2>",
        "<h2>Keine Cookies, Dienste anderer Anbieter nur nach Ihrem Klick</h2>",
    ),
    (
        "Alle Inhalte dieser Website liefern wir von unserem eigenen Server aus. Ihr Browser fragt beim Besuch keine "
        "Inhalte bei anderen Anbietern an; wir binden keine Schriften, Karten, Videos oder Programme anderer Anbieter "
        "ein.",
        "Alle Inhalte dieser Website liefern wir von unserem eigenen Server aus. Ihr Browser fragt beim Besuch keine "
        "Inhalte bei anderen Anbietern an; wir binden keine Schriften, Karten oder Programme anderer Anbieter ein. "
        f"Ein Video einer Videoplattform lädt Ihr Browser nur, wenn Sie es anklicken {SEE_BELOW}.",
    ),
]


def replace(pairs):
    def run(apps, schema_editor):
        ContentPage = apps.get_model("campaign", "ContentPage")
        for page in ContentPage.objects.filter(key="privacy"):
            body = page.body
            for old, new in pairs:
                body = body.replace(old, new)
            if body != page.body:
                page.body = body
                page.save(update_fields=["body"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0017_upload_gate"),
    ]

    operations = [migrations.RunPython(replace(REPLACEMENTS), replace([(new, old) for old, new in REPLACEMENTS]))]
