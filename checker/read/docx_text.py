"""Word .docx reader: one line per paragraph, tables in reading order, numbering restored.

python-docx opens the package (relationships, content types); the body is then walked
directly because ``Document.iter_inner_content()`` skips content controls (w:sdt), which
templates use around whole sections. Headers, footers, comments, footnotes and deleted
revisions are left out: they are not the report's running text. So are hidden text
(w:vanish) and a table of contents' entries: a reader of the printed page sees no hidden
text, and takes the contents list for a list, not for the report's parts.

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
import re
from collections.abc import Iterator
from io import BytesIO
from typing import NamedTuple

import msgspec

from checker.read.container import open_zip, sniff
from checker.read.docx_layout import (
    HiddenStyles,
    StyleTable,
    paragraph_layout,
    vanish,
)
from checker.read.errors import InputError
from checker.read.source import LineLayout, SourceText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
_NAMESPACES = {"w": W, "mc": MC}
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# .docm, .dotx and .dotm: the same WordprocessingML body under another main content type
WORD_VARIANTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_SKIPPED_ANCESTORS = "ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback"
# a paragraph's own runs and text boxes: not inside a text box nested in the paragraph
_OWN = "count(ancestor::w:txbxContent) = $depth"
_TOC_HEADINGS = frozenset({"目录", "目次", "contents", "tableofcontents"})
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")


class _Counters(msgspec.Struct):
    paragraphs: int = 0
    tables: int = 0


class _TocParts(NamedTuple):
    """What lies inside a table of contents field: runs, and paragraphs touching it."""

    runs: frozenset
    paragraphs: frozenset


class _Context(NamedTuple):
    """What deciding a paragraph's visible text needs besides the paragraph."""

    styles: StyleTable
    hidden: HiddenStyles
    toc: _TocParts
    toc_styles: frozenset[str]  # ids of the "toc N" paragraph styles
    boxes: bool  # whether the body has any text box at all


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


@functools.cache
def _xpaths():
    """Compiled once, on first use, so importing this module stays cheap."""
    from lxml import etree

    paths = {
        "runs": f".//w:r[{_OWN} and not({_SKIPPED_ANCESTORS})]",
        "boxes": f".//w:txbxContent[{_OWN} and not({_SKIPPED_ANCESTORS})]",
        "depth": "count(ancestor::w:txbxContent)",
        "toc_field": ".//w:instrText[contains(translate(., 'toc', 'TOC'), 'TOC')]"
        " | .//w:fldSimple[contains(translate(@w:instr, 'toc', 'TOC'), 'TOC')]",
        "field_parts": f".//*[(self::w:p or self::w:r or self::w:fldSimple) and not({_SKIPPED_ANCESTORS})]",
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


def _run_text(run) -> str:
    """The characters one w:r shows; soft line breaks become "\\n"."""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag == f"{_W}br":
            if child.get(f"{_W}type") not in ("page", "column"):
                parts.append("\n")
        elif tag == f"{_W}cr":
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}sym":
            code = int(child.get(f"{_W}char", "0"), 16)
            if code and not 0xF000 <= code <= 0xF0FF:  # symbol-font glyphs carry no text
                parts.append(chr(code))
    return "".join(parts)


def _paragraph_text(paragraph, context: _Context) -> tuple[str, bool]:
    """Visible text of a w:p (text boxes in it excluded), and whether any run of it was
    left out as hidden or as a table of contents entry."""
    paragraph_hidden = context.hidden.active and context.hidden.paragraph(_paragraph_style(paragraph))
    depth = _xpaths()["depth"](paragraph) if context.boxes else 0
    parts: list[str] = []
    left_out = False
    for run in _xpaths()["runs"](paragraph, depth=depth):
        if run in context.toc.runs or _run_hidden(run, paragraph_hidden, context.hidden):
            left_out = True
            continue
        parts.append(_run_text(run))
    return "".join(parts), left_out


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


def _toc_control(sdt) -> bool:
    """Whether a w:sdt is Word's table of contents building block."""
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and gallery.get(f"{_W}val", "").strip().lower() == "table of contents"


