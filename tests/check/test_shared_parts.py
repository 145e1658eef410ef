"""A part named for two elements ("三、存在的不足和下一步打算") is split where its text shows the
second begins: each element reads its own share, as it does when the seed has two parts."""

from __future__ import annotations

import pytest

from checker.api import check_text
from tests.conftest import TODAY, seed_text

PROBLEMS = "三、2024年度推进法治政府建设存在的不足"
PLAN = "四、2025年度推进法治政府建设主要安排"
COMBINED = "三、存在的不足和下一步打算"

VARIANTS = {
    # an intro sentence opens the plan
    "intro": lambda t: t.replace(PROBLEMS, COMBINED).replace(PLAN, "下一步，我局将重点做好以下工作："),
    # sub-headings under the combined one
    "sub-headings": lambda t: t.replace(PROBLEMS, COMBINED + "\n（一）存在的不足").replace(
        PLAN, "（二）下一步打算"
    ),
    # nothing but the items' numbering starting again (一是…二是… then 一是…)
    "numbering": lambda t: t.replace(PROBLEMS, COMBINED).replace(PLAN + "\n", ""),
}


def _parts(text: str):
    result = check_text(text, today=TODAY)
    elements = {e.id: e for e in result.elements}
    return result, elements["problems"], elements["next-year-plan"]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_element_reads_its_own_share(variant):
    seed = seed_text("001").replace("[bookmark: _GoBack]", "")
    combined = VARIANTS[variant](seed)
    assert combined.count(COMBINED) == 1 and PLAN not in combined
    plain, problems, plan = _parts(seed)
    result, shared_problems, shared_plan = _parts(combined)
    assert (shared_problems.status, shared_problems.line) == (problems.status, problems.line)
    assert shared_plan.status == plan.status
    assert shared_plan.line > shared_problems.line  # the plan starts where its text does
    [vague] = [f for f in result.findings if f.rule == "next-year-plan-concrete"]
    assert vague.line >= shared_plan.line  # a shortcoming is no vague plan item
    causes = [f.message for f in result.findings if f.rule == "problems-causes"]
    assert causes == [f.message for f in plain.findings if f.rule == "problems-causes"]


def test_a_combined_part_with_no_place_to_split_stays_whole():
    """Shortcomings only under the combined heading: both elements read all of it."""
    seed = seed_text("001").replace("[bookmark: _GoBack]", "")
    start, end = seed.index(PLAN), seed.index("三是进一步提高依法行政水平")
    end = seed.index("\n", end)
    text = seed[:start] + seed[end + 1 :]
    _, problems, plan = _parts(text.replace(PROBLEMS, COMBINED))
    assert problems.line == plan.line
