"""Look-alikes of the annual report and genuine reports of other bodies
(tests/fixtures/variants/lookalikes/): each look-alike is refused with a plain word for what it
is; each genuine report is scored."""

from __future__ import annotations

import pytest

from checker.api import check_file, check_text
from tests.conftest import CORPUS, ROOT, TODAY

VARIANTS = ROOT / "tests" / "fixtures" / "variants" / "lookalikes"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("court-rule-of-law-report.txt", "人民法院或人民检察院的报告"),
        ("procuratorate-rule-of-law-report.txt", "人民法院或人民检察院的报告"),
        ("news-item.txt", "新闻报道"),
        ("report-interpretation.txt", "政策解读"),
        ("justice-bureau-annual-summary.txt", "单位工作总结"),
        ("pufa-work-summary.txt", "普法（法治宣传教育）工作总结"),
    ],
)
def test_look_alikes_that_were_scored_or_misnamed_are_told_apart(name, kind):
    result = check_file(VARIANTS / name, today=TODAY)
    assert result.is_report is False, result.score
    assert kind in result.not_report_reason and "判断依据" in result.not_report_reason


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("info-disclosure-annual-report.txt", "政府信息公开工作年度报告"),
        ("inspection-self-check.txt", "督察自查报告"),
        ("leader-shufa-report.txt", "述法报告"),
        ("work-points-plan-only.txt", "工作要点"),
    ],
)
def test_look_alikes_already_told_apart_stay_so(name, kind):
    result = check_file(VARIANTS / name, today=TODAY)
    assert result.is_report is False and kind in result.not_report_reason


@pytest.mark.parametrize(
    "name", ["township-report.txt", "subdistrict-report.txt", "party-and-government-report.txt"]
)
def test_reports_of_townships_sub_districts_and_party_with_government_are_scored(name):
    result = check_file(VARIANTS / name, today=TODAY)
    assert result.is_report, result.not_report_reason
    assert result.score == 100.0, [f.message for f in result.findings]


def test_a_court_named_in_a_government_report_is_no_court_report():
    text = (VARIANTS / "township-report.txt").read_text(encoding="utf-8")
    court_named = "仙庾镇人民政府关于配合区人民法院开展诉源治理暨2024年度"
    text = text.replace("仙庾镇人民政府关于2024年度", court_named, 1)
    assert check_text(text, today=TODAY).is_report


def test_a_news_page_that_reprints_the_whole_report_is_the_report():
    # 中新网: "司法部发布2023年法治政府建设年度报告 … 具体报告如下:" and the report's full text
    result = check_file(CORPUS / "pages" / "011.txt", today=TODAY)
    assert result.is_report, result.not_report_reason
    news = (VARIANTS / "news-item.txt").read_text(encoding="utf-8")
    body = news[news.index("本报讯") :]
    result = check_text(body, today=TODAY)  # without its headline: by its byline
    assert result.is_report is False and "新闻报道" in result.not_report_reason
