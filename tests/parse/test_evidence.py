"""Weighed evidence for the year and the body's name: the odd one out is the inconsistency."""

from __future__ import annotations

import re

import pytest

from checker.api import check_text
from tests.conftest import TODAY, seed_text


def statuses(result) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def edit_title_year(text: str, year: int) -> str:
    """The first line naming ``year`` among the first lines (the title) names ``year + 1``."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:6]):
        if str(year) in line:
            lines[i] = line.replace(str(year), str(year + 1), 1)
            return "\n".join(lines)
    raise AssertionError("no title year")


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])  # 004 has no title
def test_title_year_edit_makes_only_the_title_weak(key):
    text = seed_text(key)
    plain = check_text(text, today=TODAY)
    edited = check_text(edit_title_year(text, plain.meta.year), today=TODAY)
    before, after = statuses(plain), statuses(edited)
    assert after["title"] == "weak"
    assert {k: v for k, v in after.items() if k != "title"} == {
        k: v for k, v in before.items() if k != "title"
    }
    assert edited.meta.year == plain.meta.year  # the rest of the evidence decides
    new = [f for f in edited.findings if f.rule == "year-consistency"]
    assert len(new) == 1 and new[0].message.startswith(f"标题中的年份{plain.meta.year + 1}年")
    assert "开头" in new[0].message and f"均表明报告年度为{plain.meta.year}年" in new[0].message
    assert not {f.rule for f in edited.findings} - {f.rule for f in plain.findings} - {"year-consistency"}


def test_opening_year_against_title_alone_is_still_the_opening():
    """Title 2024 and an opening saying 2023 with nothing else to weigh: the title stands."""
    text = "某局2024年法治政府建设年度报告\n2023年，我局认真推进法治政府建设。" + "全年依法行政。" * 30
    result = check_text(text, today=TODAY)
    assert result.meta.year == 2024
    finding = next(f for f in result.findings if f.rule == "year-consistency")
    assert finding.message.startswith("开头中的年份2023年")


def test_signature_naming_another_body_is_the_odd_one_out():
    text = seed_text("000")
    end = text.rindex("株洲市退役军人事务局")
    edited = text[:end] + "株洲市民政局" + text[end + len("株洲市退役军人事务局") :]
    result = check_text(edited, today=TODAY)
    finding = next(f for f in result.findings if f.rule == "agency-consistency")
    assert "“株洲市民政局”与“株洲市退役军人事务局”不一致" in finding.message
    assert "标题、开头写作“株洲市退役军人事务局”" in finding.message


def test_title_naming_another_body_is_flagged_when_opening_and_signature_agree():
    text = seed_text("000").replace("株洲市退役军人事务局", "株洲市民政局", 1)
    result = check_text(text, today=TODAY)
    finding = next(f for f in result.findings if f.rule == "agency-consistency")
    assert re.search("“株洲市民政局”与“株洲市退役军人事务局”不一致", finding.message)
    assert "开头、落款写作" in finding.message
    assert finding.excerpt == "株洲市民政局" and finding.line <= 3  # in the title, not the body
