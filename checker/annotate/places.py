"""Where each comment goes: the text a finding quotes, or the place a missing part belongs.

A finding names the line and column where its text starts and quotes that text as written
(``excerpt``, clipped to 80 characters with "…"). The quote is matched character by
character from that column on, across wrapped lines, to find where it ends; a clipped
quote runs to the end of the line it stops in. A finding that quotes nothing is about
something missing: a missing title goes on the first paragraph, a missing signature or
date at the very end, a missing part where it would stand in the order the pack lists
the parts (after the parts before it, before the first part after them).
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from checker.model import Document, Finding, Result, Section
from checker.packs.pack import Pack

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


def _last_line(section: Section) -> int:
    return max(p.lines[-1].number for p in section.all_paragraphs())


def _top_section(document: Document, line: int) -> Section | None:
    for section in document.sections:
        if section.paragraph.line <= line <= _last_line(section):
            return section
    return None


def missing_place(element_id: str, result: Result, document: Document, pack: Pack) -> Point:
    """Where a missing element belongs."""
    paragraphs = document.paragraphs
    if not paragraphs:
        return Point(1, False)
    if element_id == "title":
        return Point(paragraphs[0].line, False)
    last_line = paragraphs[-1].lines[-1].number
    locators = {e.id: e.locator for e in pack.elements}
    if locators.get(element_id) != "section":
        return Point(last_line, True)
    anchors = {e.id: e.line for e in result.elements if e.line is not None and e.status != "missing"}
    order = [e.id for e in pack.elements if e.locator == "section"]
    index = order.index(element_id)
    boundary = 0
    for earlier in order[:index]:
        if earlier in anchors:
            section = _top_section(document, anchors[earlier])
            boundary = max(boundary, _last_line(section) if section else anchors[earlier])
    for later in order[index + 1 :]:
        line = anchors.get(later)
        if line is None or line <= boundary:
            continue
        section = _top_section(document, line)
        start = section.paragraph.line if section else line
        before = [p for p in paragraphs if p.lines[-1].number < start]
        return Point(before[-1].lines[-1].number, True) if before else Point(start, False)
    body = document.body_paragraphs()
    return Point(body[-1].lines[-1].number if body else last_line, True)


def title_span(document: Document, lines: Sequence[str]) -> Span | None:
    """The title's text (or the first paragraph's) for the summary comment."""
    paragraphs = document.title or document.paragraphs[:1]
    if not paragraphs:
        return None
    first, last = paragraphs[0].lines[0], paragraphs[-1].lines[-1]
    start = len(lines[first.number - 1]) - len(lines[first.number - 1].lstrip()) + 1
    return Span(first.number, start, last.number, max(len(lines[last.number - 1].rstrip()), 1))