def _walk(
    container, counters: _Counters, cell_label: str | None, context: _Context, toc_control=None
) -> Iterator[_Found]:
    """Every paragraph, tables and text boxes included, in reading order."""
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            if cell_label is None:
                counters.paragraphs += 1
                label = f"第{counters.paragraphs}段"
            else:
                label = cell_label
            for box in _text_boxes(child, context):
                yield from _walk(box, counters, f"{label}的文本框", context, toc_control)
            yield _Found(child, label, toc_control)
        elif tag == f"{_W}tbl":
            counters.tables += 1
            table_number = counters.tables
            for row_number, row in enumerate(child.iterfind(f"{_W}tr"), start=1):
                for column, cell in enumerate(row.iterfind(f"{_W}tc"), start=1):
                    label = f"表格{table_number}第{row_number}行第{column}列"
                    yield from _walk(cell, counters, label, context, toc_control)
        elif tag == f"{_W}sdt":
            control = child if _toc_control(child) else toc_control
            inner = child.find(f"{_W}sdtContent")
            if inner is not None:
                yield from _walk(inner, counters, cell_label, context, control)
        elif tag in (f"{_W}customXml", f"{_W}sdtContent", f"{{{MC}}}AlternateContent"):
            inner = child.find(f"{{{MC}}}Choice") if tag == f"{{{MC}}}AlternateContent" else child
            if inner is not None:
                yield from _walk(inner, counters, cell_label, context, toc_control)


def _toc_parts(body) -> _TocParts:
    """The runs inside a TOC field's result, and the paragraphs that hold or lie in one.

    A complex field (w:fldChar begin … w:instrText " TOC …" … separate … end) spans any
    number of paragraphs and holds nested PAGEREF/HYPERLINK fields, so the field marks are
    replayed in document order with a stack. Nothing to do in a body without a TOC field.
    """
    if not _xpaths()["toc_field"](body):
        return _TocParts(frozenset(), frozenset())
    runs: set = set()
    paragraphs: set = set()
    stack: list[str] = []  # instruction text of each open field, outermost first
    for element in _xpaths()["field_parts"](body):
        if element.tag == f"{_W}fldSimple":
            if _is_toc(element.get(f"{_W}instr", "")):
                runs.update(element.iter(f"{_W}r"))
                paragraphs.update(element.iterancestors(f"{_W}p"))
            continue
        inside = any(_is_toc(instruction) for instruction in stack)
        if element.tag == f"{_W}p":
            if inside:
                paragraphs.add(element)
            continue
        for child in element:
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    stack.append("")
                elif kind == "end" and stack:
                    stack.pop()
            elif child.tag == f"{_W}instrText" and stack:
                stack[-1] += child.text or ""
            inside = inside or any(_is_toc(instruction) for instruction in stack)
        if inside:
            runs.add(element)
            paragraphs.update(element.iterancestors(f"{_W}p"))
    return _TocParts(frozenset(runs), frozenset(paragraphs))


def _is_toc(instruction: str) -> bool:
    """Whether a field instruction is TOC (contents, or a table of figures: TOC \\c)."""
    words = instruction.split()
    return bool(words) and words[0].upper() == "TOC"


def _context(document) -> _Context:
    """The styles and table-of-contents parts a document's paragraphs are read with."""
    styles, body = document.styles.element, document.element.body
    table = StyleTable(styles)
    has_boxes = body.find(f".//{_W}txbxContent") is not None
    return _Context(table, HiddenStyles(styles), _toc_parts(body), table.toc_entry_styles(), has_boxes)


def _toc_styled(paragraph, context: _Context) -> bool:
    """Whether a paragraph is in one of the "toc N" entry styles."""
    return bool(context.toc_styles) and _paragraph_style(paragraph) in context.toc_styles


def _left_out(paragraph, text: str, runs_left_out: bool, context: _Context) -> bool:
    """Whether a paragraph gives no line: a TOC entry, a TOC field's own empty paragraphs,
    or a paragraph whose text is all hidden."""
    if _toc_styled(paragraph, context):
        return True
    if text.strip():
        return False  # a paragraph that ends a TOC field and goes on with running text
    return runs_left_out or paragraph in context.toc.paragraphs or _mark_hidden(paragraph, context.hidden)


