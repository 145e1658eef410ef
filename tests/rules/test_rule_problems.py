"""存在的不足和原因: causes analysed, not stock phrases, in proportion."""

from __future__ import annotations

from tests.rules.helpers import edit, findings, seed, status

PROBLEMS_000 = "一是行政执法案件尚未实现“零突破”，缺少执法实操；"


def test_problems_with_causes_pass():
    # 004 explains why: "随着新媒体的快速发展……" and "平日将更多的时间和精力放在……"
    assert findings(seed("004"), "problems-causes") == []


def test_problems_without_causes_is_weak():
    [finding] = findings(seed("000"), "problems-causes")
    assert finding.line == 25 and finding.element == "problems"
    assert "原因" in finding.suggestion
    assert status(seed("000"), "problems") == "weak"


def test_heading_word_causes_alone_does_not_count():
    # 003's heading says "存在的不足、原因和问题整改情况" but its text gives no cause
    assert len(findings(seed("003"), "problems-causes")) == 1


def test_adding_a_cause_sentence_fixes_it():
    text = edit(
        "000", PROBLEMS_000, PROBLEMS_000 + "主要原因是局机关执法人员仅有2名，缺少专门的法制审核力量；"
    )
    assert findings(text, "problems-causes") == []


def test_effect_wording_is_not_a_cause():
    # 001: "导致工作质效受到一定影响" describes an effect, not why
    assert len(findings(seed("001"), "problems-causes")) == 1


def test_stock_problems_are_flagged():
    start = seed("000").index("对标先行示范更高要求")
    end = seed("000").index("三、法治政府建设下一步工作安排")
    text = (
        seed("000")[:start]
        + "一是法治理论学习不够深入。二是法治意识有待进一步提高。三是普法形式单一。\n\n"
        + seed("000")[end:]
    )
    [finding] = findings(text, "problems-specific")
    assert "3句中3句" in finding.message and finding.excerpt == "一是法治理论学习不够深入。"


def test_specific_problems_are_not_stock():
    for key in ("000", "003", "004"):
        assert findings(seed(key), "problems-specific") == [], key


def test_one_line_problems_part_is_out_of_proportion():
    start = seed("000").index("对标先行示范更高要求")
    end = seed("000").index("三、法治政府建设下一步工作安排")
    text = seed("000")[:start] + "仍有不足。\n\n" + seed("000")[end:]
    assert findings(text, "problems-proportion")
    assert findings(seed("000"), "problems-proportion") == []
