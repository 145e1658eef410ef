"""Defects as careless writers make them are reported; the ways good reports word the same
things are not defects. Each case edits a real seed (000: its problems part lists two
shortcomings and no cause)."""

from __future__ import annotations

import pytest

from tests.rules.helpers import edit, findings, seed, status

PROBLEMS_END = "对比法治政府建设工作新形势新要求仍需进一步加强。"


def _with_problems_sentence(sentence: str) -> str:
    return edit("000", PROBLEMS_END, PROBLEMS_END + sentence)


@pytest.mark.parametrize(
    "cause",
    [
        "产生上述问题的成因主要有两方面：一是专职法制人员少，二是培训经费有限。",
        "问题的根子在于对法治学习重视不够。",
        "症结在于专职法制工作力量不足。",
        "这主要是对法治学习重视不够、培训投入不足造成的。",
        "这些问题受到编制少、经费紧等客观条件的影响。",
        "既有人员编制不足的客观因素，也有学习不够主动的主观因素。",
        "究其原因，主要是专职法制工作人员少。",
        "主要原因是新进人员多，系统培训不足。",
    ],
)
def test_the_ways_reports_give_causes_are_causes(cause):
    assert findings(seed("000"), "problems-causes")
    assert findings(_with_problems_sentence(cause), "problems-causes") == []


@pytest.mark.parametrize(
    "claim",
    [
        "我局对上述问题及其原因进行了认真梳理。",
        "对信访问题产生原因的分析研判不够。",
        "由于存在上述问题，针对以上不足，我局将认真整改。",
        "部分人员难以准确运用法律知识，导致工作质效受到一定影响。",
    ],
)
def test_naming_causes_without_giving_one_is_no_cause(claim):
    assert findings(_with_problems_sentence(claim), "problems-causes")
    assert status(_with_problems_sentence(claim), "problems") == "weak"


@pytest.mark.parametrize(
    "ending", ["以上报告，请审阅并予批示。", "以上报告如无不妥，请批转各单位执行。", "以上报告，请批示。"]
)
def test_a_request_ending_is_a_request(ending):
    text = edit(
        "000", "株洲市退役军人事务局\n\n2025年1月23日", f"{ending}\n\n株洲市退役军人事务局\n\n2025年1月23日"
    )
    [finding] = findings(text, "no-request-wording")
    assert "请" in finding.message


def test_an_opening_without_a_bounded_period_is_noted():
    text = seed("000")
    opening = next(line for line in text.split("\n") if line.startswith("2024 年，"))
    [finding] = findings(text.replace(opening, "近年来，" + opening[len("2024 年，") :]), "opening-period")
    assert "近年来" in finding.message


@pytest.mark.parametrize(
    "law",
    [
        "中华人民共和国爱国主义教育法",
        "中华人民共和国军人保险法",
        "中华人民共和国国防动员法",
        "中华人民共和国法官法",
    ],
)
def test_laws_in_force_are_known(law):
    text = edit("000", "《信访工作条例》", f"《信访工作条例》《{law}》")
    assert [f for f in findings(text, "citation-check") if law in f.message] == []


def test_a_law_studied_is_no_duty_reported():
    """学习《行政复议法》 names 行政复议 but says nothing of the leader's court duties."""
    studied = "《中华人民共和国退役军人保障法》"
    text = edit("000", studied, studied + "《中华人民共和国行政复议法》《重大行政决策程序暂行条例》")
    [before] = findings(seed("000"), "first-responsible-person-duties")
    [after] = findings(text, "first-responsible-person-duties")
    assert after.message == before.message


STATEMENT = "2024年，我局没有发生因违法或不当决策被上级机关责令纠正或撤销的情形"


def test_a_sentence_kept_from_last_years_report_is_flagged():
    text = edit("000", STATEMENT, STATEMENT.replace("2024年", "2023年"))
    [finding] = findings(text, "year-consistency")
    assert "2023年" in finding.message and "往年" in finding.message
    assert finding.line == 23


def test_a_paragraph_that_tells_a_story_up_to_the_reported_year_is_not_flagged():
    story = "2023年，我局启动行政执法案卷评查试点；2024年，评查覆盖全部执法科室。"
    assert findings(edit("000", STATEMENT, story + STATEMENT), "year-consistency") == []
    assert findings(seed("000"), "year-consistency") == []


def test_a_regulation_repealed_long_ago_is_named_as_repealed():
    text = edit("000", "《信访工作条例》", "《信访工作条例》《行政复议条例》")
    [finding] = [f for f in findings(text, "citation-check") if "行政复议条例" in f.message]
    assert "1999年10月1日废止" in finding.message
