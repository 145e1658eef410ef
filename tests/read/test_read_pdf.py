"""PDF reader details: visual lines, page furniture, labels, no-text-layer files."""

from __future__ import annotations

import re

import pytest

from checker.read import InputError, read_path
from checker.read.pdf_furniture import furniture_mask, is_page_number
from checker.read.pdf_text import extract_pages
from tests.read_support import BAD, fixture

PAGE_NUMBER_LINE = re.compile(r"^[-—\s]*\d+[-—\s]*$|^第\s*\d+\s*页")


@pytest.mark.parametrize("name", ["seed0.pdf", "seed2.pdf"])
def test_page_number_lines_and_running_header_are_gone(name):
    pages = extract_pages(fixture(name).read_bytes())
    assert all(page[0] == "公开发布稿" for page in pages)  # the fixture's running header
    assert all(PAGE_NUMBER_LINE.match(page[-1]) for page in pages)
    text = read_path(fixture(name)).text
    assert "公开发布稿" not in text
    assert not any(PAGE_NUMBER_LINE.match(line) for line in text.split("\n"))


def test_line_labels_name_page_and_visual_line():
    source = read_path(fixture("seed0.pdf"))
    pages = extract_pages(fixture("seed0.pdf").read_bytes())
    lines = source.text.split("\n")
    assert len(lines) == len(source.line_labels)
    assert source.label(1) == "第1页第2行"  # line 1 of page 1 is the dropped header
    assert lines[0] == pages[0][1] == "株洲市退役军人事务局"
    for line, label in zip(lines, source.line_labels, strict=True):
        page, row = map(int, re.fullmatch(r"第(\d+)页第(\d+)行", label).groups())
        assert pages[page - 1][row - 1] == line
    assert source.line_labels[-1].startswith(f"第{len(pages)}页")


def test_one_output_line_per_visual_line_without_rejoining():
    lines = read_path(fixture("seed0.pdf")).text.split("\n")
    assert lines[2].startswith("2024 年，株洲市退役军人事务局坚持以")
    assert lines[3].startswith("色社会主义思想为指导")  # the wrapped continuation stays apart


def test_quotes_from_fallback_fonts_stay_in_place():
    text = read_path(fixture("seed0.pdf")).text
    assert "“第一责任人”职责" in text


@pytest.mark.parametrize(
    "line",
    ["— 1 —", "-1-", "- 12 -", "3", "第1页", "第 1 页 共 5 页", "第2页，共9页", "共5页 第2页",
     "2/9", "Page 3 of 9", "·4·"],
)  # fmt: skip
def test_page_number_styles(line):
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["一、主要举措", "2024年", "第一部分", "共5项", "12.4 宪法日"])
def test_body_lines_are_not_page_numbers(line):
    assert not is_page_number(line)


def test_running_lines_need_most_pages_and_an_edge():
    body = "甲乙丙丁"
    pages = [
        ["某某局文件", f"{body[n - 1]}页首行", "中间", f"{body[n - 1]}页末行", f"- {n} -"]
        for n in range(1, 5)
    ]
    pages[0][0] = "封面标题"  # the first page often has no running header
    pages[2].insert(2, "某某局文件")  # mid-page repetition is body text
    mask = furniture_mask(pages)
    assert mask[0] == [False, False, False, False, True]
    assert mask[1] == [True, False, False, False, True]
    assert mask[2][0] is True and mask[2][2] is False


def test_scanned_pdf_needs_ocr():
    with pytest.raises(InputError) as caught:
        read_path(BAD / "scanned.pdf")
    assert caught.value.code == "needs-ocr"
