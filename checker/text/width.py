"""Display width: how many terminal columns text takes (East Asian wide characters take two).

The one helper for anything laid out in columns: tables (``rules list``, audit summary, the
text report) and wrapped help text, so Chinese and Latin text line up alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import checker.regex_cache as regex_cache

# Punctuation that must not start a line (it stays with the text before it).
_NO_LINE_START = set("，。、；：？！）》」』】”’…,.;:?!)]}%")
# Openers that must not end a line (they stay with the text after them).
_NO_LINE_END = set("（《「『【“‘")
# a placeholder such as <文件名>.docx is one word; then spaces, Latin words, single characters
_UNIT = regex_cache.compile(r"<[^<>\s]{1,20}>[\x21-\x7e]*|\s+|[\x21-\x7e]+|.", re.S)
_BETWEEN_WIDE = regex_cache.compile(r"(?<=[^\x00-\x7f])\s*\n\s*(?=[^\x00-\x7f])")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns one character takes: 2 for East Asian wide/full-width, 0 for combining marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def pad(text: str, width: int, align: str = "<") -> str:
    """``text`` padded with spaces to ``width`` columns (``align`` ``<`` left, ``>`` right)."""
    gap = " " * max(width - display_width(text), 0)
    return gap + text if align == ">" else text + gap


def table(rows: Sequence[Sequence[object]], aligns: str = "", gap: str = "  ", indent: str = "") -> list[str]:
    """Rows laid out in columns aligned by display width; the last column is not padded.

    ``aligns`` holds one ``<`` or ``>`` per column (left by default).
    """
    cells = [[str(cell) for cell in row] for row in rows]
    if not cells:
        return []
    count = max(len(row) for row in cells)
    widths = [max((display_width(row[i]) for row in cells if i < len(row)), default=0) for i in range(count)]
    out = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            align = aligns[i] if i < len(aligns) else "<"
            last = i == len(row) - 1
            parts.append(cell if last and align == "<" else pad(cell, widths[i], align))
        out.append((indent + gap.join(parts)).rstrip())
    return out


def _units(text: str) -> list[str]:
    """Breakable units: a Latin word, one CJK character (with the punctuation after it), a space;
    an opening bracket stays with what follows it, so ``<文件名>.docx`` breaks only at its ends."""
    units: list[str] = []
    opener = ""
    for match in _UNIT.finditer(text):
        unit = opener + match.group()
        opener = ""
        if unit in _NO_LINE_END:
            opener = unit
            continue
        if units and not unit.isspace() and unit[0] in _NO_LINE_START and not units[-1].isspace():
            units[-1] += unit
        else:
            units.append(unit)
    if opener:
        units.append(opener)
    return units


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """``text`` broken into lines of at most ``width`` columns, between words or CJK characters.

    A Latin word is never split (it may overflow a line on its own); spaces at a break vanish.
    """
    lines: list[str] = []
    line, used = initial_indent, display_width(initial_indent)
    fresh = True
    for unit in _units(" ".join(_BETWEEN_WIDE.sub("", text).split())):
        if unit.isspace():
            if not fresh:
                line, used = line + " ", used + 1
            continue
        size = display_width(unit)
        if used + size > width and not fresh:
            lines.append(line.rstrip())
            line, used = subsequent_indent, display_width(subsequent_indent)
        line, used, fresh = line + unit, used + size, False
    lines.append(line.rstrip())
    return lines
