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
    HALF,
    INDEX_PAGE,
    LIST_PAGER,
    PAGE_ONE,
    PAGE_TWO,
    PREV_NEXT,
    PREV_NEXT_BARE,
    REPORT_THEN_SHUFA,
    REPORT_WITH_ANNEX,
    SEED_001_BODY,
    SEED_001_TITLE,
    SHUFA_THEN_REPORT,
    STATIC_PAGER_FIRST,
    STATIC_PAGER_LAST,
    UNDATED_COMPILATION,
    UNDATED_COMPILATION_ONE_LINE_TITLES,
    as_docx,
    as_html,
    line_of,
    portal_page,
    trs_list_page,
    trs_script_pager,
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


LEFT_OUT = "other-document-left-out"


@pytest.mark.parametrize(
    "text",
    [REPORT_THEN_SHUFA, SHUFA_THEN_REPORT, REPORT_WITH_ANNEX],
    ids=["shufa-after", "shufa-before", "annex"],
)
def test_a_report_with_another_document_or_an_annex_beside_it_is_checked_as_the_report(text):
    result = check_text(text, today=TODAY)
    alone = check_text(seed_text("000"), today=TODAY)
    assert result.status == "ok" and result.score == alone.score and result.meta == alone.meta
    assert [f.rule for f in result.findings if f.rule != LEFT_OUT] == [f.rule for f in alone.findings]


@pytest.mark.parametrize(
    "text, position", [(SHUFA_THEN_REPORT, "之前"), (REPORT_THEN_SHUFA, "之后")], ids=["before", "after"]
)
def test_a_document_left_out_is_told_with_its_title_and_first_line(text, position):
    result = check_text(text, today=TODAY)
    [finding] = [f for f in result.findings if f.rule == LEFT_OUT]
    start = line_of(text, "2023年度党政主要负责人述法报告")
    assert finding.severity == "info" and finding.line == start
    assert finding.message == (
        f"报告{position}还有另一份文件“2023年度党政主要负责人述法报告”（第{start}行起），未作检查，也不计入得分。"
    )


def test_a_document_left_out_is_told_in_english_too():
    result = check_text(SHUFA_THEN_REPORT, today=TODAY, lang="en")
    [finding] = [f for f in result.findings if f.rule == LEFT_OUT]
    assert finding.message.startswith(
        'Another document, "2023年度党政主要负责人述法报告" (from line 1), stands before'
    )


def test_an_annex_is_no_document_left_out():
    assert [f for f in check_text(REPORT_WITH_ANNEX, today=TODAY).findings if f.rule == LEFT_OUT] == []


@pytest.mark.parametrize("writer", [as_docx, as_html], ids=["docx", "html"])
def test_a_shufa_report_before_the_report_in_word_or_on_a_web_page_is_left_out(writer, tmp_path):
    result = check_file(writer(SHUFA_THEN_REPORT, tmp_path / f"s.{writer.__name__[3:]}"), today=TODAY)
    assert result.status == "ok" and result.meta is not None
    assert result.meta.title == check_text(seed_text("000"), today=TODAY).meta.title
    assert [f.rule for f in result.findings].count(LEFT_OUT) == 1


@pytest.mark.parametrize(
    "text", [UNDATED_COMPILATION, UNDATED_COMPILATION_ONE_LINE_TITLES], ids=["two-line", "one-line"]
)
def test_a_compilation_without_closing_dates_is_refused_with_each_title(text):
    result = check_text(text, today=TODAY)
    assert result.error is not None and result.error.code == "several-reports"
    assert "3份" in result.error.message
    assert all(title.replace(" ", "") in result.error.message for title in COMPILATION_TITLES)


# ---- portal pages -------------------------------------------------------------------------
FIRST_HALF, SECOND_HALF = SEED_001_BODY[:HALF], SEED_001_BODY[HALF:]


def _page(tmp_path, html_text: str):
    path = tmp_path / "page.html"
    path.write_text(html_text, encoding="utf-8")
    return check_file(path, today=TODAY)


