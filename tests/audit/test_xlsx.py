"""checker.audit.xlsx, the streaming .xlsx writer: what openpyxl reads back, every part well-formed
XML, hostile text kept as text, names checked, memory flat in the number of rows."""

from __future__ import annotations

import math
import re
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from checker.audit.xlsx import MAX_CHARS, Workbook, cell_range, check_sheet_name, column_letter

openpyxl = pytest.importorskip("openpyxl")

_EXCEL_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://example.org","x")',
    "{=SUM(A1:A2)}",
    "+1",
    "-1",
    "@x",
    "http://example.org",
    "<b>&amp; </b> & < > \" '",
    "<r><t>injected</t></r>",  # xlsxwriter's constant_memory mode wrote this one as raw XML
    "a\x00b\x01c\x08d\x0be\x0cf\x1fg",  # C0 controls XML 1.0 cannot carry
    "tab\there",
    "cr\r\nlf",
    "_x0041_ stays _x0041_, _X004a_ too",
    "_x005F_x0041_",
    "bad \ufffe and \uffff",
    "report-\udcff\udcfe.txt",  # a file name decoded with surrogateescape
    "  leading",
    "trailing  ",
    "\nnewline first",
    "newline last\n",
    "line one\nline two",
    "\u3000全角空格",
    "法治政府建设年度报告 😀 𠀀",
    "False",
    "1e5",
    "0012",
]


def excel_text(raw: str | None) -> str | None:
    """A cell's text as Excel reads it: openpyxl returns ``_xHHHH_`` escapes as they are written,
    Excel (and LibreOffice) turn each back into its character (``_x005F_`` into ``_``)."""
    if raw is None:
        return None
    return _EXCEL_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), raw)


def _read(path: Path):
    return openpyxl.load_workbook(path)


def test_values_and_types_come_back_as_written(tmp_path):
    path = tmp_path / "cells.xlsx"
    long_text = "长" * 40_000
    astral = "😀" * 20_000  # 40,000 UTF-16 units: cut at 16,383 characters (32,766 units)
    rows = [
        ["text", 1, 2.5, None, "", -7, 0.1 + 0.2, 10**15, 1e-300],
        HOSTILE,
        [long_text, astral, math.nan, math.inf, -math.inf, True],
    ]
    with Workbook(path) as book:
        sheet = book.sheet("数据", widths=[10] * 9)
        sheet.rows(rows)
    cells = _read(path)["数据"]
    first = [cell.value for cell in cells[1]][:9]
    assert first == ["text", 1, 2.5, None, None, -7, 0.1 + 0.2, 10**15, 1e-300]
    assert [type(v) for v in first[:3]] == [str, int, float] and type(first[6]) is float
    hostile = [excel_text(cell.value) for cell in cells[2]][: len(HOSTILE)]
    assert hostile == HOSTILE
    assert all(cell.data_type == "s" for cell in cells[2])
    third = [cell.value for cell in cells[3]]
    assert third[0] == long_text[:MAX_CHARS] and len(third[0]) == 32_767
    assert third[1] == astral[:16_383]
    assert third[2:5] == [None, None, None]  # NaN and infinities: no cell
    assert third[5] is True and cells[3][5].data_type == "b"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in xml and "<hyperlink" not in xml and "<r>" not in xml
    assert (
        '<t xml:space="preserve">  leading</t>' in xml
        and '<t xml:space="preserve">line one\nline two</t>' in xml
    )
    assert "_x005F_x0041_ stays _x005F_x0041_, _X004a_ too" in xml  # Excel reads only a small x
    assert "report-_xDCFF__xDCFE_.txt" in xml and "a_x0000_b_x0001_c_x0008_d_x000B_e_x000C_f_x001F_g" in xml


