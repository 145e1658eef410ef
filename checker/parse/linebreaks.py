"""Decide, for every line break, whether the paragraph goes on or ends there.

Text arrives hard-wrapped (PDF copy-paste, some portals: a line every N columns, with or
without blank lines between lines) or one paragraph per line (Word export). The decision is
made in two steps over the whole document: first the document's wrap width is detected
(:func:`wrap_width`), then each break is scored from named features — how full the line is
against that width, its ending punctuation, the next line's first characters, heading
numerals, and what the paragraph built so far looks like (a title block ends at 报告 even
when its last line fills the width). Where the reader knows the layout (PDF positions, docx
paragraphs) :mod:`checker.parse.layout` decides first and these text features only break ties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import checker.regex_cache as regex_cache
from checker.model import Line
from checker.parse.agency import AGENCY_SUFFIX, is_signature_line
from checker.parse.dates import DATE_PATTERN
from checker.parse.headings import heading_marker

_CLOSING = tuple("。！？；：!?;:…")
# "…报告如下：" leads into what follows: a new paragraph, a list or a part heading (text normalised: ：→:)
_LEADS_IN = ("如下:", "如下：")
_CONTINUATION_START = tuple("，。、；：）)”’》,.;:")
_SENTENCE_MARK = regex_cache.compile(r"[。；;！？!?]")
_ANY_PUNCTUATION = regex_cache.compile(r"[。；;！？!?,，:：、]")
_TITLE_WORDS = regex_cache.compile(r"法治|依法行政")
_ITEM = regex_cache.compile(r"^[一二三四五六七八九十]是")
# Whether a line ends with, or holds, one of a few words is asked with ``str.endswith`` and
# ``in`` (C scans), not with a regex "(?:…|…)$" or "…|…" search, which tries a match at
# every character of the line. (Line texts hold no newline, before which "$" also matches.)
# Words that end a heading; they rarely end a line mid-sentence:
_HEADING_END = (
    "情况",
    "成效",
    "举措",
    "不足",
    "原因",
    "安排",
    "职责",
    "思路",
    "措施",
    "做法",
    "打算",
    "要点",
)
_NAVIGATION = ("|", "｜", " > ", "当前位置", "所在位置")
# page furniture copied with the text: a breadcrumb or a 发布时间/来源 line is never the start
# of the paragraph below it, however full the line is
_FURNITURE = regex_cache.compile(
    "|".join(map(re.escape, _NAVIGATION))  # the breadcrumb marks, stated once above
    + r"|(?:(?:发布|成文)?(?:时间|日期)|(?:信息)?来源|浏览(?:次数)?|字号|作者|编辑)[:：]"
)
# what a search for _FURNITURE finds somewhere in a text: one of these
_FURNITURE_MARKS = _NAVIGATION + tuple(
    word + colon
    for word in ("时间", "日期", "来源", "浏览", "浏览次数", "字号", "作者", "编辑")
    for colon in ":："
)
_FURNITURE_LINE = regex_cache.compile(
    r"^【?(?:朗读|分享|打印|关闭|收藏|纠错|返回顶部|打印本页|关闭窗口)】?[:：]?$"
)
_TITLE_END = ("报告", "情况", "汇报", "总结", "工作")
# the 文种 a title block ends with: the report's own, and the look-alikes' (a speech, a notice, a plan)
_DOCTYPE_WORDS = ("报告", "总结", "汇报", "讲话", "发言", "致辞", "通知", "通报", "方案", "要点", "计划")
_TITLE_BLOCK_END = tuple(word + bracket for word in _DOCTYPE_WORDS for bracket in ("", ")", "）"))
_DATE_LINE = regex_cache.compile(rf"^(?:{DATE_PATTERN.pattern})$")
_SIGNED_DATE_LINE = regex_cache.compile(rf"^(?P<agency>.{{2,45}}?)\s*(?P<date>{DATE_PATTERN.pattern})$")
MIN_LINES_FOR_WRAP = 8
FULL = 0.85  # a line this share of the width or more was broken by the layout
TITLE_ZONE = 8  # lines at the start of the document where a title block may stand
TITLE_MAX_CHARS = 80
FURNITURE_MAX_CHARS = 160


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The fixed wrap width of hard-wrapped text, or None when lines are paragraphs.

    Wrapped text has a ceiling: almost no line is longer than the width, and a large share
    of lines (every line of a paragraph but its last) end just below it. The ceiling is the
    95th-percentile width; the text is wrapped when at least 30 % of lines reach 85 % of it.
    A text that was already wrapped irregularly and is re-wrapped narrower still qualifies.
    """
    widths = sorted(line.width for line in lines if line.text)
    if len(widths) < MIN_LINES_FOR_WRAP:
        return None
    top = widths[int(len(widths) * 0.9)]
    if top > 160:
        return None
    near_top = sum(1 for w in widths if w >= FULL * top)
    if near_top >= 0.5 * len(widths):
        return top
    ceiling = widths[min(int(len(widths) * 0.95), len(widths) - 1)]
    if ceiling > 160:
        return None
    near = sum(1 for w in widths if FULL * ceiling <= w <= ceiling + 2)
    above = sum(1 for w in widths if w > ceiling + 2)
    return ceiling if near >= 0.3 * len(widths) and above <= 0.06 * len(widths) else None


