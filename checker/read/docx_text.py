"""Word .docx reader: one line per paragraph, tables in reading order, numbering restored.

python-docx opens the package (relationships, content types); the body is then walked
directly because ``Document.iter_inner_content()`` skips content controls (w:sdt), which
templates use around whole sections. Headers, footers, comments, footnotes, deleted
revisions and text boxes are left out: they are not the report's running text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from io import BytesIO

import msgspec

from checker.read.container import open_zip, sniff
from checker.read.docx_layout import StyleTable, paragraph_layout
from checker.read.errors import InputError
from checker.read.source import LineLayout, SourceText

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W = f"{{{W}}}"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_SKIPPED_ANCESTORS = (
    "ancestor::w:del or ancestor::w:moveFrom or ancestor::mc:Fallback or ancestor::w:txbxContent"
)


class _Counters(msgspec.Struct):
    paragraphs: int = 0
    tables: int = 0


@functools.cache
def _visible_runs():
    """Compiled once, on first use, so importing this module stays cheap."""
    from lxml import etree

    return etree.XPath(f".//w:r[not({_SKIPPED_ANCESTORS})]", namespaces={"w": W, "mc": MC})


def _paragraph_text(paragraph) -> str:
    """Visible text of a w:p; soft line breaks become "\\n"."""
    parts: list[str] = []
    for run in _visible_runs()(paragraph):
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


def _walk(container, counters: _Counters, cell_label: str | None) -> Iterator[tuple[object, str]]:
    """(w:p element, location label) for every paragraph, tables included, in order."""
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            if cell_label is None:
                counters.paragraphs += 1
                yield child, f"第{counters.paragraphs}段"
            else:
                yield child, cell_label
        elif tag == f"{_W}tbl":
            counters.tables += 1
            table_number = counters.tables
            for row_number, row in enumerate(child.iterfind(f"{_W}tr"), start=1):
                for column, cell in enumerate(row.iterfind(f"{_W}tc"), start=1):
                    label = f"表格{table_number}第{row_number}行第{column}列"
                    yield from _walk(cell, counters, label)
        elif tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}sdtContent", f"{{{MC}}}AlternateContent"):
            inner = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
            if tag == f"{{{MC}}}AlternateContent":
                inner = child.find(f"{{{MC}}}Choice")
            if inner is not None:
                yield from _walk(inner, counters, cell_label)


def _open_document(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if sniff(data) != "zip":  # an old .doc under a .docx name is routed by checker.read.word
        raise InputError("corrupt", error="不是 docx（zip）文件")
    archive = open_zip(data)
    archive.close()
    try:
        return docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, EOFError) as exc:
        raise InputError("corrupt", error=f"docx: {exc}") from exc
    except Exception as exc:  # lxml XMLSyntaxError, zlib errors inside a damaged part
        raise InputError("corrupt", error=f"docx: {type(exc).__name__}: {exc}") from exc


def iter_paragraphs(document) -> Iterator[tuple[object, str, str]]:
    """(w:p, location label, numbering marker) in reading order for a python-docx Document.

    The reader's lines are marker + visible text of each; ``fzcheck annotate`` walks the
    same paragraphs to map lines back to them.
    """
    from checker.read.docx_numbering import load_numbering, paragraph_marker

    try:
        numbering = document.part.part_related_by(RT_NUMBERING).element
    except KeyError:
        numbering = None
    numbering_state = load_numbering(numbering, document.styles.element)
    for paragraph, label in _walk(document.element.body, _Counters(), None):
        yield paragraph, label, paragraph_marker(numbering_state, paragraph)


def read_docx_bytes(data: bytes) -> SourceText:
    """Read a .docx report (a zip; :mod:`checker.read.word` routes other content)."""
    return docx_source(open_docx(data))


def open_docx(data: bytes):
    """The python-docx Document of a docx's bytes, after the container checks; InputError."""
    return _open_document(data)


def docx_source(document, paragraphs: list[tuple[object, str, str]] | None = None) -> SourceText:
    """The text of an opened docx (``annotate`` opens the file once and keeps the Document);
    ``paragraphs``: :func:`iter_paragraphs` already walked."""
    styles = StyleTable(document.styles.element)
    lines: list[str] = []
    labels: list[str] = []
    layout: list[LineLayout | None] = []
    for paragraph, label, marker in paragraphs if paragraphs is not None else iter_paragraphs(document):
        text = marker + _paragraph_text(paragraph)
        hint = paragraph_layout(paragraph, styles)
        for piece in text.split("\n"):
            lines.append(piece)
            labels.append(label)
            layout.append(hint)
    if not any(line.strip() for line in lines):
        raise InputError("empty")
    return SourceText(
        text="\n".join(lines), format="docx", encoding=None, line_labels=tuple(labels), layout=tuple(layout)
    )
