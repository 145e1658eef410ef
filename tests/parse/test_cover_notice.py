"""A report posted under a cover notice (关于印发《…年度报告》的通知, the report as 附件) is the
report: it is scored as the attachment, not refused as a notice."""

from __future__ import annotations

from checker.api import check_file, check_text
from tests.conftest import ROOT, TODAY, seed_text

COVERED = ROOT / "tests" / "fixtures" / "variants" / "lookalikes" / "notice-cover-with-report.txt"


def test_a_report_under_its_cover_notice_is_scored_as_the_report():
    result = check_file(COVERED, today=TODAY)
    seed = check_text(seed_text("000"), today=TODAY)
    assert result.is_report, result.not_report_reason
    assert result.meta.title == "株洲市退役军人事务局2024年法治政府建设年度报告"
    assert result.meta.date == "2025-01-23" and result.meta.year == 2024
    assert result.score == seed.score


def test_the_attached_title_may_stand_in_two_lines():
    text = COVERED.read_text(encoding="utf-8")
    text = text.replace("附件\n\n株洲市退役军人事务局2024年", "附件\n\n株洲市退役军人事务局\n2024年", 1)
    result = check_text(text, today=TODAY)
    assert result.is_report and result.meta.agency == "株洲市退役军人事务局"


def test_a_notice_that_attaches_no_report_stays_a_notice():
    # the notice names the report, but the text that follows is the notice's own
    text = COVERED.read_text(encoding="utf-8")
    notice = text[: text.index("附件\n\n株洲市")]
    result = check_text(notice, today=TODAY)
    assert result.is_report is False and "通知" in result.not_report_reason