def _toc_heading(text: str) -> bool:
    """Whether a line is a contents list's own heading ("目  录", "Contents")."""
    return "".join(text.split()).lower() in _TOC_HEADINGS


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
        if _toc_heading(read.marker + read.text):
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
    for found in _walk(document.element.body, _Counters(), None, context):
        paragraph, control = found.paragraph, found.toc_control
        skipped = _Read(paragraph, found.label, "", "")
        in_toc = paragraph in context.toc.paragraphs or _toc_styled(paragraph, context)
        if control is not None and (control is entries_begun or in_toc):
            entries_begun = control  # from its first entry on, a contents control is contents
            yield skipped, True
            continue
        text, runs_left_out = _paragraph_text(paragraph, context)
        if _left_out(paragraph, text, runs_left_out, context):
            if in_toc:
                yield skipped, True
            continue
        yield _Read(paragraph, found.label, paragraph_marker(numbering_state, paragraph), text), False


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


def open_docx(data: bytes):
    """The python-docx Document of a docx's bytes, after the container checks; InputError.

    Macro-enabled documents and templates (.docm, .dotx, .dotm, also under a .docx name)
    open as ordinary documents; their macros are not read.
    """
    if sniff(data) != "zip":  # an old .doc under a .docx name is routed by checker.read.word
        raise InputError("corrupt", error="不是 docx（zip）文件")
    from docx.opc.exceptions import PackageNotFoundError

    archive = open_zip(data)
    archive.close()
    try:
        return _main_document(data)
    except InputError:
        raise
    except PackageNotFoundError as exc:
        raise InputError("corrupt", error="不是 Word 文档（没有 Office 文档包结构）") from exc
    except KeyError as exc:  # a part or relationship the package lacks
        raise InputError("corrupt", error=f"docx 缺少必需的部分：{_plain(exc)}") from exc
    except Exception as exc:  # lxml XMLSyntaxError, zlib errors inside a damaged part …
        raise InputError("corrupt", error=f"docx：{_plain(exc)}") from exc


@functools.cache
def _register_word_variants() -> None:
    """Let python-docx load the main part of a .docm/.dotx/.dotm as a Word document part."""
    from docx.opc.part import PartFactory
    from docx.parts.document import DocumentPart

    for content_type in WORD_VARIANTS:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)


def _main_document(data: bytes):
    """Open the package and return its Word Document; InputError when it is no Word file."""
    from docx.package import Package

    _register_word_variants()
    part = Package.open(BytesIO(data)).main_document_part
    content_type = part.content_type
    if content_type != WORD_DOCUMENT and content_type not in WORD_VARIANTS:
        raise InputError("corrupt", error=f"不是 Word 文档（主体部分的类型为 {content_type}）")
    return part.document


def _plain(exc: BaseException) -> str:
    """An exception's message for a user: no Python object reprs, no empty text."""
    text = " ".join(_OBJECT_REPR.sub("", str(exc).strip("'\"")).split())
    return text or type(exc).__name__


def docx_source(document, paragraphs: list[tuple[object, str, str]] | None = None) -> SourceText:
    """The text of an opened docx (``annotate`` opens the file once and keeps the Document);
    ``paragraphs``: :func:`iter_paragraphs` already walked."""
    context = _context(document)
    if paragraphs is None:
        reads: Iterator[_Read] | list[_Read] = _reading(document, context)
    else:
        reads = [
            _Read(paragraph, label, marker, _paragraph_text(paragraph, context)[0])
            for paragraph, label, marker in paragraphs
        ]
    lines: list[str] = []
    labels: list[str] = []
    layout: list[LineLayout | None] = []
    for read in reads:
        hint = paragraph_layout(read.paragraph, context.styles)
        for piece in (read.marker + read.text).split("\n"):
            lines.append(piece)
            labels.append(read.label)
            layout.append(hint)
    if not any(line.strip() for line in lines):
        raise InputError("empty")
    return SourceText(
        text="\n".join(lines), format="docx", encoding=None, line_labels=tuple(labels), layout=tuple(layout)
    )
