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
