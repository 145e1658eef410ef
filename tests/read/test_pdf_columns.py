"""Two-column PDFs (gazette layout): the columns are read one after the other."""

from __future__ import annotations

from checker.api import check_file, check_text
from checker.read import read_path
from checker.read.pdf_columns import Glyph, reading_rows
from checker.read.pdf_text import _visual_lines
from tests.conftest import seed_text
from tests.read_support import fixture, squeeze

LEFT_COLUMN = "甲" * 20  # twenty characters at 10 pt: 200 pt wide
RIGHT_COLUMN = "乙" * 20
MARKS = "ABCDEFGHIJKLMNOP"  # one character each, so every line is as wide


def _line(text: str, left: float, baseline: float) -> list[Glyph]:
    return [Glyph(char, left + 10 * i, left + 10 * (i + 1), baseline, 10.0) for i, char in enumerate(text)]


def _page(rows: list[tuple[str, float, float]]) -> list[Glyph]:
    return [glyph for text, left, baseline in rows for glyph in _line(text, left, baseline)]


def _texts(glyphs: list[Glyph]) -> list[str]:
    return ["".join(g.char for g in sorted(row, key=lambda g: g.x)) for row, _ in reading_rows(glyphs)]


def test_a_gazette_pdf_reads_as_the_report_it_prints():
    source = read_path(fixture("two-column-seed4.pdf"))
    assert squeeze(source.text) == squeeze(seed_text("004"))
    lines = source.text.split("\n")
    assert lines[-2:] == ["韶关市武江区退役军人事务局", "2024 年 1 月 8 日"]


def test_a_gazette_pdf_scores_as_its_text():
    printed = check_file(str(fixture("two-column-seed4.pdf")))
    plain = check_text(seed_text("004"))
    assert {e.id: e.status for e in printed.elements} == {e.id: e.status for e in plain.elements}
    assert printed.score == plain.score


def test_columns_on_shared_baselines_are_split_and_read_left_first():
    rows = [("标题横跨两栏的一行文字" * 3, 0, 800)]
    rows += [(LEFT_COLUMN[:-1] + MARKS[n], 0, 780 - 15 * n) for n in range(12)]
    rows += [(RIGHT_COLUMN[:-1] + MARKS[n], 215, 780 - 15 * n) for n in range(12)]
    texts = _texts(_page(rows))
    assert texts[0].startswith("标题横跨")
    assert texts[1:13] == [LEFT_COLUMN[:-1] + MARKS[n] for n in range(12)]
    assert texts[13:] == [RIGHT_COLUMN[:-1] + MARKS[n] for n in range(12)]


def test_a_right_column_line_has_the_layout_of_a_left_one():
    rows = [(LEFT_COLUMN[:-1] + MARKS[n], 0, 780 - 15 * n) for n in range(12)]
    rows += [(RIGHT_COLUMN[:-1] + MARKS[n], 215, 780 - 15 * n) for n in range(12)]
    boxes = [box for _, box in _visual_lines(_page(rows))]
    assert {(box.left, box.right) for box in boxes} == {(0.0, 200.0)}


def test_a_page_number_under_the_columns_stays_last():
    rows = [(LEFT_COLUMN[:-1] + MARKS[n], 0, 780 - 15 * n) for n in range(12)]
    rows += [(RIGHT_COLUMN[:-1] + MARKS[n], 215, 780 - 15 * n) for n in range(12)]
    rows.append(("-3-", 10, 500))  # at the foot of the left column
    assert _texts(_page(rows))[-1] == "-3-"


def test_a_single_column_page_is_left_as_it_is():
    rows = [("正文" * 20, 0, 800 - 15 * n) for n in range(20)]
    rows += [("短行", 0, 480), ("一、小标题", 0, 465), ("落款单位", 300, 450)]
    glyphs = _page(rows)
    assert _texts(glyphs) == [text for text, _, _ in rows]


def test_a_two_column_table_of_short_labels_is_not_read_as_columns():
    """Labels on the left, long values on the right: rows belong together."""
    rows = [(label, 0, 800 - 15 * n) for n, label in enumerate(["索引号", "发布机构", "成文日期"] * 5)]
    rows += [(RIGHT_COLUMN[:-1] + MARKS[n], 215, 800 - 15 * n) for n in range(15)]
    glyphs = _page(rows)
    texts = _texts(glyphs)
    assert texts[0].startswith("索引号") and texts[0].endswith("乙A")  # one row: label, then value
