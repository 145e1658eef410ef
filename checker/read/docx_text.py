"""Word .docx reader: one line per paragraph, tables in reading order, numbering restored.

python-docx opens the package (relationships, content types); the body is then walked
directly because ``Document.iter_inner_content()`` skips content controls (w:sdt), which
templates use around whole sections. Headers, footers, comments, footnotes and deleted
revisions are left out: they are not the report's running text. So are hidden text
(w:vanish) and a table of contents' entries: a reader of the printed page sees no hidden
text, and takes the contents list for a list, not for the report's parts.

Ruby (w:ruby, Word's 拼音指南) reads as its base text (w:rubyBase) only: its annotation
(w:rt, the pinyin printed above) is no part of the line, and its runs are left out like
hidden ones, so annotate's map of the line skips them too. A content control still showing
its placeholder (w:showingPlcHdr: "单击或点击此处输入文字。", a template's "【请输入单位名称】")
is read as the page shows it, in its place: it is unfilled template text, which the
template-leftover rule reports there.

Text boxes are read: a title, or the signature and date beside the seal, often sits in
one. Word anchors a floating box to the paragraph nearest its top edge, and a box above
all the text (a title box) to the first paragraph under it. The box's paragraphs become
lines of their own just before the anchor's line: that puts a title box first, where it
is read; a closing box is usually anchored to an empty paragraph under the body, where
before or after comes to the same. Word writes each box twice (DrawingML in mc:Choice,
a VML copy in mc:Fallback); only the first is read. Text boxes in headers are not read,
like the rest of the headers (a page-number box, a running "××文件" line).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import msgspec

from checker.read.docx_chunks import chunk_lines
from checker.read.docx_layout import (
    HiddenStyles,
    StyleTable,
    paragraph_layout,
    vanish,
)
from checker.read.docx_package import open_docx
from checker.read.docx_placeholders import (
    PLACEHOLDERS_KEY,
    Placeholder,
    encode,
    has_placeholders,
    line_pieces,
    placeholder_runs,
)
from checker.read.docx_toc import (
    MC,
    SKIPPED_ANCESTORS,
    TocParts,
    W,
    is_toc_control,
    is_toc_heading,
    toc_parts,
)
from checker.read.errors import InputError
from checker.read.source import MAX_TEXT_CHARS, LineLayout, SourceText, refuse_too_many_paragraphs
from checker.read.table_cells import CellFinder, with_cell
from checker.read.xml_numbers import hex_number

_W = f"{{{W}}}"
_NAMESPACES = {"w": W, "mc": MC}
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
# a paragraph's own runs and text boxes: not inside a text box nested in the paragraph
_OWN = "count(ancestor::w:txbxContent) = $depth"


class _Counters(msgspec.Struct):
    paragraphs: int = 0
    tables: int = 0


class _Context(NamedTuple):
    """What deciding a paragraph's visible text needs besides the paragraph."""

    styles: StyleTable
    hidden: HiddenStyles
    toc: TocParts
    toc_styles: frozenset[str]  # ids of the "toc N" paragraph styles
    boxes: bool  # whether the body has any text box at all
    ruby: bool  # whether the body has any ruby (w:ruby: base text with an annotation above it)
    placeholders: bool  # whether any content control shows its placeholder


class _Found(NamedTuple):
    """A paragraph met by the walk, with its label and the TOC content control around it."""

    paragraph: object
    label: str
    toc_control: object | None


class _Read(NamedTuple):
    """A paragraph the reader keeps: its label, numbering marker and visible text."""

    paragraph: object
    label: str
    marker: str
    text: str
    placeholders: tuple[tuple[int, int], ...] = ()  # (start, length) in text: unfilled controls'


@functools.cache
def _xpaths():
    """Compiled once, on first use, so importing this module stays cheap."""
    from lxml import etree

    paths = {
        "runs": f".//w:r[{_OWN} and not({SKIPPED_ANCESTORS})]",
        "boxes": f".//w:txbxContent[{_OWN} and not({SKIPPED_ANCESTORS})]",
        "depth": "count(ancestor::w:txbxContent)",
        "ruby_text": ".//w:ruby/w:rt//w:r",
    }
    return {name: etree.XPath(path, namespaces=_NAMESPACES) for name, path in paths.items()}


def _run_hidden(run, paragraph_hidden: bool, hidden: HiddenStyles) -> bool:
    """Whether a w:r is hidden text: its own w:vanish, else its character style's, else
    the paragraph style's (``paragraph_hidden``)."""
    rpr = run.find(f"{_W}rPr")
    own = vanish(rpr)
    if own is not None:
        return own
    style = rpr.find(f"{_W}rStyle") if rpr is not None else None
    by_style = hidden.resolve(style.get(f"{_W}val")) if style is not None else None
    return paragraph_hidden if by_style is None else by_style


