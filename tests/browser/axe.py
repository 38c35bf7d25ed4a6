"""Run axe-core (vendored in tests/browser/vendor/, see `make vendor`) in a Playwright page.

`assert_accessible(page)` fails on any violation of WCAG 2.0/2.1 level A and AA rules,
listing each rule, its help text and the offending elements.
"""

from functools import cache
from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page, tags: list[str] = WCAG_21_AA) -> list[dict]:
    # evaluate() runs over the DevTools protocol, so the page's strict CSP stays in force
    # for the page itself while axe is injected.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found WCAG 2.1 AA violations on {page.url}:\n{format_violations(violations)}"
