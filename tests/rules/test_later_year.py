"""A sentence of a past part that opens with a year after the one reported is flagged.

"2025年，我局没有发生因违法或不当决策被上级机关责令纠正…" in seed 000 (a 2024 report signed
2025-01-23) was not noticed: either the year is a slip or the report tells what happened after
it was written. A sentence about plans ("2025年，我局将…") is not a slip.
"""

from __future__ import annotations

from pathlib import Path

from checker.api import check_text
from tests.conftest import TODAY, seed_text

NATIONAL = Path(__file__).resolve().parents[2] / "rules" / "national.yaml"
SENTENCE = "2024年，我局没有发生因违法或不当决策被上级机关责令纠正"


def _later(text: str, **options):
    findings = check_text(text, today=TODAY, **options).findings
    return [f for f in findings if f.rule == "year-consistency" and "2025" in f.excerpt]


def _seed(sentence: str) -> str:
    text = seed_text("000")
    assert text.count(SENTENCE) == 1
    return text.replace(SENTENCE, sentence)


def test_a_later_year_opening_a_sentence_of_the_problems_part_is_flagged():
    (finding,) = _later(_seed(SENTENCE.replace("2024年", "2025年")))
    assert finding.excerpt == "2025年" and finding.severity == "warning"
    assert "可能是年份写错" in finding.message and "报告年度2024年" in finding.message
    assert finding.line == 23


def test_english_names_it_too():
    (finding,) = _later(_seed(SENTENCE.replace("2024年", "2025年")), lang="en")
    assert "not about plans" in finding.message


def test_a_sentence_about_plans_is_not_a_slip():
    assert not _later(_seed("2025年，我局将进一步健全决策机制，确保不发生因违法或不当决策被上级机关责令纠正"))


def test_a_month_of_the_next_year_before_the_report_is_not_flagged():
    assert not _later(_seed("2025年1月，我局召开专题会议，全年没有发生因违法或不当决策被上级机关责令纠正"))


def test_the_seed_as_written_has_no_such_finding():
    assert not _later(seed_text("000"))


def test_without_future_words_in_the_pack_later_years_are_not_checked(tmp_path: Path):
    national = NATIONAL.read_text(encoding="utf-8")
    marker = (
        '      future_words: ["将", "计划", "拟", "力争", "争取", "预计", "确保", "目标", "打算", "安排"]\n'
    )
    assert national.count(marker) == 1
    without = national.replace("    params:\n" + marker, "").replace("id: national", "id: nolater", 1)
    assert without.count("future_words") == 0
    pack = tmp_path / "nolater.yaml"
    pack.write_text(without, "utf-8")
    assert not _later(_seed(SENTENCE.replace("2024年", "2025年")), pack=str(pack))
