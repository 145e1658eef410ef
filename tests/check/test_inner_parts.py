"""A 第一责任人 part found inside another part's paragraph is the sentences about the leader.

The variants are built from the seeds the way a writer would shorten a report: the seed's own
leader part taken out (later parts numbered one less) and one sentence on the duties put into
the measures, as a paragraph of its own or opening the measures paragraph with the most facts.
"""

from __future__ import annotations

import re

import pytest

from checker.api import analyse_bytes
from checker.text.sentences import han_count
from tests.conftest import CORPUS, ROOT, SEEDS, TODAY, seed_text

SHORT = "局主要负责人认真履行推进法治建设第一责任人职责，带头尊法学法守法用法。"
LONG = (
    "局主要负责人认真履行推进法治建设第一责任人职责，带头学法守法用法，"
    "推动法治建设与业务工作同部署、同推进、同落实。"
)
NUMERALS = "一二三四五六七八九十"
FACT = re.compile(r"\d+(?:\.\d+)?(?:余|多)?(?:万|亿)?(?:人次|次|件|场|个|%|名|人|期|条|项)")
VARIANTS = ROOT / "tests" / "fixtures" / "variants"


def _analyse(text: str):
    return analyse_bytes(text.encode("utf-8"), "report.txt", today=TODAY)


def without_leader_part(text: str) -> str:
    """The report without its headed 第一责任人 part; a top-level one's later parts renumbered."""
    analysis = _analyse(text)
    locus = analysis.loci["first-responsible-person"]
    assert locus is not None and locus.how == "heading"
    lines = text.split("\n")
    first, last = locus.paragraphs[0].lines[0].number, locus.paragraphs[-1].lines[-1].number
    if locus.sections[0].parent is None:
        for later in analysis.document.sections:
            number = later.paragraph.lines[0].number
            if number > last:
                numeral = later.heading.marker[0]
                lines[number - 1] = lines[number - 1].replace(
                    numeral, NUMERALS[NUMERALS.index(numeral) - 1], 1
                )
    del lines[first - 1 : last]
    return "\n".join(lines)


def with_sentence(text: str, sentence: str, own_paragraph: bool) -> str:
    """``sentence`` put before (own paragraph) or at the start of (after its run-in title) the
    measures paragraph with the most facts."""
    analysis = _analyse(text)
    body = [p for p in analysis.loci["measures"].body_paragraphs if len(p.text) >= 60]
    target = max(body, key=lambda p: len(FACT.findall(p.text)))
    lines = text.split("\n")
    number = target.lines[0].number
    if own_paragraph:
        blank = number >= 2 and not lines[number - 2].strip()
        lines[number - 1 : number - 1] = [sentence, ""] if blank else [sentence]
        return "\n".join(lines)
    cut = 0
    for section in analysis.document.all_sections():
        if section.paragraph.index == target.index and section.heading.run_in:
            cut = target.text.find(section.heading.title) + len(section.heading.title)
            while cut < len(target.text) and target.text[cut] in "。.：:，, ":
                cut += 1
    line, column = target.position(cut)
    lines[line - 1] = lines[line - 1][: column - 1] + sentence + lines[line - 1][column - 1 :]
    return "\n".join(lines)


def _frp(analysis):
    result = analysis.result
    findings = {f.rule: f for f in result.findings if f.element == "first-responsible-person"}
    status = {e.id: e.status for e in result.elements}["first-responsible-person"]
    return analysis.loci["first-responsible-person"], findings, status


CASES = [(seed, own) for seed in SEEDS if seed != "004" for own in (True, False)]


@pytest.mark.parametrize(("seed", "own"), CASES)
def test_one_duties_sentence_in_the_measures_is_a_thin_part_not_the_paragraph(seed, own):
    text = with_sentence(without_leader_part(seed_text(seed)), SHORT, own)
    analysis = _analyse(text)
    locus, findings, status = _frp(analysis)
    assert han_count(locus.text) == han_count(SHORT)  # not the paragraph it opens, nor the next one
    assert status == "weak"
    present = findings["first-responsible-person-present"]
    assert f"（{han_count(SHORT)}字" in present.message
    # the finding quotes the sentence where it stands in the file
    original = text.split("\n")[present.line - 1]
    assert original[present.column - 1 :].startswith(present.excerpt[:20])
    assert present.excerpt.startswith("局主要负责人认真履行")