def _may_be_furniture(text: str) -> bool:
    """Cheap pre-test: every furniture mark has one of these (text is normalised: ：→:, ｜→|)."""
    return ":" in text or "|" in text or ">" in text or "位置" in text


def _is_furniture(text: str) -> bool:
    return _may_be_furniture(text) and _holds_any(text, _FURNITURE_MARKS)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def ends_sentence(text: str) -> bool:
    """The line ends with closing punctuation (。！？；：…)."""
    return text.endswith(_CLOSING)


def is_date_line(text: str) -> bool:
    """The whole line is a date. A date ends in 日 or a digit: that cheap test comes first, as
    this runs for every line break (line texts hold no newline for "$" to stop before)."""
    return (text.endswith("日") or text[-1:].isdecimal()) and _DATE_LINE.match(text) is not None


def signed_date(text: str) -> re.Match[str] | None:
    """The signing body and the date on one line ("××局    2025年1月20日"): groups ``agency``
    and ``date``."""
    match = _SIGNED_DATE_LINE.match(text)
    return match if match is not None and is_signature_line(match.group("agency").strip()) else None


def starts_block(text: str) -> bool:
    """A line that must begin a new paragraph: a heading, a bare date, or a signed date."""
    return heading_marker(text) is not None or is_date_line(text) or _is_signed_date_line(text)


def _is_signed_date_line(text: str) -> bool:
    """:func:`signed_date` after the cheap test :func:`is_date_line` makes first."""
    return (text.endswith("日") or text[-1:].isdecimal()) and signed_date(text) is not None


_OPENING_WORD = regex_cache.compile(r"^(?:根据|按照|依据|为了?|今年|近年|现将|在|我|本)")
_BODY_START = regex_cache.compile(
    r"^(?:\d{4}年|20\d{2}|今年|近年|根据|按照|为|在|我|本|现将|[一二三四五六七八九十]、"
    rf"|(?:中共)?[\u4e00-\u9fff]{{1,20}}?(?:{AGENCY_SUFFIX}))"  # "龙川县司法局坚持…"
)


def title_block_ends(so_far: str, line_index: int, full: bool = False, nxt: str = "") -> bool:
    """The paragraph built so far is a complete title: at the top, short, no sentence
    punctuation, ending in its 文种 ("…年度报告"), and about the subject or followed by a
    line that starts as a body does (a year, 根据, 一、, a body's name). A line that fills the
    width may still run on ("根据…年度报告" / "制度的要求"): then the body start is required."""
    if line_index >= TITLE_ZONE or len(so_far) > TITLE_MAX_CHARS or not so_far.endswith(_TITLE_BLOCK_END):
        return False  # cheap tests first: this runs for every line break
    body_follows = bool(_BODY_START.match(nxt))
    if full and not body_follows:
        return False
    return (
        not _OPENING_WORD.match(so_far)
        and len(so_far) <= TITLE_MAX_CHARS
        and so_far.endswith(_TITLE_BLOCK_END)
        and (body_follows or bool(_TITLE_WORDS.search(so_far)))
        and not _ANY_PUNCTUATION.search(so_far)
    )


