"""下一年度安排: concrete items, the right year, a sensible length."""

from __future__ import annotations

from checker.api import check_text
from tests.conftest import TODAY
from tests.rules.helpers import edit, findings, seed, status

CONCRETE_ITEMS = [
    "（一）6月底前完成本局行政规范性文件清理，由政策法规科牵头。",
    "（二）全年组织专题学法六次，一季度完成权责清单梳理。",
    "（三）在宪法宣传周开展普法进社区活动二十场，发放宣传手册三千份。",
]


def _plan_of_000(items: list[str]) -> str:
    """Seed 000 with its plan's items replaced by ``items``."""
    text = seed("000")
    start, end = text.index("（一）持续深入贯彻习近平法治思想"), text.rindex("株洲市退役军人事务局\n")
    return text[:start] + "\n\n".join(items) + "\n\n" + text[end:]


def test_plan_with_concrete_items_passes():
    """Deadlines, counts (in Arabic or Chinese numerals) and owners make items concrete."""
    assert findings(_plan_of_000(CONCRETE_ITEMS), "next-year-plan-concrete") == []


def test_slogan_plan_is_weak():
    [finding] = findings(seed("000"), "next-year-plan-concrete")
    assert "（5项都没有写明具体任务" in finding.message  # not "5项中只有0项"
    assert finding.excerpt.startswith("我局将积极改善存在问题")
    assert status(seed("000"), "next-year-plan") == "weak"


def test_slogans_that_name_a_document_or_a_season_are_slogans():
    """深入学习贯彻《纲要》 is no task; 001's plan names occasions in one item of three."""
    slogans = [
        "（一）深入学习贯彻《习近平法治思想学习纲要》，不断提高依法行政水平。",
        "（二）认真落实《法治政府建设实施纲要（2021－2025年）》，推动法治建设再上新台阶。",
        "（三）年内力争法治政府建设取得新成效。",
    ]
    [finding] = findings(_plan_of_000(slogans), "next-year-plan-concrete")
    assert "4项都没有写明" in finding.message  # the part's lead sentence and the three items
    [finding] = findings(seed("001"), "next-year-plan-concrete")
    assert "3项中只有1项" in finding.message


def test_the_leaders_title_or_a_higher_bodys_office_names_no_owner():
    """003's plan item "落实“第一责任人”职责" and 004's "对标…依法治区委员会办公室工作要求" are
    slogans: neither names who will do a task. A unit named as the owner still counts."""
    [finding] = findings(seed("003"), "next-year-plan-concrete")
    assert "3项都没有写明" in finding.message
    assert finding.excerpt.startswith("（一）坚持以上率下")
    [finding] = findings(seed("004"), "next-year-plan-concrete")
    assert "都没有写明" in finding.message
    owned = edit("003", "提高普法宣传频次，", "由政策法规股负责提高普法宣传频次，")
    [finding] = findings(owned, "next-year-plan-concrete")
    assert "3项中只有1项" in finding.message
    named = edit("003", "提高普法宣传频次，", "明确每项任务的责任人，提高普法宣传频次，")
    [finding] = findings(named, "next-year-plan-concrete")
    assert "3项中只有1项" in finding.message


def test_a_sub_section_under_its_own_heading_line_is_one_item():
    """004's plan is three sub-sections, each a heading line over its paragraphs ((三) with
    一是…三是): three items, not nine; a deadline in (一)'s text makes (一) concrete, and the
    first vague item quoted is (二), not (一)'s bare heading."""
    [finding] = findings(seed("004"), "next-year-plan-concrete")
    assert "（3项都没有写明" in finding.message
    assert finding.excerpt == "(一)明确核心,持续深化法治工作"
    dated = edit("004", "根据区委、区政府法治工作要点,", "根据区委、区政府法治工作要点,6月底前")
    [finding] = findings(dated, "next-year-plan-concrete")
    assert "3项中只有1项" in finding.message
    assert finding.excerpt == "(二)明确重心,持续细化法治工作"


def test_plan_for_the_wrong_year():
    text = edit("001", "四、2025年度推进法治政府建设主要安排", "四、2024年度推进法治政府建设主要安排")
    [finding] = findings(text, "next-year-plan-year")
    assert "2024年" in finding.message and "2025年" in finding.message
    assert findings(seed("001"), "next-year-plan-year") == []


def test_a_year_the_plan_builds_on_is_not_its_year():
    heading = "四、2025年度推进法治政府建设主要安排"
    for lead in ("在巩固2024年工作成效的基础上，2025年我局将", "在总结2024年工作的基础上，我局将"):
        assert (
            findings(
                edit("001", heading, f"四、下一步工作安排\n{lead}重点做好以下工作。"), "next-year-plan-year"
            )
            == []
        )
    [finding] = findings(
        edit("001", heading, "四、下一步工作安排\n2024年，我局将重点做好以下工作。"), "next-year-plan-year"
    )
    assert "2024年" in finding.message


def test_plan_longer_than_results_is_noted():
    text = seed("000")
    start, end = text.index("(二) 扎实开展法治宣传教育"), text.index("二、法治政府建设主要问题和不足")
    assert findings(text[:start] + text[end:], "next-year-plan-proportion")
    assert findings(text, "next-year-plan-proportion") == []


def test_a_single_vague_item_and_english_counts_read_naturally():
    text = seed("000")
    start, end = text.index("我局将积极改善存在问题"), text.rindex("株洲市退役军人事务局\n")
    one = "下一步，我局将继续深入学习贯彻习近平法治思想，进一步加强法治政府建设，推动各项工作再上新台阶。"
    [finding] = findings(text[:start] + one + "\n\n" + text[end:], "next-year-plan-concrete")
    assert "（唯一的一项没有写明" in finding.message
    english = check_text(seed("000"), lang="en", today=TODAY)
    [finding] = [f for f in english.findings if f.rule == "next-year-plan-concrete"]
    assert "(none of the 5 items names a task" in finding.message
