"""Build a :class:`Document`: title block, addressee, preamble, heading tree, signature, date."""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

import checker.regex_cache as regex_cache
from checker.model import Document, Heading, Paragraph, Part, Section
from checker.parse.agency import agency_from_title, is_signature_line
from checker.parse.closing import DATE_ONLY, date_mark, split_closing
from checker.parse.contents import blank_contents
from checker.parse.cover import attached_start
from checker.parse.evidence import collect_evidence
from checker.parse.furniture import PAGE_NOISE, blank_running_heads
from checker.parse.heading_levels import level_order
from checker.parse.headings import parse_heading
from checker.parse.layout import display_block, hint, in_table, styled_heading, table_cell
from checker.parse.meta import extract_meta
from checker.parse.paragraphs import join_paragraphs
from checker.parse.parts import is_report_title, later_parts
from checker.parse.run_in import run_in_parts
from checker.read.source import LineLayout, SourceText
from checker.text.normalize import normalise_text

TITLE_SCAN = 8
_TITLE_WORDS = regex_cache.compile(r"报告|法治政府|法治建设|依法行政|依法治")
_DOC_NUMBER = regex_cache.compile(r"[〔\[(（]\s*\d{4}\s*[〕\])）]\s*\d+\s*号|\d+号$|文件$")
_DOCTYPE_END = regex_cache.compile(r"(?:报告|总结|汇报)[)）]?$")
_CLAUSE = regex_cache.compile(r"[,，。；;]")
# 市委依法治市办： / 市司法局（市委依法治市办）：
_ADDRESSEE = regex_cache.compile(r"^[\u4e00-\u9fff、，,()（）]{2,40}[:：]$")
# a title line that only gives the year: "2024年度" between the body and the subject, "——2024年度"
# or "（2024年度）" as a subtitle
_YEAR_LINE = regex_cache.compile(r"^[—\-－(（\s]*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?\s*[)）]?$")


def _is_title_candidate(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        len(text) <= 80
        and not text.endswith(("。", ";", "；"))
        and parse_heading(text) is None
        and not _ADDRESSEE.match(text)
    )


def _title_score(block: list[Paragraph]) -> int:
    text = "".join(p.text for p in block)
    ends_with_doctype = bool(_DOCTYPE_END.search(text))  # a spam suffix ("…报告-和记娱乐") does not
    return (
        2 * ("报告" in text)
        + bool(regex_cache.compile(r"20\d{2}").search(text))
        + (agency_from_title(text) is not None)
        + ends_with_doctype
    )


def _ended_by_doctype(paragraphs: list[Paragraph], block: list[int]) -> list[int]:
    """A title block up to its line ending in the 文种 (报告/总结/汇报): a line after it that
    names the subject too is the first part's heading ("2024年法治政府建设主要举措和成效" right
    under the title, in a report without a preface), unless it ends in the 文种 itself (the
    page's own title repeating the navigation's)."""
    ends = [i for i in block if _DOCTYPE_END.search(paragraphs[i].text)]
    if not ends or ends[-1] == block[-1] or ends[0] != ends[-1]:
        return block
    return block[: block.index(ends[0]) + 1]


def _split_title(
    paragraphs: list[Paragraph], layout: Sequence[LineLayout | None] | None = None
) -> tuple[tuple[Paragraph, ...], int]:
    """The title paragraphs and the index where the body starts.

    Leading short lines are candidates. Runs of lines that name the subject (报告/法治…)
    are title blocks, with a body-name line directly above kept as part of them; the most
    complete block wins (later on ties: a page's own title repeats the navigation's).
    Navigation noise, spam lines and duplicated page titles before it are skipped.
    """
    limit = 0
    while limit < min(len(paragraphs), TITLE_SCAN) and _is_title_candidate(paragraphs[limit]):
        limit += 1
    blocks: list[list[int]] = []
    for i in range(limit):
        text = paragraphs[i].text
        if (
            _TITLE_WORDS.search(text)
            and not PAGE_NOISE.search(text)
            and not DATE_ONLY.match(text)
            and not _CLAUSE.search(text)  # "2023年以来，…依法行政" is the opening, not a title line
        ):
            if blocks and blocks[-1][-1] == i - 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
    if not blocks:
        return (), limit
    best = _ended_by_doctype(
        paragraphs, max(blocks, key=lambda b: (_title_score([paragraphs[i] for i in b]), b[0]))
    )
    start, end = best[0], best[-1] + 1
    if layout is not None:
        start, end = display_block(paragraphs, layout, start, end, limit)
    if start > 0 and _YEAR_LINE.match(paragraphs[start - 1].text):
        start -= 1
    if end < limit and _YEAR_LINE.match(paragraphs[end].text):
        end += 1
    if start > 0:
        above = paragraphs[start - 1].text
        leads_in = (
            (paragraphs[start].text.startswith("关于") or above.startswith("关于"))
            and len(above) <= 30
            and not _DOC_NUMBER.search(above)  # 株退役〔2025〕3号 is the 发文字号, not the body
        )
        if not PAGE_NOISE.search(above) and (is_signature_line(above) or leads_in):
            start -= 1
    return tuple(paragraphs[start:end]), end


