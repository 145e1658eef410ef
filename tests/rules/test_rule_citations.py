"""Laws and Party sessions cited must exist, be spelt right and fit the report's date."""

from __future__ import annotations

from tests.rules.helpers import edit, findings, seed


def test_real_citations_pass():
    for key in ("000", "001", "002", "003", "004"):
        assert findings(seed(key), "citation-check") == [], key


def test_regulation_not_yet_published_at_report_date():
    # 004 reports on 2023, dated 2024-01-08; 退役军人安置条例 was published 2024-07-29
    text = edit("004", "《退役军人保障法》纳入", "《退役军人安置条例》纳入")
    [finding] = findings(text, "citation-check")
    assert "才公布" in finding.message and finding.excerpt == "《退役军人安置条例》"


def test_repealed_regulation_cited():
    text = edit("000", "《信访工作条例》", "《信访条例》")
    [finding] = findings(text, "citation-check")
    assert "废止" in finding.message and "信访工作条例" in finding.suggestion


def test_misspelt_law_title():
    text = edit(
        "000", "《中华人民共和国退役军人保障法》等法律法规", "《中华人民共和国退役军人保障条例》等法律法规"
    )
    [finding] = findings(text, "citation-check")
    assert "可能写错" in finding.message and "退役军人保障法" in finding.suggestion


def test_plenary_sessions_before_the_report_pass():
    # 000 (2024 report dated 2025-01-23) cites 二十届一中、二中、三中全会
    assert findings(seed("000"), "plenary-timeline") == []


def test_plenary_session_after_the_report_date():
    text = edit("004", "全面贯彻党的二十大精神", "全面贯彻党的二十大和二十届二中、三中全会精神")
    [finding] = findings(text, "plenary-timeline")
    assert "二十届三中全会" in finding.message and finding.excerpt == "三中"
    assert "（2024年7月召开）" in finding.message  # the month as the date-form rule asks: no 07


def test_a_different_short_law_is_not_a_misspelling():
    # 消防法 and 监察法 differ in two of three characters: two laws, not a typo
    text = edit("000", "《信访工作条例》", "《中华人民共和国消防法》")
    assert findings(text, "citation-check") == []


def test_a_national_law_title_that_does_not_exist_is_flagged_for_checking():
    text = edit("000", "《信访工作条例》", "《中华人民共和国退役军人优待法》")
    [finding] = findings(text, "citation-check")
    assert "不在内置法规目录中" in finding.message


def test_dash_and_year_variants_of_a_known_title_are_the_same_title():
    for variant in (
        "法治政府建设实施纲要(2021—2025年)",
        "法治政府建设实施纲要（2021－2025年）",
        "法治政府建设实施纲要(2021-2025)",
    ):
        text = edit("000", "《信访工作条例》", f"《{variant}》")
        assert findings(text, "citation-check") == [], variant


def test_only_legal_document_titles_are_checked_for_misspellings():
    # a book and a local plan are not near-misses of catalogue titles
    for title in (
        "中国共产党百年法治大事记",
        "法治江南建设规划(2022—2025年)",
        "法治社会建设实施纲要(2020—2025年)",
    ):
        assert findings(edit("000", "《信访工作条例》", f"《{title}》"), "citation-check") == [], title


def test_a_misquoted_regulation_title_is_caught():
    # the real title is 《党政主要负责人履行推进法治建设第一责任人职责规定》 (corpus page 015)
    text = edit("000", "《信访工作条例》", "《党政主要负责人履行推进法治政府建设第一责任人职责规定》")
    [finding] = findings(text, "citation-check")
    assert "党政主要负责人履行推进法治建设第一责任人职责规定" in finding.suggestion


def test_a_local_measure_far_from_every_catalogue_title_is_not_called_a_misspelling_of_one():
    # 监督工作办法 is four edits from the 督察工作规定 and further from every other title; an edit
    # distance cut off at two made 法治中国建设规划(2020-2025) look near enough to suggest it
    text = edit("000", "《信访工作条例》", "《法治政府建设与责任落实监督工作办法》")
    assert not any("法治中国建设规划" in f.suggestion for f in findings(text, "citation-check"))
    # one word off the 督察工作规定 is still caught
    text = edit("000", "《信访工作条例》", "《法治政府建设与责任落实督察工作条例》")
    [finding] = findings(text, "citation-check")
    assert "可能写错" in finding.message and "法治政府建设与责任落实督察工作规定" in finding.suggestion
