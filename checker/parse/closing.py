"""The end of a report: its signing body, its date, and what follows them (attachments, 抄报
lines, a portal's footer), peeled off the body so the last part keeps only its own text."""

from __future__ import annotations

from typing import cast

import checker.regex_cache as regex_cache
from checker.model import DateForm, DateMark, Paragraph
from checker.parse.agency import SEAL_WORDS, is_signature_line, signature_name
from checker.parse.dates import DATE_PATTERN, parse_date
from checker.parse.furniture import PAGE_NOISE
from checker.parse.headings import parse_heading
from checker.parse.linebreaks import signed_date

DATE_ONLY = regex_cache.compile(rf"^[(（]?(?:{DATE_PATTERN.pattern})[)）]?$")
# a closing date without its day ("2025年1月"): the date line all the same, reported as incomplete
_MONTH_ONLY = regex_cache.compile(
    r"^[(（]?(?:\d{4}|[〇○零O一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2}|元)月[)）]?$"
)
# where the seal goes, written on a line of its own between the signature and the date
_SEAL_ONLY = regex_cache.compile(rf"^[(（]?(?:{SEAL_WORDS}|印)[)）]?$")
_TRAILER = regex_cache.compile(
    r"^[(（]?(此件|本件)?(公开发布|主动公开|依申请公开)[)）]?$|^附件|^扫一扫|^【?打印|^关闭"
    r"|^[(（]?(联系人|联系电话|抄送|印发)"
    r"|印发$|^[-—_=━]{3,}$"  # the 版记 of a filed document: "××办公室 2025年1月24日印发", rules
)


# a form's label in front of the date: "日期：2025-01-23", "成文日期：…"
_DATE_LABEL = regex_cache.compile(r"^(?:成文|发文|报告|落款)?(?:日期|时间)\s*[:：]\s*")


def _unlabelled(text: str) -> tuple[str, int]:
    """``text`` without a date label in front, and where what is left starts."""
    label = _DATE_LABEL.match(text) if text.startswith(_LABEL_STARTS) else None
    return (text[label.end() :], label.end()) if label else (text, 0)


_LABEL_STARTS = ("成", "发", "报", "落", "日", "时")


def _closing_date(paragraph: Paragraph) -> DateMark | None:
    """The date of a line that is only a date, or only a year and month ("month-only")."""
    text, offset = _unlabelled(paragraph.text)
    if _MONTH_ONLY.match(text):
        raw = text.strip("()（）")
        return DateMark("", raw, "month-only", paragraph, offset + text.index(raw))
    return date_mark(paragraph, text, offset)


def is_closing_date_line(text: str) -> bool:
    """The line is only a date (or a year and month), a label allowed in front. A date line ends
    in 日/号/月, a digit or a bracket: that cheap test first, as the end of a report is searched
    line by line."""
    if not (text.endswith(_DATE_LINE_ENDS) or text[-1:].isdecimal()):
        return False
    text = _unlabelled(text)[0]
    return bool(DATE_ONLY.match(text) or _MONTH_ONLY.match(text))


_DATE_LINE_ENDS = ("日", "号", "月", ")", "）")


def date_mark(paragraph: Paragraph, text: str, offset: int) -> DateMark | None:
    parsed = parse_date(text)
    if parsed is None:
        shaped = DATE_PATTERN.search(text)  # "2025年2月30日": written as a date, but no such day
        if shaped is None:
            return None
        return DateMark("", shaped.group(0), "invalid", paragraph, offset + shaped.start())
    form = cast(DateForm, parsed.form)
    return DateMark(parsed.date.isoformat(), parsed.raw, form, paragraph, offset + parsed.start)


