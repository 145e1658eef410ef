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
    """The year reported on: title, else opening, else date − 1 (its own year for a Q4 date
    when the body speaks of it), else the year the body names most."""
    match = _TITLE_YEAR.search(document.title_text)
    if match:
        return int(match.group(1))
    first = document.preamble[0].text if document.preamble else ""
    match = _OPENING_YEAR.match(first) or _REPORT_YEAR.search(first)
    if match:
        return int(match.group(1))
    date = _date(document)
    counts = Counter(int(m.group(1)) for p in document.body_paragraphs() for m in _YEAR.finditer(p.text))
    if date:
        year, month = int(date[:4]), int(date[5:7])
        # a year-end report (some counties ask for one in December) is about its own year
        return year if month >= 10 and counts.get(year) else year - 1
    return counts.most_common(1)[0][0] if counts else None


def _date(document: Document) -> str | None:
    if document.date is not None and document.date.iso:
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
