"""The structure parser on the real seeds, with their real noise."""

from __future__ import annotations

import pytest

from checker.parse.dates import find_dates
from checker.parse.headings import parse_heading
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from checker.text.normalize import normalise_text
from tests.conftest import seed_text


def parse(key: str):
    return parse_document(SourceText(seed_text(key)))


def test_title_split_over_two_lines_is_one_title():
    document = parse("000")
    assert document.title_text == "株洲市退役军人事务局2024年法治政府建设情况年度报告"
    assert [p.line for p in document.title] == [3, 5]


def test_title_with_spaces_inside_year_is_normalised():
    assert parse("002").title_text == "解放区退役军人事务局关于2023年法治政府建设情况的报告"


def test_report_without_title_has_empty_title_but_signature_and_date():
    document = parse("004")
    assert document.title == ()
    assert document.signature_agency == "韶关市武江区退役军人事务局"
    assert document.date is not None and document.date.iso == "2024-01-08"
    assert document.meta.agency == "韶关市武江区退役军人事务局"
    assert document.meta.year == 2023


def test_word_bookmark_residue_is_removed():
    document = parse("001")
    texts = [p.text for p in document.paragraphs]
    assert not any("bookmark" in t for t in texts)
    assert "四、2025年度推进法治政府建设主要安排" in texts


def test_pdf_wrapped_heading_is_rejoined_across_blank_lines():
    document = parse("002")
    titles = [s.heading.title for s in document.sections]
    assert titles[0] == "党政主要负责人履行推进法治政府建设第一责任人职责情况"
    assert titles == [
        "党政主要负责人履行推进法治政府建设第一责任人职责情况",
        "主要举措和成效",
        "存在的问题",
        "2024年度初步安排",
    ]


def test_page_break_inside_paragraph_is_rejoined():
    document = parse("000")
    joined = [p.text for p in document.paragraphs if p.text.startswith("(二)扎实开展法治宣传教育")]
    assert joined and "干部大会、支部“三会一课”" in joined[0]


def test_heading_tree_nests_subsections():
    document = parse("000")
    first = document.sections[0]
    assert first.heading.title == "主要举措及成效"
    assert [c.heading.marker for c in first.children] == ["(一)", "(二)", "(三)", "(四)"]
    assert first.children[0].heading.title == "认真履行“第一责任人”职责"


def test_signature_and_date_at_end():
    document = parse("000")
    assert document.signature_agency == "株洲市退役军人事务局"
    assert document.date is not None
    assert (document.date.iso, document.date.form) == ("2025-01-23", "standard")
    assert document.date.paragraph.line == 45


@pytest.mark.parametrize("seal", ["（盖章）", "(公章)", "印章"])
@pytest.mark.parametrize("key", ["000", "004"])
def test_a_seal_line_between_signature_and_date_keeps_both(key, seal):
    """Where the seal goes, written on a line of its own under the signing body (（盖章）)."""
    plain = parse(key)
    lines = seed_text(key).rstrip().split("\n")
    at = max(i for i, line in enumerate(lines) if line.strip() == plain.signature_agency)
    sealed = parse_document(SourceText("\n".join([*lines[: at + 1], seal, *lines[at + 1 :]])))
    assert sealed.signature_agency == plain.signature_agency
    assert sealed.date is not None and plain.date is not None and sealed.date.iso == plain.date.iso
    assert [p.text for p in sealed.closing] == [seal.replace("（", "(").replace("）", ")")]


@pytest.mark.parametrize("key", ["001", "002", "003"])
def test_seeds_without_signature_have_none(key):
    document = parse(key)
    assert document.signature is None and document.date is None


def test_positions_map_back_to_original_line_and_column():
    text = seed_text("002")
    document = parse_document(SourceText(text))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("2023年以来"))
    offset = paragraph.text.index("解放区退役军人事务局深入")
    line, column = paragraph.position(offset)
    original = text.split("\n")[line - 1]
    assert original[column - 1 : column - 1 + 3] == "解放区"
    # a character on the second physical line of the re-joined paragraph
    offset = paragraph.text.index("法治思想,坚持")
    line, column = paragraph.position(offset)
    assert text.split("\n")[line - 1][column - 1 : column + 1] == "法治"


def test_normaliser_keeps_column_map_when_deleting_spaces():
    [line] = normalise_text("  2024 年，我局召开 2 次会议")
    assert line.text == "2024年,我局召开2次会议"
    assert line.column(line.text.index("年")) == 8
    assert line.column(line.text.index("2次")) == 15


@pytest.mark.parametrize(
    ("text", "marker", "rank"),
    [
        ("一、主要举措及成效", "一、", 1),
        ("(一)加强组织领导。成立了", "(一)", 2),
        ("1.加强学习", "1.", 3),
        ("(1)学法", "(1)", 4),
        ("四、2024年度初步安排", "四、", 1),
        ("第二部分 存在的问题", "第二部分", 0),
        ("1.2025年6月底前完成清理", "1.", 3),
    ],
)
def test_heading_markers(text, marker, rank):
    heading = parse_heading(normalise_text(text)[0].text)
    assert heading is not None and (heading.marker, heading.rank) == (marker, rank)


@pytest.mark.parametrize("text", ["一是加强学习", "12.4宪法日", "2024年,我局", "二〇二五年一月"])
def test_not_headings(text):
    assert parse_heading(text) is None


@pytest.mark.parametrize(
    ("text", "iso", "form"),
    [
        ("2025年1月23日", "2025-01-23", "standard"),
        ("二〇二五年一月二十三日", "2025-01-23", "chinese-numerals"),
        ("2025.1.23", "2025-01-23", "dotted"),
        ("2025-01-23", "2025-01-23", "dashed"),
        ("2025年01月23日", "2025-01-23", "padded"),
        ("2025 年 1 月 23 日", "2025-01-23", "standard"),
    ],
)
def test_date_forms(text, iso, form):
    [line] = normalise_text(text)
    [found] = find_dates(line.text)
    assert (found.date.isoformat(), found.form) == (iso, form)


def test_year_ranges_are_not_dates():
    assert find_dates("实施纲要(2021-2025年)") == []
