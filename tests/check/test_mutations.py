"""Mutations of real reports: remove or hollow a part and exactly that part changes."""

from __future__ import annotations

import re

import pytest

from checker.api import check_text
from checker.text.normalize import display_width
from tests.conftest import TODAY, seed_text


def check(text: str):
    return check_text(text, today=TODAY)


def statuses(result) -> dict[str, str]:
    return {e.id: e.status for e in result.elements}


def cut_between(text: str, start: str, end: str | None) -> str:
    """Remove from the line starting with ``start`` up to (not including) ``end``."""
    begin = text.index(start)
    stop = text.index(end, begin) if end else len(text)
    return text[:begin] + text[stop:]


BASE = seed_text("000")
BASE_RESULT = check(BASE)


def changed(result) -> dict[str, tuple[str, str]]:
    before, after = statuses(BASE_RESULT), statuses(result)
    return {k: (before[k], after[k]) for k in before if before[k] != after[k]}


def test_deleting_problems_section_makes_only_problems_missing():
    result = check(cut_between(BASE, "二、法治政府建设主要问题和不足", "三、法治政府建设下一步工作安排"))
    assert changed(result) == {"problems": (statuses(BASE_RESULT)["problems"], "missing")}
    assert result.score < BASE_RESULT.score


def test_deleting_plan_section_makes_only_plan_missing():
    result = check(cut_between(BASE, "三、法治政府建设下一步工作安排", "株洲市退役军人事务局\n\n2025年"))
    assert changed(result) == {"next-year-plan": (statuses(BASE_RESULT)["next-year-plan"], "missing")}
    assert result.score < BASE_RESULT.score


def test_deleting_first_responsible_person_subsection():
    result = check(cut_between(BASE, "(一) 认真履行", "(二) 扎实开展"))
    assert changed(result)["first-responsible-person"][1] == "missing"
    assert set(changed(result)) == {"first-responsible-person"}
    assert result.score < BASE_RESULT.score


def test_deleting_title_makes_title_missing_and_keeps_agency():
    text = BASE.replace("株洲市退役军人事务局\n\n2024 年法治政府建设情况年度报告\n", "", 1)
    result = check(text)
    assert changed(result) == {"title": ("present", "missing")}
    assert result.meta.agency == "株洲市退役军人事务局"
    assert result.score < BASE_RESULT.score


def test_deleting_signature_and_date():
    text = BASE[: BASE.rindex("株洲市退役军人事务局")]
    result = check(text)
    assert changed(result) == {"signature": ("present", "missing"), "date": ("present", "missing")}
    assert result.score < BASE_RESULT.score


def test_hollowing_measures_to_one_generic_sentence_makes_it_weak():
    text = cut_between(BASE, "(一) 认真履行", "二、法治政府建设主要问题和不足")
    hollow = "一、主要举措及成效\n\n我局认真推进法治政府建设，取得了一定成效。\n\n"
    text = text.replace("一、主要举措及成效\n", hollow, 1)
    result = check(text)
    after = statuses(result)
    assert after["measures"] == "weak"
    assert result.score < BASE_RESULT.score
    assert any(f.rule == "measures-present" for f in result.findings)


def test_hollowing_problems_to_one_sentence_makes_it_weak():
    start = BASE.index("对标先行示范更高要求")
    end = BASE.index("三、法治政府建设下一步工作安排")
    text = BASE[:start] + "我局法治建设仍有不足。\n\n" + BASE[end:]
    result = check(text)
    assert statuses(result)["problems"] == "weak"
    assert result.score < BASE_RESULT.score


def wrap(text: str, chars: int = 30, blank: bool = True) -> str:
    """Hard-wrap every paragraph at ``chars`` Han characters (display width 2 each), as a
    PDF layout does, optionally with a blank line after every line."""
    out: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        piece, used = "", 0
        for ch in line:
            w = display_width(ch)
            if used + w > 2 * chars:
                out.append(piece)
                piece, used = "", 0
            piece += ch
            used += w
        out.append(piece)
    return ("\n\n" if blank else "\n").join(out)


