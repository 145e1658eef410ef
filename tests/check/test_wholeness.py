"""A file holding several reports, or one page of a report, is not scored as one report
(checker/check/wholeness.py); an index page of links is not a report (checker/parse/doctype.py).
Each says what the file is and where that shows, in txt, docx and html alike."""

from __future__ import annotations

from datetime import date

import pytest

from checker.api import check_file, check_text
from checker.audit.run import run_audit
from tests.audit.corpora import TODAY as AUDIT_TODAY
from tests.audit.corpora import audit_options, results_of
from tests.bundles import (
    COMPILATION,
    COMPILATION_TITLES,
    INDEX_PAGE,
    PAGE_ONE,
    PAGE_TWO,
    REPORT_THEN_SHUFA,
    REPORT_WITH_ANNEX,
    as_docx,
    as_html,
    line_of,
)
from tests.conftest import TODAY, seed_text


def test_a_compilation_is_refused_with_each_title_and_its_line():
    result = check_text(COMPILATION, today=TODAY)
    assert result.status == "error" and result.error is not None
    assert result.error.code == "several-reports"
    message = result.error.message
    assert "3份" in message
    first = line_of(COMPILATION, "株洲市退役军人事务局")
    assert f"第{first}行“{COMPILATION_TITLES[0].replace(' ', '')}”" in message
    for title in COMPILATION_TITLES[1:]:
        assert f"第{line_of(COMPILATION, title.split('局', 1)[1])}行“{title}”" in message


def test_a_compilation_is_refused_in_english_too():
    result = check_text(COMPILATION, today=TODAY, lang="en")
    assert result.error is not None and result.error.message.startswith(
        "The file holds 3 rule-of-law reports"
    )


@pytest.mark.parametrize("writer", [as_docx, as_html], ids=["docx", "html"])
def test_a_compilation_in_word_or_on_a_web_page_is_refused_alike(writer, tmp_path):
    result = check_file(writer(COMPILATION, tmp_path / f"c.{writer.__name__[3:]}"), today=TODAY)
    assert result.error is not None and result.error.code == "several-reports"
    assert all(title.replace(" ", "") in result.error.message for title in COMPILATION_TITLES)


@pytest.mark.parametrize("text", [REPORT_THEN_SHUFA, REPORT_WITH_ANNEX], ids=["shufa", "annex"])
def test_a_report_with_another_document_or_an_annex_after_it_is_checked_as_the_report(text):
    result = check_text(text, today=TODAY)
    alone = check_text(seed_text("000"), today=TODAY)
    assert result.status == "ok" and result.score == alone.score
    assert [f.rule for f in result.findings] == [f.rule for f in alone.findings]


@pytest.mark.parametrize("text, link", [(PAGE_ONE, "下一页"), (PAGE_TWO, "上一页")], ids=["first", "second"])
def test_one_page_of_a_paginated_report_says_so_with_the_link_line(text, link):
    result = check_text(text, today=TODAY)
    assert result.error is not None and result.error.code == "partial-page"
    assert f"第{line_of(text, link)}行" in result.error.message


def test_a_page_of_a_report_as_html_says_so(tmp_path):
    result = check_file(as_html(PAGE_ONE, tmp_path / "p1.html"), today=TODAY)
    assert result.error is not None and result.error.code == "partial-page"


def test_a_whole_report_with_a_pagination_bar_is_checked():
    # the report's closing is there: the bar is the portal's, not the report's continuation
    text = seed_text("000").rstrip() + "\n上一页  1  下一页\n"
    result = check_text(text, today=TODAY)
    assert result.status == "ok" and result.score == check_text(seed_text("000"), today=TODAY).score


@pytest.mark.parametrize("writer", [None, as_docx, as_html], ids=["txt", "docx", "html"])
def test_an_index_page_of_reports_is_not_a_report(writer, tmp_path):
    if writer is None:
        result = check_text(INDEX_PAGE, today=TODAY)
    else:
        result = check_file(writer(INDEX_PAGE, tmp_path / f"i.{writer.__name__[3:]}"), today=TODAY)
    assert result.status == "ok" and not result.is_report
    assert result.not_report_reason is not None and "目录页" in result.not_report_reason
    assert "列出了4份报告的标题" in result.not_report_reason


def test_an_audit_gives_each_bundle_one_row_saying_what_it_is(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {
        "compilation": COMPILATION,
        "shufa": REPORT_THEN_SHUFA,
        "index": INDEX_PAGE,
        "page1": PAGE_ONE,
    }.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    as_docx(COMPILATION, folder / "compilation.docx")
    run_audit([str(folder)], tmp_path / "out", audit_options())
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in results_of(tmp_path / "out")}
    assert sorted(rows) == ["compilation.docx", "compilation.txt", "index.txt", "page1.txt", "shufa.txt"]
    assert rows["compilation.txt"]["error"]["code"] == "several-reports"
    assert rows["compilation.docx"]["error"]["code"] == "several-reports"
    assert rows["page1.txt"]["error"]["code"] == "partial-page"
    assert rows["index.txt"]["is_report"] is False
    alone = check_text(seed_text("000"), today=date.fromisoformat(AUDIT_TODAY))
    assert rows["shufa.txt"]["score"] == alone.score
