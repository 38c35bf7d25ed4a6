"""The light front-end files (scripts/build_frontend.py, `make vendor`): reproducible, committed up
to date, small, and complete: every KERN class the site uses keeps its rules."""

import importlib.util
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent
BUILT = PROJECT / "static" / "vendor" / "kern"
CUTS = ("Regular", "Italic", "SemiBold", "Bold")


@pytest.fixture(scope="module")
def build_frontend():
    spec = importlib.util.spec_from_file_location("build_frontend", PROJECT / "scripts" / "build_frontend.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rebuilt(build_frontend, tmp_path_factory):
    out = tmp_path_factory.mktemp("frontend")
    build_frontend.build(out)
    return out / "vendor" / "kern"


@pytest.mark.parametrize("name", ["kern.min.css", *(f"fonts/FiraSans-{cut}.woff2" for cut in CUTS)])
def test_building_again_gives_the_committed_bytes(rebuilt, name):
    # Deterministic, and the committed files are what `make vendor` makes from vendor/kern/.
    assert (rebuilt / name).read_bytes() == (BUILT / name).read_bytes(), f"run `make vendor`: {name} is stale"


def test_every_kern_class_the_templates_use_is_in_the_reduced_stylesheet(build_frontend):
    names, prefixes = build_frontend.used_classes()
    assert {"kern-btn", "kern-card", "kern-form-input__select", "kern-heading-large"} <= names
    original = build_frontend.defined_classes((PROJECT / "vendor/kern/kern.min.css").read_text(encoding="utf-8"))
    reduced = build_frontend.defined_classes((BUILT / "kern.min.css").read_text(encoding="utf-8"))
    needed = {c for c in original if c in names or c.startswith(tuple(prefixes))}
    assert needed, "no KERN class found in the templates"
    assert needed <= reduced, sorted(needed - reduced)


def test_the_reduced_stylesheet_drops_unused_components_and_keeps_the_tokens():
    css = (BUILT / "kern.min.css").read_text(encoding="utf-8")
    assert len(css) < 120_000
    assert ".kern-dialog{" not in css and ".kern-accordion" not in css  # components we do not use
    assert ":root{--kern-color-" in css  # design tokens
    assert "@media (forced-colors: active)" in css
    assert "EUPL-1.2" in css


def test_reduce_css_keeps_only_selectors_whose_classes_are_used(build_frontend):
    css = "a{color:red}.kern-a,.kern-b{margin:0}@media (min-width: 576px){.kern-b{padding:0}}.kern-a:not(.kern-c){x:y}"
    assert build_frontend.reduce_css(css, {"kern-a"}, set()) == "a{color:red}.kern-a{margin:0}.kern-a:not(.kern-c){x:y}"
    assert build_frontend.reduce_css(css, set(), {"kern-b"}) == (
        "a{color:red}.kern-b{margin:0}@media (min-width: 576px){.kern-b{padding:0}}"
    )


@pytest.mark.parametrize("cut", CUTS)
def test_fonts_are_small_and_cover_german_turkish_and_polish(cut):
    path = BUILT / "fonts" / f"FiraSans-{cut}.woff2"
    assert path.stat().st_size < 16_000  # unhinted
    font = TTFont(path)
    cmap = font.getBestCmap()
    for text in ("Größe Äußerung", "İstanbul Şişli ğ ı", "Łódź Gdańsk żółć", "„Zitat“ – 10 € …"):
        missing = [ch for ch in text if ch != " " and ord(ch) not in cmap]
        assert not missing, (cut, text, missing)
    assert any(record.FeatureTag == "kern" for record in font["GPOS"].table.FeatureList.FeatureRecord)


def test_unused_design_tokens_are_dropped_and_every_token_read_is_kept(build_frontend):
    tokens = ":root{--kern-a:1px;--kern-b:var(--kern-c);--kern-c:red;--kern-d:blue;--site-x:1}"
    css = tokens + ".kern-x{margin:var(--kern-b)}"
    assert build_frontend.drop_unused_properties(css, set()) == (
        ":root{--kern-b:var(--kern-c);--kern-c:red;--site-x:1}.kern-x{margin:var(--kern-b)}"
    )
    assert "--kern-d:blue" in build_frontend.drop_unused_properties(css, {"--kern-d"})  # named by the site


def test_every_token_the_site_or_kern_reads_is_still_declared(build_frontend):
    import re

    original = (PROJECT / "vendor/kern/kern.min.css").read_text(encoding="utf-8")
    reduced = (BUILT / "kern.min.css").read_text(encoding="utf-8")
    site = "".join(p.read_text(encoding="utf-8") for p in (PROJECT / "static" / "css").glob("*.css"))
    declared_before = set(re.findall(r"(--kern-[\w-]+)\s*:", original))
    declared = set(re.findall(r"(--kern-[\w-]+)\s*:", reduced))
    read = set(re.findall(r"var\(\s*(--kern-[\w-]+)", reduced + site))
    assert read & declared_before <= declared, sorted((read & declared_before) - declared)
    assert len(declared) < len(declared_before) * 0.6  # about 300 of 520 tokens are never read
