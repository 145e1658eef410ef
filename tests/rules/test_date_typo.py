"""A mistyped year in the date (2024年1月23日 on a 2024 report) is the finding, not what the
report rightly cites from the reported year."""

from __future__ import annotations

from checker.api import check_text
from tests.conftest import TODAY, seed_text


def _dated(date: str):
    text = seed_text("000")
    assert "\n2025年1月23日" in text
    return check_text(text.replace("\n2025年1月23日", f"\n{date}"), today=TODAY)


def test_a_date_in_the_reported_year_does_not_make_its_citations_anachronisms():
    result = _dated("2024年1月23日")
    rules = [f.rule for f in result.findings]
    assert "date-window" in rules  # the date is the mistake, and is reported
    assert "plenary-timeline" not in rules  # 二十届三中全会 (2024-07) is rightly cited
    assert not [f for f in result.findings if f.rule == "citation-check"]  # 安置条例 in force 2024-09


def test_a_report_dated_before_a_session_still_cites_it_wrongly():
    """A 2024 report cannot cite the 四中全会 (2025-10-20) if it is dated 2025-01-23."""
    text = seed_text("000").replace("二十届一中、二中、三中全会", "二十届一中、二中、三中、四中全会")
    rules = [f.rule for f in check_text(text, today=TODAY).findings]
    assert "plenary-timeline" in rules


def test_a_citation_suggestion_names_a_different_title_or_none():
    seed = seed_text("000")
    cited = "《中华人民共和国退役军人保障法》《退役军人安置条例》"
    assert cited in seed
    misspelt = seed.replace(cited, "《中华人民共和国退役军人保账法》《退役军人安置条例》", 1)
    findings = [f for f in check_text(misspelt, today=TODAY).findings if f.rule == "citation-check"]
    assert [f.suggestion for f in findings] == ["核对法规全称和施行时间，应为《退役军人保障法》。"]
    # a 2023 report (dated 2024-01-08) citing the 学前教育法, published 2024-11-08: the title is right
    early = seed_text("004").replace("《退役军人保障法》纳入", "《中华人民共和国学前教育法》纳入", 1)
    findings = [f for f in check_text(early, today=TODAY).findings if f.rule == "citation-check"]
    assert [f.suggestion for f in findings] == ["核对法规全称和施行时间。"]
