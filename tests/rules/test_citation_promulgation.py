"""citation-check against the day a law was made public: seeds citing, in their measures or
their plan, laws promulgated before or after the report was written. A report may study,
publicise or plan for a law from its promulgation, before it comes into force; it cannot cite
one that was published after it was written, however it cites it."""

from __future__ import annotations

import pytest

from tests.rules.helpers import findings, seed

# a sentence in each seed's measures and one in its plan, after which a citation is added
MEASURES = {
    "000": "(一) 认真履行“第一责任人”职责。",
    "001": "（二）深化学习提升。",
    "002": "（四）有效推进法治宣传\n\n",
    "003": "（二）强化法治教育，营造遵法守法良好氛围\n",
    "004": "二是开展“送法”活动。",
}
PLAN = {
    "000": "（二）完善退役军人工作制度体系。",
    "001": "二是进一步抓好退役军人事务工作法律法规、政策制度落实。",
    "002": "（三）加强基层法治建设能力和水平。",
    "003": "（三）强化宣传教育，持续抓好普法宣传。",
    "004": "(三)明确中心,全力做好普法工作\n",
}
PARTS = {"measures": (MEASURES, "组织干部职工学习《{law}》。"), "plan": (PLAN, "认真贯彻落实《{law}》。")}


def cited(key: str, part: str, law: str, text: str | None = None) -> list:
    places, sentence = PARTS[part]
    text = text if text is not None else seed(key)
    assert places[key] in text
    return findings(text.replace(places[key], places[key] + sentence.format(law=law), 1), "citation-check")


def a_year_earlier(text: str) -> str:
    """The same report on the year before: every year one less (2023 → 2022, 2024 → 2023)."""
    return text.replace("2024", "\0").replace("2023", "2022").replace("\0", "2023")


# 2024 reports (000 dated 2025-01-23, 001 undated): the 学前教育法 was promulgated on
# 2024-11-08 and comes into force on 2025-06-01
@pytest.mark.parametrize("key", ["000", "001"])
@pytest.mark.parametrize("part", PARTS)
def test_a_law_promulgated_in_the_year_may_be_studied_and_planned_for_before_it_is_in_force(key, part):
    assert cited(key, part, "中华人民共和国学前教育法") == []


# 2023 reports (004 dated 2024-01-08, 002 and 003 undated): the 退役军人安置条例 was first
# published on 2024-07-29
@pytest.mark.parametrize("key", ["002", "003", "004"])
@pytest.mark.parametrize("part", PARTS)
def test_a_regulation_published_after_the_report_cannot_be_cited_even_in_the_plan(key, part):
    found = cited(key, part, "退役军人安置条例")
    assert [f.message for f in found] == ["引用的《退役军人安置条例》于2024年7月29日才公布，晚于报告日期。"]


# the same reports on 2022: the 爱国主义教育法 was promulgated on 2023-10-24
@pytest.mark.parametrize("key", ["002", "003", "004"])
@pytest.mark.parametrize("part", PARTS)
def test_a_report_on_2022_citing_a_law_of_late_2023_is_flagged(key, part):
    found = cited(key, part, "中华人民共和国爱国主义教育法", a_year_earlier(seed(key)))
    assert len(found) == 1
    assert "2023年10月24日才公布" in found[0].message


@pytest.mark.parametrize("key", ["002", "003", "004"])
def test_a_report_on_2023_may_plan_for_a_law_promulgated_in_2023(key):
    assert cited(key, "plan", "中华人民共和国爱国主义教育法") == []