# a short line standing alone, with no clause punctuation inside; it may end in a colon
# ("主要举措和成效：") or, when shorter and without commas, a full stop ("存在的不足。"), as some
# offices write headings, but not an enumerated sentence ("一是加强学习。")
_BARE_HEADING = regex_cache.compile(
    r"^(?:[^。;；:：!！?？]{4,40}(?<![,，、])[:：]?"
    r"|(?![一二三四五六七八九十]是|其[一二三四五六七八九十])[^。;；:：!！?？,，]{4,24}。)$"
)
_LEAD_IN_ENDS = ("如下:", "如下：", "如下。")  # "现将有关情况报告如下：" leads into the parts


def _unnumbered_heading(text: str) -> Heading | None:
    """A short line without punctuation standing alone (but a closing colon or full stop): a
    heading in a report that numbers none."""
    if (
        _BARE_HEADING.match(text)
        and not text.endswith(_LEAD_IN_ENDS)
        and not DATE_ONLY.match(text)
        and not is_signature_line(text)
    ):
        return Heading("", 1, text.rstrip(":：。"), False)
    return None


def _build_sections(
    paragraphs: list[Paragraph], layout: Sequence[LineLayout | None] | None = None
) -> tuple[list[Paragraph], list[Section]]:
    """Preamble paragraphs and the heading tree, by marker rank (the document's own order when it
    inverts the usual one: :func:`checker.parse.heading_levels.level_order`).

    A report that numbers no top-level part (no 一、/第一部分) may still set its parts off as
    short stand-alone lines; those become rank-1 headings.
    """
    # a numbered line in a table of cells is table text; in a one-cell box it may be the part's
    # heading set off in a frame ("三、…第一责任人职责" shaded in a box, as some offices write)
    cells = [hint(layout, p.lines[0]) for p in paragraphs] if layout else None  # plain text has none
    if cells is None:
        headings = [parse_heading(p.text) for p in paragraphs]
    else:
        headings = [
            None if table_cell(c) else parse_heading(p.text) for p, c in zip(paragraphs, cells, strict=True)
        ]
    ranks = level_order(headings)
    if ranks:  # the document nests its markers against the usual order: its own order
        headings = [replace(h, rank=ranks[h.rank]) if h is not None else None for h in headings]
    numbered = any(h is not None and h.rank <= 1 for h in headings)
    tabled = [in_table(c) for c in cells] if cells is not None else [False] * len(paragraphs)
    if not numbered:  # parts headed at the start of their first paragraph, shown by item restarts
        run_in = run_in_parts(paragraphs, headings, lambda text: _unnumbered_heading(text) is not None)
        headings = [h if t else r for h, r, t in zip(headings, run_in, tabled, strict=True)]
    preamble: list[Paragraph] = []
    roots: list[Section] = []
    stack: list[Section] = []
    for index, (paragraph, heading) in enumerate(zip(paragraphs, headings, strict=True)):
        if heading is None:
            heading = styled_heading(paragraph, layout)  # a Word heading style says so
        # a table cell is the table's text, and the short line right above a table its caption
        captions = index + 1 < len(paragraphs) and tabled[index + 1]
        if heading is None and not numbered and not tabled[index] and not captions:
            heading = _unnumbered_heading(paragraph.text)
        if heading is None:
            if stack:
                stack[-1].body.append(paragraph)
            else:
                preamble.append(paragraph)
            continue
        while stack and stack[-1].heading.rank >= heading.rank:
            stack.pop()
        section = Section(heading, paragraph, parent=stack[-1] if stack else None)
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return preamble, roots