def test_every_part_is_well_formed_xml_and_listed(tmp_path):
    path = tmp_path / "parts.xlsx"
    with Workbook(path) as book:
        head = book.style(bold=True, fill="#1F4E79", color="#FFFFFF", border=True, wrap=True, valign="center")
        bad = book.highlight(fill="#FFC7CE", color="#9C0006")
        sheet = book.sheet("Summary & <more>", widths=[6, 48], freeze_rows=1)
        sheet.row(["排名", "文件"], head)
        sheet.rows([[i, text] for i, text in enumerate(HOSTILE, start=1)])
        sheet.cell_equals(1, 1, len(HOSTILE), 1, 'say "no" & <stop>', bad)
        sheet.autofilter(0, 0, len(HOSTILE), 1)
        book.sheet("空").row([])
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            ElementTree.fromstring(archive.read(name))  # raises on anything not well-formed
        types = archive.read("[Content_Types].xml").decode()
    assert {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml"} <= set(names)
    assert {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"} <= set(names)
    assert {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} <= set(names)
    for name in names:
        if name.endswith(".xml") and name != "[Content_Types].xml":
            assert f'PartName="/{name}"' in types
    book = _read(path)
    assert book.sheetnames == ["Summary & <more>", "空"]
    rule = book["Summary & <more>"].conditional_formatting
    assert [r.formula for cf in rule for r in cf.rules] == [['"say ""no"" & <stop>"']]


def test_sheet_features_as_openpyxl_sees_them(tmp_path):
    path = tmp_path / "features.xlsx"
    with Workbook(path) as book:
        head = book.style(bold=True, fill="#1F4E79", color="#FFFFFF", border=True, wrap=True, valign="center")
        pct = book.style(num_format="0%")
        wrap = book.style(wrap=True, valign="top")
        bad = book.highlight(fill="#FFC7CE", color="#9C0006")
        good = book.highlight(fill="#C6EFCE", color="#006100")
        summary = book.sheet("汇总", widths=[6, 48, 8, 10], freeze_rows=1)
        summary.row(["排名", "文件", "得分", "是否通过"], head)
        summary.rows([[i, f"{i}.txt", 100.0 - i, "通过" if i % 3 else "未通过"] for i in range(1, 21)])
        summary.color_scale(1, 2, 20, 2, ("#F8696B", "#FFEB84", "#63BE7B"))
        summary.cell_equals(1, 3, 20, 3, "未通过", bad)
        summary.cell_equals(1, 3, 20, 3, "通过", good)
        summary.autofilter(0, 0, 20, 3)
        copies = book.sheet("雷同", widths=[10, 80], freeze_rows=1)
        copies.row(["相同比例", "相同段落"], head)
        copies.rows([[0.75, "一\n二"], [0.5, "三"]], [pct, wrap])
        copies.data_bar(1, 0, 2, 0, "#F8696B")
    book = _read(path)
    sheet = book["汇总"]
    assert sheet.freeze_panes == "A2"
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [
        6.7109375,
        48.7109375,
        8.7109375,
        10.7109375,
    ]
    assert sheet.auto_filter.ref == "A1:D21"
    rules = [
        (str(cf.sqref), [(r.type, r.operator, r.formula, r.priority) for r in cf.rules])
        for cf in sheet.conditional_formatting
    ]
    assert rules == [
        ("C2:C21", [("colorScale", None, [], 1)]),
        ("D2:D21", [("cellIs", "equal", ['"未通过"'], 2), ("cellIs", "equal", ['"通过"'], 3)]),
    ]
    scale = next(iter(sheet.conditional_formatting)).rules[0].colorScale
    assert [c.rgb for c in scale.color] == ["FFF8696B", "FFFFEB84", "FF63BE7B"]
    assert [(v.type, v.val) for v in scale.cfvo] == [("min", 0), ("percentile", 50), ("max", 0)]
    header = sheet["A1"]
    assert header.font.b and header.font.color.rgb == "FFFFFFFF"
    assert header.fill.fill_type == "solid" and header.fill.fgColor.rgb == "FF1F4E79"
    assert (
        header.border.left.style == "thin"
        and header.alignment.wrap_text
        and header.alignment.vertical == "center"
    )
    assert not sheet["A2"].font.b and sheet["A2"].fill.fill_type is None
    dxfs = [(d.fill.bgColor.rgb, d.font.color.rgb) for d in book._differential_styles.dxf]
    assert dxfs == [("FFFFC7CE", "FF9C0006"), ("FFC6EFCE", "FF006100")]
    copies = book["雷同"]
    assert copies.freeze_panes == "A2"
    assert copies["A2"].number_format == "0%" and copies["A2"].value == 0.75
    assert copies["B2"].alignment.wrap_text and copies["B2"].alignment.vertical == "top"
    assert [(cf.rules[0].type, str(cf.sqref)) for cf in copies.conditional_formatting] == [
        ("dataBar", "A2:A3")
    ]
    assert (
        copies.conditional_formatting
        and next(iter(copies.conditional_formatting)).rules[0].dataBar.color.rgb == "FFF8696B"
    )
    assert book.active.title == "汇总"
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
        first = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert (
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">汇总!$A$1:$D$21</definedName>'
        in workbook
    )
    assert '<dimension ref="A1:D21"/>' in first


def test_sheet_names_follow_excels_rules(tmp_path):
    assert check_sheet_name("要素覆盖") == "要素覆盖"
    assert check_sheet_name("x" * 31) == "x" * 31
    for bad in [
        "",
        "x" * 32,
        "a[b",
        "a]b",
        "a:b",
        "a*b",
        "a?b",
        "a/b",
        "a\\b",
        "'quoted'",
        "History",
        "a\x01",
    ]:
        with pytest.raises(ValueError):
            check_sheet_name(bad)
    with pytest.raises(ValueError):
        check_sheet_name("Summary", ["summary"])
    book = Workbook(tmp_path / "names.xlsx")
    book.sheet("汇总")
    with pytest.raises(ValueError):
        book.sheet("汇总")
    book.close()


def test_column_letters_and_ranges():
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702, 16_383)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]
    with pytest.raises(ValueError):
        column_letter(16_384)
    assert cell_range(0, 0, 0, 0) == "A1"
    assert cell_range(1, 3, 9, 9) == "D2:J10"
    assert cell_range(0, 0, 5, 8, absolute=True) == "$A$1:$I$6"


