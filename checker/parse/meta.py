"""Report meta: issuing body, year reported on, title, date — from title, body or signature."""

from __future__ import annotations

import re
from collections import Counter

from checker.model import Document, Meta
from checker.parse.agency import agency_from_opening, agency_from_title
from checker.parse.dates import parse_date

_YEAR = re.compile(r"(?<![\d\-—–~])(20\d{2})(?:年|年度)?(?![\d\-—–~])")
_TITLE_YEAR = re.compile(r"(?<![\d\-—–~])(20\d{2})\s*年?度?(?![\d\-—–~])")
_OPENING_YEAR = re.compile(r"^(20\d{2})年")
_REPORT_YEAR = re.compile(r"(?:现将|关于)[^。]{0,30}?(20\d{2})年")


def _year(document: Document) -> int | None:
    """The year reported on: title, else opening, else what the body is about, else date − 1."""
    match = _TITLE_YEAR.search(document.title_text)
    if match:
        return int(match.group(1))
    first = document.preamble[0].text if document.preamble else ""
    match = _OPENING_YEAR.match(first) or _REPORT_YEAR.search(first)
    if match:
        return int(match.group(1))
    date = _date(document)
    latest = int(date[:4]) if date else None
    counts = Counter(
        int(m.group(1))
        for p in document.body_paragraphs()
        for m in _YEAR.finditer(p.text)
        if latest is None or int(m.group(1)) <= latest
    )
    if counts:
        year, hits = counts.most_common(1)[0]
        if hits >= 2 or latest is None:
            return year
    return latest - 1 if latest else None


def _date(document: Document) -> str | None:
    if document.date is not None:
        return document.date.iso
    for key in ("成文日期", "发布日期"):
        value = document.source_meta.get(key)
        parsed = parse_date(value) if value else None
        if parsed:
            return parsed.date.isoformat()
    return None


def _agency(document: Document) -> str | None:
    if document.signature_agency:
        return document.signature_agency
    found = agency_from_title(document.title_text)
    if found:
        return found
    for paragraph in document.preamble[:2]:
        found = agency_from_opening(paragraph.text)
        if found:
            return found
    return document.source_meta.get("发布机构") or None


def extract_meta(document: Document) -> Meta:
    title = document.title_text or document.source_meta.get("title") or None
    return Meta(agency=_agency(document), year=_year(document), title=title, date=_date(document))
