"""The end of a report as agencies and portals write it: lines after the signed date, and dates in
everyday forms, leave the signature and the date where they are."""

from __future__ import annotations

import pytest

from checker import check_text
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from tests.conftest import SEEDS, TODAY

SIGNED = ["000", "004"]  # the seeds that end with a signing body and a date
AFTER_THE_DATE = [
    "（完）",
    "抄报：市委依法治市办",
    "报送：市司法局",
    "签发人：张三",
    "（此件不公开）",
    "（公开方式：主动公开）",
    "【关闭窗口】",
    "上一篇：关于做好2025年普法工作的通知\n下一篇：2024年法治政府建设工作要点",
    "责任编辑：李四",
    "主办单位：株洲市人民政府办公室　湘ICP备05001234号　版权所有",
    "[1] 根据《法治政府建设与责任落实督察工作规定》第二十五条报送。",
    "注：本报告数据统计截至2024年12月31日。",
    "2024年法治政府建设主要指标完成情况\n指标\t目标\t完成\n行政复议纠错率\t—\t8.2%",
]


def _seed(key: str) -> str:
    return SEEDS[key].read_text(encoding="utf-8").rstrip()


def _reading(text: str):
    result = check_text(text, today=TODAY)
    return result.meta.agency, result.meta.date, [(e.id, e.status) for e in result.elements]


@pytest.mark.parametrize("after", AFTER_THE_DATE)
@pytest.mark.parametrize("key", SIGNED)
def test_lines_after_the_signed_date_leave_it_in_place(key, after):
    text = _seed(key)
    assert _reading(f"{text}\n{after}") == _reading(text)


@pytest.mark.parametrize("key", SIGNED)
def test_text_that_goes_on_after_a_signed_date_stays_in_the_report(key):
    """A signed date quoted mid-report, followed by a part of the report, is not its end."""
    lines = [line for line in _seed(key).split("\n") if line.strip()]
    quoted = ["株洲市人民政府", "2024年3月1日"]
    body = "本年度我局" + "依法办理行政复议案件，严格执行法定程序，" * 20 + "取得良好效果。"
    part = ["五、其他需要报告的事项", body]
    document = parse_document(SourceText("\n".join([*lines[:-2], *quoted, *part, *lines[-2:]])))
    assert document.signature_agency == parse_document(SourceText("\n".join(lines))).signature_agency
    assert any(s.heading.title == "其他需要报告的事项" for s in document.sections)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025年元月20日", "2025-01-20"),
        ("2025年1月20号", "2025-01-20"),
        ("二〇二五年元月二十日", "2025-01-20"),
    ],
)
@pytest.mark.parametrize("key", SIGNED)
def test_everyday_date_forms_are_dates_to_write_in_the_standard_form(key, written, iso):
    lines = _seed(key).split("\n")
    result = check_text("\n".join([*lines[:-1], written]), today=TODAY)
    assert result.meta.agency == check_text(_seed(key), today=TODAY).meta.agency
    assert result.meta.date == iso
    form = next(f for f in result.findings if f.rule == "date-form")
    assert f"“{written}”" in form.message and "2025年1月20日" in form.suggestion


@pytest.mark.parametrize("key", SIGNED)
def test_a_date_without_its_day_is_an_incomplete_date_not_a_missing_one(key):
    lines = _seed(key).split("\n")
    plain = check_text(_seed(key), today=TODAY)
    result = check_text("\n".join([*lines[:-1], "2025年1月"]), today=TODAY)
    assert result.meta.agency == plain.meta.agency
    statuses = {e.id: e.status for e in result.elements}
    assert statuses["signature"] == "present" and statuses["date"] == "weak"
    window = next(f for f in result.findings if f.rule == "date-window")
    assert "只写了年月，没有写日" in window.message
    assert not any(f.rule == "date-form" for f in result.findings)


@pytest.mark.parametrize("gap", ["　　", "   ", "\t"])
def test_two_bodies_signing_on_one_line_are_two_names(gap):
    """中共××县委　　××县人民政府 on one line reads as the same two bodies on two lines."""
    text = SEEDS["001"].read_text(encoding="utf-8").rstrip()
    one_line = check_text(f"{text}\n\n中共卢氏县委{gap}卢氏县人民政府\n2025年1月20日", today=TODAY)
    two_lines = check_text(f"{text}\n\n中共卢氏县委\n卢氏县人民政府\n2025年1月20日", today=TODAY)
    assert one_line.meta.agency == two_lines.meta.agency == "中共卢氏县委 卢氏县人民政府"
    spaced = check_text(f"{text}\n\n卢 氏 县 退 役 军 人 事 务 局\n2025年1月20日", today=TODAY)
    assert spaced.meta.agency == "卢氏县退役军人事务局"  # one name spaced out stays one name
