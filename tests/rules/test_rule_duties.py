"""第一责任人: coverage of the duties of the 2016 regulation, whole-word matching."""

from __future__ import annotations

import pytest

from checker.text.tokens import _cutter, words
from tests.rules.helpers import edit, findings, seed, status


def test_report_covering_the_duties_passes():
    # 004: leading group, 带头学法, 述法 in the year-end review, 谁执法谁普法
    assert findings(seed("004"), "first-responsible-person-duties") == []


def test_thin_duties_are_weak_and_named():
    [finding] = findings(seed("000"), "first-responsible-person-duties")
    assert finding.line == 11
    assert "述法" in finding.message and "依法决策" in finding.message
    assert status(seed("000"), "first-responsible-person") == "weak"


def test_adding_the_missing_duties_fixes_it():
    text = edit(
        "000",
        "及时研究解决法治建设中的各类问题。",
        "及时研究解决法治建设中的各类问题。重大行政决策均经合法性审查，督促落实行政执法三项制度，在年终述职中专门述法。",
    )
    assert findings(text, "first-responsible-person-duties") == []


def test_shu_fa_counts_only_as_a_whole_word():
    assert "述法" in words("在年终述职中专门述法")
    assert "述法" not in words("当事人陈述法律意见")
    text = edit(
        "000",
        "及时研究解决法治建设中的各类问题。",
        "及时研究解决法治建设中的各类问题。重大行政决策均经合法性审查，听取当事人陈述法律意见。",
    )
    [finding] = findings(text, "first-responsible-person-duties")
    assert "述法" in finding.message


def test_segmenter_is_loaded_once_per_process():
    words("专题学法")
    words("会前学法")
    assert _cutter.cache_info().currsize == 1 and _cutter.cache_info().misses == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "将党政主要负责人履行推进法治建设第一责任人职责情况列入年度述职内容。",  # corpus 069
        "将党政主要负责人履行推进法治建设列入述职的重要内容。",  # corpus 103
    ],
)
def test_the_duties_put_into_the_year_end_review_are_shu_fa(sentence):
    """述法 is the duties reported in the 述职, however the sentence orders the words."""
    duty = "述法（年终述职中报告法治建设）"
    [before] = findings(seed("003"), "first-responsible-person-duties")
    assert duty in before.message
    text = edit("003", "细化责任分工，", "细化责任分工，" + sentence)
    [after] = findings(text, "first-responsible-person-duties")
    assert duty not in after.message
    assert "只涉及2项职责" in after.message


# first-responsible-person-evidence: the duties named, but no count, date or document


def test_duties_named_without_any_fact_are_weak():
    # 002: three sub-sections on leadership, rules and study, not one count, date or title
    [finding] = findings(seed("002"), "first-responsible-person-evidence")
    assert finding.line == 14
    assert "每千字0.0处" in finding.message and "“持续加强组织领导”" in finding.message
    assert status(seed("002"), "first-responsible-person") == "weak"


def test_a_part_that_reports_counts_passes():
    # 000: "全年党组会专题部署法治建设工作2次", the law studied named
    assert findings(seed("000"), "first-responsible-person-evidence") == []


def test_counts_of_meetings_and_study_make_the_facts():
    text = edit(
        "002",
        "（一）持续加强组织领导。",
        "（一）持续加强组织领导。全年主持党组会专题研究法治建设3次，组织中心组专题学法6次。",
    )
    assert findings(text, "first-responsible-person-evidence") == []


def test_the_regulation_itself_and_named_systems_are_no_facts():
    """Citing the regulation the part reports under, 中央八项规定 or 行政执法三项制度 counts nothing done."""
    text = edit(
        "002",
        "（一）持续加强组织领导。",
        "（一）持续加强组织领导。贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，"
        "带头执行中央八项规定，督促落实行政执法三项制度。",
    )
    assert len(findings(text, "first-responsible-person-evidence")) == 1
