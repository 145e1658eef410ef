"""Reports that number their parts 1、2、 (or 1. 2.) and the items inside them (一)(二) are read as
they nest: the same parts, statuses and score as the seed numbered 一、(一)."""

from __future__ import annotations

import re

import pytest

from checker import check_text
from checker.parse.heading_levels import level_order, marker_number
from checker.parse.headings import parse_heading
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from tests.conftest import CORPUS, SEEDS, TODAY

_TOP = re.compile(r"^(\s*)([一二三四五六七八九十]{1,2})、", re.M)


def arabic_parts(text: str, separator: str) -> str:
    """The seed with its parts numbered 1、2、… (or 1. 2. …), the items inside left as they are."""
    return _TOP.sub(lambda m: f"{m.group(1)}{marker_number(m.group(2))}{separator}", text)


@pytest.mark.parametrize(
    ("marker", "number"),
    [
        ("三、", 3),
        ("(十二)", 12),
        ("十", 10),
        ("二十一、", 21),
        ("4.", 4),
        ("(7)", 7),
        ("②", 2),
        ("第一部分", 1),
    ],
)
def test_marker_number(marker, number):
    assert marker_number(marker) == number


@pytest.mark.parametrize("key", sorted(SEEDS))
@pytest.mark.parametrize("separator", ["、", ". "])
def test_parts_numbered_in_arabic_keep_their_items(key, separator):
    text = SEEDS[key].read_text(encoding="utf-8")
    variant = arabic_parts(text, separator)
    assert variant != text
    original, renumbered = check_text(text, today=TODAY), check_text(variant, today=TODAY)
    assert [(e.id, e.status) for e in renumbered.elements] == [(e.id, e.status) for e in original.elements]
    assert renumbered.score == pytest.approx(original.score, abs=1.5)  # a finding may quote the marker


def test_the_items_sit_inside_their_part():
    variant = arabic_parts(SEEDS["004"].read_text(encoding="utf-8"), "、")
    sections = parse_document(SourceText(variant)).sections
    problems = next(s for s in sections if "存在的不足" in s.heading.title)
    assert problems.heading.marker == "6、"
    assert [child.heading.marker for child in problems.children] == ["(一)", "(二)", "(三)"]


def test_reports_in_the_usual_order_keep_the_usual_ranks():
    pages = sorted(p for p in CORPUS.rglob("*.txt"))
    assert len(pages) > 40
    for path in [*SEEDS.values(), *pages]:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert level_order([parse_heading(line.strip()) for line in lines]) == {}, path.name


def test_an_item_list_in_the_preamble_does_not_turn_the_parts_over():
    text = "\n".join(
        [
            "（一）学习贯彻习近平法治思想。（二）健全依法决策机制。",
            "一、主要举措和成效",
            "（一）完善制度",
            "（二）规范执法",
            "二、存在的不足和原因",
            "（一）学习不深",
            "三、下一步工作安排",
            "（一）加强学习",
        ]
    )
    roots = parse_document(SourceText(text)).sections
    assert [s.heading.marker for s in roots] == ["(一)", "一、", "二、", "三、"]
    assert [c.heading.marker for c in roots[1].children] == ["(一)", "(二)"]
