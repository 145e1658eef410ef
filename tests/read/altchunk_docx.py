"""seed0.docx with its body moved into a part Word shows in place (w:altChunk), as OA systems
and web editors write a report: the title stays as real paragraphs, the rest is the part."""

from __future__ import annotations

import html

from lxml import etree

from checker.read import read_path
from tests.annotate.wordxml import q, rewrite_members
from tests.read_support import fixture

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
AF_CHUNK = f"{R}/aFChunk"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
TITLE_PARAGRAPHS = 2


def seed0_lines() -> list[str]:
    return read_path(fixture("seed0.docx")).text.split("\n")


def html_chunk(lines: list[str]) -> bytes:
    """The lines as a page's paragraphs, as a web editor saves them."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode()


def altchunk_docx(
    chunk: bytes | None,
    content_type: str = "text/html",
    *,
    keep: int = TITLE_PARAGRAPHS,
    part_name: str = "word/afchunk1.htm",
    relationship: bool = True,
) -> bytes:
    """seed0.docx whose first ``keep`` paragraphs stay and whose other paragraphs and tables
    give way to one w:altChunk showing ``chunk`` (None: the part is left out, the relationship
    dangles; ``relationship`` False: the r:id names no relationship)."""

    def document(payload: bytes) -> bytes:
        root = etree.fromstring(payload)
        body = root.find(q("body"))
        kept = 0
        for child in list(body):
            if child.tag == q("sectPr"):
                continue
            if child.tag == q("p") and kept < keep and "".join(child.itertext()).strip():
                kept += 1
                continue
            body.remove(child)
        marker = etree.Element(q("altChunk"), {f"{{{R}}}id": "rIdChunk1"}, nsmap={"r": R})
        sections = body.find(q("sectPr"))
        if sections is not None:
            sections.addprevious(marker)
        else:
            body.append(marker)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def relationships(payload: bytes) -> bytes:
        if not relationship:
            return payload
        root = etree.fromstring(payload)
        target = part_name.removeprefix("word/")
        etree.SubElement(
            root, f"{{{PACKAGE_RELS}}}Relationship", {"Id": "rIdChunk1", "Type": AF_CHUNK, "Target": target}
        )
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def content_types(payload: bytes) -> bytes:
        root = etree.fromstring(payload)
        attributes = {"PartName": f"/{part_name}", "ContentType": content_type}
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", attributes)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    edits = {
        "word/document.xml": document,
        "word/_rels/document.xml.rels": relationships,
        "[Content_Types].xml": content_types,
    }
    data = rewrite_members(fixture("seed0.docx").read_bytes(), edits)
    if chunk is None:
        return data
    import io
    import zipfile

    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(part_name, chunk)
    return out.getvalue()


def seed0_altchunk() -> bytes:
    """The report: title paragraphs in Word, the rest of seed0 in an HTML chunk."""
    return altchunk_docx(html_chunk(seed0_lines()[TITLE_PARAGRAPHS:]))
