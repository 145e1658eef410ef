"""Long provincial and municipal government reports (tests/fixtures/variants/long/): deep
heading hierarchies, decorated headings, tables, 专栏 boxes, contents lists and 附件."""

from __future__ import annotations

import pytest

from checker.api import analyse_file
from tests.conftest import ROOT

LONG = ROOT / "tests" / "fixtures" / "variants" / "long"


def top_level(name: str) -> list[tuple[str, str]]:
    document = analyse_file(LONG / name).document
    assert document is not None
    return [(s.heading.marker, s.heading.title) for s in document.sections]


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_star_before_the_marker_keeps_the_part_numbered(suffix):
    # "★一、主要举措和成效": read without its marker the report looked unnumbered, and every
    # short line (table rows and cells, 【典型案例】, a caption) became a part of its own
    parts = top_level(f"L4_city_star_cases_table.{suffix}")
    assert parts == [("★一、", "主要举措和成效"), ("★二、", "存在的不足及原因"), ("★三、", "2025年工作计划")]


def test_tag_in_brackets_before_the_marker_is_part_of_it():
    # "【职能转变】一、依法全面履行政府职能" under 第一部分: a sub-section, not body text
    document = analyse_file(LONG / "L2_province_parts_brackets.txt").document
    assert document is not None
    children = [(c.heading.marker, c.heading.title) for c in document.sections[0].children]
    assert children[0] == ("【职能转变】一、", "依法全面履行政府职能")
    assert len(children) == 6
