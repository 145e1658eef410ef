"""Recognise numbered headings: 一、 (一) 1. (1) ① and 第一部分, after normalisation."""

from __future__ import annotations

import re

import checker.regex_cache as regex_cache
from checker.model import Heading

_CN = "[一二三四五六七八九十]{1,3}"
# (pattern, rank): a lower rank is a higher level, in the order official documents use.
_MARKERS: tuple[tuple[re.Pattern[str], int], ...] = (
    (regex_cache.compile(rf"^第{_CN}(?:部分|章)\s*"), 0),
    # "七.2024年度…安排": a part whose heading starts with its year
    (regex_cache.compile(rf"^{_CN}\s?(?:、|,|\.(?!\d)|\.(?=\d{{4}}\s?年))\s*"), 1),
    (regex_cache.compile(rf"^\({_CN}\)\s*"), 2),
    # "1." but not "12.4宪法日"; "1.2025年6月底前…" is an item that starts with a year
    (regex_cache.compile(r"^\d{1,2}(?:[、]|\.(?!\d)|\.(?=\d{4}\s?年))\s*"), 3),
    (regex_cache.compile(r"^\(?\d{1,2}\)\s*"), 4),
    (regex_cache.compile(r"^[\u2460-\u2473]\s*"), 5),
)
_SENTENCE_END = regex_cache.compile(r"[。;；!?！？]")
MAX_TITLE_CHARS = 60


# Every marker starts with one of these characters, a digit or a circled number ①–⑳.
_MARKER_STARTS = "第一二三四五六七八九十("


def heading_marker(text: str) -> tuple[str, int] | None:
    """The heading marker at the start of ``text`` and its rank, if any.

    Most lines start with none of the characters a marker starts with: they are told by
    their first character instead of six regex matches (this runs for every line break).
    """
    first = text[:1]
    if not (first and (first in _MARKER_STARTS or first.isdecimal() or "\u2460" <= first <= "\u2473")):
        return None
    for pattern, rank in _MARKERS:
        match = pattern.match(text)
        if match:
            return match.group(0), rank
    return None


def parse_heading(text: str) -> Heading | None:
    """A heading if the paragraph starts with a marker and a short title follows it.

    Run-in headings ("(一)加强组织领导。成立了…") keep the words before the first
    sentence end as their title.
    """
    found = heading_marker(text)
    if found is None:
        return None
    marker, rank = found
    rest = text[len(marker) :]
    if not rest:
        return None
    end = _SENTENCE_END.search(rest)
    title = rest if end is None else rest[: end.start()]
    run_in = end is not None and end.end() < len(rest)
    if len(title) > MAX_TITLE_CHARS:
        # a long numbered paragraph is a list item, not a heading; keep it as a rank-6 item
        return Heading(marker.strip(), rank, title[:MAX_TITLE_CHARS], True)
    return Heading(marker.strip(), rank, title.strip(), run_in)
