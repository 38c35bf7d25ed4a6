"""WebVTT captions: a parser strict enough to refuse a file browsers would not show."""

import re

from django.utils.translation import gettext_lazy as _

TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
CUE_TIMING = re.compile(rf"^({TIMESTAMP})[ \t]+-->[ \t]+({TIMESTAMP})(?:[ \t].*)?$")


def _seconds(timestamp: str) -> float:
    parts = timestamp.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """The cues of a WebVTT document as (start, end, text); ValueError with a German reason.

    Follows the WebVTT syntax closely enough for captions: the "WEBVTT" signature, blocks
    separated by blank lines, NOTE/STYLE/REGION blocks, optional cue identifiers, and
    "start --> end" timings with end after start.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not re.match(r"^WEBVTT(?:[ \t].*)?$", lines[0]):
        raise ValueError(_("Die erste Zeile muss „WEBVTT“ lauten."))
    cues = []
    block: list[tuple[int, str]] = []
    # Skip the header block, then read blank-line separated blocks.
    index = 1
    while index < len(lines) and lines[index].strip():
        index += 1
    for number, line in enumerate([*lines[index:], ""], start=index + 1):
        if line.strip():
            block.append((number, line))
            continue
        if block:
            cues.extend(_parse_block(block))
            block = []
    if not cues:
        raise ValueError(
            _("Die Datei enthält keine Untertitel (keine Zeile der Form „00:00:01.000 --> 00:00:04.000“).")
        )
    return cues


def _parse_block(block: list[tuple[int, str]]) -> list[tuple[float, float, str]]:
    first_line = block[0][1]
    if first_line.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in first_line:
        return []
    timing_at = 0 if "-->" in first_line else 1
    if timing_at >= len(block):
        raise ValueError(_("Zeile %(line)d: Nach der Kennung fehlt die Zeitangabe.") % {"line": block[0][0]})
    number, timing = block[timing_at]
    match = CUE_TIMING.match(timing.strip())
    if not match:
        raise ValueError(
            _("Zeile %(line)d: Die Zeitangabe ist ungültig (erwartet z. B. „00:00:01.000 --> 00:00:04.000“).")
            % {"line": number}
        )
    start, end = _seconds(match.group(1)), _seconds(match.group(2))
    if end <= start:
        raise ValueError(_("Zeile %(line)d: Das Ende liegt nicht nach dem Anfang.") % {"line": number})
    text = "\n".join(line for _number, line in block[timing_at + 1 :])
    return [(start, end, text)]
