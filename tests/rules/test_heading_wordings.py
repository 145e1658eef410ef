"""Part headings in other wordings: each seed with one part's heading reworded reads the same.

Every variant is a seed report with the heading of one part (problems, next-year plan, first
responsible person) given another wording used in published reports; the checker must find
each element where and as it found it in the unmodified seed. The negative cases keep a
measure that tackles problems, or the reported year's 主要举措, out of the wrong part.
"""

from __future__ import annotations

import pytest

from checker import check_text
from checker.check.locate import for_year
from checker.packs.pack import load_pack
from checker.packs.patterns import any_of
from tests.conftest import TODAY, seed_text

# the heading of each part in each seed: (marker, title) as written
PROBLEMS = {
    "000": ("二、", "法治政府建设主要问题和不足"),
    "001": ("三、", "2024年度推进法治政府建设存在的不足"),
    "002": ("三、", "存在的问题"),
    "003": ("三、", "推进法治政府建设存在的不足、原因和问题整改情况"),
    "004": ("六、", "存在的不足和原因"),
}
PLAN = {
    "000": ("三、", "法治政府建设下一步工作安排"),
    "001": ("四、", "2025年度推进法治政府建设主要安排"),
    "002": ("四、", "2024 年度初步安排"),
    "003": ("四、", "下一年度推进法治政府建设的初步安排"),
    "004": ("七、", "2024年度推进法治政府建设的主要安排"),
}
DUTIES = {
    "001": ("二、", "2024年度主要负责人履职责情况"),
    "002": ("一、", "党政主要负责人履行推进法治政府建设第一责任人职责"),
    "003": ("一、", "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"),
    "004": ("三、", "高度重视法治政府建设工作,主要负责人认真履行第一责任人职责"),
}
# the year each seed reports on (the plan's year is the next one)
YEAR = {"000": 2024, "001": 2024, "002": 2023, "003": 2023, "004": 2023}

PROBLEMS_WORDINGS = [
    "困难和问题",
    "困难与问题",
    "问题和困难",
    "短板和不足",
    "差距与不足",
    "问题与挑战",
    "面临的困难和挑战",
    "当前面临的困难和问题",
    "法治政府建设工作中的问题",
    "工作中的不足",
    "工作短板",
    "需要改进的方面",
    "需要改进的问题",
    "{year}年法治政府建设短板和不足及其原因",
    "仍有差距的地方",
    "与上级要求的差距",
    "还需改进的地方",
    "不足及改进方向",
    "问题不足",
]
PLAN_WORDINGS = [
    "{next}年度工作规划",
    "{next}年工作设想",
    "{next}年工作任务",
    "{next}年工作部署",
    "{next}年工作方向",
    "{next}年主要任务",
    "{next}年度法治政府建设工作谋划",
    "下一阶段工作重点",
    "下一步推进法治政府建设的主要举措",
    "下一年度推进法治政府建设主要举措",
    "{next}年度推进法治政府建设主要举措",  # the next year written out: {next_year} in the pack
    "{next}年推进法治政府建设的主要举措",
]
DUTIES_WORDINGS = [
    "局长履行推进法治建设职责情况",
    "党组书记、局长履行法治建设职责情况",
    "一把手履行法治建设职责情况",
    "局长履职情况",
    "一把手抓法治情况",
    "书记抓法治建设情况",
    "党政一把手抓法治情况",
]


def reword(key: str, headings: dict[str, tuple[str, str]], new: str) -> str:
    """The seed with the part's heading line reworded (line count kept)."""
    text = seed_text(key)
    marker, title = headings[key]
    assert text.count(marker + title) == 1, (key, title)
    wording = new.format(year=YEAR[key], next=YEAR[key] + 1)
    return text.replace(marker + title, marker + wording)


def reading(text: str):
    """Where and how each element is found, and the body named."""
    result = check_text(text, today=TODAY)
    assert result.is_report, result.not_report_reason
    return [(e.id, e.status, e.line) for e in result.elements], result.meta.agency


