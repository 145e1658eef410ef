"""Document type decided in one place from weighed features, with a reason users can read."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_file, check_text
from tests.check.test_mutations import cut_between
from tests.conftest import CORPUS, TODAY, seed_text

LOOKALIKES = Path(__file__).resolve().parent.parent / "fixtures" / "lookalikes"


@pytest.mark.parametrize(
    ("name", "kind", "evidence"),
    [
        ("government-work-report.txt", "政府工作报告", "标题为“政府工作报告”"),
        ("notice.txt", "通知", "的通知”"),
        # 印发《…工作要点》的通知 publishes the 工作要点 below it: the document is the plan it attaches
        ("work-points.txt", "工作要点", "标题为“卢氏县2025年法治政府建设工作要点”"),
        ("speech.txt", "讲话稿", "推进会上的讲话”"),
        ("personal-shufa.txt", "个人述法报告", "个人述法报告”"),
        ("work-summary.txt", "工作总结", "首行为“株洲市××局2024年工作总结”"),
    ],
)
def test_look_alikes_are_refused_with_a_reason(name, kind, evidence):
    result = check_file(LOOKALIKES / name, today=TODAY)
    assert result.status == "ok" and result.is_report is False
    assert kind in result.not_report_reason and evidence in result.not_report_reason
    assert result.score is None and not result.elements


@pytest.mark.parametrize("name", ["001.txt", "002.txt"])
def test_real_information_disclosure_reports_are_refused(name):
    result = check_file(CORPUS / "negatives" / name, today=TODAY)
    assert result.is_report is False
    assert "政府信息公开工作年度报告" in result.not_report_reason and "判断依据" in result.not_report_reason


def test_reason_in_english():
    result = check_file(LOOKALIKES / "speech.txt", today=TODAY, lang="en")
    assert result.not_report_reason.startswith("This is a speech") and "evidence: the title is" in (
        result.not_report_reason
    )


def test_government_work_report_known_by_its_addressee_without_a_title():
    text = (LOOKALIKES / "government-work-report.txt").read_text(encoding="utf-8")
    body = text[text.index("各位代表：") :]
    result = check_text(body, today=TODAY)
    assert result.is_report is False and "政府工作报告" in result.not_report_reason
    assert "各位代表" in result.not_report_reason


def test_off_subject_text_is_refused_by_its_share():
    """A 工作回顾 that mentions 法治政府建设 in passing: the body is not about law."""
    text = (LOOKALIKES / "government-work-report.txt").read_text(encoding="utf-8")
    body = text[text.index("一、2024年工作回顾") :].replace("各位代表，", "")
    result = check_text(body, today=TODAY)
    assert result.is_report is False and "涉及法治的段落只占正文的" in result.not_report_reason


def test_real_report_missing_parts_is_still_a_report():
    text = seed_text("000")
    text = cut_between(text, "二、法治政府建设主要问题和不足", "株洲市退役军人事务局\n\n2025年")
    result = check_text(text, today=TODAY)
    assert result.is_report
    found = {e.id: e.status for e in result.elements}
    assert found["problems"] == "missing" and found["next-year-plan"] == "missing"


def test_report_title_outweighs_a_look_alike_phrase_in_the_opening():
    """A report that mentions the 政府信息公开条例 and its annual report in the opening is a report."""
    text = seed_text("000").replace(
        "现将有关情况报告如下。",
        "根据《政府信息公开条例》编制年度报告的要求，现将有关情况报告如下。",
        1,
    )
    assert "编制年度报告" in text
    assert check_text(text, today=TODAY).is_report


def test_an_opening_that_mentions_the_inspection_and_a_self_check_is_still_a_report():
    """按照法治督察工作要求，我局认真开展自查: the annual report's opening, not a self-check report."""
    text = seed_text("004")
    opening = "按照法治督察工作要求，我局认真开展自查，现将2023年度法治政府建设情况报告如下："
    assert check_text(f"{opening}\n{text}", today=TODAY).is_report
    self_check = "根据《关于开展法治政府建设督察自查的通知》要求，现将我局自查情况报告如下："
    short = text[: text.index("二、")]  # a self-check without the annual report's parts
    assert not check_text(f"{self_check}\n{short}", today=TODAY).is_report


BODY_001 = seed_text("001").split("\n", 2)[2]  # seed 001 without its two title lines


@pytest.mark.parametrize(
    "title",
    [
        "卢氏县退役军人事务局关于法治政府建设督察反馈问题整改情况的报告",
        "卢氏县全国法治政府建设示范创建自评报告",
        "卢氏县退役军人事务局2024年度法治政府建设考核自评报告",
        "卢氏县2024年度法治政府建设第三方评估报告",
        "卢氏县退役军人事务局2024年度述法情况报告",
        "2024年度述法述职报告",
        "局党组书记、局长2024年度履行推进法治建设第一责任人职责情况的报告",
        "坚持依法行政加快建设法治政府——在全县法治政府建设推进会上的讲话",
        "卢氏县退役军人事务局2025年依法行政工作要点",
        "卢氏县退役军人事务局2025年法治政府建设工作计划",
        "卢氏县退役军人事务局法治政府建设工作要点（2025年）",
    ],
)
def test_other_kinds_named_in_the_title_are_refused_even_over_a_report_body(title):
    """The title names the kind: a rectification, self-assessment, evaluation, 述法 report, speech
    or plan is not the annual report, though it speaks of 法治政府建设 and has its parts."""
    result = check_text(f"{title}\n{BODY_001}", today=TODAY)
    assert not result.is_report, title


@pytest.mark.parametrize(
    "mention",
    [
        "同步做好政府信息公开年度报告编制发布工作",
        "局主要负责人在全县述法评议会议上作述法报告",
        "按照法治督察组要求开展自查",
    ],
)
def test_a_report_with_all_its_parts_is_not_refused_for_a_mention_in_its_opening(mention):
    """Untitled, a real report's opening may mention another kind of document in passing; with
    the problems, the duties and the plan all there, it is a report."""
    text = BODY_001.replace("2024年,", f"2024年,{mention},", 1).replace("2024年，", f"2024年，{mention}，", 1)
    assert mention in text
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason


def test_a_long_notice_title_keeps_its_addressee_apart():
    title = "卢氏县委全面依法治县委员会办公室关于报送2024年度法治政府建设情况报告的通知"
    body = "各乡镇、各部门：\n现将报送2024年度法治政府建设情况报告有关事项通知如下。" + BODY_001
    result = check_text(f"{title}\n{body}", today=TODAY)
    assert not result.is_report
