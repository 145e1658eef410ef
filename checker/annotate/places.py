"""Where each comment goes: the text a finding quotes, or the place a missing part belongs.

A finding names the line and column where its text starts and quotes that text as written
(``excerpt``, clipped to 80 characters with "…"). The quote is matched character by
character from that column on, across wrapped lines, to find where it ends; a clipped
quote runs to the end of the line it stops in. A finding that quotes nothing is about
something missing and names the place it belongs (the check works that out, in
:mod:`checker.check.placement`): the start of a line (column 1) or its end.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from checker.model import Document, Finding

CLIP = "…"
EXCERPT_CHARS = 80  # checker.check.engine clips excerpts to this length


class Span(msgspec.Struct, frozen=True):
    """Original text from (line, column) to (end_line, end_column), both inclusive, 1-based."""

    line: int
    column: int
    end_line: int
    end_column: int


class Point(msgspec.Struct, frozen=True):
    """A place between characters: the start or the end of a line."""

    line: int
    at_end: bool


def _stream(lines: Sequence[str], line: int, column: int, limit: int) -> list[tuple[str, int, int]]:
    """Characters from ``line``/``column`` on, each with its line and column; later lines
    stripped like the excerpt builder strips them."""
    out: list[tuple[str, int, int]] = []
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        if number == line:
            start, end = column - 1, len(text)
        else:
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            end = start + len(stripped)
        out.extend((text[i], number, i + 1) for i in range(start, end))
        if len(out) >= limit:
            break
    return out


def quoted_span(finding: Finding, lines: Sequence[str]) -> Span | None:
    """The original text a finding quotes, or None when it quotes nothing."""
    if not finding.excerpt or finding.line is None or not 1 <= finding.line <= len(lines):
        return None
    quote = finding.excerpt
    clipped = len(quote) == EXCERPT_CHARS and quote.endswith(CLIP)
    if clipped:
        quote = quote[:-1]
    column = finding.column or 1
    stream = _stream(lines, finding.line, column, len(quote) * 2 + 8)
    position = 0
    while position < len(stream) and stream[position][0].isspace():
        position += 1
    first = last = None
    for char in quote:
        while position < len(stream) and stream[position][0] != char and stream[position][0].isspace():
            position += 1
        if position >= len(stream) or stream[position][0] != char:
            last = None
            break
        last = stream[position]
        first = first or last
        position += 1
    if first is None or last is None:  # the quote does not match there: the rest of that line
        end_column = max(len(lines[finding.line - 1]), column)
        return Span(finding.line, column, finding.line, end_column)
    end_line, end_column = last[1], last[2]
    if clipped:
        end_column = max(len(lines[end_line - 1].rstrip()), end_column)
    return Span(first[1], first[2], end_line, end_column)


def finding_point(finding: Finding) -> Point | None:
    """The place of a finding that quotes nothing (a missing part: the check put it where the
    part belongs, :mod:`checker.check.placement`): column 1 is the start of its line, a later
    column the end, after the line's last character."""
    if finding.line is None:
        return None
    return Point(finding.line, (finding.column or 1) > 1)


def title_span(document: Document, lines: Sequence[str]) -> Span | None:
    """The title's text (or the first paragraph's) for the summary comment."""
    paragraphs = document.title or document.paragraphs[:1]
    if not paragraphs:
        return None
    first, last = paragraphs[0].lines[0], paragraphs[-1].lines[-1]
    start = len(lines[first.number - 1]) - len(lines[first.number - 1].lstrip()) + 1
    return Span(first.number, start, last.number, max(len(lines[last.number - 1].rstrip()), 1))