def _wrapped_continues(line: Line, following: Line, width: int, tail: bool) -> bool:
    text, nxt = line.text, following.text
    if line.width < FULL * width:
        # a one- or two-character orphan ("盾", "军人") left by re-wrapping a paragraph goes on;
        # standing alone ("朗读") it is no paragraph's tail
        orphan = tail and line.width <= 4 and not text.endswith(_CLOSING) and not text.endswith(_TITLE_END)
        # and it runs into body text, not into another short line ("际" / "朗读")
        body_follows = following.width >= FULL * width or nxt.endswith(_CLOSING)
        # but not into an item: "安排" / "一是…" is a heading's tail, then its first item
        return orphan and body_follows and not starts_block(nxt) and not _ITEM.match(nxt)
    if text.endswith(_CLOSING):
        return not (starts_block(nxt) or is_signature_line(nxt) or text.endswith(_LEADS_IN))
    marker = heading_marker(text)
    if marker is not None and not _SENTENCE_MARK.search(text):
        # a heading that fills the line: it goes on into a short tail ("…职" / "责情况"),
        # stops before an item (一是…) or a heading word ending ("…情况"), and otherwise is
        # a run-in heading whose first sentence the layout broke ("…业务工作的融" / "合不够")
        if _ITEM.match(nxt) or starts_block(nxt):
            return False
        if following.width < FULL * width and not nxt.endswith(_CLOSING):
            return True
        return not text.endswith(_HEADING_END)
    return True


def _unwrapped_continues(line: Line, following: Line) -> bool:
    text, nxt = line.text, following.text
    if text.endswith(_CLOSING) or starts_block(nxt) or _holds_any(text, _NAVIGATION):
        return False
    if len(nxt) <= 40 and nxt.endswith(_TITLE_END) and not nxt.endswith(_CLOSING):
        return False  # the next line is a title ("…年度报告"), not the rest of this one
    if len(nxt) <= 40 and nxt.endswith((":", "：")) and not _SENTENCE_MARK.search(nxt):
        return False  # the next line is an addressee ("各乡镇、各部门："), not the rest of a long title
    marker = heading_marker(text)
    if marker is not None:
        # a bare heading ends here; a run-in heading with body text broken by a page does not
        return bool(_SENTENCE_MARK.search(text[len(marker[0]) :]))
    return line.width >= 60 and not text.endswith(_TITLE_END)


def continues(line: Line, following: Line, width: int | None, so_far: str = "", index: int = 0) -> bool:
    """Whether ``line`` runs on into ``following`` (the next non-blank line).

    ``so_far`` is the paragraph text up to and including ``line``; ``index`` the line's
    position among the document's non-blank lines.
    """
    text, nxt = line.text, following.text
    if is_date_line(text) or is_date_line(nxt):
        return False
    if nxt.startswith(_CONTINUATION_START):
        return True
    full = width is not None and line.width >= FULL * width
    if title_block_ends(so_far or text, index, full, nxt):
        return False
    # page furniture (breadcrumbs, 发布时间/来源 lines, 朗读) is short: a long paragraph is not
    furniture = _is_furniture(text if len(so_far) > FURNITURE_MAX_CHARS else so_far or text)
    if furniture and not (_is_furniture(nxt) or following.width <= 4):
        return False
    if not furniture and _may_be_furniture(nxt) and _FURNITURE.match(nxt):
        return False  # "…的报告" / "日期:2024-02-22"
    if (len(text) <= 8 and _FURNITURE_LINE.match(text)) or (len(nxt) <= 8 and _FURNITURE_LINE.match(nxt)):
        return False
    if width is not None:
        return _wrapped_continues(line, following, width, len(so_far) > len(text))
    return _unwrapped_continues(line, following)
