"""Where each document in a text starts (checker/parse/parts.py): a compilation's reports, a
述法报告 after the report; an annex, a quoted title or an ordinary report is one document."""

from __future__ import annotations

import pytest

from checker.api import check_text
from checker.packs.pack import load_pack
from checker.parse.structure import parse_document
from checker.read import read_path
from checker.read.source import SourceText
from tests.bundles import (
    COMPILATION,
    COMPILATION_TITLES,
    REPORT_THEN_SHUFA,
    REPORT_WITH_ANNEX,
    SHUFA,
    SHUFA_REPORT_SHUFA,
    SHUFA_THEN_REPORT,
    UNDATED_COMPILATION,
    UNDATED_COMPILATION_ONE_LINE_TITLES,
    line_of,
    without_closing_date,
)
from tests.conftest import CORPUS, SEEDS, TODAY, seed_text

NATIONAL_TITLES = load_pack("national").detection["title"]


def _parsed(text: str):
    return parse_document(SourceText(text), NATIONAL_TITLES)


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


LEFT_OUT = "other-document-left-out"


def test_a_shufa_report_after_the_report_is_left_out_of_the_report():
    document = _parsed(REPORT_THEN_SHUFA)
    assert [part.title for part in document.later] == ["2023年度党政主要负责人述法报告"]
    alone = check_text(seed_text("000"), today=TODAY)
    both = check_text(REPORT_THEN_SHUFA, today=TODAY)
    assert both.score == alone.score and both.meta == alone.meta
    assert [f.rule for f in both.findings if f.rule != LEFT_OUT] == [f.rule for f in alone.findings]


def test_a_shufa_report_before_the_report_is_left_out_and_the_report_is_checked():
    document = _parsed(SHUFA_THEN_REPORT)
    assert [part.title for part in document.earlier] == ["2023年度党政主要负责人述法报告"]
    assert document.later == ()
    assert document.title_text == _parsed(seed_text("000")).title_text
    assert SHUFA.split("\n")[2] not in [p.text for p in document.paragraphs]  # its body is not the report's
    alone = check_text(seed_text("000"), today=TODAY)
    both = check_text(SHUFA_THEN_REPORT, today=TODAY)
    assert both.status == "ok" and both.score == alone.score and both.meta == alone.meta
    assert [f.rule for f in both.findings if f.rule != LEFT_OUT] == [f.rule for f in alone.findings]


def test_documents_before_and_after_the_report_are_both_left_out():
    document = _parsed(SHUFA_REPORT_SHUFA)
    assert [part.title for part in document.earlier] == ["2023年度党政主要负责人述法报告"]
    assert [part.title for part in document.later] == ["2023年度党政主要负责人述法报告"]
    assert (
        check_text(SHUFA_REPORT_SHUFA, today=TODAY).score == check_text(seed_text("000"), today=TODAY).score
    )


def test_an_untitled_first_document_is_taken_for_the_report():
    # no title to tell it is another kind: a compilation whose first report lost its title
    text = "\n".join(SHUFA.split("\n")[1:]) + "\n" + seed_text("000")
    document = _parsed(text)
    assert document.earlier == () and len(document.later) == 1


@pytest.mark.parametrize(
    "text", [UNDATED_COMPILATION, UNDATED_COMPILATION_ONE_LINE_TITLES], ids=["two-line", "one-line"]
)
def test_a_compilationwithout_closing_dates_is_split_at_each_signature(text):
    document = _parsed(text)
    later = [(part.title, part.title_paragraph.line) for part in document.later]
    expected = [(title, line_of(text, title.split("局", 1)[1])) for title in COMPILATION_TITLES[1:]]
    assert later == expected
    assert document.signature_agency == "株洲市退役军人事务局" and document.date is None


def test_a_signature_above_a_title_that_names_no_body_is_no_boundary():
    # "××局 / 2023年…报告" may be the title's own two lines: without a signature above them,
    # the report before has no closing to end at
    lines = without_closing_date(seed_text("000")).rstrip().split("\n")[:-1]
    text = "\n".join([*lines, "魏都区退役军人事务局", "2023年法治政府建设情况的报告", seed_text("003")])
    assert _parsed(text).later == ()


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


FIXTURES = CORPUS.parent
READABLE = {".txt", ".html", ".docx", ".doc", ".pdf", ".odt", ".rtf", ".mht", ".wps"}


@pytest.mark.parametrize(
    "path",
    [
        *SEEDS.values(),
        *sorted((CORPUS / "pages").glob("*.txt")),
        *sorted((CORPUS / "negatives").glob("*.txt")),
        *sorted(
            path
            for folder in ("formats", "variants", "lookalikes", "layout")
            for path in (FIXTURES / folder).rglob("*")
            if path.suffix in READABLE and "bad" not in path.parts
        ),
    ],
    ids=lambda p: str(p.relative_to(p.parents[1])),
)
def test_a_real_report_opening_or_fixture_holds_one_document(path):
    document = parse_document(read_path(path), NATIONAL_TITLES)
    assert document.later == () and document.earlier == ()