def test_wide_rows_and_styles_per_column(tmp_path):
    path = tmp_path / "wide.xlsx"
    with Workbook(path) as book:
        bold = book.style(bold=True)
        sheet = book.sheet("wide")
        sheet.row(list(range(30)), [bold, 0, bold])
        sheet.row([None] * 40 + ["end"])
    sheet = _read(path)["wide"]
    assert [c.value for c in sheet[1]][:30] == list(range(30))
    assert sheet["A1"].font.b and not sheet["B1"].font.b and sheet["C1"].font.b and not sheet["AD1"].font.b
    assert sheet["AO2"].value == "end" and sheet.max_column == 41


def test_an_error_inside_the_with_writes_no_file(tmp_path):
    path = tmp_path / "never.xlsx"
    with pytest.raises(TypeError), Workbook(path) as book:
        book.sheet("s").row([{"not": "a cell"}])
    assert not path.exists()


def test_memory_stays_flat_however_many_rows(tmp_path):
    """200,000 rows: while they are written the interpreter holds no more objects at the last row
    than at the 20,000th (sys.getallocatedblocks, cheap enough to run at full speed), and zipping
    the sheet (12 MB of XML) at close peaks at a few MB (tracemalloc, only around close)."""
    path = tmp_path / "big.xlsx"
    count = 200_000
    blocks: dict[int, int] = {}

    def rows():
        for i in range(count):
            if i in (20_000, count - 1):
                blocks[i] = sys.getallocatedblocks()
            yield [i, "报告"]

    started = time.perf_counter()
    book = Workbook(path)
    sheet = book.sheet("big", widths=[8, 20], freeze_rows=1)
    sheet.row(["n", "text"], book.style(bold=True))
    sheet.rows(rows())
    sheet.autofilter(0, 0, count, 1)
    tracemalloc.start()
    try:
        book.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    assert blocks[count - 1] - blocks[20_000] < 2_000, blocks
    assert peak < 4 * 2**20, f"closing peaked at {peak / 2**20:.1f} MB"
    assert seconds < 5, seconds  # about 0.6 s here; generous for a loaded machine
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert xml.count(b"<row ") == count + 1 and b'<dimension ref="A1:B200001"/>' in xml
