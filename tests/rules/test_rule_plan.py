"""下一年度安排: concrete items, the right year, a sensible length."""

from __future__ import annotations

from tests.rules.helpers import edit, findings, seed, status


def test_plan_with_concrete_items_passes():
    # 001 names platforms, occasions (征兵季, 清明节, 建军节) and the law it builds on
    assert findings(seed("001"), "next-year-plan-concrete") == []


def test_slogan_plan_is_weak():
    [finding] = findings(seed("000"), "next-year-plan-concrete")
    assert "5项中只有1项" in finding.message
    assert finding.excerpt.startswith("我局将积极改善存在问题")
    assert status(seed("000"), "next-year-plan") == "weak"


def test_plan_for_the_wrong_year():
    text = edit("001", "四、2025年度推进法治政府建设主要安排", "四、2024年度推进法治政府建设主要安排")
    [finding] = findings(text, "next-year-plan-year")
    assert "2024年" in finding.message and "2025年" in finding.message
    assert findings(seed("001"), "next-year-plan-year") == []


def test_plan_longer_than_results_is_noted():
    text = seed("000")
    start, end = text.index("(二) 扎实开展法治宣传教育"), text.index("二、法治政府建设主要问题和不足")
    assert findings(text[:start] + text[end:], "next-year-plan-proportion")
    assert findings(text, "next-year-plan-proportion") == []
