"""Word reader details: automatic numbering, tables, what is left out."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker.read import read_bytes, read_path
from checker.read.counters import chinese_counting
from checker.read.docx_numbering import format_number
from tests.read_support import fixture

LEVELS = (
    ("chineseCounting", "%1、", "nothing"),
    ("chineseCounting", "（%2）", "nothing"),
    ("decimal", "%3.", "tab"),
    ("decimalEnclosedCircle", "%4", "nothing"),
)


def _numbering_xml(abstract_id: int, restart_start: int | None = None) -> tuple[str, str]:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, suff) in enumerate(LEVELS)
    )
    abstract = f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_start}"/></w:lvlOverride>'
        if restart_start
        else ""
    )
    num = (
        f'<w:num {nsdecls("w")} w:numId="{abstract_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
    )
    return abstract, num


def _document(numbering: list[tuple[int, int | None]] = ((70, None),)):
    document = docx.Document()
    root = document.part.numbering_part.element
    first_num = root.find(parse_xml(f"<w:num {nsdecls('w')}/>").tag)
    for abstract_id, restart in numbering:
        abstract, num = _numbering_xml(abstract_id, restart)
        if first_num is not None:
            first_num.addprevious(parse_xml(abstract))
        else:
            root.append(parse_xml(abstract))
        root.append(parse_xml(num))
    return document


def _numbered(document, text: str, level: int, num_id: int = 70):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    return paragraph


def _read(document):
    buffer = BytesIO()
    document.save(buffer)
    return read_bytes(buffer.getvalue(), ".docx")


def test_word_numbering_restores_chinese_outline_markers():
    document = _document()
    _numbered(document, "主要举措", 0)
    _numbered(document, "加强领导", 1)
    _numbered(document, "健全制度", 1)
    _numbered(document, "细则一", 2)
    _numbered(document, "要点", 3)
    _numbered(document, "存在问题", 0)
    _numbered(document, "问题一", 1)
    lines = _read(document).text.split("\n")
    assert lines == [
        "一、主要举措",
        "（一）加强领导",
        "（二）健全制度",
        "1. 细则一",
        "①要点",
        "二、存在问题",
        "（一）问题一",
    ]


def test_lists_sharing_a_definition_continue_and_start_override_restarts():
    document = _document([(70, None), (71, 3)])
    _numbered(document, "甲", 0, num_id=70)
    _numbered(document, "乙", 0, num_id=70)
    _numbered(document, "丙", 0, num_id=71)
    assert _read(document).text.split("\n") == ["一、甲", "二、乙", "三、丙"]


def test_numbering_carried_by_the_paragraph_style():
    document = _document()
    style = document.styles["Heading 1"]
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="70"/></w:numPr>')
    )
    document.add_paragraph("主要举措", style="Heading 1")
    document.add_paragraph("正文。")
    document.add_paragraph("下一步安排", style="Heading 1")
    assert _read(document).text.split("\n") == ["一、主要举措", "正文。", "二、下一步安排"]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (12, "chineseCounting", "十二"),
        (20, "chineseCounting", "二十"),
        (35, "chineseCountingThousand", "三十五"),
        (105, "chineseCounting", "一百零五"),
        (3, "chineseLegalSimplified", "叁"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimalEnclosedCircle", "⑦"),
        (3, "decimalFullWidth", "３"),
        (5, "weirdFormat", "5"),
    ],
)
def test_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected


def test_chinese_counting_teens():
    assert [chinese_counting(n) for n in (11, 19, 21, 99)] == ["十一", "十九", "二十一", "九十九"]


def test_seed_fixture_numbering_is_reconstructed():
    lines = read_path(fixture("seed0.docx")).text.split("\n")
    assert "一、主要举措及成效" in lines
    assert "二、法治政府建设主要问题和不足" in lines
    assert any(line.startswith("（一）持续深入贯彻") for line in lines)


def test_table_paragraphs_keep_reading_order_and_cell_labels():
    source = read_path(fixture("seed1.docx"))
    lines = source.text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("（二）深化学习提升"))
    assert source.line_labels[index] == "表格1第1行第1列"
    assert "加强组织领导" in lines[index - 1]
    assert lines[index + 1].startswith("（三）健全决策机制")
    assert source.line_labels[index + 1] == "第6段"


def test_headers_footers_and_bookmarks_are_left_out():
    text = read_path(fixture("seed0.docx")).text
    assert "公开发布稿" not in text  # running header of the fixture
    assert "— 1 —" not in text and "PAGE" not in text
    assert "bookmark" not in text.lower() and "_Toc" not in text


def test_content_controls_deleted_revisions_and_soft_breaks():
    document = docx.Document()
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>控件中的标题</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    paragraph = document.add_paragraph("保留")
    paragraph._p.append(
        parse_xml(
            f"<w:del {nsdecls('w')} w:id='1' w:author='a'><w:r><w:delText>删除</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:br/><w:t>换行后</w:t></w:r>"))
    source = _read(document)
    assert source.text.split("\n") == ["控件中的标题", "保留", "换行后"]
    assert source.line_labels == ("第1段", "第2段", "第2段")


def test_empty_document_is_empty():
    from checker.read import InputError

    document = docx.Document()
    with pytest.raises(InputError) as caught:
        _read(document)
    assert caught.value.code == "empty"
