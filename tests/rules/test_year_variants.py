"""Reports on other years (seed 000 rewritten for 2019–2025, tests/fixtures/variants/years/):
a report written right for its year gets no year, anachronism or law finding, and one that
cites what came after its date is caught."""

from __future__ import annotations

import pytest

from checker.api import check_text
from tests.conftest import ROOT, TODAY

YEARS = ROOT / "tests" / "fixtures" / "variants" / "years"
PERIOD_RULES = {"citation-check", "plenary-timeline", "year-consistency", "next-year-plan-year"} | {
    "date-window"
}
# the Party sessions each variant cites (make_years.py)
SESSIONS = {
    2019: "党的十九大和十九届二中、三中、四中全会精神",
    2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
    2021: "党的十九大和十九届历次全会精神",
}


def variant(year: int) -> str:
    return (YEARS / f"zhuzhou-{year}.txt").read_text(encoding="utf-8")


def edit(year: int, old: str, new: str) -> str:
    text = variant(year)
    assert old in text, old
    return text.replace(old, new, 1)


def period_findings(text: str) -> list[tuple[str, str]]:
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason
    return [(f.rule, f.message) for f in result.findings if f.rule in PERIOD_RULES]


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023, 2025])
def test_a_report_written_right_for_its_year_has_no_period_finding(year):
    result = check_text(variant(year), today=TODAY)
    assert result.meta.year == year
    assert period_findings(variant(year)) == []


def test_a_2020_report_citing_the_twentieth_congress_is_an_anachronism():
    for written in ("党的二十大精神", "党的第二十次全国代表大会精神"):
        [(rule, message)] = period_findings(edit(2020, SESSIONS[2020], written))
        assert rule == "plenary-timeline" and "党的二十大（2022年10月召开）" in message, written
    # reports on 2021, written in January 2022, planned "以优异成绩迎接党的二十大胜利召开"
    for plan in ("以优异成绩迎接党的二十大胜利召开。", "确保党的二十大顺利召开。", "喜迎二十大。"):
        text = edit(2021, "持续深入做好法治政府建设各项工作。", f"持续深入做好法治政府建设各项工作，{plan}")
        assert period_findings(text) == [], plan
    assert period_findings(edit(2021, SESSIONS[2021], "党的二十大精神"))


def test_a_2019_report_citing_xi_jinping_thought_on_the_rule_of_law_is_an_anachronism():
    # the name was given at the 中央全面依法治国工作会议, 16–17 November 2020
    text = edit(2019, "将学习习近平总书记关于全面依法治国的重要论述作为", "将学习习近平法治思想作为")
    [(rule, message)] = period_findings(text)
    assert rule == "plenary-timeline"
    assert message == "引用了报告日期之后才提出的习近平法治思想（2020年11月提出）。"
    # right in a report on 2020, written after November 2020
    assert period_findings(edit(2020, "严格落实", "深入学习贯彻习近平法治思想，严格落实")) == []
    # the meeting that named it
    meeting = "认真贯彻中央全面依法治国工作会议精神，严格落实"
    [(rule, message)] = period_findings(edit(2019, "严格落实", meeting))
    assert "中央全面依法治国工作会议（2020年11月召开）" in message


# guards: these were right before (measured), kept so the year variants stay checked
def test_a_report_on_2021_citing_the_petition_work_regulation_as_in_force():
    [(rule, message)] = period_findings(edit(2021, "《信访条例》", "《信访工作条例》"))
    assert rule == "citation-check" and "2022年5月1日才施行" in message


def test_a_report_on_2020_cannot_cite_the_2021_outline():
    [(rule, message)] = period_findings(edit(2020, "（2015－2020年）", "（2021－2025年）"))
    assert rule == "citation-check" and "才施行" in message


def test_an_anachronism_is_reported_once_at_its_first_mention():
    text = edit(2019, "将学习习近平总书记关于全面依法治国的重要论述作为", "将学习习近平法治思想作为")
    text = text.replace(
        "持续深入学习贯彻习近平总书记全面依法治国新理念新思想新战略",
        "持续深入贯彻习近平法治思想",
    )
    assert [rule for rule, _ in period_findings(text)] == ["plenary-timeline"]
