"""/sitemap.xml, collected from the apps: each app that has public pages provides
`<app>/sitemaps.py` with a dict `SITEMAPS = {"name": SitemapClass, ...}`."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.contrib.sitemaps import Sitemap


def collect_sitemaps() -> dict[str, type[Sitemap]]:
    sitemaps: dict[str, type[Sitemap]] = {}
    for config in apps.get_app_configs():
        module_name = f"{config.name}.sitemaps"
        if config.name.startswith("django.") or find_spec(module_name) is None:
            continue
        sitemaps.update(import_module(module_name).SITEMAPS)
    return sitemaps
