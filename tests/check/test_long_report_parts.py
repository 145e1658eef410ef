"""Long government reports (tests/fixtures/variants/long/): each part where an expert reads it,
and nothing of an attachment, table or box taken for the report's own text."""

from __future__ import annotations

import pytest

from checker.api import check_file
from tests.conftest import ROOT, TODAY

LONG = ROOT / "tests" / "fixtures" / "variants" / "long"


def statuses(name: str) -> tuple[dict[str, str], list[str]]:
    result = check_file(LONG / name, today=TODAY)
    assert result.status == "ok" and result.is_report
    return {e.id: e.status for e in result.elements}, [f.rule for f in result.findings]


@pytest.mark.parametrize("name", ["L1_city_toc_five_levels.docx", "L8_city_six_parts_attachments.docx"])
def test_signature_and_date_before_a_long_attachment_are_found(name):
    # a 附件 statistics table read from Word is a paragraph per cell: with the 附件2 list
    # after it, more than 40 paragraphs followed the signed date, the report was taken to
    # run on to the end, and the plan swallowed the attachment (24 "plan items", 5 concrete)
    status, rules = statuses(name)
    assert status["signature"] == "present" and status["date"] == "present"
    assert status["next-year-plan"] == "present"
    assert "next-year-plan-concrete" not in rules


@pytest.mark.parametrize(
    "name",
    ["L1_city_toc_five_levels.txt", "L4_city_star_cases_table.txt", "L7_prefecture_chapters_tables.txt"],
)
def test_cells_of_a_typed_table_and_a_box_number_are_no_stray_spaces(name):
    # "指标\t2023年\t2024年\t增减" parts cells, "专栏2　典型案例" sets a box's number apart:
    # both were "数字与汉字之间多了空格"
    _status, rules = statuses(name)
    assert "number-spacing" not in rules


def test_a_stray_space_in_a_sentence_is_still_found(tmp_path):
    text = (LONG / "L4_city_star_cases_table.txt").read_text(encoding="utf-8")
    spaced = tmp_path / "spaced.txt"
    text = text.replace("全年会前学法", "全年会前学法 ", 1).replace("次，学习", " 次，学习", 1)
    spaced.write_text(text, encoding="utf-8")
    result = check_file(spaced, today=TODAY)
    assert [f.rule for f in result.findings].count("number-spacing") == 1
