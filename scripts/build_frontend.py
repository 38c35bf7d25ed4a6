"""Build the light front-end files the site serves from the vendored KERN UX originals.

    vendor/kern/kern.min.css      (KERN UX, 336 KB)  ->  static/vendor/kern/kern.min.css
    vendor/kern/fonts/*.woff2     (Fira Sans, ~135 KB each)  ->  static/vendor/kern/fonts/*.woff2

The stylesheet keeps only the rules whose classes the site uses (every `kern-…` name in our
templates, static JavaScript and CSS, and Python code) plus every rule without a class (element
selectors, themes), inside the same media queries, and of KERN's `--kern-…` design tokens those
that something reads. The fonts are subset to Basic Latin, Latin-1, Latin Extended-A (German,
Turkish, Polish, Czech …), general punctuation, arrows and the euro sign, without hinting
instructions. The build is deterministic: the same inputs give the same bytes, so the outputs
are committed and `tests/test_frontend_build.py` checks they are up to date.

Usage: python scripts/build_frontend.py [--out DIR]   (run by `make vendor`; default: static/)
"""

import argparse
import re
import sys
from io import BytesIO
from pathlib import Path

import tinycss2
from fontTools import subset

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "vendor" / "kern"
FONT_CUTS = ("Regular", "Italic", "SemiBold", "Bold")
# Basic Latin + Latin-1, Latin Extended-A, general punctuation („“ – … ‹›), € and a few arrows.
UNICODE_RANGES = "U+0020-007E,U+00A0-00FF,U+0100-017F,U+2000-206F,U+20AC,U+2190-2193,U+2212"
# Where the site names classes: templates, our static JavaScript and CSS, Python (form widgets).
SCAN_GLOBS = ("templates/**/*.html", "static/js/**/*.js", "static/css/**/*.css", "*/**/*.py")
SCAN_SKIP = {".venv", "node_modules", "vendor", "tests", "scripts", ".git", "staticfiles", "media"}
CLASS_NAME = re.compile(r"kern-[A-Za-z0-9_-]*")
PROPERTY_NAME = re.compile(r"--kern-[A-Za-z0-9_-]+")
VAR_REFERENCE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def _site_sources(root: Path = ROOT):
    for pattern in SCAN_GLOBS:
        for path in sorted(root.glob(pattern)):
            if not SCAN_SKIP.intersection(path.relative_to(root).parts):
                yield path.read_text(encoding="utf-8", errors="ignore")


def used_classes(root: Path = ROOT) -> tuple[set[str], set[str]]:
    """(class names, prefixes): `kern-…` names in the site's sources; a name cut off by template
    code (`kern-icon--{{ kind }}`) ends in '-' or '_' and counts as a prefix of every class."""
    names: set[str] = set()
    for text in _site_sources(root):
        names.update(CLASS_NAME.findall(text))
    prefixes = {name for name in names if name.endswith(("-", "_"))}
    return names - prefixes, prefixes


def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def selector_classes(tokens: list) -> set[str]:
    """Classes a complex selector requires; those inside :not(), :is(), :has() … are not counted
    (a rule is then kept: never too little)."""
    classes = set()
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if token.type == "ident" and previous is not None and previous.type == "literal" and previous.value == ".":
            classes.add(token.value)
    return classes


def defined_classes(css: str) -> set[str]:
    """Every class some selector of `css` names (at the top level of the selector)."""
    found: set[str] = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                for selector in _split_selectors(rule.prelude):
                    found.update(selector_classes(selector))
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


