"""Re-join physical lines into logical paragraphs.

Real reports arrive hard-wrapped (PDF extraction: a line every ~30 characters, often with
blank lines between every line, page breaks mid-sentence) or one paragraph per line (Word
export). We first decide whether the text has a fixed wrap width, then join a line to the
next one when it clearly continues: a full-width line in wrapped text, or a long line
without closing punctuation in unwrapped text. Headings, dates and short title lines
always stand alone.
"""

from __future__ import annotations

import re
from itertools import pairwise

from checker.model import Line, Paragraph
from checker.parse.agency import is_signature_line
from checker.parse.dates import DATE_PATTERN
from checker.parse.headings import heading_marker

_CLOSING = tuple("。！？；：!?;:…")
_CONTINUATION_START = tuple("，。、；：）)”’》,.;:")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_TITLE_WORDS = re.compile(r"法治|依法行政")
_ITEM = re.compile(r"^[一二三四五六七八九十]是")
_HEADING_END = re.compile(
    r"(?:情况|成效|举措|不足|原因|安排|职责|思路|措施|做法|打算|要点)$"  # rarely mid-sentence
)
_NAVIGATION = re.compile(r"[|｜]| > |当前位置|所在位置")
_TITLE_END = re.compile(r"(报告|情况|汇报|总结|工作)$")
_DATE_LINE = re.compile(rf"^(?:{DATE_PATTERN.pattern})$")
MIN_LINES_FOR_WRAP = 8


def wrap_width(lines: list[Line]) -> int | None:
    """The fixed wrap width of hard-wrapped text, or None when lines are paragraphs."""
    widths = sorted(line.width for line in lines if line.text)
    if len(widths) < MIN_LINES_FOR_WRAP:
        return None
    top = widths[int(len(widths) * 0.9)]
    if top > 160:
        return None
    near_top = sum(1 for w in widths if w >= 0.85 * top)
    return top if near_top >= 0.5 * len(widths) else None


def _is_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(text))


def _starts_block(text: str) -> bool:
    """A line that must begin a new paragraph: a heading or a bare date."""
    return heading_marker(text) is not None or _is_date_line(text)


def _continues(line: Line, following: Line, width: int | None) -> bool:
    """Whether ``line`` runs on into ``following`` (the next non-blank line)."""
    text, nxt = line.text, following.text
    if _is_date_line(text) or _is_date_line(nxt):
        return False
    if nxt.startswith(_CONTINUATION_START):
        return True
    if width is not None:
        full = line.width >= 0.85 * width
        if not full:
            # a one- or two-character orphan ("盾", "军人") left by re-wrapping goes on
            orphan = line.width <= 4 and not text.endswith(_CLOSING) and not _TITLE_END.search(text)
            return orphan and not _starts_block(nxt)
        if text.endswith(_CLOSING):
            return not (_starts_block(nxt) or is_signature_line(nxt))
        if text.endswith(("报告", "总结")) and _TITLE_WORDS.search(text):
            return False  # a title that happens to fill the line ("…年度报告")
        marker = heading_marker(text)
        if marker is not None and not re.search(r"[。；;！？]", text):
            # a heading that fills the line: it goes on into a short tail ("…职" / "责情况"),
            # stops before an item (一是…) or a heading word ending ("…情况"), and otherwise is
            # a run-in heading whose first sentence the layout broke ("…业务工作的融" / "合不够")
            if _ITEM.match(nxt) or _starts_block(nxt):
                return False
            if following.width < 0.85 * width and not nxt.endswith(_CLOSING):
                return True
            return not _HEADING_END.search(text)
        return True
    if text.endswith(_CLOSING) or _starts_block(nxt) or _NAVIGATION.search(text):
        return False
    if len(nxt) <= 40 and _TITLE_END.search(nxt) and not nxt.endswith(_CLOSING):
        return False  # the next line is a title ("…年度报告"), not the rest of this one
    marker = heading_marker(text)
    if marker is not None:
        # a bare heading ends here; a run-in heading with body text broken by a page does not
        return bool(re.search(r"[。；;！？]", text[len(marker[0]) :]))
    return line.width >= 60 and not _TITLE_END.search(text)


RUN_ON_MIN = 300  # a physical line this long may be a whole report pasted without line breaks
_RUN_ON_BREAK = re.compile(
    r"(?<=[。！？；：:;!?])(?=(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分))"
    r"|(?<![第条款项])(?=\([一二三四五六七八九十]{1,3}\))"
    r"|(?<=[。！？])(?=[^。！？]{0,40}(?:\d{4}|[〇○零一二三四五六七八九]{4})年[^。！？]{1,6}日$)"
)
_RUN_ON_TITLE = re.compile(r"^.{4,60}?(?:报告|总结)(?=\d{4}年|[\u4e00-\u9fff]{2,20}[:：])")


def split_run_on(line: Line) -> list[Line]:
    """A report pasted as one long line, cut back into its title, parts and signature.

    Cuts only where a new part plainly begins: before 一、/(一)/第一部分 right after a
    sentence end, after a leading title ending in 报告, and before a closing date.
    """
    text = line.text
    if len(text) < RUN_ON_MIN:
        return [line]
    cuts = {m.start() for m in _RUN_ON_BREAK.finditer(text)}
    title = _RUN_ON_TITLE.match(text)
    if title:
        cuts.add(title.end())
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    if len(bounds) == 2:
        return [line]
    return [line.piece(a, b) for a, b in pairwise(bounds) if a < b]


def join_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group non-blank lines into paragraphs, in order."""
    content = [piece for line in lines if line.text for piece in split_run_on(line)]
    width = wrap_width(content)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for i, line in enumerate(content):
        current.append(line)
        following = content[i + 1] if i + 1 < len(content) else None
        if following is None or not _continues(line, following, width):
            paragraphs.append(Paragraph.join(len(paragraphs), current))
            current = []
    return paragraphs
