"""Where each PDF line sits, turned into layout hints: alignment, relative size, indent, gap.

The page's text block is measured from the body text itself (the most common font size,
the most common left edge and the far right edge of lines in that size), so margins and
fonts of any template work: a centred title has room on both sides, a 落款 reaches the
right margin from far right, a paragraph's first line starts two characters in and its last
line stops short of the margin.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from statistics import median

import msgspec

from checker.read.source import Align, LineLayout

CENTRE_SLACK_EM = 1.5  # left and right room may differ by this much in a centred line
MARGIN_EM = 2.0  # a line ending this close to the right margin fills it (ragged right: ~1 char short)
RIGHT_START_EM = 4.0  # a right-aligned line starts at least this far in


class LineBox(msgspec.Struct, frozen=True):
    """A visual line's extent on its page (PDF points) and its font size."""

    left: float
    right: float
    baseline: float
    size: float
    chars: int


def _mode(values: list[float], step: float) -> float:
    counts = Counter(round(v / step) for v in values)
    return counts.most_common(1)[0][0] * step


def page_layouts(pages: list[list[LineBox]]) -> list[list[LineLayout]]:
    """Layout hints for every line of every page, from the document's body metrics."""
    boxes = [box for page in pages for box in page]
    if not boxes:
        return [[] for _ in pages]
    body_size = _mode([b.size for b in boxes for _ in range(max(b.chars, 1))], 0.5) or 10.0
    body = [b for b in boxes if abs(b.size - body_size) <= 0.15 * body_size] or boxes
    left_margin = _mode([b.left for b in body], 2.0)
    rights = sorted(b.right for b in body)
    right_margin = rights[int(0.95 * (len(rights) - 1))]
    pitches = [
        a.baseline - b.baseline
        for page in pages
        for a, b in pairwise(page)
        if a.baseline > b.baseline and abs(a.size - body_size) <= 0.15 * body_size
    ]
    pitch = median(pitches) if pitches else 1.5 * body_size
    out: list[list[LineLayout]] = []
    for page in pages:
        hints: list[LineLayout] = []
        previous: LineBox | None = None
        for box in page:
            hints.append(_hint(box, previous, body_size, left_margin, right_margin, pitch))
            previous = box
        out.append(hints)
    return out


def _hint(
    box: LineBox,
    previous: LineBox | None,
    body_size: float,
    left_margin: float,
    right_margin: float,
    pitch: float,
) -> LineLayout:
    em = body_size
    left_room = box.left - left_margin
    right_room = right_margin - box.right
    full = right_room < MARGIN_EM * em
    align: Align
    if (
        left_room > CENTRE_SLACK_EM * em
        and right_room > CENTRE_SLACK_EM * em
        and abs(left_room - right_room) < CENTRE_SLACK_EM * em
    ):
        align = "centre"
    elif full and left_room > RIGHT_START_EM * em:
        align = "right"
    else:
        align = "left"
    gap = None
    if previous is not None and previous.baseline > box.baseline and pitch > 0:
        gap = round(max((previous.baseline - box.baseline) / pitch - 1.0, 0.0), 2)
    return LineLayout(
        align=align,
        size=round(box.size / body_size, 2),
        indent=round(max(left_room, 0.0) / em, 2),
        gap=gap,
        full=full,
    )
