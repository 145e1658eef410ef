"""A new Word document holding a report read from txt, pdf, ofd, html, doc or wps.

One Word paragraph per parsed paragraph (lines a layout had wrapped are joined again),
the text as written (the original characters, not the normalised ones). The title is
centred and the signature and date set right, body text in 3号 (16 pt) 仿宋 with a
two-character indent on an A4 page with GB/T 9704's margins, so the copy reads like the
document it came from.

The package is a handful of XML strings of this module's own (content types, relationships,
styles with the comment styles, settings, the document), zipped once and reused: building a
python-docx document from its default template cost more than checking the report.
"""

from __future__ import annotations

import functools

from lxml import etree

from checker.annotate.comments import xml_text
from checker.annotate.linemap import LineMap, LinePlace
from checker.annotate.package import CONTENT_TYPES, WordPackage
from checker.annotate.wordml import W, w
from checker.annotate.zipcopy import build
from checker.model import Document

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
DOCUMENT = "word/document.xml"
_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_CONTENT_TYPES = f"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>
</Types>"""
_PACKAGE_RELS = f"""<Relationships xmlns="{_RELS}">
<Relationship Id="rId1" Type="{_OFFICE_RELS}/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOCUMENT_RELS = f"""<Relationships xmlns="{_RELS}">
<Relationship Id="rId1" Type="{_OFFICE_RELS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_OFFICE_RELS}/settings" Target="settings.xml"/>
</Relationships>"""
# Word 2013+'s compatibility mode 15: without it Word opens the copy in 兼容模式 (Compatibility
# Mode) and offers to convert it. East Asian line breaking and punctuation compression as a
# Chinese Word's new document has them. (A font table and a theme are optional parts: Word
# and WPS open a document without them and take the fonts from the styles.)
_SETTINGS = f"""<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:useFELayout/>
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
</w:compat></w:settings>"""
_STYLES = f"""<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"
 w:eastAsia="{BODY_FONT}" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US"
 w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>
<w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="left"/></w:pPr>
<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>
<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>
</w:styles>"""
# A4, margins 37/35 mm top/bottom, 28/26 mm left/right (GB/T 9704-2012), in twentieths of a point.
_SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984"'
    ' w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
)
_TITLE = (  # 2号 (22 pt) 小标宋
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    f'<w:r><w:rPr><w:rFonts w:eastAsia="{TITLE_FONT}"/><w:sz w:val="44"/></w:rPr>'
)
_RIGHT = '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r>'
_BODY = '<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r>'


@functools.cache
def _template() -> bytes:
    """The package without a document body (built once)."""
    return build(
        [
            (CONTENT_TYPES, (_DECLARATION + _CONTENT_TYPES).encode()),
            ("_rels/.rels", (_DECLARATION + _PACKAGE_RELS).encode()),
            (DOCUMENT, (_DECLARATION + f'<w:document xmlns:w="{W}"><w:body/></w:document>').encode()),
            ("word/_rels/document.xml.rels", (_DECLARATION + _DOCUMENT_RELS).encode()),
            ("word/styles.xml", (_DECLARATION + _STYLES).encode()),
            ("word/settings.xml", (_DECLARATION + _SETTINGS).encode()),
        ]
    )


def _run_content(text: str) -> str:
    """A run's content for ``text``: tabs as w:tab, a character XML cannot hold as a space
    (each one character, as the reader counts them, so offsets stay those of the line)."""
    pieces = text.split("\t")
    out = [f'<w:t xml:space="preserve">{xml_text(pieces[0], " ")}</w:t>']
    for piece in pieces[1:]:
        out.append("<w:tab/>")
        if piece:
            out.append(f'<w:t xml:space="preserve">{xml_text(piece, " ")}</w:t>')
    return "".join(out)


def new_document(parsed: Document, lines: list[str]) -> tuple[WordPackage, LineMap]:
    """(package, LineMap) for the parsed report."""
    title = {p.index for p in parsed.title}
    right = {p.index for p in (parsed.signature,) if p is not None}
    if parsed.date is not None:
        right.add(parsed.date.paragraph.index)
    xml: list[str] = []
    places: list[list[tuple[int, int, int, int]]] = []
    for paragraph in parsed.paragraphs:
        pieces: list[str] = []
        mapped: list[tuple[int, int, int, int]] = []
        base = 0
        for line in paragraph.lines:
            raw = lines[line.number - 1]
            if not line.text:
                continue
            first, last = line.column(0), line.column(len(line.text) - 1)
            text = raw[first - 1 : last].strip()
            first += len(raw[first - 1 : last]) - len(raw[first - 1 : last].lstrip())
            mapped.append((line.number, base, first, len(text)))
            pieces.append(text)
            base += len(text)
        if paragraph.index in title:
            xml.append(_TITLE)
        elif paragraph.index in right:
            xml.append(_RIGHT)
        else:
            xml.append(_BODY)
        xml.append(_run_content("".join(pieces)) + "</w:r></w:p>")
        places.append(mapped)
    body = "".join(xml) + _SECTION
    root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    line_map = LineMap()
    for word_paragraph, mapped in zip(root.iterfind(f"{w('body')}/{w('p')}"), places, strict=True):
        for number, base, first, length in mapped:
            line_map.add(number, LinePlace(word_paragraph, base, first, length))
    return WordPackage(_template(), root, DOCUMENT), line_map
