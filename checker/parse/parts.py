"""Where each document in a text starts: a compilation's reports (汇编), or a report with
another document before or after it in the same file (the head's 述法报告, a 工作总结).

A document ends with its closing date. A new one starts right after it when, within a few short
lines, a title follows (a line ending in a 文种 such as 报告/总结/讲话) and then a body of its
own. A compilation may have dropped the dates: then a signature line (a body's name) followed
at once by a report's title naming its year (报告 at the end, a year in it), the next body's
name line allowed between, and a body after it, is the boundary. What follows a closing after
附件 is an annex, never a new document; a title that is only quoted in the text is no
boundary, since no closing stands right above it.
"""

from __future__ import annotations

from collections.abc import Sequence

import checker.regex_cache as regex_cache
from checker.model import Line, Paragraph, Part
from checker.parse.agency import agency_from_title, is_signature_line
from checker.parse.closing import is_closing_date_line
from checker.text.pagination import is_pagination_bar

TITLE_AFTER_DATE = 4  # the next title is within this many paragraphs of the closing date
TITLE_MAX_CHARS = 60
DATE_MAX_CHARS = 30  # a closing date line is short: the cheap test before the date pattern
# a document's own body: this much prose (paragraphs ending in 。) before its end
MIN_BODY_CHARS = 200
# a title line: no clause punctuation, ending in the document's kind
_TITLE = regex_cache.compile(r"^[^。，,；;：:！!？?]{4,60}?(?:报告|总结|汇报|讲话|发言|述职|述法)[)）]?$")
_ANNEX = regex_cache.compile(r"^(?:附件|附表|附:|附：)")


def is_title_line(text: str) -> bool:
    """A short line that is a document's title: ends in 报告/总结/讲话…, no clause punctuation."""
    return len(text) <= TITLE_MAX_CHARS and bool(_TITLE.match(text))


def _body_chars(paragraphs: Sequence[Paragraph], start: int, end: int) -> int:
    """Characters of prose in ``paragraphs[start:end]``, as far as :data:`MIN_BODY_CHARS`."""
    return prose_chars(paragraphs[start:end], MIN_BODY_CHARS)


def _title_after(paragraphs: Sequence[Paragraph], date_index: int) -> int | None:
    """Index of a title line within :data:`TITLE_AFTER_DATE` short lines after a closing date;
    None when an annex (附件) or prose comes first."""
    last = min(len(paragraphs), date_index + 1 + TITLE_AFTER_DATE)
    for i in range(date_index + 1, last):
        text = paragraphs[i].text
        if _ANNEX.match(text) or text.endswith("。"):
            return None
        if is_title_line(text):
            return i
    return None


def _title_text(paragraphs: Sequence[Paragraph], start: int, title_index: int) -> str:
    """The title as a reader sees it: the issuing body's line above it joined on."""
    above = title_index - 1
    if above >= start and is_signature_line(paragraphs[above].text):
        return paragraphs[above].text + paragraphs[title_index].text
    return paragraphs[title_index].text


def _is_dated_report_title(text: str) -> bool:
    """A report's title naming its year: "××局2023年法治政府建设工作报告", "2023年度…述法报告"."""
    return text.endswith(_REPORT_ENDS) and is_title_line(text) and bool(_YEAR.search(text))


_REPORT_ENDS = ("报告", "报告)", "报告）")


def _signature_before(paragraphs: Sequence[Paragraph], title_index: int) -> int | None:
    """Index of the signature line right above a dated report title (the title's own body-name
    line allowed between); None otherwise. Without that name line, the title must name its body:
    else the line above it may be the title's own first line, not the previous one's signature."""
    title = paragraphs[title_index].text
    if title_index < 2 or not _is_dated_report_title(title):
        return None
    above = paragraphs[title_index - 1].text
    if not is_signature_line(above):
        return None
    if agency_from_title(title):
        return title_index - 1
    return title_index - 2 if is_signature_line(paragraphs[title_index - 2].text) else None


def later_parts(paragraphs: Sequence[Paragraph]) -> list[Part]:
    """The documents that follow the first one, each starting after a closing date (or, dates
    dropped, a signature line) with a title and a body of its own; [] for a text that holds one
    document (the usual case: a report has one closing, at its end, and one title, at its top)."""
    parts: list[Part] = []
    last_end = 0
    for i, paragraph in enumerate(paragraphs):
        text = paragraph.text
        end: int | None = i  # the previous document's last paragraph
        title_index: int | None = i
        if text.endswith(_REPORT_ENDS):  # a title: is a signature right above it?
            end = _signature_before(paragraphs, i)
        elif len(text) > DATE_MAX_CHARS or not text or not is_closing_date_line(text):
            continue
        else:
            title_index = _title_after(paragraphs, i)
        if end is None or title_index is None or _body_chars(paragraphs, last_end, end) < MIN_BODY_CHARS:
            continue  # no body of its own above: a date under a title, or in a list
        if _body_chars(paragraphs, title_index + 1, len(paragraphs)) < MIN_BODY_CHARS:
            continue
        title = _title_text(paragraphs, end + 1, title_index)
        parts.append(Part(end + 1, title, paragraphs[title_index], paragraphs[end + 1]))
        last_end = end + 1
    return parts


def is_report_title(patterns: Sequence[str], title: str) -> bool:
    """The title names the report checked (the pack's ``detection.title`` patterns)."""
    return any(regex_cache.compile(pattern).search(title) for pattern in patterns)


# a line of a list of documents: a title with its date before or after it (an index page)
_DATE_STAMP = r"[\[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?"
_LISTED = regex_cache.compile(
    rf"^(?:{_DATE_STAMP}\s*)?(?P<title>[^。，,；;：:！!？?]{{4,60}}?报告)[)）]?(?:\s*{_DATE_STAMP})?$"
)
LISTED_MAX_CHARS = 90
_YEAR = regex_cache.compile(r"(?:19|20)\d{2}\s*年")  # a listed report names its year; a breadcrumb none


def listed_titles(paragraphs: Sequence[Paragraph]) -> list[tuple[Line, str]]:
    """Lines that are a dated document's title on its own, or with its date (as an index page
    lists them): each line with the title. Lines, not paragraphs: a list's lines end in no
    punctuation, so the paragraph joiner runs them together."""
    listed = []
    for paragraph in paragraphs:
        for line in paragraph.lines:
            text = line.text.strip()
            if len(text) <= LISTED_MAX_CHARS and text.endswith(_LISTED_ENDS):
                match = _LISTED.match(text)
                if match and _YEAR.search(match.group("title")):
                    listed.append((line, match.group("title")))
    return listed


_LISTED_ENDS = ("告", ")", "）", "]", "】", "日", *"0123456789")


def prose_chars(paragraphs: Sequence[Paragraph], enough: int) -> int:
    """Characters of prose (paragraphs ending in 。), counted only as far as ``enough``."""
    total = 0
    for paragraph in paragraphs:
        if paragraph.text.endswith("。"):
            total += len(paragraph.text)
            if total >= enough:
                break
    return total


BAR_SCAN = 3  # the bar is among the first or last few paragraphs


def pagination_bar(paragraphs: Sequence[Paragraph], link: str) -> Paragraph | None:
    """A pagination bar holding ``link`` ("下一页" or "上一页") among the last (下一页) or first
    (上一页) few paragraphs: the text is one page of an article published over several."""
    scan = paragraphs[-BAR_SCAN:] if link == "下一页" else paragraphs[:BAR_SCAN]
    for paragraph in scan:
        text = paragraph.text
        if link in text and is_pagination_bar(text):
            return paragraph
    return None
