"""A table of contents (目录) at the head of a report: its entries name the parts but are none.

Long reports, and those exported from Word with a TOC, list their headings under a 目录 line,
with dot leaders and page numbers or without. Read as text they would be taken for the parts
themselves, and the opening after them for the last part's body. The label and the entries
that follow it read as blank; the entries end at the first line that is no heading (the
opening) or that repeats an entry (the first real heading).
"""

from __future__ import annotations

import checker.regex_cache as regex_cache
from checker.model import Line
from checker.parse.headings import heading_marker

CONTENTS_LABEL = regex_cache.compile(r"^目\s*录[:：]?$")
# an entry's page reference: dot leaders or a gap, then the number, or a number after the words
_PAGE_REFERENCE = regex_cache.compile(r"(?:[.．…·•_\-—]{2,}|\s+)\s*\d{1,3}$|(?<=[\u4e00-\u9fff)）])\d{1,3}$")
_LEADERS = regex_cache.compile(r"[.．…·•_\-—]{2,}$")
SCAN_LINES = 60  # the label sits near the top, under the title
MAX_ENTRY_CHARS = 80
_SENTENCE_END = ("。", "；", ";")


def _entry(text: str) -> str | None:
    """The heading an entry names (its page reference cut off), or None for no entry."""
    if len(text) > MAX_ENTRY_CHARS or any(end in text for end in _SENTENCE_END):
        return None
    reference = _PAGE_REFERENCE.search(text)
    named = _LEADERS.sub("", text[: reference.start()] if reference else text).strip()
    if not named or (reference is None and heading_marker(named) is None):
        return None
    return named


def blank_contents(lines: list[Line]) -> list[Line]:
    """``lines`` with a table of contents near the top (label and entries) made blank."""
    start = next(
        (
            i
            for i, line in enumerate(lines[:SCAN_LINES])
            if line.text[:1] == "目" and CONTENTS_LABEL.match(line.text)
        ),
        None,
    )
    if start is None:
        return _blank_dotted_run(lines)
    entries: list[int] = []
    named: set[str] = set()
    for index in range(start + 1, len(lines)):
        text = lines[index].text
        if not text:
            continue
        heading = _entry(text)
        if heading is None or heading in named:
            break
        named.add(heading)
        entries.append(index)
    if not entries:
        return lines
    return _blanked(lines, {start, *entries})


# an entry set with dot leaders and its page number: "一、主要举措和成效……………1"
_DOTTED_ENTRY = regex_cache.compile(r"[.．…·•_]{3,}\s*\d{1,3}$")
MIN_DOTTED_ENTRIES = 2


def _blank_dotted_run(lines: list[Line]) -> list[Line]:
    """A contents list typed without its 目录 line: two or more lines in a row near the top
    that end in dot leaders and a page number (body text never does)."""
    run: list[int] = []
    for index, line in enumerate(lines[:SCAN_LINES]):
        text = line.text
        if not text:
            continue
        if text[-1].isdecimal() and _DOTTED_ENTRY.search(text) and _entry(text) is not None:
            run.append(index)
        elif len(run) >= MIN_DOTTED_ENTRIES:
            break
        else:
            run = []
    if len(run) < MIN_DOTTED_ENTRIES:
        return lines
    return _blanked(lines, set(run))


def _blanked(lines: list[Line], indices: set[int]) -> list[Line]:
    """``lines`` with those at ``indices`` read as blank (kept, so line numbers stay)."""
    return [Line(line.number, "", line.offset) if i in indices else line for i, line in enumerate(lines)]