def cases(headings: dict[str, tuple[str, str]], wordings: list[str]):
    return [pytest.param(key, w, id=f"{key}-{w}") for w in wordings for key in headings]


@pytest.mark.parametrize(("key", "wording"), cases(PROBLEMS, PROBLEMS_WORDINGS))
def test_problems_heading_wordings(key, wording):
    assert reading(reword(key, PROBLEMS, wording)) == reading(seed_text(key))


@pytest.mark.parametrize(("key", "wording"), cases(PLAN, PLAN_WORDINGS))
def test_plan_heading_wordings(key, wording):
    text = reword(key, PLAN, wording)
    assert reading(text) == reading(seed_text(key))
    # the next year in the plan's heading is no year out of place (year-consistency)
    result = check_text(text, today=TODAY)
    assert not [f for f in result.findings if f.rule == "year-consistency"]


@pytest.mark.parametrize(("key", "wording"), cases(DUTIES, DUTIES_WORDINGS))
def test_duties_heading_wordings(key, wording):
    assert reading(reword(key, DUTIES, wording)) == reading(seed_text(key))


# ---- negative cases --------------------------------------------------------------------

TACKLING = [
    "着力解决群众反映强烈的问题和困难",
    "破解基层执法难题",
    "帮助退役军人解决实际困难和问题",
    "缩小与先进地区的差距",
]


@pytest.mark.parametrize("heading", TACKLING)
def test_measure_tackling_problems_is_not_the_problems_part(heading):
    # 004 without its problems part: a measures item that tackles problems must not stand in
    text = seed_text("004")
    start, end = text.index("六、存在的不足和原因"), text.index("七、2024年度推进法治政府建设的主要安排")
    without = text[:start] + text[end:]
    item = "五、落实“谁执法谁普法”责任制,提升系统干部政策法规水平"
    with_item = without.replace(item, item + "\n（三）" + heading + "\n", 1)
    statuses, _ = reading(with_item)
    item_line = with_item.split("\n").index("（三）" + heading) + 1
    problems = next(s for s in statuses if s[0] == "problems")
    assert problems[2] != item_line
    assert [s[:2] for s in statuses] == [s[:2] for s in reading(without)[0]]


@pytest.mark.parametrize("heading", [*TACKLING, "着力补齐工作短板", "推动解决工作中的问题"])
def test_problems_patterns_leave_measures_items_alone(heading):
    national = load_pack("national")
    problems = next(e for e in national.elements if e.id == "problems")
    assert any_of(problems.spec["headings"]).search(heading) is None


@pytest.mark.parametrize(
    "wording", ["下一步推进法治政府建设的主要举措", "下一阶段推进法治政府建设主要举措", "今后工作主要举措"]
)
def test_reported_year_measures_with_plan_of_main_measures(wording):
    # 001's measures part headed with the reported year and 主要举措 stays measures while the
    # plan part says 主要举措 for the next step
    text = seed_text("001").replace(
        "一、2024年度推进法治政府建设主要举措和成效", "一、2024年度推进法治政府建设的主要举措", 1
    )
    text = text.replace("四、2025年度推进法治政府建设主要安排", "四、" + wording, 1)
    assert reading(text) == reading(seed_text("001"))


@pytest.mark.parametrize(
    "title",
    [
        "2024年度推进法治政府建设的主要举措",
        "2024年推进法治政府建设主要举措",
        "推进法治政府建设的主要举措",
        "全面完成2024年度法治政府建设各项任务",
        "强化顶层设计，做好工作规划",
    ],
)
def test_reported_year_measures_headings_are_not_the_plan(title):
    national = load_pack("national")
    plan = next(e for e in national.elements if e.id == "next-year-plan")
    # as the locator reads them for a 2024 report: {next_year} is 2025
    named = any_of(for_year(plan.spec["headings"], 2024)).search(title)
    excluded = any_of(for_year(plan.spec["exclude"], 2024)).search(title)
    assert not named or excluded
