"""A new Word document holding a report read from txt, pdf, html, doc or wps.

One Word paragraph per parsed paragraph (lines a layout had wrapped are joined again),
the text as written (the original characters, not the normalised ones). The title is
centred and the signature and date set right, in 3号 (16 pt) as GB/T 9704 sets body
text, so the copy reads like the document it came from.
"""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from checker.annotate.linemap import LineMap, LinePlace
from checker.model import Document

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"


def _set_east_asian(run_properties, font: str) -> None:
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = run_properties.makeelement(qn("w:rFonts"), {})
        run_properties.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), font)


def new_document(parsed: Document, lines: list[str]):
    """(python-docx Document, LineMap) for the parsed report."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _set_east_asian(normal.element.get_or_add_rPr(), BODY_FONT)
    body = document.element.body
    for sect in list(body):  # the template's empty first paragraph
        if sect.tag == qn("w:p"):
            body.remove(sect)
    title = {p.index for p in parsed.title}
    right = {p.index for p in (parsed.signature,) if p is not None}
    if parsed.date is not None:
        right.add(parsed.date.paragraph.index)
    line_map = LineMap()
    for paragraph in parsed.paragraphs:
        pieces: list[str] = []
        base = 0
        word_paragraph = document.add_paragraph()
        for line in paragraph.lines:
            raw = lines[line.number - 1]
            if not line.text:
                continue
            first, last = line.column(0), line.column(len(line.text) - 1)
            text = raw[first - 1 : last].strip()
            first += len(raw[first - 1 : last]) - len(raw[first - 1 : last].lstrip())
            line_map.add(line.number, LinePlace(word_paragraph._p, base, first, len(text)))
            pieces.append(text)
            base += len(text)
        run = word_paragraph.add_run("".join(pieces))
        if paragraph.index in title:
            word_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.font.size = Pt(22)
            _set_east_asian(run._r.get_or_add_rPr(), TITLE_FONT)
        elif paragraph.index in right:
            word_paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            word_paragraph.paragraph_format.first_line_indent = Pt(32)
    return document, line_map
