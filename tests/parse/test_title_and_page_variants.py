"""Title blocks, addressees and page furniture as agencies and portals write them, built on the
seeds: the title keeps all its lines, a web page's index line and an addressee stay out of it,
and a running head copied from each PDF page does not break the parts."""

from __future__ import annotations

import re

import pytest

from checker import check_text
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from tests.check.test_mutations import wrap
from tests.conftest import SEEDS, TODAY

AGENCY = "株洲市退役军人事务局"


def _body() -> str:
    """Seed 000 from its opening paragraph on (its title block dropped)."""
    text = SEEDS["000"].read_text(encoding="utf-8")
    return text[text.index("2024 年，株洲市") :]


def _title_findings(title_lines: list[str], *before_body: str) -> tuple[str, list[str]]:
    text = "\n".join([*title_lines, *before_body, _body()])
    document = parse_document(SourceText(text))
    result = check_text(text, today=TODAY)
    return document.title_text, [f.message for f in result.findings if f.rule == "title-parts"]


@pytest.mark.parametrize(
    "title_lines",
    [
        [AGENCY, "2024年度", "法治政府建设情况报告"],
        [f"关于{AGENCY}", "2024年度法治政府建设情况的报告"],
        [AGENCY, "二〇二四年度法治政府建设情况报告"],
    ],
    ids=["year-on-its-own-line", "guan-yu-above", "year-in-chinese-numerals"],
)
def test_every_line_of_the_title_block_is_the_title(title_lines):
    title, messages = _title_findings(title_lines)
    assert title == "".join(title_lines)
    assert messages == []


@pytest.mark.parametrize(
    "title_lines",
    [
        [f"{AGENCY}法治政府建设情况报告", "——2024年度"],
        [f"{AGENCY}法治政府建设情况报告", "（2024年度）"],
        [AGENCY, "2024年度法治政府建设年度报告（全文）"],
    ],
    ids=["dash-subtitle", "bracket-subtitle", "full-text-note"],
)
def test_a_subtitle_or_note_after_the_title_belongs_to_it(title_lines):
    title, messages = _title_findings(title_lines)
    assert title == "".join(title_lines).replace("（", "(").replace("）", ")")
    assert messages == []  # the year found after ——; 报告 before a bracket or a dash


def test_an_addressee_with_brackets_is_the_addressee_not_the_title():
    lines = [AGENCY, "2024年法治政府建设情况年度报告", "市司法局（市委依法治市办）："]
    document = parse_document(SourceText("\n".join([*lines, _body()])))
    assert document.title_text == "".join(lines[:2])
    assert document.addressee is not None and document.addressee.text == "市司法局(市委依法治市办):"


def test_a_portal_index_line_is_not_part_of_the_title():
    index = "索引号：430200/2025-00123　主题分类：法治政府"
    title, messages = _title_findings([index, AGENCY, "2024年法治政府建设情况年度报告"])
    assert title == f"{AGENCY}2024年法治政府建设情况年度报告"
    assert messages == []


def test_a_running_head_on_every_page_of_wrapped_text_leaves_the_parts_alone():
    text = SEEDS["002"].read_text(encoding="utf-8")
    head = "解放区退役军人事务局2023年度法治政府建设情况报告"
    lines = wrap(text, 28, False).split("\n")
    paged = [line for i, line in enumerate(lines) for line in ([head, line] if i and i % 12 == 0 else [line])]
    assert sum(line == head for line in paged) >= 3
    original, with_heads = check_text(text, today=TODAY), check_text("\n".join(paged), today=TODAY)
    assert [(e.id, e.status) for e in with_heads.elements] == [(e.id, e.status) for e in original.elements]


def test_signature_and_date_on_one_line_end_a_wrapped_report():
    text = SEEDS["002"].read_text(encoding="utf-8").rstrip()
    result = check_text(f"{text}\n\n解放区退役军人事务局　　　　2024年1月20日", today=TODAY)
    statuses = {e.id: e.status for e in result.elements}
    assert statuses["signature"] == "present" and result.meta.date == "2024-01-20"
    assert re.fullmatch(r"解放区退役军人事务局", result.meta.agency or "")


def test_text_pasted_over_again_is_not_taken_for_a_running_head():
    """Repeated content repeats its neighbours too: it stays, for the repetition rule to report."""
    from checker.parse.furniture import blank_running_heads
    from checker.text.normalize import normalise_text

    wrapped = wrap(SEEDS["002"].read_text(encoding="utf-8"), 28, False)
    lines = normalise_text("\n".join([wrapped] * 3))
    assert [line.text for line in blank_running_heads(lines)] == [line.text for line in lines]
    head = "解放区退役军人事务局2023年度法治政府建设情况报告"
    paged = normalise_text("\n".join(f"{head}\n{line}" for line in wrapped.split("\n")[:40]))
    kept = [line.text for line in blank_running_heads(paged) if line.text == head]
    assert kept == [head]