def _paragraph_style(paragraph) -> str | None:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val") if style is not None else None


def run_text(run, w: str = _W) -> str:
    """The characters one run shows; soft line breaks become "\\n". ``w``: the WordprocessingML
    namespace in braces (Word 2003 XML names the same elements in its own)."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == f"{w}t":
            parts.append(child.text or "")
        elif tag in (f"{w}tab", f"{w}ptab"):
            parts.append("\t")
        elif tag == f"{w}br":
            if child.get(f"{w}type") not in ("page", "column"):
                parts.append("\n")
        elif tag == f"{w}cr":
            parts.append("\n")
        elif tag == f"{w}noBreakHyphen":
            parts.append("-")
        elif tag == f"{w}sym":
            code = hex_number(child.get(f"{w}char")) or 0  # malformed: no character, as in Word
            # symbol-font glyphs (F000–F0FF) carry no text; surrogates and codes past 10FFFF
            # are no character
            if code and not (0xF000 <= code <= 0xF0FF or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF):
                parts.append(chr(code))
    return "".join(parts)


def _runs(paragraph, context: _Context) -> Iterator[tuple[object, bool]]:
    """Each run of a w:p (text boxes in it excluded) and whether its text is read: not when
    hidden, a table of contents entry's, or a ruby's annotation (the pinyin over the base text:
    the line reads the base text once, as the page does)."""
    paragraph_hidden = context.hidden.active and context.hidden.paragraph(_paragraph_style(paragraph))
    depth = _xpaths()["depth"](paragraph) if context.boxes else 0
    annotations = frozenset(_xpaths()["ruby_text"](paragraph)) if context.ruby else frozenset()
    for run in _xpaths()["runs"](paragraph, depth=depth):
        unread = run in context.toc.runs or run in annotations
        yield run, not (unread or _run_hidden(run, paragraph_hidden, context.hidden))


def _paragraph_text(paragraph, context: _Context) -> tuple[str, bool, tuple[tuple[int, int], ...]]:
    """Visible text of a w:p (text boxes in it excluded), whether any run of it was left out
    as hidden or as a table of contents entry, and the (start, length) of the text shown by
    content controls still showing their placeholder."""
    parts: list[str] = []
    left_out = False
    unfilled = placeholder_runs(paragraph) if context.placeholders else frozenset()
    spans: list[tuple[int, int]] = []
    position = 0
    for run, read in _runs(paragraph, context):
        if not read:
            left_out = True
            continue
        text = run_text(run)
        parts.append(text)
        if run in unfilled and text:
            if spans and sum(spans[-1]) == position:  # the control's next run
                spans[-1] = (spans[-1][0], spans[-1][1] + len(text))
            else:
                spans.append((position, len(text)))
        position += len(text)
    return "".join(parts), left_out, tuple(spans)


def _mark_hidden(paragraph, hidden: HiddenStyles) -> bool:
    """Whether the paragraph mark itself is hidden (a wholly hidden paragraph)."""
    own = vanish(paragraph.find(f"{_W}pPr/{_W}rPr"))
    if own is None:
        return hidden.active and hidden.paragraph(_paragraph_style(paragraph))
    return own


def _text_boxes(paragraph, context: _Context) -> list:
    """The w:txbxContent of the text boxes a paragraph anchors, unless their run is hidden."""
    if not context.boxes:
        return []
    hidden = context.hidden
    depth = _xpaths()["depth"](paragraph)
    boxes = []
    paragraph_hidden: bool | None = None
    for box in _xpaths()["boxes"](paragraph, depth=depth):
        run = next(box.iterancestors(f"{_W}r"), None)
        if run is not None:
            if paragraph_hidden is None:
                paragraph_hidden = hidden.paragraph(_paragraph_style(paragraph))
            if _run_hidden(run, paragraph_hidden, hidden):
                continue
        boxes.append(box)
    return boxes


def _has_text(paragraph) -> bool:
    """Whether a w:p holds any text that is not blank (hidden or not: a hidden paragraph is
    left out of the text, and an odd number is better than a shifted one). Text moved away
    with track changes (w:moveFrom keeps it in w:t) is not there any more."""
    return any(
        node.text and not node.text.isspace() and not _moved_away(node, paragraph)
        for node in paragraph.iter(f"{_W}t")
    )


def _moved_away(node, paragraph) -> bool:
    """Whether a w:t lies in a w:moveFrom of ``paragraph``."""
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == f"{_W}moveFrom":
            return True
    return False


def _mark_removed(paragraph) -> bool:
    """Whether the paragraph mark itself is deleted or moved away with track changes: the
    paragraph is gone from the document as it reads now (and takes no list number)."""
    mark = paragraph.find(f"{_W}pPr/{_W}rPr")
    return mark is not None and (mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None)


def _walk(
    container, counters: _Counters, cell_label: str | None, context: _Context, toc_control=None
) -> Iterator[_Found]:
    """Every paragraph, tables and text boxes included, in reading order."""
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            if cell_label is None:
                # paragraphs counted as a reader counts them: an empty one (a blank line typed
                # between parts) is no paragraph of its own, and shares the one before's label
                if _has_text(child):
                    counters.paragraphs += 1
                label = f"第{max(counters.paragraphs, 1)}段"
            else:
                label = cell_label
            for box in _text_boxes(child, context):
                yield from _walk(box, counters, f"{label}的文本框", context, toc_control)
            yield _Found(child, label, toc_control)
        elif tag == f"{_W}altChunk":  # a part shown in place: its lines count as one paragraph
            counters.paragraphs += 1
            yield _Found(child, cell_label or f"第{counters.paragraphs}段", toc_control)
        elif tag == f"{_W}tbl":
            counters.tables += 1
            table_number = counters.tables
            for row_number, row in enumerate(_wrapped(child, f"{_W}tr"), start=1):
                for column, cell in enumerate(_wrapped(row, f"{_W}tc"), start=1):
                    label = f"表格{table_number}第{row_number}行第{column}列"
                    yield from _walk(cell, counters, label, context, toc_control)
        elif tag == f"{_W}sdt":
            control = child if is_toc_control(child) else toc_control
            inner = child.find(f"{_W}sdtContent")
            if inner is not None:
                yield from _walk(inner, counters, cell_label, context, control)
        elif tag in (f"{_W}customXml", f"{_W}sdtContent", f"{{{MC}}}AlternateContent"):
            inner = child.find(f"{{{MC}}}Choice") if tag == f"{{{MC}}}AlternateContent" else child
            if inner is not None:
                yield from _walk(inner, counters, cell_label, context, toc_control)


_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


def _wrapped(parent, tag: str) -> Iterator:
    """The ``tag`` children of a table or row, also those a content control or custom XML
    element wraps (a repeating-section control around rows, a control around one cell)."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _wrapped(child, tag)


