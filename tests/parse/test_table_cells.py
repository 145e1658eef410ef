"""Word table cells are the table's text, not the report's headings: an unnumbered report (parts
as bold or Heading-styled lines) with a statistics table in the measures, a task table in the
plan, a one-cell 专栏 box and a table as 附件 after the date. Paragraphs from the long reports'
pool (tests/fixtures/variants/long/pool.py)."""

from __future__ import annotations

import io
import random
import sys
from datetime import date

import docx
import pytest

from checker.api import analyse_bytes
from checker.read import read_bytes
from checker.read.docx_text import read_docx_bytes
from tests.conftest import ROOT

LONG = ROOT / "tests" / "fixtures" / "variants" / "long"
sys.path.insert(0, str(LONG))
import pool  # noqa: E402

AGENCY = "湘潭县人民政府"
PARTS = [
    "2024年法治政府建设主要举措和成效",
    "存在的不足和原因",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "2025年法治政府建设工作安排",
]
STATS = [("指标", "2023年", "2024年", "增减"), *pool.STATS]
TASKS = [
    ("序号", "任务", "责任单位", "完成时限"),
    ("1", "行政规范性文件清理", "县司法局", "2025年6月"),
    ("2", "重大行政决策目录公布", "县政府办", "2025年3月"),
    ("3", "行政执法三项制度落实", "各执法部门", "2025年12月"),
    ("4", "法治督察", "县委依法治县办", "2025年11月"),
]
TODAY = date(2025, 4, 1)


def _fill(template: str, rng: random.Random) -> str:
    values = {f"n{i}": rng.randint(3, 60) for i in range(1, 11)}
    values.update(pct=80, pct2=95, pct3=90, money=300, count=12, agency=AGENCY, year="2024")
    values.update(upper="省委、省政府", place="湘潭县", gov="县政府", leader="县长", next="2025")
    return template.format(next_minus="2020", **values)


def _report(style: str) -> bytes:
    """The report as a .docx; ``style``: parts as "bold" lines or in "Heading 1"."""
    rng = random.Random(11)
    document = docx.Document()
    document.add_paragraph(f"{AGENCY}2024年法治政府建设年度报告").alignment = 1
    document.add_paragraph(_fill(pool.OPENING, rng))

    def part(text: str) -> None:
        if style == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style=style)

    def texts(templates) -> None:
        for template in templates:
            document.add_paragraph(_fill(template, rng))

    def table(rows) -> None:
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value

    part(PARTS[0])
    texts(pool.MEASURES_FUNCTIONS)
    document.add_paragraph("表1　2024年主要指标统计表").alignment = 1
    table(STATS)
    texts(pool.MEASURES_ENFORCEMENT)
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "专栏1"
    box.add_paragraph(_fill(pool.CASES[0][1], rng))
    texts(pool.MEASURES_DISPUTES)
    part(PARTS[1])
    texts([*pool.PROBLEMS, pool.CAUSES_SENTENCE[0]])
    part(PARTS[2])
    texts(pool.LEADER[:3])
    part(PARTS[3])
    texts(pool.PLAN[:3])
    document.add_paragraph("2025年重点任务分工表").alignment = 1
    table(TASKS)
    document.add_paragraph(AGENCY).alignment = 2
    document.add_paragraph("2025年3月10日").alignment = 2
    document.add_paragraph("附件")
    document.add_paragraph("2024年行政执法情况统计表").alignment = 1
    table(STATS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("style", ["bold", "Heading 1"])
def test_table_cells_and_captions_are_no_parts(style):
    # before: every short cell (2023年, 责任单位, 完成时限, 28.6%) and each caption was a part
    document = analyse_bytes(_report(style), "report.docx", today=TODAY).document
    assert document is not None
    assert [s.heading.title for s in document.sections] == PARTS
    assert document.signature is not None and document.signature.text == AGENCY
    assert document.date is not None and document.date.iso == "2025-03-10"


def test_a_year_in_a_table_cell_is_no_heading_year():
    # before: the header cell "2023年" was a heading, and its year disagreed with the report's
    result = analyse_bytes(_report("bold"), "report.docx", today=TODAY).result
    assert "year-consistency" not in {finding.rule for finding in result.findings}


def test_a_task_table_row_is_one_paragraph_of_the_plan():
    document = analyse_bytes(_report("bold"), "report.docx", today=TODAY).document
    assert document is not None
    plan = [p.text for p in document.sections[3].body]
    rows = ["".join(row) for row in TASKS]
    assert [text for text in plan if text in rows] == rows  # one row, one paragraph: one item
    assert "责任单位" not in plan


def test_a_one_cell_box_stays_text_of_its_part():
    document = analyse_bytes(_report("bold"), "report.docx", today=TODAY).document
    assert document is not None
    measures = [p.text for p in document.sections[0].body]
    case = _fill(pool.CASES[0][1], random.Random(0))
    assert "专栏1" in measures
    assert any(text[:12] == case[:12] for text in measures)


def test_the_docx_reader_marks_table_cells():
    source = read_docx_bytes(_report("bold"))
    assert source.layout is not None
    marked = {
        line: (item.cell.table, item.cell.row, item.cell.box)
        for line, item in zip(source.text.split("\n"), source.layout, strict=True)
        if item is not None and item.cell is not None
    }
    assert marked["责任单位"] == (3, 1, False)
    assert marked["专栏1"] == (2, 1, True)
    assert PARTS[0] not in marked and "2025年重点任务分工表" not in marked


def test_word_2003_xml_marks_table_cells():
    data = (ROOT / "tests" / "fixtures" / "formats" / "seed3-word2003xml.doc").read_bytes()
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{value}</w:t></w:r></w:p></w:tc>" for value in TASKS[0])
    at = data.index(b"</w:p>") + len(b"</w:p>")
    data = data[:at] + f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>".encode() + data[at:]
    source = read_bytes(data, ".doc")
    assert source.format == "wordml" and source.layout is not None
    marked = [line for line, item in zip(source.text.split("\n"), source.layout, strict=True) if item]
    assert set(TASKS[0]) <= set(marked)
    assert source.text.split("\n")[0] not in marked  # the title is running text


def test_a_numbered_heading_framed_in_a_one_cell_box_is_still_the_parts_heading():
    """seed4.docx sets 三、…第一责任人职责 in a shaded one-cell table, as some offices do."""
    data = (ROOT / "tests" / "fixtures" / "formats" / "seed4.docx").read_bytes()
    analysis = analyse_bytes(data, "seed4.docx", today=date(2026, 11, 23))
    assert analysis.document is not None and analysis.loci is not None
    headings = [s.heading.title for s in analysis.document.sections]
    assert any("第一责任人职责" in title for title in headings)
    duties = analysis.loci["first-responsible-person"]
    assert duties is not None and duties.how == "heading"
    assert {e.id: e.status for e in analysis.result.elements}["first-responsible-person"] == "present"