def reduce_css(css: str, names: set[str], prefixes: set[str]) -> str:
    def used(name: str) -> bool:
        return name in names or name.startswith(tuple(prefixes))

    def reduce(rules) -> list[str]:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                kept = [s for s in _split_selectors(rule.prelude) if all(used(c) for c in selector_classes(s))]
                if kept:
                    selectors = ",".join(tinycss2.serialize(s).strip() for s in kept)
                    out.append(selectors + "{" + tinycss2.serialize(rule.content).strip() + "}")
            elif rule.type == "at-rule":
                if rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                    inner = reduce(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
                    if inner:
                        prelude = tinycss2.serialize(rule.prelude).strip()
                        out.append(f"@{rule.at_keyword} {prelude}{{{''.join(inner)}}}")
                else:  # @charset, @keyframes, @font-face, @layer …: kept as they are
                    out.append(tinycss2.serialize([rule]).strip())
        return out

    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(reduce(rules))


def used_properties(root: Path = ROOT) -> set[str]:
    """`--kern-…` custom properties the site's own sources name (in var(), JavaScript …)."""
    found: set[str] = set()
    for text in _site_sources(root):
        found.update(PROPERTY_NAME.findall(text))
    return found


def drop_unused_properties(css: str, site_properties: set[str]) -> str:
    """Drop the declarations of `--kern-…` design tokens nothing reads: neither a var() of a rule
    that is kept, nor a token that is itself read (followed through any depth), nor the site's
    own sources. About 300 of KERN's 520 tokens are colours, sizes and spacings the site never
    shows; every element inherits the tokens of :root, so fewer of them also means less work for
    the browser before the first paint."""
    sheet = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    values: dict[str, list[str]] = {}
    used = set(site_properties)

    def declarations(rule):
        return tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True, skip_comments=True)

    def collect(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                for item in declarations(rule):
                    if item.type != "declaration":
                        continue
                    value = tinycss2.serialize(item.value)
                    if item.name.startswith("--"):
                        values.setdefault(item.name, []).append(value)
                    else:
                        used.update(VAR_REFERENCE.findall(value))
            elif rule.type == "at-rule" and rule.content is not None:
                if rule.lower_at_keyword in ("media", "supports"):
                    collect(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
                else:
                    used.update(VAR_REFERENCE.findall(tinycss2.serialize(rule.content)))

    collect(sheet)
    pending = list(used)
    while pending:
        for value in values.get(pending.pop(), []):
            for name in VAR_REFERENCE.findall(value):
                if name not in used:
                    used.add(name)
                    pending.append(name)

    def part(item) -> str | None:
        if item.type != "declaration":  # a nested rule (KERN has none today): kept as it is
            return tinycss2.serialize([item]).strip()
        if item.name.startswith("--kern-") and item.name not in used:
            return None
        return f"{item.name}:{tinycss2.serialize(item.value).strip()}" + ("!important" if item.important else "")

    def rewrite(rules) -> list[str]:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                kept = [text for text in map(part, declarations(rule)) if text is not None]
                if kept:
                    out.append(tinycss2.serialize(rule.prelude).strip() + "{" + ";".join(kept) + "}")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                inner = rewrite(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True))
                if inner:
                    out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}")
            else:
                out.append(tinycss2.serialize([rule]).strip())
        return out

    return "".join(rewrite(sheet))


def build_css(names: set[str], prefixes: set[str]) -> bytes:
    version = re.search(r'"version":\s*"([^"]+)"', (SOURCE / "VERSION").read_text()).group(1)
    reduced = reduce_css((SOURCE / "kern.min.css").read_text(encoding="utf-8"), names, prefixes)
    reduced = drop_unused_properties(reduced, used_properties())
    charset = '@charset "UTF-8";'
    body = reduced.removeprefix(charset)
    header = (
        f"/*! KERN UX @kern-ux/native {version}, EUPL-1.2 (LICENSE.md). Only the rules this site uses: "
        "built by scripts/build_frontend.py from vendor/kern/kern.min.css */\n"
    )
    return (charset + header + body + "\n").encode("utf-8")


def subset_font(source: Path) -> bytes:
    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keep the font's names and its licence notice (SIL OFL)
    options.name_languages = ["*"]
    options.notdef_outline = True
    # Without the TrueType hinting programs (a third of each file): today's browsers rasterise
    # without them (macOS, iOS, Android ignore them; Windows' DirectWrite barely needs them), as
    # Google Fonts serves its unhinted cuts; every byte here delays the first paint on a phone.
    options.hinting = False
    options.recalc_timestamp = False  # deterministic bytes
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODE_RANGES))
    subsetter.subset(font)
    buffer = BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()


def build(out: Path) -> dict[str, int]:
    dest = out / "vendor" / "kern"
    (dest / "fonts").mkdir(parents=True, exist_ok=True)
    names, prefixes = used_classes()
    outputs = {dest / "kern.min.css": build_css(names, prefixes)}
    for cut in FONT_CUTS:
        outputs[dest / "fonts" / f"FiraSans-{cut}.woff2"] = subset_font(SOURCE / "fonts" / f"FiraSans-{cut}.woff2")
    outputs[dest / "LICENSE.md"] = (SOURCE / "LICENSE.md").read_bytes()
    sizes = {}
    for path, data in outputs.items():
        path.write_bytes(data)
        sizes[str(path.relative_to(out))] = len(data)
    return sizes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "static", help="static folder to write into")
    args = parser.parse_args(argv)
    for name, size in build(args.out).items():
        print(f"{name}: {size / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