@pytest.mark.parametrize("key", ["000", "001", "003", "004"])
@pytest.mark.parametrize(
    "noise",
    [
        pytest.param(lambda t: wrap(t, 30, True), id="wrap30-blank"),
        pytest.param(lambda t: wrap(t, 28, False), id="wrap28"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: "\ufeff" + t, id="bom"),
    ],
)
def test_format_noise_changes_nothing(key, noise):
    text = seed_text(key)
    plain, noisy = check(text), check(noise(text))
    assert statuses(noisy) == statuses(plain)
    assert noisy.meta == plain.meta
    assert abs(noisy.score - plain.score) <= 1.0


def test_gbk_bytes_read_like_utf8(tmp_path):
    from checker.api import check_file

    text = seed_text("003")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    a = check_file(tmp_path / "utf8.txt", today=TODAY)
    b = check_file(tmp_path / "gbk.txt", today=TODAY)
    assert statuses(a) == statuses(b) and a.score == b.score


def test_no_paragraph_text_lost_by_rejoining():
    text = seed_text("002")
    from checker.parse.structure import parse_document
    from checker.read.source import SourceText

    document = parse_document(SourceText(text))
    joined = "".join(p.text for p in document.paragraphs)
    original = re.sub(r"\s+", "", text).replace("，", ",").replace("（", "(").replace("）", ")")
    original = original.replace("：", ":").replace("；", ";")
    assert re.sub(r"\s+", "", joined) == original


@pytest.mark.parametrize("key", ["000", "001", "003", "004"])
def test_unnumbered_top_level_parts_are_still_found(key):
    """Some reports set their parts off as bare lines: drop 一、二、… and nothing changes."""
    text = seed_text(key)
    bare = re.sub(r"(?m)^(\s*)(?:\[bookmark: _GoBack\])?[一二三四五六七八九]、", r"\1", text)
    assert bare != text
    plain, stripped = check(text), check(bare)
    assert statuses(stripped) == statuses(plain)
    assert abs(stripped.score - plain.score) <= 3.0


def test_attachment_after_the_signed_date_is_not_body():
    attachment = (
        "\n\n附件：2024年法治建设工作台账\n\n序号 | 工作事项 | 完成情况\n"
        "1 | 党组会专题研究法治建设 | 已完成\n"
    )
    result = check(BASE + attachment)
    assert statuses(result) == statuses(BASE_RESULT)
    assert result.meta == BASE_RESULT.meta and result.score == BASE_RESULT.score


@pytest.mark.parametrize("key", ["000", "002", "004"])
def test_page_number_lines_from_a_pdf_copied_into_text_change_nothing(key):
    lines = wrap(seed_text(key), 30, False).split("\n")
    paged: list[str] = []
    for i, line in enumerate(lines, 1):
        paged.append(line)
        if i % 25 == 0:
            paged.append(f"— {i // 25} —" if i % 50 else f"第{i // 25}页 共9页")
    plain, noisy = check(seed_text(key)), check("\n".join(paged))
    assert statuses(noisy) == statuses(plain)
    assert abs(noisy.score - plain.score) <= 1.0


def test_filing_record_after_the_date_is_trailer():
    """The 版记 of a filed document (rule, 抄送, "……2025年1月24日印发") follows the date."""
    record = (
        "\n\n———————————————————\n抄送：市司法局。\n株洲市退役军人事务局办公室　　　　2025年1月24日印发\n"
    )
    result = check(BASE + record)
    assert statuses(result) == statuses(BASE_RESULT)
    assert result.meta.date == "2025-01-23" and result.score == BASE_RESULT.score


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_report_pasted_as_one_long_line_reads_the_same(key):
    """Web pages copied without line breaks: title, parts and signature are cut apart again."""
    text = seed_text(key)
    pasted = "".join(line.strip() for line in text.split("\n"))
    plain, one_line = check(text), check(pasted)
    assert statuses(one_line) == statuses(plain)
    assert one_line.meta == plain.meta
    assert abs(one_line.score - plain.score) <= 2.0
    for finding in one_line.findings:  # positions still point into the one original line
        after_last = 0 if finding.excerpt else 1  # a missing part's place may follow the last character
        assert finding.line == 1 and 1 <= finding.column <= len(pasted) + after_last