@pytest.mark.parametrize(("seed", "own"), [(seed, own) for seed in SEEDS for own in (True, False)])
def test_the_paragraphs_counts_are_not_credited_to_the_leader(seed, own):
    """The measures paragraph's 受众…人次 and 党员大会2次 are no account of the leader's duties."""
    analysis = _analyse(with_sentence(without_leader_part(seed_text(seed)), LONG, own))
    locus, findings, _status = _frp(analysis)
    assert not FACT.search(locus.text)
    assert "first-responsible-person-evidence" in findings
    assert "first-responsible-person-duties" in findings


def test_the_leader_clause_inside_a_thematic_item_is_not_the_item_that_follows():
    """Seed 004 without its part 三、 still names the duties once, in item 一是 of part 一、
    ("…局主要负责人切实履行推进法治政府建设第一责任人职责…;二是扎实开展主题教育…党员大会2次")."""
    locus, findings, _status = _frp(_analyse(without_leader_part(seed_text("004"))))
    assert "局主要负责人切实履行推进法治政府建设第一责任人职责" in locus.text
    assert "二是扎实开展主题教育" not in locus.text and "党员大会" not in locus.text
    assert "first-responsible-person-evidence" in findings


@pytest.mark.parametrize(
    "name",
    [
        "agencies/F1_frp_tingzhang_para.txt",
        "agencies/F2_frp_danggongwei_para.txt",
        "agencies/F3_frp_xianzhang_para.txt",
        "township-duties-inside-measures.txt",
        "numbered-items-with-years.txt",
        "date-under-title.txt",
    ],
)
def test_a_paragraph_all_about_the_leader_is_held_whole(name):
    """ "（一）加强组织领导。镇党委书记、镇长切实履行…职责…。组织班子成员会前学法10次。" is
    the leader's paragraph: its subject-less sentences go on with the leader's duties."""
    text = (VARIANTS / name).read_text(encoding="utf-8")
    locus, _findings, _status = _frp(_analyse(text))
    assert locus.how == "keyword" and locus.spans == ()
    assert locus.text == locus.anchor.text


@pytest.mark.parametrize("seed", list(SEEDS))
def test_a_headed_leader_part_stays_whole(seed):
    locus, _findings, _status = _frp(_analyse(seed_text(seed)))
    assert locus.how == "heading" and locus.spans == ()
    assert locus.text == "".join(p.text for p in locus.paragraphs)


def test_other_work_inside_the_leader_paragraph_is_left_out_and_the_next_leader_paragraph_kept():
    """L4: the 市长 paragraph goes on to 专家库 (165名) and 诉源治理 (73%); the next paragraph
    (坚持领导干部带头尊法学法…会前学法39次) is the leader's again."""
    text = (VARIANTS / "long" / "L4_city_star_cases_table.txt").read_text(encoding="utf-8")
    locus, findings, status = _frp(_analyse(text))
    assert "专家库" not in locus.text and "73%" not in locus.text
    assert "会前学法39次" in locus.text
    assert status == "present" and not findings


def test_an_item_on_the_duties_is_the_item_not_its_neighbours():
    """Corpus 075: item 二是 is the 市长's duties; item 三是 (督察 of 13个县市区) is not."""
    text = (CORPUS / "pages" / "075.txt").read_text(encoding="utf-8")
    locus, findings, _status = _frp(_analyse(text))
    assert locus.text.startswith("二是落实推进法治建设第一责任人职责")
    assert "13个县市区" not in locus.text
    evidence = findings["first-responsible-person-evidence"]
    assert evidence.excerpt.startswith("二是落实推进法治建设第一责任人职责")
    assert text.split("\n")[evidence.line - 1][evidence.column - 1 :].startswith("二是落实")
