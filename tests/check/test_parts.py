"""The part a sentence belongs to: elements and rules read the part they are about."""

from __future__ import annotations

from checker.api import check_text
from tests.check.test_mutations import cut_between
from tests.conftest import CORPUS, TODAY, seed_text

PLAN_DUTY_ITEM = (
    "（五）落实第一责任人职责。2025年，局党组书记、局长将切实履行推进法治建设第一责任人职责，"
    "主持党组会专题研究法治建设工作不少于2次，带头学法，年终述职时专门述法。\n\n"
)


def statuses(result) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def without_duties_subsection() -> str:
    return cut_between(seed_text("000"), "(一) 认真履行", "(二) 扎实开展")


def test_plan_sub_item_on_duties_does_not_count_as_the_duties_part():
    text = without_duties_subsection()
    assert statuses(check_text(text, today=TODAY))["first-responsible-person"] == "missing"
    end = text.rindex("株洲市退役军人事务局")
    planned = text[:end] + PLAN_DUTY_ITEM + text[end:]
    result = check_text(planned, today=TODAY)
    found = statuses(result)
    assert found["first-responsible-person"] == "missing"  # next year's intention is no report on it
    assert found["next-year-plan"] in ("present", "weak")
    plan = next(e for e in result.elements if e.id == "next-year-plan")
    assert plan.line is not None


def test_duties_sub_item_in_the_measures_still_counts():
    result = check_text(seed_text("000"), today=TODAY)
    duties = next(e for e in result.elements if e.id == "first-responsible-person")
    assert duties.status != "missing" and duties.line == 11


def _cite(text: str, where: str, sentence: str) -> str:
    at = text.index(where)
    return text[:at] + sentence + text[at:]


REPEALED = "《退役士兵安置条例》"  # repealed 2024-09-01, replaced by 《退役军人安置条例》


def citation_findings(text: str) -> list:
    return [f for f in check_text(text, today=TODAY).findings if f.rule == "citation-check"]


def test_regulation_repealed_in_the_reported_year_cited_for_next_years_work_is_flagged():
    text = _cite(seed_text("000"), "（一）持续深入贯彻", f"2025年，依据{REPEALED}做好退役士兵安置工作。\n\n")
    findings = citation_findings(text)
    assert len(findings) == 1 and "2024年9月1日废止" in findings[0].message
    assert "退役军人安置条例" in findings[0].suggestion


def test_same_citation_for_work_done_before_the_repeal_is_not_flagged():
    text = _cite(seed_text("000"), "(二) 扎实开展", f"2024年上半年，依据{REPEALED}完成春季退役士兵安置。\n\n")
    assert citation_findings(text) == []
    assert citation_findings(seed_text("000")) == []


def test_law_in_force_during_the_plan_year_may_be_planned_for():
    """《学前教育法》 comes into force 2025-06-01: a 2024 report may plan its study for 2025."""
    text = _cite(seed_text("000"), "（一）持续深入贯彻", "2025年，组织学习《中华人民共和国学前教育法》。\n\n")
    assert citation_findings(text) == []


def _duties_finding(text: str):
    result = check_text(text, today=TODAY)
    return next(f for f in result.findings if f.rule == "first-responsible-person-duties")


def test_the_lead_in_naming_the_duties_is_not_the_duties_part():
    """Corpus 069 opens "…扎实履行党政主要负责人法治建设第一责任人职责…现将…报告如下"; its
    duties are told under 一、: the part is that paragraph, not the lead-in."""
    finding = _duties_finding((CORPUS / "pages" / "069.txt").read_text(encoding="utf-8"))
    assert finding.line == 3
    assert finding.excerpt.startswith("一是高度重视,带头上手")
    # seed 000 with its duties item under a generic heading and a lead-in that names them
    generic = seed_text("000").replace("(一) 认真履行“第一责任人”职责。", "(一) 加强组织领导。")
    opening = "2024 年，株洲市退役军人事务局坚持"
    assert generic.count(opening) == 1
    led = generic.replace(opening, "2024 年，株洲市退役军人事务局认真落实主要负责人第一责任人职责，坚持")
    assert _duties_finding(led).excerpt == _duties_finding(generic).excerpt
    assert _duties_finding(led).excerpt.startswith("(一) 加强组织领导")


def _corpus(name: str) -> str:
    return (CORPUS / "pages" / f"{name}.txt").read_text(encoding="utf-8")


def _part_line(result, element_id: str) -> int | None:
    return next(e.line for e in result.elements if e.id == element_id)


def test_a_lead_in_naming_the_duties_in_passing_is_not_the_duties_part():
    """Corpus 029's lead-in says "…落实党政主要负责人履行法治建设第一责任人职责,将法治政府建设与
    经济社会发展同部署、共推进…" and its excerpt stops before any account of the duties: the part is
    missing there, not a weak part quoted from the opening ("只涉及0项职责")."""
    result = check_text(_corpus("029"), today=TODAY)
    assert statuses(result)["first-responsible-person"] == "missing"
    assert not any(f.excerpt.startswith("2024年,汤头街道") for f in result.findings)


def test_a_sentence_listing_the_parts_is_none_of_them():
    """Corpus 051: "本报告包括工作开展情况、党政主要负责人履行推进法治建设第一责任人职责情况、存在的
    差距和不足及2022年工作安排四个部分。" outlines the report; it is neither the duties part nor
    the shortcomings."""
    result = check_text(_corpus("051"), today=TODAY)
    found = statuses(result)
    assert found["first-responsible-person"] == "missing"
    assert found["problems"] == "missing"
    assert not any(f.excerpt.startswith("本报告包括") for f in result.findings)


def test_a_lead_in_that_tells_the_duties_is_still_the_duties_part():
    """Corpus 029 with seed 000's account of its leader's duties written into the lead-in: two
    sentences on the leader there are the part, found where nothing else tells them."""
    account = (
        "局党组书记、局长主动扛牢法治政府建设“第一责任人”职责,将法治建设纳入年度工作计划,"
        "与退役军人事务工作同部署、同安排、同推进。全年党组会专题部署法治建设工作2次,"
        "及时研究解决法治建设中的各类问题。"
    )
    text = _corpus("029")
    assert text.count("现根据上级有关要求") == 1
    result = check_text(text.replace("现根据上级有关要求", account + "现根据上级有关要求"), today=TODAY)
    assert statuses(result)["first-responsible-person"] != "missing"
    assert _part_line(result, "first-responsible-person") == 4


def test_a_document_named_after_the_duties_is_no_account_of_them():
    """司法部 guiding the country ("督促、指导各地区深入落实法治政府建设第一责任人职责制度规定",
    corpus 011) and a county committee adopting "党政主要负责人履行推进法治建设第一责任人职责清单"
    (corpus 091) name a regulation and a list, not how the body's own leader did the duties."""
    for name, quoted in (("011", "督促、指导各地区"), ("091", "召开县委依法治县委员会")):
        result = check_text(_corpus(name), today=TODAY)
        assert not any(f.excerpt.startswith(quoted) for f in result.findings), name
        assert statuses(result)["first-responsible-person"] == "missing", name
