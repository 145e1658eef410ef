"""Report forms the seeds do not show: parts over items, redacted names, duties inside measures."""

from __future__ import annotations

import pytest

from checker.api import check_file
from tests.conftest import ROOT, TODAY

VARIANTS = ROOT / "tests" / "fixtures" / "variants"


def check(name: str):
    result = check_file(VARIANTS / name, today=TODAY)
    assert result.status == "ok" and result.is_report
    return result, {e.id: e.status for e in result.elements}


def test_parts_rank_above_numbered_sections():
    result, status = check("parts-and-redacted-names.txt")
    assert result.meta.agency == "XX县人民政府"
    assert status["first-responsible-person"] == "present"
    assert status["problems"] == "present" and status["next-year-plan"] == "present"
    assert status["signature"] == "present" and status["date"] == "present"
    # 县政府 in the opening is the short form of XX县人民政府, not another body
    assert not [f for f in result.findings if f.rule == "agency-consistency"]


def test_duties_paragraph_inside_measures_is_found():
    result, status = check("township-duties-inside-measures.txt")
    element = next(e for e in result.elements if e.id == "first-responsible-person")
    assert status["first-responsible-person"] in ("present", "weak") and element.line == 6
    assert result.meta.date == "2024-01-15"  # 二〇二四年一月十五日
    assert result.meta.agency == "XX镇人民政府"
    assert any(f.rule == "date-form" for f in result.findings)
    assert any(f.rule == "next-year-plan-present" for f in result.findings)  # three slogans


def test_numbered_plan_items_starting_with_a_year():
    result, status = check("numbered-items-with-years.txt")
    assert status["next-year-plan"] == "present"
    plan = next(e for e in result.elements if e.id == "next-year-plan")
    assert plan.line == 10
    assert status["first-responsible-person"] == "present"  # item 1. of the measures
    assert not [f for f in result.findings if f.rule == "next-year-plan-concrete"]


def test_work_summary_without_the_statutory_parts_is_not_a_report():
    result = check_file(VARIANTS / "work-summary-not-report-form.txt", today=TODAY)
    assert result.status == "ok" and result.is_report is False
    assert "工作总结" in result.not_report_reason and not result.passed


def test_work_summary_title_with_all_parts_is_a_report_with_a_title_finding():
    from checker.api import check_text
    from tests.conftest import seed_text

    text = seed_text("000").replace("2024 年法治政府建设情况年度报告", "2024年法治政府建设工作总结", 1)
    result = check_text(text, today=TODAY)
    assert result.is_report
    assert any(f.rule == "title-parts" and "报告" in f.message for f in result.findings)


def test_date_under_the_title_and_plan_as_work_points():
    result, status = check("date-under-title.txt")
    assert result.meta.date == "2025-01-20"
    assert status["date"] == "present" and status["signature"] == "missing"
    assert status["problems"] == "present" and status["next-year-plan"] == "present"
    assert not [f for f in result.findings if f.rule == "problems-causes"]


def test_a_missing_signature_under_a_title_date_belongs_at_the_end():
    """The date under the title is no place for the 落款: the finding points after the last line."""
    result, _status = check("date-under-title.txt")
    (finding,) = [f for f in result.findings if f.rule == "signature-present"]
    last = len((VARIANTS / "date-under-title.txt").read_text(encoding="utf-8").rstrip("\n").split("\n"))
    assert finding.line == last and finding.column > 1


def test_seal_note_after_the_signature(tmp_path):
    from tests.conftest import seed_text

    signed = "株洲市退役军人事务局\n\n2025年"
    text = seed_text("000").replace(signed, signed.replace("局\n", "局（盖章）\n"))
    path = tmp_path / "sealed.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(path, today=TODAY)
    assert result.meta.agency == "株洲市退役军人事务局"
    assert {e.id: e.status for e in result.elements}["signature"] == "present"


