"""/presse/einbinden/: the guide for the Kommunen's web teams, with the code to copy."""

import html as html_module
import re
from html.parser import HTMLParser

import pytest

from tests.factories import PhotoFactory, StoryFactory, kommune

pytestmark = pytest.mark.django_db


def code_blocks(page: str) -> list[str]:
    """The text of every <pre><code> block, unescaped: the code as a web team copies it."""
    return [html_module.unescape(block) for block in re.findall(r"<pre[^>]*><code>(.*?)</code></pre>", page, re.S)]


class Snippet(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.classes, self.urls, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "class" in attrs:
            self.classes.append(attrs["class"])
        self.urls += [attrs[name] for name in ("src", "href") if name in attrs]

    def handle_data(self, data):
        self.text.append(data)


def parse(code: str) -> Snippet:
    snippet = Snippet()
    snippet.feed(code)
    return snippet


def test_guide_without_choice_explains_and_offers_the_104(client):
    response = client.get("/presse/einbinden/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geschichten auf Ihrer Website zeigen" in page
    assert page.count("<option value=") == 105  # "Bitte wählen" and the 104
    assert code_blocks(page) == []


def test_jobcenter_code_is_shown_escaped_and_is_self_contained(client):
    PhotoFactory(story=StoryFactory(name="Erika Düren", quote="Ich bin <wieder> da.", kommune=kommune("kreis-dueren")))
    response = client.get("/presse/einbinden/?jobcenter=kreis-dueren")
    assert response.status_code == 200
    page = response.content.decode()
    # Our page itself carries no style attribute and no iframe: the code is text.
    assert "style=" not in page.replace("style=&quot;", "")
    assert "<iframe" not in page
    snippet, snippet_photo, iframe = code_blocks(page)

    plain = parse(snippet)
    assert plain.classes == [] and "img" not in plain.tags and "script" not in plain.tags
    assert "„Ich bin <wieder> da.“" in "".join(plain.text)
    assert all(url.startswith("http://testserver/") for url in plain.urls)
    assert "http://testserver/geschichten/?jobcenter=kreis-dueren" in plain.urls

    with_photo = parse(snippet_photo)
    assert "img" in with_photo.tags and with_photo.classes == []
    assert any(url.startswith("http://testserver/media/") for url in with_photo.urls)
    assert "von unserem Server (testserver) geladen" in page

    frame = parse(iframe)
    assert frame.tags == ["iframe"] and frame.urls == ["http://testserver/jobcenter/kreis-dueren/karte/"]
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in iframe
    assert "http://testserver/jobcenter/kreis-dueren/feed/" in page
    assert "selected>Kreis Düren</option>" in page


def test_story_code_from_the_story_page(client):
    story = StoryFactory(slug="erika", name="Erika Beispiel")
    story_page = client.get("/geschichten/erika/").content.decode()
    assert 'href="/presse/einbinden/?geschichte=erika#code"' in story_page
    page = client.get("/presse/einbinden/?geschichte=erika").content.decode()
    blocks = code_blocks(page)
    assert len(blocks) == 2  # no photo: no snippet with photo
    assert "http://testserver/geschichten/erika/" in parse(blocks[0]).urls
    assert parse(blocks[1]).urls == ["http://testserver/geschichten/erika/karte/"]
    assert story.quote in blocks[0]


def test_jobcenter_without_stories_gets_the_iframe_only(client):
    page = client.get("/presse/einbinden/?jobcenter=stadt-jena").content.decode()
    assert len(code_blocks(page)) == 1
    assert "noch keine Geschichte veröffentlicht" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("jobcenter=gibt-es-nicht", "Dieses Jobcenter kennen wir nicht."),
        ("jobcenter=%3Cscript%3E", "Dieses Jobcenter kennen wir nicht."),
        ("geschichte=entwurf", "Diese Geschichte gibt es nicht (mehr)."),
        ("geschichte=" + "x" * 5000, "Diese Geschichte gibt es nicht (mehr)."),
    ],
)
def test_unknown_choice_gets_a_german_message_not_a_500(client, query, message):
    StoryFactory(slug="entwurf", status="draft")
    response = client.get(f"/presse/einbinden/?{query}")
    assert response.status_code == 404
    page = response.content.decode()
    assert message in page and "<script>" not in page
    assert code_blocks(page) == []


def test_newsroom_links_the_guide(client):
    assert 'href="/presse/einbinden/"' in client.get("/presse/").content.decode()
