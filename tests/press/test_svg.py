"""Press-kit SVGs (issue 12, finding 8): only from the central team, only after sanitising to an
allow-list, served from /media/ as a download with nosniff."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from mediafiles.uploads import sanitize_svg, svg_problem
from press.models import PressKitItem
from shared.roles import KOMMUNE_EDITORS
from tests.factories import LOGO_SVG, editor, svg_file
from tests.press.test_admin import ADD_ITEM, errors_of, item_data

pytestmark = pytest.mark.django_db

SVG_OPEN = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
ATTACKS = {
    "animate-href": SVG_OPEN + b'<a href="#x"><animate attributeName="href" to="javascript:alert(1)"/>'
    b'<rect width="9" height="9"/></a></svg>',
    "set-event": SVG_OPEN + b'<rect width="9" height="9"><set attributeName="onmouseover" to="alert(1)"/></rect></svg>',
    "escaped-import": SVG_OPEN + b"<style>@\\69mport url(https://evil.example/x.css);</style>"
    b'<rect width="9" height="9"/></svg>',
    "escaped-import-attribute": SVG_OPEN + b'<rect style="background:u\\72l(https://evil.example/)"/></svg>',
    "animate-transform": SVG_OPEN + b'<rect><animateTransform attributeName="xlink:href" to="data:x"/></rect></svg>',
    "stylesheet-pi": b'<?xml-stylesheet href="https://evil.example/x.css"?>' + SVG_OPEN + b"</svg>",
}


def upload(content: bytes, name: str = "logo.svg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("name", ATTACKS)
def test_svg_animation_of_links_and_events_and_escaped_imports_are_refused(admin_client, name):
    assert svg_problem(ATTACKS[name]) is not None
    errors = errors_of(admin_client.post(ADD_ITEM, item_data(upload(ATTACKS[name]), kind="logo")))
    assert errors["file"][0].startswith("Diese SVG-Datei kann nicht angeboten werden:")
    assert not PressKitItem.objects.exists()


@pytest.mark.parametrize("name", ATTACKS)
def test_the_sanitiser_alone_drops_every_attack(name):
    content = ATTACKS[name]
    if name == "stylesheet-pi":
        content = content.split(b"?>", 1)[1]
    clean = sanitize_svg(content).lower()
    for bad in (b"animate", b"<set", b"javascript", b"onmouseover", b"evil.example", b"\\"):
        assert bad not in clean


def test_stored_svg_is_the_sanitised_copy(settings):
    content = LOGO_SVG.read_bytes().replace(
        b"</svg>", b'<metadata><rdf:RDF xmlns:rdf="urn:x"/></metadata><foo:bar xmlns:foo="urn:y"/></svg>'
    )
    assert svg_problem(content) is None
    item = PressKitItem(title="Logo", kind="logo", credit="© DLT", file=svg_file(content=content))
    item.save()
    stored = (settings.MEDIA_ROOT / item.file.name).read_bytes()
    assert b"metadata" not in stored and b"foo:bar" not in stored and b"urn:y" not in stored
    assert svg_problem(stored) is None
    assert stored.count(b"<path") == LOGO_SVG.read_bytes().count(b"<path")
    assert item.file_size == len(stored)


def test_kommune_editor_may_not_upload_an_svg(client):
    user = editor(KOMMUNE_EDITORS, "kreis-dueren")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_presskititem", "view_presskititem"]))
    client.force_login(user)
    errors = errors_of(client.post(ADD_ITEM, item_data(upload(LOGO_SVG.read_bytes()), kind="logo")))
    assert errors["file"] == [
        "SVG-Dateien kann nur die Zentrale Redaktion hochladen. Bitte laden Sie die Grafik als PNG hoch."
    ]
    assert not PressKitItem.objects.exists()


def test_central_team_uploads_an_svg(admin_client):
    assert admin_client.post(ADD_ITEM, item_data(upload(LOGO_SVG.read_bytes()), kind="logo")).status_code == 302
    assert PressKitItem.objects.get().is_svg


def test_svg_under_media_is_a_download_with_nosniff(client):
    item = PressKitItem.objects.create(title="Logo", kind="logo", credit="© DLT", file=svg_file())
    response = client.get(item.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"
