"""Reports of other kinds of body (厅, 县政府, 街道) and other hands: each part is found and judged
on its text, whatever the leader's title, the subject of the plan or the heading's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_file, check_text
from tests.conftest import ROOT, TODAY

VARIANTS = ROOT / "tests" / "fixtures" / "variants" / "agencies"

# file stem prefix -> (element that was misread, rule whose finding must be gone)
CASES = {
    "C1_problems_heading_zhuyaowenti_chengyin": ("problems", "problems-present"),
    "C2_problems_heading_faxiandewenti": ("problems", "problems-present"),
    "C3_plan_heading_jiexialai": ("next-year-plan", "next-year-plan-present"),
    "D1_causes_subheading": ("problems", "problems-causes"),
    "E1_combined_prob_plan_year": ("title", "year-consistency"),
    "F1_frp_tingzhang_para": ("first-responsible-person", "first-responsible-person-present"),
    "F2_frp_danggongwei_para": ("first-responsible-person", "first-responsible-person-present"),
    "F3_frp_xianzhang_para": ("first-responsible-person", "first-responsible-person-present"),
    "G1_plan_para_woting": ("next-year-plan", "next-year-plan-present"),
    "G1b_plan_para_fullname": ("next-year-plan", "next-year-plan-present"),
    "G1c_plan_para_xiayibu_woting": ("next-year-plan", "next-year-plan-present"),
    # a ministry's report (退役军人事务部): unheaded shortcomings, then an unheaded plan paragraph
    "G2_problems_run_swallows_plan": ("next-year-plan", "next-year-plan-present"),
    # …and the shortcomings as the first paragraph of the plan part
    "H1_problems_lead_of_plan_part": ("problems", "problems-present"),
}


@pytest.mark.parametrize("stem", sorted(CASES))
def test_each_part_is_found_and_judged_on_its_text(stem: str) -> None:
    element, rule = CASES[stem]
    result = check_file(VARIANTS / f"{stem}.txt", today=TODAY)
    statuses = {e.id: e.status for e in result.elements}
    assert statuses[element] == "present", statuses
    assert rule not in {f.rule for f in result.findings}
    assert result.meta.agency and result.meta.year == 2025
    assert {"problems", "next-year-plan"} <= {e for e, status in statuses.items() if status != "missing"}


def test_a_deputy_leading_is_not_the_principal_leader() -> None:
    """The same paragraph about 分管副厅长 is not the principal leader's duty report."""
    text = (VARIANTS / "F1_frp_tingzhang_para.txt").read_text(encoding="utf-8")
    assert "厅长带头" in text
    deputy = text.replace("厅长带头", "分管副厅长带头")
    result = check_text(deputy, today=TODAY)
    assert {e.id: e.status for e in result.elements}["first-responsible-person"] == "missing"


def test_a_heading_naming_causes_counts_only_with_text_under_it() -> None:
    text = (VARIANTS / "D1_causes_subheading.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "原因分析" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("三、"))
    bare = "\n".join(lines[: start + 1] + lines[end:])
    result = check_text(bare, today=TODAY)
    assert "problems-causes" in {f.rule for f in result.findings}


SHORT_NAMES = ("B1_shortname_weijianwei", "B2_shortname_typo_fix", "B3_devzone_shortname")


@pytest.mark.parametrize("stem", SHORT_NAMES)
def test_a_standard_short_name_is_the_same_body(stem: str) -> None:
    """市卫健委 / 株洲市卫生健康委员会, 市自然资源规划局 / 株洲市自然资源和规划局,
    株洲高新区管委会 / 株洲高新技术产业开发区管理委员会."""
    result = check_file(VARIANTS / f"{stem}.txt", today=TODAY)
    assert "agency-consistency" not in {f.rule for f in result.findings}
    assert result.score == 100.0


def test_a_typo_in_the_full_name_is_still_one() -> None:
    text = (VARIANTS / "B1_shortname_weijianwei.txt").read_text(encoding="utf-8")
    assert "市卫健委" in text
    typo = text.replace("市卫健委", "市卫生建康委员会", 1)
    findings = [f for f in check_text(typo, today=TODAY).findings if f.rule == "agency-consistency"]
    assert "卫生建康委员会" in {f.excerpt for f in findings}


JOINT = ("A1_joint_same_name_flagged", "A2_joint_title_dunhao", "A3_joint_sig_place_title")


@pytest.mark.parametrize("stem", JOINT)
def test_a_party_committee_and_government_reporting_together_are_one_issuer(stem: str) -> None:
    """中共巴楚县委 巴楚县人民政府 in title and signature, 中共巴楚县委、巴楚县人民政府 in the title, or
    the county alone in the title: no mismatch, and the title names its issuer."""
    result = check_file(VARIANTS / f"{stem}.txt", today=TODAY)
    assert not {"agency-consistency", "title-parts"} & {f.rule for f in result.findings}
    assert result.meta.agency == "中共巴楚县委 巴楚县人民政府"


def test_two_departments_signing_a_report_titled_by_one_are_flagged() -> None:
    text = (VARIANTS / "A3_joint_sig_place_title.txt").read_text(encoding="utf-8")
    assert "中共巴楚县委\u3000\u3000巴楚县人民政府" in text  # the signature, two full-width spaces apart
    other = text.replace("中共巴楚县委\u3000\u3000巴楚县人民政府", "巴楚县司法局\u3000\u3000巴楚县人民政府")
    assert "agency-consistency" in {f.rule for f in check_text(other, today=TODAY).findings}


ATTACHED = ("I1_table_after_sig_no_label", "J1_attachment_rows_repetition")


@pytest.mark.parametrize("stem", ATTACHED)
def test_a_table_after_the_signed_date_is_an_attachment(stem: str) -> None:
    """A task table after signature and date, with or without 附：: the report is signed and
    dated, and the table's repeated cells are neither repetition nor stray spaces."""
    result = check_file(VARIANTS / f"{stem}.txt", today=TODAY)
    statuses = {e.id: e.status for e in result.elements}
    assert statuses["signature"] == statuses["date"] == "present"
    assert result.meta.date == "2026-01-20"
    assert not {"repetition", "number-spacing"} & {f.rule for f in result.findings}


def test_fixture_files_exist() -> None:
    stems = sorted(p.stem for p in Path(VARIANTS).glob("*.txt"))
    assert stems == sorted([*CASES, *SHORT_NAMES, *ATTACHED, *JOINT])
