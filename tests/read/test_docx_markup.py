"""Word markup around a report's text: the seed documents rewritten the way Word, WPS and
document systems write them, then read and checked like the unmodified seed.

Each variant keeps what a reader of the printed page sees; the text, the score, the
elements and the findings' places must stay those of the seed.
"""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from lxml import etree

from checker.api import analyse_bytes
from tests.annotate.helpers import TODAY, seed_docx
from tests.annotate.wordxml import q, rewrite_document, rewrite_members

SEEDS = range(5)
REVIEWER = {q("author"): "张三", q("date"): "2025-01-02T03:04:05Z"}


Outcome = tuple[list[str], object, list[tuple[str, str]], list[tuple[str, int | None, str | None]]]


def outcome(data: bytes) -> Outcome:
    """What the check gives: the text's lines, score, elements and findings with their places."""
    analysis = analyse_bytes(data, "report.docx", today=TODAY)
    result = analysis.result
    assert result.status == "ok", result.error
    assert analysis.source is not None
    elements = [(element.id, element.status) for element in result.elements]
    findings = sorted((f.rule, f.line, f.location) for f in result.findings)
    return analysis.source.text.split("\n"), result.score, elements, findings


def wrap(node: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """Put ``node`` inside a new element ``tag`` (w:sdt gets its w:sdtContent) in its place."""
    wrapper = etree.Element(q(tag), {q(k): v for k, v in attributes.items()})
    node.addprevious(wrapper)
    if tag == "sdt":
        etree.SubElement(etree.SubElement(wrapper, q("sdtPr")), q("id"), {q("val"): "1207"})
        wrapper = etree.SubElement(wrapper, q("sdtContent"))
    wrapper.append(node)
    return wrapper


# tables: rows and cells inside content controls and custom XML


def _rows_in_repeating_section(root: etree._Element) -> None:
    """All rows of each table in one content control, as a repeating-section control holds them."""
    for table in root.iter(q("tbl")):
        rows = table.findall(q("tr"))
        holder = wrap(rows[0], "sdt")
        for row in rows[1:]:
            holder.append(row)


def _cells_in_controls(root: etree._Element) -> None:
    for cell in list(root.iter(q("tc"))):
        wrap(cell, "sdt")


def _rows_in_custom_xml(root: etree._Element) -> None:
    for row in list(root.iter(q("tr"))):
        wrap(row, "customXml", element="row")


@pytest.mark.parametrize("wrapping", [_rows_in_repeating_section, _cells_in_controls, _rows_in_custom_xml])
@pytest.mark.parametrize("seed", SEEDS)
def test_table_rows_and_cells_inside_controls_or_custom_xml_are_read(seed, wrapping):
    data = seed_docx(seed)
    assert outcome(rewrite_document(data, wrapping)) == outcome(data)


# tracked changes: a paragraph deleted or moved away whole


def _mark_revised(paragraph: etree._Element, tag: str, number: int) -> None:
    """The paragraph mark deleted (``del``) or moved away (``moveFrom``) with track changes."""
    properties = paragraph.find(q("pPr"))
    if properties is None:
        properties = etree.Element(q("pPr"))
        paragraph.insert(0, properties)
    mark = properties.find(q("rPr"))
    if mark is None:
        mark = etree.SubElement(properties, q("rPr"))
    etree.SubElement(mark, q(tag), {q("id"): str(number), **REVIEWER})


def _numbered(root: etree._Element) -> list[etree._Element]:
    return [p for p in root.find(q("body")).iter(q("p")) if p.find(f"{q('pPr')}/{q('numPr')}") is not None]


def _numbered_heading_deleted(root: etree._Element) -> None:
    """An extra numbered heading before the first, deleted whole with track changes."""
    first = _numbered(root)[0]
    deleted = copy.deepcopy(first)
    for run in deleted.findall(q("r")):
        for text in run.findall(q("t")):
            text.tag = q("delText")
        wrap(run, "del", id="850", **{k.split("}")[1]: v for k, v in REVIEWER.items()})
    _mark_revised(deleted, "del", 851)
    first.addprevious(deleted)


def _paragraph_moved(root: etree._Element) -> None:
    """A numbered heading moved with track changes: its runs in w:moveTo where it now is, and
    the paragraph it came from (runs in w:moveFrom, mark moved) earlier in the body."""
    moved = _numbered(root)[1]
    origin = copy.deepcopy(moved)
    reviewer = {k.split("}")[1]: v for k, v in REVIEWER.items()}
    for run in moved.findall(q("r")):
        wrap(run, "moveTo", id="801", **reviewer)
    for run in origin.findall(q("r")):
        wrap(run, "moveFrom", id="800", **reviewer)
    _mark_revised(origin, "moveFrom", 802)
    _numbered(root)[0].addprevious(origin)


@pytest.mark.parametrize("revision", [_numbered_heading_deleted, _paragraph_moved])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_paragraph_deleted_or_moved_away_takes_no_line_number_or_place(seed, revision):
    data = seed_docx(seed)
    assert outcome(rewrite_document(data, revision)) == outcome(data)


# Strict Open XML (ISO/IEC 29500 strict), as Word's "Strict Open XML Document" saves it

TRANSITIONAL_TO_STRICT = {
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main": b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/math": b"http://purl.oclc.org/ooxml/officeDocument/math",
    b"http://schemas.openxmlformats.org/drawingml/2006/main": b"http://purl.oclc.org/ooxml/drawingml/main",
    b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"
    ),
}


def strict(data: bytes) -> bytes:
    """The document saved as Strict Open XML: strict namespace and relationship-type names in
    every part, w:conformance="strict" on the document (content types stay as they are)."""

    def renamed(payload: bytes) -> bytes:
        for transitional, strict_name in TRANSITIONAL_TO_STRICT.items():
            payload = payload.replace(transitional, strict_name)
        return payload.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    parts = [name for name in names if name.endswith((".xml", ".rels")) and name != "[Content_Types].xml"]
    return rewrite_members(data, dict.fromkeys(parts, renamed))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_strict_open_xml_document_reads_like_the_transitional_one(seed):
    data = seed_docx(seed)
    saved = strict(data)
    assert b"purl.oclc.org" in zipfile.ZipFile(io.BytesIO(saved)).read("word/document.xml")
    assert outcome(saved) == outcome(data)
