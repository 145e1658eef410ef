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
# what may set a heading off before its marker: a star or block ("★一、主要举措和成效") or a
# short tag in 【】 ("【职能转变】一、依法全面履行政府职能"); it belongs to the marker
DECORATION_STARTS = "★☆●■◆▲▶►◎【"
_DECORATION = regex_cache.compile(r"^(?:[★☆●■◆▲▶►◎]|【[^】]{1,10}】)\s*")


def heading_marker(text: str) -> tuple[str, int] | None:
    """The heading marker at the start of ``text`` and its rank, if any.

    Most lines start with none of the characters a marker starts with: they are told by
    their first character instead of six regex matches (this runs for every line break).
    A decoration before the marker (:data:`DECORATION_STARTS`) is part of the marker.
    """
    first = text[:1]
    prefix = ""
    if first and first in DECORATION_STARTS:
        decoration = _DECORATION.match(text)
        if decoration is None:
            return None
        prefix = decoration.group(0)
        text = text[len(prefix) :]
        first = text[:1]
    if not (first and (first in _MARKER_STARTS or first.isdecimal() or "\u2460" <= first <= "\u2473")):
        return None
    for pattern, rank in _MARKERS:
        match = pattern.match(text)
        if match:
            return prefix + match.group(0), rank
    return None


def undecorated(marker: str) -> str:
    """A marker without the star or 【tag】 set before it: "【三项制度】一、" → "一、"."""
    decoration = _DECORATION.match(marker) if marker[:1] in DECORATION_STARTS else None
    return marker[decoration.end() :] if decoration else marker


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
