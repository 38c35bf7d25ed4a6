"""/sitemap.xml, collected from the apps: each app that has public pages provides
`<app>/sitemaps.py` with a dict `SITEMAPS = {"name": SitemapClass, ...}`."""

from contextlib import ExitStack
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap, views


def collect_sitemaps() -> dict[str, type[Sitemap]]:
    sitemaps: dict[str, type[Sitemap]] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.sitemaps"
        if config.name.startswith("django.") or find_spec(module_name) is None:
            continue
        sitemaps.update(import_module(module_name).SITEMAPS)
    return sitemaps


def sitemap(request, sitemaps: dict, **kwargs):
    """Django's sitemap view; a sitemap class with a `prefetched(sections)` context manager first
    reads what all its sections need together (shared.sitemaps.StaticViewSitemap: every fixed
    page's lastmod in one query), and the response is rendered while that holds."""
    groups: dict[type, list] = {}
    for section in sitemaps.values():
        if hasattr(type(section), "prefetched"):
            groups.setdefault(type(section), []).append(section)
    with ExitStack() as stack:
        for kind, sections in groups.items():
            stack.enter_context(kind.prefetched(sections))
        response = views.sitemap(request, sitemaps, **kwargs)
        return response.render() if hasattr(response, "render") else response