def _context(document) -> _Context:
    """The styles and table-of-contents parts a document's paragraphs are read with; refuses
    a body with more paragraphs than any report before they are walked (tens of
    microseconds each)."""
    styles, body = document.styles.element, document.element.body
    refuse_too_many_paragraphs(sum(1 for _ in body.iter(f"{_W}p")))
    table = StyleTable(styles)
    has_boxes = body.find(f".//{_W}txbxContent") is not None
    has_ruby = body.find(f".//{_W}ruby") is not None
    toc_styles = table.toc_entry_styles()
    return _Context(
        table, HiddenStyles(styles), toc_parts(body), toc_styles, has_boxes, has_ruby, has_placeholders(body)
    )


def _toc_styled(paragraph, context: _Context) -> bool:
    """Whether a paragraph is in one of the "toc N" entry styles."""
    return bool(context.toc_styles) and _paragraph_style(paragraph) in context.toc_styles


def _left_out(paragraph, text: str, runs_left_out: bool, context: _Context) -> bool:
    """Whether a paragraph gives no line: a TOC entry, a TOC field's own empty paragraphs,
    a paragraph whose text is all hidden, or one deleted or moved away whole (tracked)."""
    if _toc_styled(paragraph, context):
        return True
    if text.strip():
        return False  # a paragraph that ends a TOC field and goes on with running text
    return (
        runs_left_out
        or paragraph in context.toc.paragraphs
        or _mark_hidden(paragraph, context.hidden)
        or _mark_removed(paragraph)
    )


def _reading(document, context: _Context) -> Iterator[_Read]:
    """The paragraphs the reader keeps, in reading order, with marker and text.

    A "目录" heading goes with the contents list it heads (both are left out): kept, it
    would sit between the title and the body and read as part of the title. Blank
    paragraphs between the two are kept.
    """
    pending: list[_Read] = []  # a possible contents heading and the blank lines after it
    for read, entry in _paragraphs(document, context):
        if entry:
            pending = pending[1:]  # the heading is the contents list's: drop it
        if pending and not read.text.strip() and not read.marker and not entry:
            pending.append(read)
            continue
        yield from pending
        pending = []
        if entry:
            continue
        if is_toc_heading(read.marker + read.text):
            pending = [read]
        else:
            yield read
    yield from pending


