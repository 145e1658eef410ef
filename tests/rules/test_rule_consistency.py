"""Years and names that must agree; dates in the reporting window and in standard form."""

from __future__ import annotations

from tests.rules.helpers import edit, findings, seed, status


def test_consistent_years_pass():
    for key in ("000", "001", "002", "003", "004"):
        assert findings(seed(key), "year-consistency") == [], key


def test_opening_year_differs_from_title():
    text = edit("000", "2024 年，株洲市退役军人事务局坚持", "2023 年，株洲市退役军人事务局坚持")
    [finding] = findings(text, "year-consistency")
    assert (finding.line, finding.column) == (7, 1)
    assert "2023" in finding.message and "2024" in finding.message


def test_misspelt_own_name_is_found_where_written():
    [finding] = findings(seed("003"), "agency-consistency")
    assert finding.excerpt == "退役军事务局"
    line = seed("003").split("\n")[finding.line - 1]
    assert line[finding.column - 1 : finding.column + 5] == "退役军事务局"


def test_correct_names_pass():
    for key in ("000", "001", "002", "004"):
        assert findings(seed(key), "agency-consistency") == [], key


def test_signature_of_another_body():
    text = edit("000", "株洲市退役军人事务局\n\n2025年1月23日", "株洲市民政局\n\n2025年1月23日")
    [finding] = findings(text, "agency-consistency")
    assert finding.excerpt == "株洲市民政局" and status(text, "signature") == "weak"


def test_date_after_deadline_is_weak():
    text = edit("000", "2025年1月23日", "2025年4月15日")
    [finding] = findings(text, "date-window")
    assert "逾期" in finding.message and status(text, "date") == "weak"


def test_date_inside_reported_year_is_weak():
    text = edit("000", "2025年1月23日", "2024年12月20日")
    [finding] = findings(text, "date-window")
    assert "年度之内" in finding.message


def test_date_in_window_passes():
    assert findings(seed("000"), "date-window") == []
    assert findings(seed("004"), "date-window") == []


def test_padded_and_chinese_dates_get_form_advice():
    [padded] = findings(edit("000", "2025年1月23日", "2025年01月23日"), "date-form")
    assert padded.severity == "info" and "2025年1月23日" in padded.suggestion
    [chinese] = findings(edit("000", "2025年1月23日", "二〇二五年一月二十三日"), "date-form")
    assert "2025年1月23日" in chinese.suggestion
    assert findings(seed("000"), "date-form") == []


def test_request_wording_in_a_report():
    text = edit("000", "株洲市退役军人事务局\n\n2025年", "妥否，请批示。\n\n株洲市退役军人事务局\n\n2025年")
    [finding] = findings(text, "no-request-wording")
    assert finding.excerpt == "妥否，请批示"  # as written, full-width comma kept


def test_vague_period_in_opening():
    [finding] = findings(seed("002"), "opening-period")
    assert finding.excerpt == "2023 年以来" and finding.line == 4  # quoted as written
    assert findings(seed("000"), "opening-period") == []


def test_publication_after_1_april_is_late():
    from checker.api import check_text
    from tests.conftest import CORPUS, TODAY

    page = (CORPUS / "pages" / "029.txt").read_text(encoding="utf-8")
    assert not [f for f in check_text(page, today=TODAY).findings if f.rule == "publish-date"]
    late = page.replace("发布日期: | 2025-02-14", "发布日期: | 2025-05-14")
    [finding] = [f for f in check_text(late, today=TODAY).findings if f.rule == "publish-date"]
    assert "2025年5月14日" in finding.message and "2025年4月1日" in finding.message


def test_another_real_body_with_a_similar_short_name_is_not_a_typo():
    text = seed("000").replace("株洲市退役军人事务局", "株洲市教育局")
    text = text.replace("退役军人大型专场招聘会", "大型专场招聘会，联合市体育局开展活动")
    assert findings(text, "agency-consistency") == []


def test_impossible_date_is_reported_as_such():
    text = edit("000", "2025年1月23日", "2025年2月30日")
    [finding] = findings(text, "date-window")
    assert "不是一个有效日期" in finding.message and finding.excerpt == "2025年2月30日"
    assert status(text, "date") == "weak"
    assert not findings(text, "date-present") and not findings(text, "date-form")
