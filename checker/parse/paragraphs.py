"""Re-join physical lines into logical paragraphs.

Real reports arrive hard-wrapped (PDF extraction: a line every ~30 characters, often with
blank lines between every line, page breaks mid-sentence) or one paragraph per line (Word
export). A report pasted as one long line is first cut back into parts; then every line
break is scored as "continue" or "break" (:mod:`checker.parse.linebreaks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import checker.regex_cache as regex_cache
from checker.model import Line, Paragraph
from checker.parse.layout import breaks_between, hint, table_break
from checker.parse.linebreaks import continues, ends_sentence, starts_block, wrap_width
from checker.read.source import LineLayout

RUN_ON_MIN = 300  # a physical line this long may be a whole report pasted without line breaks
# Where a long line is cut: after a sentence end that a part number follows (一、, 第一部分),
# before a numbered item (一) not part of a citation (第/条/款/项 before it), and after the
# sentence end that a closing date follows. Each pattern starts with the character it needs,
# so the engine skips from one candidate to the next; the cuts are those of the zero-width
# form (?<=[。！？；：:;!?])(?=…)|(?<![第条款项])(?=\(…\))|(?<=[。！？])(?=…日$), which tried
# its look-behinds at every character (~6 % of checking the seeds).
_AFTER_END_BEFORE_PART = regex_cache.compile(
    r"[。！？；：:;!?](?=(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分))"
)
_NUMBERED_ITEM = regex_cache.compile(r"\((?=[一二三四五六七八九十]{1,3}\))")
_AFTER_END_BEFORE_DATE = regex_cache.compile(
    r"[。！？](?=[^。！？]{0,40}(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^。！？]{1,6}日$)"
)
_CITING = "第条款项"  # before "(一)": a citation (第三条(一)), not a new item
# the longest closing-date match, which must end the line: 。 + 40 + 2024 + 年 + 6 + 日
_DATE_REACH = 1 + 40 + 4 + 1 + 6 + 1
_RUN_ON_TITLE = regex_cache.compile(r"^.{4,60}?(?:报告|总结)(?=\d{4}年|[\u4e00-\u9fff]{2,20}[:：])")


def run_on_cuts(text: str) -> set[int]:
    """Offsets in a long line where a new part plainly begins (see the patterns above)."""
    cuts = {m.end() for m in _AFTER_END_BEFORE_PART.finditer(text)}
    cuts.update(m.end() for m in _AFTER_END_BEFORE_DATE.finditer(text, max(0, len(text) - _DATE_REACH)))
    items = (m.start() for m in _NUMBERED_ITEM.finditer(text))
    cuts.update(at for at in items if at == 0 or text[at - 1] not in _CITING)
    return cuts


def split_run_on(line: Line) -> list[Line]:
    """A report pasted as one long line, cut back into its title, parts and signature.

    Cuts only where a new part plainly begins: before 一、/(一)/第一部分 right after a
    sentence end, after a leading title ending in 报告, and before a closing date.
    """
    text = line.text
    if len(text) < RUN_ON_MIN:
        return [line]
    cuts = run_on_cuts(text)
    title = _RUN_ON_TITLE.match(text)
    if title:
        cuts.add(title.end())
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    if len(bounds) == 2:
        return [line]
    return [line.piece(a, b) for a, b in pairwise(bounds) if a < b]


def join_paragraphs(lines: list[Line], layout: Sequence[LineLayout | None] | None = None) -> list[Paragraph]:
    """Group non-blank lines into paragraphs, in order; ``layout`` (per original line)
    decides a break first where the reader knew the layout."""
    content = [piece for line in lines if line.text for piece in split_run_on(line)]
    width = wrap_width(content)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    so_far = ""
    for i, line in enumerate(content):
        current.append(line)
        so_far += line.text
        following = content[i + 1] if i + 1 < len(content) else None
        said = None
        if following is not None and layout is not None:
            here, there = hint(layout, line), hint(layout, following)
            said = table_break(here, there)
            if said is None:
                said = breaks_between(here, there, ends_sentence(line.text))
                if said is False and starts_block(following.text):
                    said = True  # a heading or a date begins a block whatever the margins say
        if (
            following is None
            or said is True
            or (said is None and not continues(line, following, width, so_far, i))
        ):
            paragraphs.append(Paragraph.join(len(paragraphs), current))
            current, so_far = [], ""
    return paragraphs
