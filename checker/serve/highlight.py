"""Where each finding sits in the report's text: a highlighted span, or a marker where a
missing part belongs. Works from a finding's line, column and excerpt (the JSON contract).
"""

from __future__ import annotations

from typing import Any

import msgspec

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


class Place(msgspec.Struct, frozen=True):
    """Finding ``number`` covers ``start:end`` of the text; ``start == end`` is a marker."""

    number: int
    start: int
    end: int
    line: int  # 0-based line where the place begins (its note is shown beside that line)


def line_starts(lines: list[str]) -> list[int]:
    """Offset of each line in ``"\\n".join(lines)``."""
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _match_end(full: str, pos: int, excerpt: str) -> int | None:
    """End of ``excerpt`` read from ``pos``, letting line breaks and spaces in the text pass
    (the excerpt joins wrapped lines and strips them); None when it does not read there."""
    core = excerpt[:-1] if excerpt.endswith("…") else excerpt
    i = pos
    for char in core:
        while i < len(full) and full[i] != char and full[i].isspace():
            i += 1
        if i >= len(full) or full[i] != char:
            return None
        i += 1
    return i


def place(finding: dict[str, Any], number: int, lines: list[str], starts: list[int]) -> Place | None:
    """Where ``finding`` belongs in the text, or None when it names no line."""
    line = finding.get("line")
    if not isinstance(line, int) or not 1 <= line <= len(lines):
        return None
    text_line = lines[line - 1]
    column = finding.get("column") or 1
    index = min(max(column - 1, 0), len(text_line))
    pos = starts[line - 1] + index
    excerpt = (finding.get("excerpt") or "").strip()
    if not excerpt:
        return Place(number, pos, pos, line - 1)
    full = "\n".join(lines)
    end = _match_end(full, pos, excerpt)
    if end is None:  # the column map was off: look for the excerpt in its line
        found = text_line.find(excerpt.rstrip("…"))
        if found < 0:
            return Place(number, pos, pos, line - 1)
        pos = starts[line - 1] + found
        end = _match_end(full, pos, excerpt)
    return Place(number, pos, end or pos, line - 1)


class Piece(msgspec.Struct, frozen=True):
    """A run of one line's text and the findings covering it (empty: plain text)."""

    text: str
    numbers: tuple[int, ...]
    markers: tuple[int, ...] = ()  # findings whose marker stands just before this run
    starts: tuple[int, ...] = ()  # findings whose highlight begins with this run


def pieces(line_no: int, line: str, start: int, places: list[Place]) -> list[Piece]:
    """Cut one line into runs at every highlight boundary, with markers at their offsets."""
    end = start + len(line)
    spans = [p for p in places if p.end > p.start and p.start < end and p.end > start]
    points = [p for p in places if p.end == p.start and p.line == line_no]
    cuts = {0, len(line)}
    for p in spans:
        cuts.update((max(p.start, start) - start, min(p.end, end) - start))
    for p in points:
        cuts.add(min(max(p.start - start, 0), len(line)))
    bounds = sorted(cuts)
    out: list[Piece] = []
    for left, right in zip(bounds, [*bounds[1:], None], strict=False):
        markers = tuple(p.number for p in points if min(max(p.start - start, 0), len(line)) == left)
        if right is None:
            if markers:
                out.append(Piece("", (), markers))
            break
        covering = tuple(p.number for p in spans if p.start - start <= left and p.end - start >= right)
        begins = tuple(p.number for p in spans if max(p.start - start, 0) == left and p.start >= start)
        out.append(Piece(line[left:right], covering, markers, begins))
    return out