def split_closing(
    body: list[Paragraph],
) -> tuple[list[Paragraph], Paragraph | None, str | None, DateMark | None, list[Paragraph]]:
    """Peel the signature and date off the end: (body, signature, agency, date, trailer).

    Attachments after the signed date (附件 tables, contact lines) are trailer too: a
    signature line directly above a bare date near the end marks where the report ends.
    """
    trailer: list[Paragraph] = []
    while body and _is_trailer(body[-1].text):
        trailer.insert(0, body.pop())
    cut = _signed_date_before_trailer(body)
    if cut is not None:
        trailer = body[cut:] + trailer
        del body[cut:]
    signature: Paragraph | None = None
    agency: str | None = None
    date: DateMark | None = None
    if body and is_closing_date_line(body[-1].text):
        date_paragraph = body.pop()
        date = _closing_date(date_paragraph)
        while body and _SEAL_ONLY.match(body[-1].text):  # （盖章） under the signature
            trailer.insert(0, body.pop())
        if body and is_signature_line(body[-1].text):
            signature = body.pop()
            names = names_apart(signature)
            # a joint report signs with one body per line (中共××县委 / ××县人民政府)
            while body and len(names) < 3 and is_signature_line(body[-1].text) and len(body[-1].text) <= 20:
                names.insert(0, signature_name(body.pop().text))
            agency = " ".join(names)
    elif body:
        last = body[-1]
        signed = signed_date(last.text)
        if signed:
            body.pop()
            signature = last
            agency = signature_name(signed.group("agency"))
            date = date_mark(last, signed.group("date"), signed.start("date"))
        elif is_signature_line(last.text):
            signature = body.pop()
            agency = " ".join(names_apart(signature))
            if body and is_closing_date_line(body[-1].text):  # the date written above the body's name
                date = _closing_date(body.pop())
    return body, signature, agency, date, trailer


def names_apart(signature: Paragraph) -> list[str]:
    """The bodies of a signing line. One that wrote two bodies apart (中共××县委　　××县人民政府)
    lost the spaces between them in normalisation; the line's original columns still show where
    they were: split there when every piece is a body's name."""
    whole = [signature_name(signature.text)]
    line = signature.lines[0]
    if len(signature.lines) != 1 or line.columns is None:
        return whole
    columns = line.columns
    cuts = [i for i in range(1, len(columns)) if columns[i] - columns[i - 1] > 1]
    pieces = [line.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(line.text)], strict=True)]
    if len(pieces) < 2 or not all(is_signature_line(piece) for piece in pieces):
        return whole
    return [signature_name(piece) for piece in pieces]


TRAILER_MAX_CHARS = 80  # page furniture is short; a long paragraph that says "分享" is text


def _is_trailer(text: str) -> bool:
    return len(text) <= TRAILER_MAX_CHARS and bool(_TRAILER.search(text) or PAGE_NOISE.search(text))


# text after a signed date that may still be attachments: a 附件 statistics table read from Word
# gives a paragraph per cell (8 rows of 4 cells are 32 paragraphs), so the bound is in characters
ATTACHMENT_SCAN_CHARS = 20_000
# what may follow a signed date and still be no part of the report: 抄报/报送 lines, 完, a
# footnote, a publication note, a web page's footer; a few short paragraphs in all
TRAILER_AFTER_DATE_CHARS = 400


def _signed_date_before_trailer(body: list[Paragraph]) -> int | None:
    """Index just after a "signature / date" pair near the end that the text after it does not
    continue: an attachment (附件…, or a table's caption or header row, up to
    :data:`ATTACHMENT_SCAN_CHARS` characters of it), or a few
    short lines and no part heading (:data:`TRAILER_AFTER_DATE_CHARS` characters at most)."""
    if not body or is_closing_date_line(body[-1].text):
        return None
    after = 0
    for i in range(len(body) - 1, 0, -1):
        if after > ATTACHMENT_SCAN_CHARS:
            return None
        signed = is_closing_date_line(body[i].text) and i + 1 < len(body) and _signed_above(body, i)
        if signed and (_starts_attachment(body[i + 1].text) or after <= TRAILER_AFTER_DATE_CHARS):
            return i + 1
        after += len(body[i].text)
        heading = parse_heading(body[i].text)
        if heading is not None and heading.rank <= 1 and after > TRAILER_AFTER_DATE_CHARS:
            return None  # the report goes on: a part heading below, more than a closing's length
    return None


def _signed_above(body: list[Paragraph], date_index: int) -> bool:
    """A signing body above the date at ``date_index``, seal lines （盖章） between them allowed."""
    i = date_index - 1
    while i > 0 and _SEAL_ONLY.match(body[i].text):
        i -= 1
    return i >= 0 and is_signature_line(body[i].text)


_ATTACHMENT = regex_cache.compile(r"^(?:附件|附表|附:)")
# an unlabelled table after the signed date: its caption ("…任务完成情况表", "…清单（2025年）")
# or its header row ("序号  重点任务  责任单位")
_TABLE_START = regex_cache.compile(
    r"^[^。；;，,：:]{2,40}(?:表|清单|台账)(?:[（(][^）)]{1,16}[）)])?$|^序号(?:\s|$)"
)


def _starts_attachment(text: str) -> bool:
    """Whether a paragraph after a signed date opens an attachment: 附件…, or a table."""
    text = text.strip()
    return bool(_ATTACHMENT.match(text) or _TABLE_START.match(text))
