"""Word layouts real reports use, read like the same report typed plainly (probe 4).

Each variant is built from a seed report's own paragraphs and compared with a plain .docx
of the same paragraphs: what the reader gives and what the check finds must not change.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from io import BytesIO

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker.api import analyse_bytes
from checker.i18n import t
from checker.read import InputError, read_bytes
from checker.read.docx_numbering import format_number
from tests.conftest import TODAY, seed_text
from tests.read_support import fixture

NS = nsdecls("w", "wp", "a") + (
    ' xmlns:v="urn:schemas-microsoft-com:vml"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*")
TITLED = ("000", "001", "002", "003")  # seeds whose first two lines are the title
SIGNED = ("000", "004")  # seeds that end with the signature and the date


def _paragraphs(key: str) -> list[str]:
    return [line.strip() for line in seed_text(key).splitlines() if line.strip()]


def _add(document, text: str, align=None):
    paragraph = document.add_paragraph(text)
    paragraph.alignment = align
    return paragraph


def _plain(key: str) -> bytes:
    """The reference: one paragraph per seed paragraph, title centred, closing right."""
    paragraphs = _paragraphs(key)
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        align = None
        if key in TITLED and index < 2:
            align = WD_ALIGN_PARAGRAPH.CENTER
        elif key in SIGNED and index >= len(paragraphs) - 2:
            align = WD_ALIGN_PARAGRAPH.RIGHT
        _add(document, text, align)
    return _save(document)


def _save(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lines(data: bytes, suffix: str = ".docx") -> list[str]:
    return read_bytes(data, suffix).text.split("\n")


def _outcome(data: bytes, name: str = "report.docx") -> tuple[object, dict[str, str]]:
    result = analyse_bytes(data, name, today=TODAY).result
    assert result.status == "ok", result.error
    return result.score, {element.id: element.status for element in result.elements}


def _text_box(texts: list[str], align: str) -> str:
    """A floating text box as Word 2010+ writes it: DrawingML, then the same box in VML."""
    paragraphs = "".join(
        f'<w:p><w:pPr><w:jc w:val="{align}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        for text in texts
    )
    return (
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0"'
        ' locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5000000" cy="800000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="文本框 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/>'
        f"<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:400pt;height:60pt"><v:textbox>'
        f"<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


# text boxes


@pytest.mark.parametrize("key", TITLED)
def test_title_in_a_text_box_is_read_once_before_the_paragraph_that_anchors_it(key):
    paragraphs = _paragraphs(key)
    document = docx.Document()
    anchor = _add(document, paragraphs[2])  # Word anchors a top-of-page box to the first paragraph
    anchor._p.insert(1, parse_xml(_text_box(paragraphs[:2], "center")))
    for text in paragraphs[3:]:
        _add(document, text)
    data = _save(document)
    source = read_bytes(data, ".docx")
    assert source.text.split("\n") == _lines(_plain(key))
    assert source.line_labels[:3] == ("第1段的文本框", "第1段的文本框", "第1段")
    assert source.layout[0].align == "centre"
    assert _outcome(data) == _outcome(_plain(key))


@pytest.mark.parametrize("key", SIGNED)
def test_signature_and_date_in_a_text_box_beside_the_seal_are_read(key):
    paragraphs = _paragraphs(key)
    document = docx.Document()
    for index, text in enumerate(paragraphs[:-2]):
        _add(document, text, WD_ALIGN_PARAGRAPH.CENTER if key in TITLED and index < 2 else None)
    document.add_paragraph()._p.append(parse_xml(_text_box(paragraphs[-2:], "right")))
    data = _save(document)
    lines = _lines(data)
    assert lines[-3:] == [*paragraphs[-2:], ""]  # the box, then its (empty) anchor paragraph
    assert _outcome(data) == _outcome(_plain(key))


def test_vml_text_box_is_read_and_a_hidden_one_is_not():
    paragraphs = _paragraphs("000")
    document = docx.Document()
    anchor = _add(document, paragraphs[2])
    anchor._p.append(
        parse_xml(
            f"<w:r {NS}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{paragraphs[0]}</w:t>"
            "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    hidden_box = parse_xml(_text_box(["株洲市退役军人事务局2023年法治政府建设情况年度报告"], "center"))
    hidden_box.insert(0, parse_xml(f"<w:rPr {NS}><w:vanish/></w:rPr>"))
    anchor._p.append(hidden_box)
    assert _lines(_save(document)) == [paragraphs[0], paragraphs[2]]


# macro-enabled documents and templates


def _rezip(
    data: bytes, change: Callable[[str, bytes], bytes], extra: dict[str, bytes] | None = None
) -> bytes:
    """A copy of a zip package with each entry passed through ``change``, plus ``extra``."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info)))
        for name, content in (extra or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _with_main_type(content_type: str, macros: bool = False) -> bytes:
    """The seed0 fixture with another main content type (and a macro project)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    def change(name: str, content: bytes) -> bytes:
        if name == "[Content_Types].xml":
            content = content.replace(main.encode(), content_type.encode())
            if macros:
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/vbaProject.bin"'
                    b' ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
        if name == "word/_rels/document.xml.rels" and macros:
            content = content.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdVba" Target="vbaProject.bin"'
                b' Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/></Relationships>',
            )
        return content

    data = fixture("seed0.docx").read_bytes()
    return _rezip(data, change, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macros"} if macros else None)


@pytest.mark.parametrize(
    ("content_type", "suffix"),
    [
        ("application/vnd.ms-word.document.macroEnabled.main+xml", ".docm"),
        ("application/vnd.ms-word.document.macroEnabled.main+xml", ".docx"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", ".docx"),
        ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml", ".docx"),
    ],
)
def test_macro_enabled_documents_and_templates_read_like_the_document(content_type, suffix):
    data = _with_main_type(content_type, macros="macroEnabled" in content_type)
    assert _lines(data, suffix) == _lines(fixture("seed0.docx").read_bytes())


def test_a_package_of_another_kind_is_refused_in_plain_chinese():
    data = _with_main_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    with pytest.raises(InputError) as caught:
        read_bytes(data, ".docx")
    assert caught.value.code == "corrupt"
    message = t("error.corrupt", "zh", **caught.value.details)
    assert "不是 Word 文档" in message
    assert not re.search(r"object at 0x|<_io|BytesIO", message)


# numbering formats


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "decimalEnclosedParen", "⑴"),
        (20, "decimalEnclosedParen", "⒇"),
        (21, "decimalEnclosedParen", "(21)"),
        (2, "decimalEnclosedFullstop", "⒉"),
        (25, "decimalEnclosedFullstop", "25."),
        (1, "ideographEnclosedCircle", "㈠"),
        (10, "ideographEnclosedCircle", "㈩"),
        (11, "ideographEnclosedCircle", "（十一）"),
        (12, "ideographLegalTraditional", "壹拾貳"),
        (105, "chineseLegalSimplified", "壹佰零伍"),
        (10, "ideographDigital", "一〇"),
        (2024, "taiwaneseDigital", "二〇二四"),
        (3, "ideographZodiac", "寅"),
        (13, "ideographZodiac", "13"),
        (11, "ideographZodiacTraditional", "甲戌"),
        (11, "ideographTraditional", "11"),
        (3, "decimalFullWidth2", "３"),
        (4, "numberInDash", "- 4 -"),
        (0, "upperRoman", "0"),
    ],
)
def test_more_number_formats_and_values_past_their_glyphs(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_enclosed_paren_numbering_keeps_the_seed_outline():
    """Seed 000 with its "一、" and "(一)" markers drawn by Word: chineseCounting and ⑴."""
    levels = (("chineseCounting", "%1、"), ("decimalEnclosedParen", "%2"))
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {NS} w:abstractNumId="90">'
            + "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
                for i, (fmt, text) in enumerate(levels)
            )
            + "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for index, text in enumerate(_paragraphs("000")):
        level = 0 if PART_HEADING.match(text) else 1 if SUB_HEADING.match(text) else None
        bare = SUB_HEADING.sub("", PART_HEADING.sub("", text))
        paragraph = _add(document, bare if level is not None else text)
        if index < 2:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if level is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
            )
    data = _save(document)
    lines = _lines(data)
    assert "⑴认真履行“第一责任人”职责" in "\n".join(lines)
    assert "一、主要举措及成效" in lines
    assert _outcome(data)[1]["first-responsible-person"] != "missing"


# hidden text


def _with_hidden_old_title(key: str, hide: Callable[[object, object], None]) -> bytes:
    paragraphs = _paragraphs(key)
    document = docx.Document()
    for text in paragraphs[:2]:  # last year's title, kept hidden above this year's
        old = _add(document, re.sub(r"20\d\d", lambda m: str(int(m.group()) - 1), text))
        hide(document, old)
    for index, text in enumerate(paragraphs):
        _add(document, text, WD_ALIGN_PARAGRAPH.CENTER if index < 2 else None)
    return _save(document)


def _vanish_run(document, paragraph) -> None:
    paragraph.runs[0]._r.get_or_add_rPr().append(parse_xml(f"<w:vanish {NS}/>"))


def _vanish_by_character_style(document, paragraph) -> None:
    if "旧稿" not in [style.name for style in document.styles]:
        from docx.enum.style import WD_STYLE_TYPE

        style = document.styles.add_style("旧稿", WD_STYLE_TYPE.CHARACTER)
        style.font.hidden = True
    paragraph.runs[0].style = document.styles["旧稿"]


@pytest.mark.parametrize("hide", [_vanish_run, _vanish_by_character_style])
@pytest.mark.parametrize("key", TITLED)
def test_hidden_old_title_is_not_read(key, hide):
    data = _with_hidden_old_title(key, hide)
    plain = _with_hidden_old_title(
        key, lambda document, paragraph: paragraph._p.getparent().remove(paragraph._p)
    )
    assert _lines(data) == _lines(plain)
    assert _outcome(data) == _outcome(plain)


def test_text_shown_against_a_hidden_style_is_read():
    document = docx.Document()
    _add(document, "正文第一段。")
    paragraph = _add(document, "显示的文字")
    _vanish_by_character_style(document, paragraph)
    paragraph.runs[0]._r.get_or_add_rPr().append(parse_xml(f'<w:vanish {NS} w:val="0"/>'))
    hidden = paragraph.add_run("隐藏的文字")
    hidden.style = document.styles["旧稿"]
    assert _lines(_save(document)) == ["正文第一段。", "显示的文字"]


# tables of contents


def _field(instruction: str) -> tuple[str, str, str]:
    begin = f'<w:r {NS}><w:fldChar w:fldCharType="begin"/></w:r>'
    code = f'<w:r {NS}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
    separate = f'<w:r {NS}><w:fldChar w:fldCharType="separate"/></w:r>'
    return begin + code, separate, f'<w:r {NS}><w:fldChar w:fldCharType="end"/></w:r>'


def _toc_entry(document, text: str, page: int, style: str | None = None):
    """One contents line: the heading, a tab and a PAGEREF field for its page number."""
    paragraph = document.add_paragraph(style=style) if style else document.add_paragraph()
    head, separate, end = _field(f"PAGEREF _Toc{page} \\h")
    for xml in (
        f'<w:r {NS}><w:t xml:space="preserve">{text}</w:t></w:r>',
        f"<w:r {NS}><w:tab/></w:r>",
        head,
        separate,
        f"<w:r {NS}><w:rPr><w:webHidden/></w:rPr><w:t>{page}</w:t></w:r>",
        end,
    ):
        for run in parse_xml(f"<w:body {NS}>{xml}</w:body>"):
            paragraph._p.append(run)
    return paragraph


def _with_toc(key: str, build: Callable[[object, list[str]], None]) -> bytes:
    paragraphs = _paragraphs(key)
    titled = 2 if key in TITLED else 0
    document = docx.Document()
    for text in paragraphs[:titled]:
        _add(document, text, WD_ALIGN_PARAGRAPH.CENTER)
    build(document, [text for text in paragraphs if PART_HEADING.match(text)])
    for index, text in enumerate(paragraphs[titled:], start=titled):
        closing = key in SIGNED and index >= len(paragraphs) - 2
        _add(document, text, WD_ALIGN_PARAGRAPH.RIGHT if closing else None)
    return _save(document)


def _toc_field(document, headings: list[str]) -> None:
    """A TOC field over many paragraphs, under a "目  录" heading, as Word inserts it."""
    _add(document, "目  录", WD_ALIGN_PARAGRAPH.CENTER)
    head, separate, end = _field('TOC \\o "1-3" \\h \\z \\u')
    first = document.add_paragraph()
    for run in parse_xml(f"<w:body {NS}>{head}{separate}</w:body>"):
        first._p.append(run)
    for page, heading in enumerate(headings, start=1):
        _toc_entry(document, heading, page)
    document.add_paragraph()._p.append(parse_xml(end))


def _toc_control(document, headings: list[str]) -> None:
    """Word's contents building block: a w:sdt with its heading, entries in "toc 1" style."""
    sdt = parse_xml(
        f'<w:sdt {NS}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent/></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, sdt)
    content = sdt[1]
    content.append(parse_xml(f"<w:p {NS}><w:r><w:t>目录</w:t></w:r></w:p>"))
    styles = document.styles.element
    styles.append(
        parse_xml(
            f'<w:style {NS} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
            '<w:basedOn w:val="Normal"/></w:style>'
        )
    )
    scratch = docx.Document()
    for page, heading in enumerate(headings, start=1):
        entry = _toc_entry(scratch, heading, page)
        entry._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NS} w:val="TOC1"/>'))
        content.append(entry._p)


@pytest.mark.parametrize("build", [_toc_field, _toc_control])
@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_table_of_contents_entries_are_not_report_text(key, build):
    data = _with_toc(key, build)
    plain = _with_toc(key, lambda document, headings: None)
    assert [line for line in _lines(data) if line.strip()] == _lines(plain)
    assert _outcome(data) == _outcome(plain)


def test_text_after_the_end_of_a_toc_field_in_the_same_paragraph_is_kept():
    document = docx.Document()
    head, separate, end = _field('TOC \\o "1-2"')
    entry = _toc_entry(document, "一、主要举措", 1)
    for run in reversed(list(parse_xml(f"<w:body {NS}>{head}{separate}</w:body>"))):
        entry._p.insert(0, run)
    closing = document.add_paragraph()
    closing._p.append(parse_xml(end))
    closing.add_run("2024年，我局认真推进法治政府建设。")
    assert _lines(_save(document)) == ["2024年，我局认真推进法治政府建设。"]
