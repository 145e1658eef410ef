"""template-leftover: template text nobody filled in, quoted where it stands, on real reports
with one slot left as a template writes it; and no false alarm on real reports' own 某, ×, X
and 【】."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import check_text
from tests.conftest import ROOT, TODAY, seed_text
from tests.rules.helpers import edit, findings

RULE = "template-leftover"
SEEDS = ["000", "001", "002", "003", "004"]
CLICK_HERE = "Click or tap here to enter text."


def _position(text: str, quote: str) -> tuple[int, int]:
    """1-based (line, column) of the first ``quote`` in ``text``."""
    before = text[: text.index(quote)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


@pytest.mark.parametrize(
    ("key", "old", "new", "quote", "fill"),
    [
        ("000", "株洲市退役军人事务局\n", "××局\n", "××", "全称"),
        ("000", "2024 年法治政府建设情况年度报告", "20XX年法治政府建设情况年度报告", "XX", "年份"),
        ("000", "2024 年法治政府建设情况年度报告", "202X年法治政府建设情况年度报告", "X", "年份"),
        ("000", "2024 年法治政府建设情况年度报告", "XXXX年法治政府建设情况年度报告", "XXXX", "年份"),
        ("000", "党组会专题部署法治建设工作 2 次", "党组会专题部署法治建设工作XX次", "XX", "数字"),
        ("000", "2025年1月23日", "2025年X月X日", "X月X日", "月份和日期"),
        ("000", "2025年1月23日", "2025年1月X日", "X日", "月份和日期"),
        ("000", "局党组书记、局长主动", "×××同志主动", "×××", "姓名"),
        ("000", "局党组书记、局长主动", "某某局局长主动", "某某", "全称"),
        ("000", "各项工作。", "各项工作。（此处填写总体情况……）", "(此处填写总体情况……)", "提示"),
        ("000", "株洲市退役军人事务局\n", "【单位名称】\n", "【单位名称】", "提示"),
        ("000", "各项工作。", "各项工作。[请填写]", "[请填写]", "提示"),
        ("000", "各项工作。", "各项工作。单击或点击此处输入文字。", "单击或点击此处输入文字。", "内容控件"),
        ("000", "各项工作。", f"各项工作。{CLICK_HERE}", CLICK_HERE, "内容控件"),
    ],
)
def test_each_leftover_is_quoted_where_it_stands_with_what_to_fill_in(key, old, new, quote, fill):
    text = edit(key, old, new)
    (finding,) = findings(text, RULE)
    assert finding.severity == "error"
    assert quote in finding.message and fill in finding.suggestion
    written = quote.replace("(", "（").replace(")", "）")  # the original's full-width brackets
    assert (finding.line, finding.column) == _position(text, written if written in text else quote)


def test_the_english_message_names_what_belongs_there():
    text = edit("001", seed_text("001").split("\n", 1)[0], "××局2024年法治政府建设年度报告")
    result = check_text(text, today=TODAY, lang="en")
    (finding,) = [f for f in result.findings if f.rule == RULE]
    assert finding.message == 'Unfilled template text is left in the report: "××".'
    assert "the body's full name" in finding.suggestion


def test_a_leftover_costs_score():
    text = seed_text("002")
    left = edit("002", "关于 2023 年法治政府建设", "关于20XX年法治政府建设")
    assert check_text(left, today=TODAY).score < check_text(text, today=TODAY).score


LEGITIMATE = [
    # a withheld name (surname + ××), before a title too; a masked telephone number
    "局党组书记、局长王××同志主持召开专题会议，联系电话0731-2821××××",
    "李××局长带队开展执法检查",
    # × as a multiplication sign, X in a word, Roman numerals
    "新建调解室面积为4×5米，采购X光安检机2台、X射线检测仪1台，完成第Ⅹ期培训",
    # 某 words, and a case told without names
    "某些领域执法不规范，某种程度上存在某一环节衔接不畅，申请人不服某区人力资源和社会保障局作出的决定",
    # 【】 as run-in headings and around cited titles; …… inside a quotation
    "【典型案例】【制度建设】印发【2024】3号文件，群众称赞“真是……办到了心坎上”",
    # a case told with the names of those it concerns withheld (not the report's own body)
    "依法查处××公司违法排污案，帮助××村调解土地纠纷，督促××医院、××派出所、××中心整改",
    # a lower-case xx of a copy whose names were taken out (文库)
    "印发《xx市2019年依法行政工作要点》",
]


@pytest.mark.parametrize("sentence", LEGITIMATE)
def test_no_alarm_on_what_real_reports_write(sentence):
    text = edit("003", "\n二、", f"\n{sentence}。\n二、")
    assert findings(text, RULE) == []


@pytest.mark.parametrize("key", SEEDS)
def test_no_alarm_on_the_seeds(key):
    assert findings(seed_text(key), RULE) == []


def _corpus_openings() -> list[Path]:
    return sorted((ROOT / "tests" / "fixtures" / "corpus" / "pages").glob("*.txt"))


def test_no_alarm_on_the_corpus_openings():
    hits = []
    for path in _corpus_openings():
        result = check_text(path.read_text(encoding="utf-8"), today=TODAY)
        hits += [(path.name, f.excerpt) for f in result.findings if f.rule == RULE]
    assert len(_corpus_openings()) > 40 and hits == []
