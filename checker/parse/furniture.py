"""Page furniture: what a web page puts around the text (:data:`PAGE_NOISE`), and running heads
left in text copied from a PDF: the same short line on every page.

A PDF's header or footer line ("××局2023年度法治政府建设情况报告" at the top of each page) comes
along when its text is copied, and in wrapped text it is joined into whatever paragraph the page
break fell in, headings included. A short line that recurs verbatim three or more times, each
time among different text (text pasted over again repeats its neighbours too, and is the
repetition rule's to report), is such a line: every occurrence after the first reads as blank.
The first stays, since it may be the title itself.
"""

from __future__ import annotations

from collections import Counter

import checker.regex_cache as regex_cache
from checker.model import Line
from checker.parse.headings import heading_marker
from checker.parse.linebreaks import is_date_line

# what a web page puts around the text: navigation, 来源/发布时间 lines, 朗读/打印/分享 buttons,
# the portal's index table (索引号/主题分类/发布机构)
PAGE_NOISE = regex_cache.compile(
    r"[|｜>]|来源[:：]|位置[:：]|朗读|发布时间|发布日期|字号|浏览|阅读|打印|分享|无障碍|简体|繁体"
    r"|当前位置|首页|索引号|主题分类|发布机构"
)

MIN_REPEATS = 3
MIN_CHARS, MAX_CHARS = 8, 60


def blank_running_heads(lines: list[Line]) -> list[Line]:
    """``lines`` with every repeat of a running head after its first occurrence made blank."""
    counts = Counter(line.text for line in lines if MIN_CHARS <= len(line.text) <= MAX_CHARS)
    repeated = {text for text, count in counts.items() if count >= MIN_REPEATS and _may_be_head(text)}
    if not repeated:
        return lines
    heads = repeated & _among_different_text(lines, repeated)
    if not heads:
        return lines
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.text in heads:
            if line.text in seen:
                line = Line(line.number, "", line.offset)
            seen.add(line.text)
        out.append(line)
    return out


def _among_different_text(lines: list[Line], repeated: set[str]) -> set[str]:
    """Those of ``repeated`` whose occurrences are each followed by a different line."""
    texts = [line.text for line in lines if line.text]
    followers: dict[str, list[str]] = {}
    for text, after in zip(texts, [*texts[1:], ""], strict=True):
        if text in repeated:
            followers.setdefault(text, []).append(after)
    return {text for text, after in followers.items() if len(set(after)) == len(after)}


def _may_be_head(text: str) -> bool:
    """Words (some Chinese), neither a numbered heading nor a date nor a table row."""
    return (
        any("\u4e00" <= ch <= "\u9fff" for ch in text)
        and heading_marker(text) is None
        and not is_date_line(text)
        and "\t" not in text
    )
