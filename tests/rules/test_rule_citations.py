"""Laws and Party sessions cited must exist, be spelt right and fit the report's date."""

from __future__ import annotations

from tests.rules.helpers import edit, findings, seed


def test_real_citations_pass():
    for key in ("000", "001", "002", "003", "004"):
        assert findings(seed(key), "citation-check") == [], key


def test_regulation_not_yet_in_force_at_report_date():
    # 004 reports on 2023, dated 2024-01-08; 退役军人安置条例 took effect 2024-09-01
    text = edit("004", "《退役军人保障法》纳入", "《退役军人安置条例》纳入")
    [finding] = findings(text, "citation-check")
    assert "才施行" in finding.message and finding.excerpt == "《退役军人安置条例》"


def test_repealed_regulation_cited():
    text = edit("000", "《信访工作条例》", "《信访条例》")
    [finding] = findings(text, "citation-check")
    assert "废止" in finding.message and "信访工作条例" in finding.suggestion


def test_misspelt_law_title():
    text = edit(
        "000", "《中华人民共和国退役军人保障法》等法律法规", "《中华人民共和国退役军人保障条例》等法律法规"
    )
    [finding] = findings(text, "citation-check")
    assert "可能写错" in finding.message and "退役军人保障法" in finding.suggestion


def test_plenary_sessions_before_the_report_pass():
    # 000 (2024 report dated 2025-01-23) cites 二十届一中、二中、三中全会
    assert findings(seed("000"), "plenary-timeline") == []


def test_plenary_session_after_the_report_date():
    text = edit("004", "全面贯彻党的二十大精神", "全面贯彻党的二十大和二十届二中、三中全会精神")
    [finding] = findings(text, "plenary-timeline")
    assert "二十届三中全会" in finding.message and finding.excerpt == "三中"


def test_a_different_short_law_is_not_a_misspelling():
    # 消防法 and 监察法 differ in two of three characters: two laws, not a typo
    text = edit("000", "《信访工作条例》", "《中华人民共和国消防法》")
    assert findings(text, "citation-check") == []


def test_a_national_law_title_that_does_not_exist_is_flagged_for_checking():
    text = edit("000", "《信访工作条例》", "《中华人民共和国退役军人优待法》")
    [finding] = findings(text, "citation-check")
    assert "不在内置法规目录中" in finding.message
