"""Unnumbered part headings run into their first paragraph, found where the items start again.

A report that numbers no part may write each part's heading at the start of its first paragraph
("下一步工作安排。我局将……", "存在的问题：一是……"), with its items numbered (一)(二) below. Read
line by line, the heading is an ordinary paragraph and the part's items count on under the part
before. What shows the part is the items' numbering: where the document's top item rank starts
again at 1 and no heading stands since the last heading, a new part begins in between, and the
last paragraph there that opens with a short phrase closed by 。 or a colon is its heading.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import checker.regex_cache as regex_cache
from checker.model import Heading, Paragraph
from checker.parse.heading_levels import marker_number

# a short phrase without clause punctuation, closed by 。 or a colon, with text after it; not an
# enumerated sentence (一是…, 其一…, 首先…) nor a lead-in (…如下：)
_RUN_IN = regex_cache.compile(
    r"^(?![一二三四五六七八九十]是|其[一二三四五六七八九十]|首先|第[一二三四五六七八九十])"
    r"(?P<title>[^。;；:：!！?？,，]{4,24}?)(?<!如下)[。:：](?=.)"
)


def run_in_parts(
    paragraphs: Sequence[Paragraph],
    headings: Sequence[Heading | None],
    is_heading: Callable[[str], bool],
) -> list[Heading | None]:
    """``headings`` with a rank-1 run-in heading added before each restart of the top items
    (see the module's docstring). ``is_heading``: whether an unnumbered line is a heading of
    its own (then the part is headed already)."""
    out = list(headings)
    marked = [h.rank for h in headings if h is not None and h.marker]
    if not marked:
        return out
    top = min(marked)
    previous = -1  # the last heading's paragraph
    for index, heading in enumerate(headings):
        if heading is None:
            continue
        if heading.rank == top and heading.marker and marker_number(heading.marker) == 1:
            gap = range(previous + 1, index)
            if not any(is_heading(paragraphs[k].text) for k in gap):
                found = _last_run_in(paragraphs, gap)
                if found is not None:
                    out[found[0]] = Heading("", 1, found[1], True)
        previous = index
    return out


def _last_run_in(paragraphs: Sequence[Paragraph], gap: range) -> tuple[int, str] | None:
    """The last paragraph in ``gap`` that opens with a run-in heading, and that heading."""
    for k in reversed(gap):
        match = _RUN_IN.match(paragraphs[k].text)
        if match:
            return k, match.group("title")
    return None
