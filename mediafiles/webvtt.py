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


# -- captions typed in the admin: one line per caption, its start time first -------------------------
TYPED_TIME = r"(?:\d{1,2}:)?\d{1,2}:[0-5]\d(?:[.,]\d{1,3})?"
TYPED_LINE = re.compile(rf"^\s*({TYPED_TIME})(?:\s*(?:-->|[-–])\s*({TYPED_TIME}))?\s+(\S.*)$")
# A caption without an end time stays until the next one starts, at most this long.
DEFAULT_CUE_SECONDS = 4.0


def _typed_seconds(timestamp: str) -> float:
    parts = timestamp.replace(",", ".").split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def parse_typed_captions(text: str, duration: float | None = None) -> list[tuple[float, float, str]]:
    """Cues from lines such as "0:05 Ich bin Björn." or "1:02.5 - 1:06 Text"; ValueError with a
    German reason. A line without a time continues the caption above it (a second line on screen).
    Without an end time a caption lasts until the next starts, at most DEFAULT_CUE_SECONDS."""
    typed: list[list] = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip():
            continue
        match = TYPED_LINE.match(line)
        if match is None:
            if not typed or re.match(r"^\s*\d+[:.,]", line):
                raise ValueError(
                    _("Zeile %(line)d: Am Anfang fehlt die Startzeit, z. B. „0:05 Ich heiße Björn.“") % {"line": number}
                )
            typed[-1][2] += "\n" + line.strip()
            continue
        start = _typed_seconds(match.group(1))
        end = _typed_seconds(match.group(2)) if match.group(2) else None
        if end is not None and end <= start:
            raise ValueError(_("Zeile %(line)d: Das Ende liegt nicht nach dem Anfang.") % {"line": number})
        if typed and start < typed[-1][0]:
            raise ValueError(
                _("Zeile %(line)d: Die Startzeit liegt vor der Zeile davor. Bitte die Zeilen nach der Zeit ordnen.")
                % {"line": number}
            )
        typed.append([start, end, match.group(3).strip()])
    if not typed:
        raise ValueError(_("Es sind keine Untertitel eingetragen."))
    cues = []
    for index, (start, end, caption) in enumerate(typed):
        if end is None:
            limit = typed[index + 1][0] if index + 1 < len(typed) else (duration or start + DEFAULT_CUE_SECONDS)
            end = min(start + DEFAULT_CUE_SECONDS, limit) if limit > start else start + DEFAULT_CUE_SECONDS
        cues.append((start, end, caption))
    return cues


def _timestamp(seconds: float) -> str:
    milliseconds = round(seconds * 1000)
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def to_webvtt(cues: list[tuple[float, float, str]]) -> str:
    """A WebVTT document of these cues (parse_webvtt reads it back)."""
    blocks = ["WEBVTT"]
    for start, end, caption in cues:
        # "-->" inside a caption would end the cue early; a blank line would split it.
        caption = "\n".join(line for line in caption.replace("-->", "→").split("\n") if line.strip())
        blocks.append(f"{_timestamp(start)} --> {_timestamp(end)}\n{caption}")
    return "\n\n".join(blocks) + "\n"


def transcript_of(cues: list[tuple[float, float, str]]) -> str:
    """The captions' text as a transcript: one paragraph per caption, lines joined."""
    return "\n\n".join(" ".join(caption.split("\n")) for _start, _end, caption in cues)