@pytest.mark.parametrize(
    "lines, pager",
    [
        (FIRST_HALF, trs_script_pager(0)),
        (SECOND_HALF, trs_script_pager(1)),
        (FIRST_HALF, STATIC_PAGER_FIRST),
        (SECOND_HALF, STATIC_PAGER_LAST),
    ],
    ids=["script-first", "script-second", "links-first", "links-second"],
)
def test_a_portal_page_of_a_paginated_report_says_so(lines, pager, tmp_path):
    # the pager is outside the article's container, or written by a script: not in the text
    result = _page(tmp_path, portal_page(lines, SEED_001_TITLE, after_content=pager))
    assert result.error is not None and result.error.code == "partial-page"
    assert "翻页链接" in result.error.message


def test_the_last_page_written_by_a_script_with_the_closing_is_still_a_part(tmp_path):
    lines = [*SECOND_HALF, "卢氏县退役军人事务局", "2025年1月20日"]
    result = _page(tmp_path, portal_page(lines, SEED_001_TITLE, after_content=trs_script_pager(1)))
    assert result.error is not None and result.error.code == "partial-page"


@pytest.mark.parametrize(
    "in_content, after_content",
    [
        (PREV_NEXT, ""),
        ("", PREV_NEXT),
        (PREV_NEXT_BARE, ""),
        (LIST_PAGER, ""),
        ("", LIST_PAGER),
        ("", trs_script_pager(0, 5, "index")),
        ("", trs_script_pager(0, 1)),
    ],
    ids=[
        "prev-next",
        "prev-next-after",
        "prev-next-bare",
        "list-pager",
        "list-pager-after",
        "list-script",
        "one-page",
    ],
)
def test_a_whole_report_page_with_links_to_other_articles_or_lists_is_the_report(
    in_content, after_content, tmp_path
):
    # seed 001 has no closing date: a pager of its own would make it a page
    plain = _page(tmp_path, portal_page(SEED_001_BODY, SEED_001_TITLE))
    result = _page(
        tmp_path,
        portal_page(SEED_001_BODY, SEED_001_TITLE, in_content=in_content, after_content=after_content),
    )
    assert result.status == "ok" and result.is_report
    assert result.score == plain.score and result.findings == plain.findings


def test_a_column_list_page_paginated_by_a_script_is_an_index_not_a_page(tmp_path):
    result = _page(tmp_path, trs_list_page())
    assert result.status == "ok" and not result.is_report
    assert result.not_report_reason is not None and "目录页" in result.not_report_reason


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
        "shufa-first": SHUFA_THEN_REPORT,
        "undated": UNDATED_COMPILATION,
        "index": INDEX_PAGE,
        "page1": PAGE_ONE,
    }.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    as_docx(COMPILATION, folder / "compilation.docx")
    (folder / "page1.html").write_text(
        portal_page(SEED_001_BODY[:HALF], SEED_001_TITLE, after_content=trs_script_pager(0)), encoding="utf-8"
    )
    run_audit([str(folder)], tmp_path / "out", audit_options())
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in results_of(tmp_path / "out")}
    assert sorted(rows) == [
        "compilation.docx",
        "compilation.txt",
        "index.txt",
        "page1.html",
        "page1.txt",
        "shufa-first.txt",
        "shufa.txt",
        "undated.txt",
    ]
    assert rows["compilation.txt"]["error"]["code"] == "several-reports"
    assert rows["compilation.docx"]["error"]["code"] == "several-reports"
    assert rows["page1.txt"]["error"]["code"] == "partial-page"
    assert rows["index.txt"]["is_report"] is False
    alone = check_text(seed_text("000"), today=date.fromisoformat(AUDIT_TODAY))
    assert rows["shufa.txt"]["score"] == alone.score
    assert rows["shufa-first.txt"]["score"] == alone.score
    assert rows["undated.txt"]["error"]["code"] == "several-reports"
    assert rows["page1.html"]["error"]["code"] == "partial-page"
