"""problems-causes on the five seeds with their shortcomings part rewritten the ways writers give
causes: after each shortcoming, in a lead-in (究其原因，…), in a paragraph of their own, under a
原因分析 sub-heading — each once with causes of the body's own case and once with stock wording
only ("主要原因是思想认识不够到位"), which names no cause an auditor could act on."""

from __future__ import annotations

import pytest

from tests.rules.helpers import findings, seed

# each seed's shortcomings part: its heading, the heading after it, the shortcomings as written
PARTS = {
    "000": (
        "二、法治政府建设主要问题和不足",
        "三、法治政府建设下一步工作安排",
        ["行政执法案件尚未实现“零突破”，缺少执法实操", "干部职工系统性开展法治学习交流机会较少"],
    ),
    "001": (
        "三、2024年度推进法治政府建设存在的不足",
        "[bookmark: _GoBack]四、",
        ["干部职工依法行政能力有待进一步提升", "普法宣传形式单一"],
    ),
    "002": (
        "三、存在的问题",
        "四、2024 年度初步安排",
        ["法治理论学习不够深入", "业务水平有待提升", "基层法治建设薄弱"],
    ),
    "003": (
        "三、推进法治政府建设存在的不足、原因和问题整改情况",
        "四、下一年度推进法治政府建设的初步安排",
        ["学习宣传法治思想不够全面", "干部职工的开拓精神不强", "服务工作中耐心还有一定的缺乏"],
    ),
    "004": (
        "六、存在的不足和原因",
        "七、2024年度推进法治政府建设的主要安排",
        ["法治宣传教育力度不够强", "法治建设和业务工作的融合不够", "法治政府建设统筹谋划的力度不够"],
    ),
}
OWN = [
    "局机关没有专职法制工作人员，法治工作由办公室1名干部兼管",
    "全年集中学法多以会议传达文件为主，缺少案例教学和考学",
    "基层退役军人服务站工作人员多为村干部兼任，流动性大，培训难以覆盖",
]
STOCK = ["思想认识不够到位", "重视程度不够", "学习不够深入系统"]
LEAD = "对照法治政府建设要求，我局工作还存在一些不足"


def _items(shortcomings: list[str], causes: list[str] | None = None) -> str:
    out = []
    for i, shortcoming in enumerate(shortcomings):
        cause = f"，主要原因是{causes[i]}" if causes else ""
        out.append(f"{'一二三'[i]}是{shortcoming}{cause}。")
    return "".join(out)


def _numbered(lines: list[str]) -> str:
    return "".join(f"{i}.{line}。\n" for i, line in enumerate(lines, 1))


def _body(form: str, shortcomings: list[str]) -> str:
    causes = OWN if form.endswith("own") else STOCK
    return {
        "each": f"{LEAD}：{_items(shortcomings, causes)}",
        "lead": f"{LEAD}，究其原因，主要是{causes[0]}、{causes[1]}。具体表现在：{_items(shortcomings)}",
        "paragraph": f"{LEAD}：{_items(shortcomings)}\n产生上述问题的原因，主要是{causes[0]}，{causes[1]}。",
        "subheading": f"（一）存在的不足\n{_numbered(shortcomings)}（二）原因分析\n{_numbered(causes[:2])}",
    }[form.rpartition("-")[0]]


def variant(key: str, body: str) -> str:
    """The seed with its shortcomings part's text replaced by ``body``."""
    text = seed(key)
    heading, following, _ = PARTS[key]
    start = text.index(heading) + len(heading)
    return text[:start] + "\n" + body + "\n" + text[text.index(following, start) :]


FORMS = ["each", "lead", "paragraph", "subheading"]


@pytest.mark.parametrize("key", PARTS)
@pytest.mark.parametrize("form", FORMS)
def test_causes_of_the_bodys_own_case_pass(key, form):
    assert findings(variant(key, _body(f"{form}-own", PARTS[key][2])), "problems-causes") == []


@pytest.mark.parametrize("key", PARTS)
@pytest.mark.parametrize("form", FORMS)
def test_stock_causes_alone_are_weak_and_quoted(key, form):
    found = findings(variant(key, _body(f"{form}-stock", PARTS[key][2])), "problems-causes")
    assert len(found) == 1
    assert "套话" in found[0].message
    assert STOCK[0] in found[0].excerpt


@pytest.mark.parametrize("key", PARTS)
def test_a_paragraph_opened_by_cause_analysis_counts(key):
    body = f"{LEAD}：{_items(PARTS[key][2])}\n原因分析：一是{OWN[0]}；二是{OWN[1]}。"
    assert findings(variant(key, body), "problems-causes") == []


@pytest.mark.parametrize("key", PARTS)
def test_a_stock_cause_explained_in_the_next_sentence_counts(key):
    shortcomings = PARTS[key][2]
    body = f"一是{shortcomings[0]}。究其原因，思想认识还有差距。{OWN[0]}。二是{shortcomings[1]}。"
    assert findings(variant(key, body), "problems-causes") == []


@pytest.mark.parametrize("key", PARTS)
def test_shortcomings_without_causes_stay_weak_even_when_the_measures_give_one(key):
    text = variant(key, f"{LEAD}：{_items(PARTS[key][2])}")
    heading = next(line for line in text.splitlines() if "举措" in line and "、" in line[:3])
    text = text.replace(heading, f"{heading}\n由于{OWN[0]}，我局聘请律师担任法律顾问，全年审查合同12份。", 1)
    found = findings(text, "problems-causes")
    assert [f.message for f in found] == ["存在的不足只列了表现，没有分析原因（未见原因分析的表述）。"]
