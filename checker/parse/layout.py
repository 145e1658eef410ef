"""Use where each line sits, when the reader knows it (PDF positions, docx paragraph format).

A laid-out report says with its layout what plain text leaves to guessing: the title block
is centred and larger, a body paragraph starts indented and its last line stops short, the
落款 and 成文日期 are right-aligned at the end, Word headings carry a heading style or an
outline level. These hints come per line in :class:`~checker.read.source.LineLayout`; the
parser asks here first and falls back to text features where a hint says nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import checker.regex_cache as regex_cache
from checker.model import Heading, Line, Paragraph
from checker.parse.dates import DATE_PATTERN
from checker.read.source import LineLayout

DISPLAY_MAX_CHARS = 40  # a display line of the title block: the body's name, a subtitle
_SENTENCE = regex_cache.compile(r"[。；;！？!?]")

SIZE_STEP = 0.15  # relative font sizes further apart than this are different kinds of text
GAP_BREAK = 0.8  # extra space above a line, in line heights, that starts a new block
INDENT_START = 1.5  # a first-line indent of this many characters starts a paragraph


def hint(layout: Sequence[LineLayout | None] | None, line: Line) -> LineLayout | None:
    """The layout of a normalised line (``line.number`` is 1-based in the original)."""
    if layout is None or not 1 <= line.number <= len(layout):
        return None
    return layout[line.number - 1]


def table_cell(item: LineLayout | None) -> bool:
    """A line in a table of more than one cell: table text, never a heading or part boundary."""
    return item is not None and item.cell is not None and not item.cell.box


def in_table(item: LineLayout | None) -> bool:
    """A line in any table, a one-cell 专栏 box included: never a heading of the report."""
    return item is not None and item.cell is not None


def table_break(current: LineLayout | None, following: LineLayout | None) -> bool | None:
    """Whether a table ends the paragraph between two lines, None when neither is in one.

    A table row is one paragraph (one item, as an expert counts a task table's rows); a
    table starts and ends its own paragraphs; a one-cell box's paragraphs are left to the
    usual rules between themselves."""
    here = current.cell if current is not None else None
    there = following.cell if following is not None else None
    if here is None and there is None:
        return None
    if here is None or there is None or here.table != there.table:
        return True
    if here.box:
        return None
    return here.row != there.row


def _block(item: LineLayout) -> bool:
    """Centred, right-aligned, headed or larger: a line that stands as a block of its own."""
    return (
        item.align in ("centre", "right")
        or item.style is not None
        or (item.size is not None and item.size >= 1 + SIZE_STEP)
    )


def breaks_between(
    current: LineLayout | None, following: LineLayout | None, ends_sentence: bool = True
) -> bool | None:
    """True when the layout ends the paragraph between two lines, False when it clearly runs
    on (a full left-aligned line into an unindented one of the same kind), None when it
    does not say. A short line that stops mid-sentence (``ends_sentence`` False) is left to
    the text: copy-pasted reports keep broken lines as paragraphs of their own."""
    if current is None or following is None:
        return None
    if _block(current) or _block(following):
        return True  # each centred or right-aligned line is a block; the title joins them
    sizes = (current.size, following.size)
    if sizes[0] is not None and sizes[1] is not None and abs(sizes[0] - sizes[1]) > SIZE_STEP:
        return True
    if following.gap is not None and following.gap > GAP_BREAK:
        return True
    if following.indent is not None and following.indent >= INDENT_START:
        return True
    if current.full is True and (following.indent is None or following.indent < INDENT_START):
        return False
    if current.full is False and ends_sentence:
        return True  # a left-aligned line stopping short of the margin ends its paragraph
    return None


def is_display(item: LineLayout | None) -> bool:
    """Set off as display text at the top of a page: centred or in a larger font."""
    return item is not None and (item.align == "centre" or (item.size or 1.0) >= 1 + SIZE_STEP)


def is_right_aligned(item: LineLayout | None) -> bool:
    return item is not None and item.align == "right"


def heading_level(item: LineLayout | None) -> int | None:
    """The outline level a Word heading style or outline level gives (1 = a part)."""
    if item is None or item.style != "heading":
        return None
    return item.level or 1


def display_block(
    paragraphs: Sequence[Paragraph], layout: Sequence[LineLayout | None], start: int, end: int, limit: int
) -> tuple[int, int]:
    """Widen the title block found by its words to the display lines around it: a centred
    or larger body name above "2024年…报告", a centred subtitle below it."""

    def display(index: int) -> bool:
        paragraph = paragraphs[index]
        text = paragraph.text
        return (
            is_display(hint(layout, paragraph.lines[0]))
            and len(text) <= DISPLAY_MAX_CHARS
            and not _SENTENCE.search(text)
            and not DATE_PATTERN.fullmatch(text.strip("()（）"))
        )

    if not is_display(hint(layout, paragraphs[start].lines[0])):
        return start, end
    while start > 0 and display(start - 1):
        start -= 1
    while end < min(limit, len(paragraphs)) and display(end):
        end += 1
    return start, end


def styled_heading(paragraph: Paragraph, layout: Sequence[LineLayout | None] | None) -> Heading | None:
    """A paragraph Word marks as a heading (style or outline level) without a written marker."""
    item = hint(layout, paragraph.lines[0])
    if in_table(item):
        return None
    level = heading_level(item)
    if level is None or len(paragraph.text) > 60 or _SENTENCE.search(paragraph.text):
        return None
    return Heading("", level, paragraph.text, False)
