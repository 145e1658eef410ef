"""Where each document in a text starts (checker/parse/parts.py): a compilation's reports, a
述法报告 after the report; an annex, a quoted title or an ordinary report is one document."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.parse.structure import parse_document
from checker.read.source import SourceText
from tests.bundles import (
    COMPILATION,
    COMPILATION_TITLES,
    REPORT_THEN_SHUFA,
    REPORT_WITH_ANNEX,
    line_of,
)
from tests.conftest import CORPUS, SEEDS, TODAY, seed_text


def _parsed(text: str):
    return parse_document(SourceText(text))


def test_a_compilation_names_each_later_report_with_its_title_line():
    document = _parsed(COMPILATION)
    later = [(part.title, part.title_paragraph.line) for part in document.later]
    # each title is written in two lines, the body's name above: the title line is cited
    expected = [(title, line_of(COMPILATION, title.split("局", 1)[1])) for title in COMPILATION_TITLES[1:]]
    assert later == expected


def test_the_first_report_of_a_compilation_ends_at_its_own_closing():
    document = _parsed(COMPILATION)
    assert document.date is not None and document.date.iso == "2025-01-23"
    assert document.signature_agency == "株洲市退役军人事务局"


def test_a_shufa_report_after_the_report_is_left_out_of_the_report():
    document = _parsed(REPORT_THEN_SHUFA)
    assert [part.title for part in document.later] == ["2023年度党政主要负责人述法报告"]
    alone = check_text(seed_text("000"), today=TODAY)
    both = check_text(REPORT_THEN_SHUFA, today=TODAY)
    assert both.score == alone.score and both.meta == alone.meta
    assert [f.rule for f in both.findings] == [f.rule for f in alone.findings]


def test_an_annex_after_the_closing_is_no_new_document():
    assert _parsed(REPORT_WITH_ANNEX).later == ()


def test_titles_listed_after_the_closing_without_a_body_are_no_new_document():
    # a portal's "相关文章" under the report: earlier years' titles, each only a link
    related = "\n".join(
        [
            "",
            "相关文章",
            "株洲市退役军人事务局2023年法治政府建设年度报告",
            "株洲市退役军人事务局2022年法治政府建设年度报告",
            "",
        ]
    )
    text = seed_text("000").rstrip() + "\n" + related
    assert _parsed(text).later == ()
    assert check_text(text, today=TODAY).score == check_text(seed_text("000"), today=TODAY).score


@pytest.mark.parametrize(
    "path",
    [
        *SEEDS.values(),
        *sorted((CORPUS / "pages").glob("*.txt")),
        *sorted((CORPUS / "negatives").glob("*.txt")),
    ],
    ids=lambda p: p.name,
)
def test_a_real_report_or_opening_holds_one_document(path):
    assert _parsed(path.read_text(encoding="utf-8")).later == ()