def _paragraphs(document, context: _Context) -> Iterator[tuple[_Read, bool]]:
    """Every paragraph met, with its text, and whether it is a table of contents entry
    (a TOC entry's text is not read; other left-out paragraphs are not yielded)."""
    from checker.read.docx_numbering import load_numbering, paragraph_marker

    try:
        numbering = document.part.part_related_by(RT_NUMBERING).element
    except KeyError:
        numbering = None
    numbering_state = load_numbering(numbering, document.styles.element)
    entries_begun: object | None = None  # the TOC content control whose entries have begun
    chunk_chars = 0  # altChunks may all show one part: refuse the sum before it is built
    for found in _walk(document.element.body, _Counters(), None, context):
        paragraph, control = found.paragraph, found.toc_control
        if is_chunk(paragraph):
            lines = chunk_lines(document.part, paragraph)
            chunk_chars += sum(len(line) + 1 for line in lines)
            if chunk_chars > MAX_TEXT_CHARS:
                raise InputError("too-long", chars=chunk_chars, limit=MAX_TEXT_CHARS)
            if lines:
                yield _Read(paragraph, found.label, "", "\n".join(lines)), False
            continue
        skipped = _Read(paragraph, found.label, "", "")
        in_toc = paragraph in context.toc.paragraphs or _toc_styled(paragraph, context)
        if control is not None and (control is entries_begun or in_toc):
            entries_begun = control  # from its first entry on, a contents control is contents
            yield skipped, True
            continue
        text, runs_left_out, unfilled = _paragraph_text(paragraph, context)
        if _left_out(paragraph, text, runs_left_out, context):
            if in_toc:
                yield skipped, True
            continue
        marker = paragraph_marker(numbering_state, paragraph)
        yield _Read(paragraph, found.label, marker, text, unfilled), False


def is_chunk(element) -> bool:
    """Whether a body element the reader yields is a w:altChunk (a part shown in place, whose
    lines no run of the document holds) rather than a w:p."""
    return element.tag == f"{_W}altChunk"


def iter_paragraphs(document) -> Iterator[tuple[object, str, str]]:
    """(w:p, location label, numbering marker) in reading order for a python-docx Document.

    The reader's lines are marker + visible text of each; ``fzcheck annotate`` walks the
    same paragraphs to map lines back to them. Paragraphs that give no line (a table of
    contents' entries, wholly hidden text) are not yielded.
    """
    for read in _reading(document, _context(document)):
        yield read.paragraph, read.label, read.marker


def read_docx_bytes(data: bytes) -> SourceText:
    """Read a .docx report (a zip; :mod:`checker.read.word` routes other content)."""
    return docx_source(open_docx(data))


def docx_source(document) -> SourceText:
    """The text of an opened docx."""
    context = _context(document)
    return _source(_reading(document, context), context)


class DocxReading(NamedTuple):
    """An opened docx as ``fzcheck annotate`` needs it: the paragraphs that give lines (w:p,
    label, marker), the text, and the runs of those paragraphs whose text was left out
    (hidden, a contents field's), which its map of a paragraph's characters must skip too.
    A w:altChunk among the paragraphs stands for the lines of the part it shows, which no
    run holds: ``chunk_lines`` gives how many."""

    paragraphs: list[tuple[object, str, str]]
    source: SourceText
    unread_runs: frozenset
    chunk_lines: dict[object, int]


def read_document(document) -> DocxReading:
    """Read an opened docx once for annotate (which keeps the Document to mark it up)."""
    context = _context(document)
    reads = list(_reading(document, context))
    unread = frozenset(run for read in reads for run, shown in _runs(read.paragraph, context) if not shown)
    paragraphs = [(read.paragraph, read.label, read.marker) for read in reads]
    chunks = {read.paragraph: read.text.count("\n") + 1 for read in reads if is_chunk(read.paragraph)}
    return DocxReading(paragraphs, _source(reads, context), unread, chunks)


def _source(reads: Iterable[_Read], context: _Context) -> SourceText:
    """The reader's lines, labels and layout hints from the paragraphs it keeps, and where
    unfilled content controls' placeholder text stands in them (``meta``)."""
    lines: list[str] = []
    labels: list[str] = []
    layout: list[LineLayout | None] = []
    unfilled: list[Placeholder] = []
    cells = CellFinder(W)
    for read in reads:
        hint = None  # a page shown in place (w:altChunk) has no Word layout
        if not is_chunk(read.paragraph):
            hint = with_cell(paragraph_layout(read.paragraph, context.styles), cells.cell(read.paragraph))
        if read.placeholders:
            shifted = ((start + len(read.marker), length) for start, length in read.placeholders)
            unfilled += line_pieces(shifted, read.marker + read.text, len(lines) + 1)
        for piece in (read.marker + read.text).split("\n"):
            lines.append(piece)
            labels.append(read.label)
            layout.append(hint)
    if not any(line.strip() for line in lines):
        raise InputError("empty")
    meta = {PLACEHOLDERS_KEY: encode(unfilled)} if unfilled else {}
    return SourceText(
        text="\n".join(lines),
        format="docx",
        encoding=None,
        line_labels=tuple(labels),
        layout=tuple(layout),
        meta=meta,
    )