_META_FIELD = regex_cache.compile(
    r"(索引号|发布机构|成文日期|发布日期|发文日期|文号)[:：]\s*\|?\s*([^|]+?)\s*(?=\||$|\s{2,})"
)
_META_ALIASES = {"发文日期": "成文日期"}


def _text_meta(paragraphs: list[Paragraph]) -> dict[str, str]:
    """A publication table copied with the text (索引号 | 成文日期 | 发布机构 …)."""
    found: dict[str, str] = {}
    for paragraph in paragraphs[:TITLE_SCAN]:
        for match in _META_FIELD.finditer(paragraph.text.replace(" ", "")):
            key = _META_ALIASES.get(match.group(1), match.group(1))
            found.setdefault(key, match.group(2).strip())
    return found


def _documents_before_report(
    paragraphs: list[Paragraph],
    start: int,
    later: tuple[Part, ...],
    report_titles: Sequence[str],
    layout: Sequence[LineLayout | None] | None,
) -> tuple[tuple[Part, ...], int, tuple[Part, ...]]:
    """When the text's first document is titled as another kind (a 述法报告, a 工作总结) and a
    later one as the report (``report_titles``), the report is that later one: the documents
    before it (each a Part), where it starts, and the documents after it. Otherwise the first
    document is the report: an untitled one, or one whose title is not recognised, is not
    passed over."""
    if not later or not report_titles:
        return (), start, later
    head, _ = _split_title(paragraphs[start : later[0].start], layout)
    head_title = "".join(p.text for p in head)
    if not head_title or is_report_title(report_titles, head_title):
        return (), start, later
    chosen = next((k for k, part in enumerate(later) if is_report_title(report_titles, part.title)), None)
    if chosen is None:
        return (), start, later
    first = Part(start, head_title, head[-1], paragraphs[start])
    return (first, *later[:chosen]), later[chosen].start, later[chosen + 1 :]


def parse_document(source: SourceText, report_titles: Sequence[str] = ()) -> Document:
    """Parse extracted text into a :class:`Document`. ``report_titles`` (the pack's
    ``detection.title`` patterns) tell the report among several documents in the text."""
    lines = blank_contents(blank_running_heads(normalise_text(source.text)))
    paragraphs = join_paragraphs(lines, source.layout)
    # under a cover notice that publishes it (印发《…》的通知), the document is the attachment
    attached = attached_start(paragraphs)
    # a compilation, or a report with another document before or after it: the report is parsed
    later = tuple(replace(part, start=attached + part.start) for part in later_parts(paragraphs[attached:]))
    earlier, first, later = _documents_before_report(
        paragraphs, attached, later, report_titles, source.layout
    )
    end = later[0].start if later else len(paragraphs)
    title, body_start = _split_title(paragraphs[first:end], source.layout)
    rest = list(paragraphs[first + body_start : end])
    title_date = None
    if title and rest and DATE_ONLY.match(rest[0].text):  # "（2025年1月20日）" under the title
        dated = rest.pop(0)
        title_date = date_mark(dated, dated.text, 0)
    # leading noise between title and body (navigation, duplicated page title) is dropped
    addressee = None
    if rest and _ADDRESSEE.match(rest[0].text):
        addressee = rest.pop(0)
    body, signature, agency, date, trailer = split_closing(rest)
    date = date or title_date
    preamble, sections = _build_sections(body, source.layout)
    document = Document(
        paragraphs=tuple(paragraphs[first if earlier else 0 : end]),
        title=title,
        addressee=addressee,
        preamble=tuple(preamble),
        sections=tuple(sections),
        closing=tuple(trailer),
        signature=signature,
        signature_agency=agency,
        date=date,
        meta=None,  # type: ignore[arg-type]  # derived from the parsed parts just below
        source_meta={**_text_meta(paragraphs), **source.meta},
        later=later,
        earlier=earlier,
    )
    evidence = collect_evidence(document)
    return replace(document, meta=extract_meta(document, evidence), evidence=evidence)
