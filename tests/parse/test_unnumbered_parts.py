"""Reports whose parts are unnumbered lines (主要举措和成效 / 存在的不足 …), with their items still
numbered (一)(二): every seed so written reads as the original, hard-wrapped ones included."""

from __future__ import annotations

import re

import pytest

from checker import check_text
from tests.conftest import SEEDS, TODAY

# a part's 一、 at the start of a line (after any "[bookmark: …]" a converter left there)
_TOP = re.compile(r"^(\s*(?:\[bookmark: [^\]]*\])?)[一二三四五六七八九十]{1,2}、", re.M)


@pytest.mark.parametrize("key", sorted(SEEDS))
def test_unnumbered_parts_read_as_numbered_ones(key):
    text = SEEDS[key].read_text(encoding="utf-8")
    variant = _TOP.sub(r"\1", text)
    assert variant != text
    original, unnumbered = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert [(e.id, e.status) for e in unnumbered.elements] == [(e.id, e.status) for e in original.elements]
    assert unnumbered.score == pytest.approx(original.score, abs=1.5)


def test_a_line_leading_in_with_a_colon_ends_its_paragraph():
    """In hard-wrapped text a full line ending "…报告如下：" is not run on into the next line."""
    from checker.parse.paragraphs import join_paragraphs
    from checker.text.normalize import normalise_text

    lines = [
        "2023年以来，解放区退役军人事务局深入学习贯彻习近平法治思想，坚持",
        "依法行政、依法办事，着力加强制度建设和矛盾化解能力建设，强化行政",
        "权力监督和依法行政保障，为推动工作发展创造良好的环境。现报告如下：",
        "党政主要负责人履行推进法治政府建设第一责任人职责情况",
        "（一）持续加强组织领导。局主要负责人积极履行推进法治政府建设第一",
        "责任人职责，将推进法治政府建设工作纳入全局重点工作，与各项业务工",
        "作同部署、同推进、同落实，定期听取法治政府建设工作情况汇报，研究",
        "解决重大问题，确保各项工作落到实处，取得了较好的成效和明显的进步",
        "，干部职工的法治意识和依法办事能力得到了进一步的提升和显著增强。",
    ]
    texts = [p.text for p in join_paragraphs(normalise_text("\n".join(lines)))]
    assert texts[1] == "党政主要负责人履行推进法治政府建设第一责任人职责情况"
    assert texts[0].endswith("报告如下:")


# a part's heading line: 一、 and its title, the whole line (after any bookmark)
_TOP_LINE = re.compile(r"^(\s*(?:\[bookmark: [^\]]*\])?)[一二三四五六七八九十]{1,2}、(.*?)\s*$", re.M)


def _statuses(result) -> list[tuple[str, str]]:
    return [(e.id, e.status) for e in result.elements]


# seed 002 wraps its first heading over two lines ("…第一责任人职责" / "情况"): a colon written
# after the first would stand inside the heading, as no office writes it
@pytest.mark.parametrize("key", ["000", "001", "003", "004"])
def test_unnumbered_parts_ending_in_a_colon_read_as_numbered_ones(key):
    """ "主要举措和成效：" on a line of its own is a part's heading as "一、主要举措和成效" is."""
    text = SEEDS[key].read_text(encoding="utf-8")
    variant = _TOP_LINE.sub(r"\1\2：", text)
    assert variant != text
    original, unnumbered = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert _statuses(unnumbered) == _statuses(original)
    assert unnumbered.score == pytest.approx(original.score, abs=1.5)


@pytest.mark.parametrize("key", ["000", "001"])
def test_unnumbered_parts_ending_in_a_full_stop_read_as_numbered_ones(key):
    """A short heading closed by a full stop ("存在的问题和不足。") on a line of its own."""
    text = SEEDS[key].read_text(encoding="utf-8")
    variant = _TOP_LINE.sub(r"\1\2。", text)
    original, unnumbered = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert _statuses(unnumbered) == _statuses(original)


def test_a_lead_in_or_an_enumerated_sentence_is_no_unnumbered_heading():
    """ "现将有关情况报告如下：" and "一是加强学习。" alone on their lines stay body text, among
    headings closed by a colon."""
    from checker.parse.structure import parse_document
    from checker.read.source import SourceText

    text = _TOP_LINE.sub(r"\1\2：", SEEDS["000"].read_text(encoding="utf-8"))
    text = text.replace("主要举措及成效", "现将有关情况报告如下：\n\n主要举措及成效", 1)
    text = text.replace(
        "（二）完善退役军人工作制度体系", "一是加强学习。\n\n（二）完善退役军人工作制度体系", 1
    )
    document = parse_document(SourceText(text))
    titles = [s.heading.title for s in document.all_sections()]
    assert "主要举措及成效" in titles and "法治政府建设下一步工作安排" in titles
    assert not any(t.startswith(("现将", "一是")) for t in titles)


@pytest.mark.parametrize("key", ["000", "001", "002"])
def test_a_part_heading_right_under_the_title_is_not_part_of_the_title(key):
    """Without a preface, an unnumbered first heading that names the subject
    ("2024年度推进法治政府建设主要举措和成效") follows the title line ending in 报告: it is the
    first part, not the title's third line."""
    text = SEEDS[key].read_text(encoding="utf-8")
    first = _TOP_LINE.search(text)
    assert first is not None
    title_end = text.index("报告") + len("报告")
    variant = text[:title_end] + "\n" + _TOP_LINE.sub(r"\1\2", text[first.start() :])
    variant = re.sub(
        r"^(\s*)主要举措(?:及|和)成效$", r"\1推进法治政府建设主要举措和成效", variant, flags=re.M
    )
    original, unnumbered = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert _statuses(unnumbered) == _statuses(original)
    title_rules = [f.rule for f in original.findings if f.rule.startswith("title")]
    assert [f.rule for f in unnumbered.findings if f.rule.startswith("title")] == title_rules


def _run_in_unnumbered(text: str) -> str:
    """Each part's heading, its 一、 dropped, run into the prose paragraph under it
    ("法治政府建设下一步工作安排。我局将……"); a heading over numbered items stays on its line."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        match = _TOP_LINE.match(lines[index])
        following = index + 1
        while following < len(lines) and not lines[following].strip():
            following += 1
        if (
            match
            and following < len(lines)
            and not re.match(r"\s*(?:[(（]|\d|[一二三四五六七八九十][、是])", lines[following])
        ):
            out.append(f"{match.group(1)}{match.group(2)}。{lines[following].strip()}")
            index = following + 1
        else:
            out.append(_TOP_LINE.sub(r"\1\2", lines[index]))
            index += 1
    return "\n".join(out)


# seeds 001 and 004 so written read right already (no items under their run-in parts); seed
# 002 is hard-wrapped: its plan's run-in heading joins the shortcomings' last paragraph
@pytest.mark.parametrize("key", ["000", "003"])
def test_unnumbered_part_headings_run_into_their_text_read_as_numbered_ones(key):
    """A part whose heading opens its first paragraph, with its items numbered (一)(二) below,
    is found where the items start again: the items are the part's, not the part's before."""
    text = SEEDS[key].read_text(encoding="utf-8")
    variant = _run_in_unnumbered(text)
    assert variant != text
    original, run_in = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert _statuses(run_in) == _statuses(original)
    assert run_in.score == pytest.approx(original.score, abs=1.5)
