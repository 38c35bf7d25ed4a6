"""Helpers shared by the tests."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(client: Client, url: str, expected_status: int = 200) -> int:
    """Fetch `url` and return how many SQL queries the request ran.

    Use it to pin a page's query budget, and call it with small and large data sets to
    prove the count does not grow with the number of rows (no N+1). The page cache is
    renewed first, so the page is rendered, as on the first visit after a change.
    """
    from shared import pagecache

    # A page-cache miss: the page is rendered (and the generation is not due in between).
    pagecache.renew()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == expected_status, f"{url} answered {response.status_code}"
    return len(captured.captured_queries)


def run_django(code: str, **env: str):
    """Run `code` in a fresh Python process with django.setup() done and only `env` set
    (plus PATH), so settings are read from exactly that environment."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    project = Path(__file__).resolve().parent.parent
    full_env = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    script = "import django\ndjango.setup()\n" + code
    return subprocess.run(
        [sys.executable, "-c", script], env=full_env, cwd=project, capture_output=True, text=True, check=False
    )


def admin_form_data(form, exclude=(), **changes) -> dict:
    """POST data of an admin form as the browser sends it unchanged: each field's initial value
    (0 stays 0, None becomes empty), including the hidden `loaded_version`; then `changes`."""
    data = {}
    for name in form.fields:
        if name in exclude:
            continue
        value = form.initial.get(name)
        data[name] = "" if value is None else value
    return {**data, **changes}


def public_story_pages(search: str) -> list[str]:
    """Every public place a story can show up: pages, feeds, the sitemap, the press kit, the search."""
    return [
        "/",
        "/geschichten/",
        "/geschichten/feed/",
        "/geschichten/feed/atom/",
        "/jobcenter/kreis-dueren/",
        "/jobcenter/kreis-dueren/feed/",
        "/jobcenter/kreis-dueren/karte/",
        "/presse/",
        "/sitemap.xml",
        f"/suche/?q={search}",
    ]


def public_text(client: Client, search: str) -> str:
    return "\n".join(client.get(url).content.decode() for url in public_story_pages(search))


STORY_FILE_FIELDS = ["video_source", "video_webm", "video_mp4", "captions", "poster"]


def story_change_data(client: Client, story, **changes) -> dict:
    """The story's admin change form as the browser sends it unchanged (no new photo rows), with `changes`."""
    form = client.get(f"/admin/stories/story/{story.pk}/change/").context["adminform"].form
    data = admin_form_data(form, exclude=["topics", *STORY_FILE_FIELDS], **changes)
    data.update({"photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0"})
    return data


def in_german(data: dict, *models) -> dict:
    """POST data with the German copy of each translated field (django-modeltranslation): the admin
    form calls „Zitat“ `quote_de` (and „Zitat (Englisch)“ `quote_en`), and inline rows `<prefix>-<n>-text_de`."""
    from modeltranslation.translator import translator

    names = set().union(*(translator.get_options_for_model(model).fields for model in models))
    return {(f"{key}_de" if key.rpartition("-")[2] in names else key): value for key, value in data.items()}
