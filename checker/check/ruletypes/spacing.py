"""spacing — no spaces typed inside Chinese text, e.g. between a number and 年 (2024 年).

Normalisation deletes such spaces before any rule sees the text, so this type reads the
column map: a match of ``patterns`` (on normalised text) whose characters were not next
to each other in the original had something removed between them — a space the writer
typed. Spaces that lay a line out are not typed: the gap after a heading's marker
("第一部分 2024年度…") or a caption's number ("专栏2　典型案例"), between the cells of a table
typed a row a line, before a number alone at the end of a table row, and in the signing
body and date lines. Text read from a PDF is not judged: its spaces are drawn by the layout (justified
and right-aligned lines), not typed; nor is a letter-spaced line (a space after nearly every
character, as a PDF's spaced-out text copies). Each such match is a finding; message value
``match`` (normalised text). The element status is unchanged; give such a rule weight 0
when it should not move the score.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import checker.regex_cache as regex_cache
from checker.check.ruletypes.base import Context, Hit, described, params_schema
from checker.model import Document, Line, Paragraph
from checker.packs.model import Rule
from checker.packs.patterns import REGEX_LIST, pattern_of
from checker.parse.headings import heading_marker

PARAMS = params_schema(
    {
        "patterns": described(
            REGEX_LIST,
            "在规范化文本中匹配、原文中间夹有空格即报告的正则表达式",
            "regular expression that is reported when it matches the normalised text"
            " and the original has spaces inside the match",
        )
    },
    required=("patterns",),
)

VALUES = ("match",)  # what its messages may name

DOCUMENT_LEVEL = True  # checked on the whole text, whatever the element's status
LAYOUT_SPACED_FORMATS = frozenset({"pdf", "pdf-ocr"})


def _gap_inside(paragraph: Paragraph, start: int, end: int) -> bool:
    """Whether the original had characters (spaces) removed between ``start`` and ``end``."""
    if end - start < 2:
        return False
    line_a, column_a = paragraph.position(start)
    for index in range(start + 1, end):  # each character's place looked up once
        line_b, column_b = paragraph.position(index)
        if line_a == line_b and column_b - column_a > 1:
            return True
        line_a, column_a = line_b, column_b
    return False


def _has_removals(lines: tuple[Line, ...]) -> bool:
    return any(line.columns is not None for line in lines)


def _laid_out(ctx: Context) -> set[int]:
    """Paragraphs whose spaces are layout: the signing body set apart from its date, and the
    web page's lines above the title (see :func:`_page_lines`)."""
    document = ctx.document
    indices = {document.signature.index} if document.signature is not None else set()
    if document.date is not None:
        indices.add(document.date.paragraph.index)
    return indices | _page_lines(document)


def _page_lines(document: Document) -> set[int]:
    """Lines above the report's title with no sentence in them: the page the report was copied
    from ("天津市静海区人民政府 2019年12月3日星期二", a portal's clock; 来源/发布时间 lines), whose
    spaces the site set, not the writer. A cover notice's sentences above the title are kept."""
    if not document.title:
        return set()
    first = document.title[0].index
    return {
        p.index for p in document.paragraphs if p.index < first and not _SENTENCE_PUNCTUATION.search(p.text)
    }


def _after_marker(paragraph: Paragraph) -> int:
    """Where a heading's words start: the space after "第一部分", "一、", a bare "一" set
    apart from its words ("一 2024年度…", as PDFs print it) or a caption's "表1" is layout."""
    text = paragraph.text
    marker = heading_marker(text)
    if marker:
        return len(marker[0])
    caption = _CAPTION.match(text)
    numeral = caption.end() if caption else len(text) - len(text.lstrip(_NUMERALS))
    return numeral if 0 < numeral <= 4 and _gap_inside(paragraph, numeral - 1, numeral + 1) else 0


_NUMERALS = "一二三四五六七八九十"
# "表1　主要指标", "专栏2　典型案例": a caption's or a box's number
_CAPTION = regex_cache.compile(r"^(?:附表|附件|专栏|案例|表|图)\d{1,2}")
_SENTENCE_PUNCTUATION = regex_cache.compile(r"[。，；！？,;!?]")
MIN_ROW_GAPS = 2  # three cells or more


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _is_cell(paragraph: Paragraph, end: int) -> bool:
    """A number set apart in a table row ("行政复议案件 | 3 | -25%"): the match ends in the
    number, and the row ends there or goes on, after a gap, with no Chinese word (a stray
    space around a number is followed by one: "于 2023 年")."""
    text = paragraph.text
    if _is_han(text[end - 1]):
        return False
    if end == len(text):
        return True
    following = text[end]
    return not _is_han(following) and (following.isspace() or _gap_inside(paragraph, end - 1, end + 1))


def _is_table_row(paragraph: Paragraph) -> bool:
    """A table typed as text, a row a line ("指标\t2023年\t2024年\t增减"): one line set apart
    into three cells or more, with no sentence punctuation, and no gap between a number and
    the word after it (in "关于 2023 年…" the spaces cut 2023 from its 年: typed, not cells)."""
    if len(paragraph.lines) != 1 or _SENTENCE_PUNCTUATION.search(paragraph.text):
        return False
    columns = paragraph.lines[0].columns
    if columns is None:
        return False
    text = paragraph.text
    gaps = [i for i, (a, b) in enumerate(pairwise(columns), 1) if b - a > 1]
    if len(gaps) < MIN_ROW_GAPS:
        return False
    return not any(text[i - 1].isdecimal() and _is_han(text[i]) for i in gaps)


def _is_letter_spaced(paragraph: Paragraph) -> bool:
    """Whether a line of the paragraph had a space after at least half of its characters:
    spaced out by the layout, not typed."""
    for line in paragraph.lines:
        columns = line.columns
        if columns is not None and len(columns) > 3:
            removed = columns[-1] - columns[0] + 1 - len(columns)  # each gap removed one at least
            if 2 * removed < len(columns):
                continue
            gaps = sum(b - a > 1 for a, b in pairwise(columns))
            if 2 * gaps >= len(columns):
                return True
    return False


def check(rule: Rule, ctx: Context) -> Iterator[Hit]:
    if ctx.source_format in LAYOUT_SPACED_FORMATS:
        return
    pattern = pattern_of(rule.params["patterns"])
    laid_out = _laid_out(ctx)
    trailer = {p.index for p in ctx.document.closing}  # an attachment after the signed date
    for paragraph in ctx.document.paragraphs:
        if not _has_removals(paragraph.lines) or paragraph.index in laid_out or paragraph.index in trailer:
            continue  # nothing was removed: the fast, common case
        if _is_table_row(paragraph) or _is_letter_spaced(paragraph):
            continue
        for match in pattern.finditer(paragraph.text, _after_marker(paragraph)):
            if _is_cell(paragraph, match.end()):
                continue
            if _gap_inside(paragraph, match.start(), match.end()):
                yield Hit(
                    1.0,
                    None,
                    paragraph,
                    match.start(),
                    match.end() - match.start(),
                    {"match": match.group(0)},
                )