def test_traditional_script_is_analysed_simplified_and_quoted_as_written():
    """A 繁體 page (the whole seed through OpenCC s2t) gets the simplified verdict, and its
    findings quote the text as written."""
    import opencc

    from checker.api import check_text
    from tests.conftest import seed_text

    simplified = seed_text("003")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert "魏都區退役軍人事務局" in traditional
    plain, converted = check_text(simplified, today=TODAY), check_text(traditional, today=TODAY)
    assert [e.status for e in converted.elements] == [e.status for e in plain.elements]
    assert converted.score == plain.score
    assert converted.meta.agency == "魏都区退役军人事务局"
    [typo] = [f for f in converted.findings if f.rule == "agency-consistency"]
    assert typo.excerpt == "退役軍事務局" and (typo.line, typo.column) == (17, 127)


def test_year_end_report_without_title_year_is_about_its_own_year():
    """Some counties once asked for a December report on the same year: the body's year wins
    over "date − 1", and the date check then says why the date is unusual."""
    from checker.api import check_text
    from tests.conftest import seed_text

    text = (
        seed_text("000")
        .replace("株洲市退役军人事务局\n\n2024 年法治政府建设情况年度报告\n", "", 1)
        .replace("2024 年，株洲市退役军人事务局坚持", "今年以来，株洲市退役军人事务局坚持", 1)
        .replace("2025年1月23日", "2024年12月20日")
    )
    result = check_text(text, today=TODAY)
    assert result.meta.year == 2024
    [finding] = [f for f in result.findings if f.rule == "date-window"]
    assert "2024年度之内" in finding.message


def test_joint_signature_and_title_starting_with_guanyu():
    from checker.api import check_text
    from checker.parse.agency import agency_from_title
    from tests.conftest import seed_text

    assert agency_from_title("关于株洲市司法局2024年度法治政府建设情况的报告") == "株洲市司法局"
    text = seed_text("000").replace(
        "株洲市退役军人事务局\n\n2025年1月23日", "中共株洲市委员会\n株洲市人民政府\n\n2025年1月23日"
    )
    result = check_text(text, today=TODAY)
    assert result.meta.agency == "中共株洲市委员会 株洲市人民政府"


def test_document_number_above_a_guanyu_title_is_not_part_of_it():
    from checker.api import check_text
    from tests.conftest import seed_text

    header = "株洲市退役军人事务局文件\n\n株退役〔2025〕3号\n\n关于2024年度法治政府建设情况的报告"
    text = seed_text("000").replace("株洲市退役军人事务局\n\n2024 年法治政府建设情况年度报告", header, 1)
    result = check_text(text, today=TODAY)
    assert result.meta.title == "关于2024年度法治政府建设情况的报告"
    assert result.meta.agency == "株洲市退役军人事务局" and result.meta.year == 2024


@pytest.mark.parametrize(
    ("old", "new", "element"),
    [
        # problems with no heading, phrased "还存在一些薄弱环节"
        ("二、法治政府建设主要问题和不足\n\n", "", "problems"),
        # the leader's duties without the words 第一责任人
        (
            "(一) 认真履行“第一责任人”职责。局党组书记、局长主动扛牢法治政府建设“第一责任人”职责，",
            "(一) 加强组织领导。局党组书记、局长带头抓法治建设，",
            "first-responsible-person",
        ),
        # the plan as a trailing paragraph of the problems part: "今后，我局将…"
        (
            "三、法治政府建设下一步工作安排\n\n我局将积极改善存在问题",
            "今后，我局将积极改善存在问题",
            "next-year-plan",
        ),
    ],
)
def test_parts_without_their_heading_are_still_found(old, new, element):
    from checker.api import check_text
    from tests.conftest import seed_text

    text = seed_text("000").replace(old, new, 1).replace("仍存在一定薄弱环节", "我局还存在一些薄弱环节")
    assert text != seed_text("000")
    result = check_text(text, today=TODAY)
    assert {e.id: e.status for e in result.elements}[element] != "missing"
