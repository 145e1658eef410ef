"""A missing element's finding points where the element belongs, never inside a word.

Real seed texts with one part taken out: the finding's line and column (the JSON contract)
name the place, its message names the parts around it, the terminal says 第N行之后/之前, and
the self-check page draws its marker there.
"""

from __future__ import annotations

from checker.api import check_text
from checker.formats import RenderContext
from checker.formats.jsonout import result_to_dict
from checker.formats.text import render
from checker.options import CheckOptions
from checker.serve.highlight import line_starts, pieces, place
from tests.conftest import TODAY, seed_text

PROBLEMS_HEADING = "二、法治政府建设主要问题和不足"
PLAN_HEADING = "三、法治政府建设下一步工作安排"
MEASURES_END = "没有发生因违法或不当决策被上级机关责令纠正或撤销的情形"


def _without_problems() -> str:
    """Seed 000 with its whole 不足 part (heading and text) taken out."""
    text = seed_text("000")
    start, end = text.index(PROBLEMS_HEADING), text.index(PLAN_HEADING)
    return text[:start] + text[end:]


def _finding(result, rule: str):
    (finding,) = [f for f in result.findings if f.rule == rule]
    return finding


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if needle in line)


def test_missing_part_points_after_the_part_before_it():
    text = _without_problems()
    result = check_text(text, today=TODAY)
    finding = _finding(result, "problems-present")
    lines = text.split("\n")
    expected_line = _line_of(text, MEASURES_END)  # the measures part's last paragraph
    assert finding.line == expected_line
    assert finding.column == len(lines[expected_line - 1]) + 1  # after its last character
    assert not finding.excerpt
    assert "应写在“一、主要举措及成效”部分之后、“三、法治政府建设下一步工作安排”部分之前" in finding.message


def test_terminal_says_after_which_line_and_between_which_parts():
    text = _without_problems()
    result = check_text(text, today=TODAY)
    output = render([result], RenderContext(CheckOptions(), color=False))
    line = _line_of(text, MEASURES_END)
    (said,) = [row for row in output.splitlines() if "(problems-present)" in row]
    assert f"第{line}行之后 “存在的不足和原因”部分缺失，应写在“一、主要举措及成效”部分之后" in said
    assert "文末" not in said


def test_english_message_names_the_parts_around_the_place():
    result = check_text(_without_problems(), today=TODAY, lang="en")
    message = _finding(result, "problems-present").message
    assert 'is missing; it belongs after "一、主要举措及成效" and before "三、' in message
    output = render([result], RenderContext(CheckOptions(lang="en"), color=False))
    assert "after line " in next(row for row in output.splitlines() if "(problems-present)" in row)


def test_missing_signature_and_date_sit_after_the_last_character_signature_first():
    text = seed_text("001")  # a real report that ends with its text: no 落款, no date
    result = check_text(text, today=TODAY)
    lines = text.split("\n")
    signature, date = _finding(result, "signature-present"), _finding(result, "date-present")
    last = max(n for n, line in enumerate(lines, 1) if line.strip())
    for finding in (signature, date):
        assert (finding.line, finding.column) == (last, len(lines[last - 1].rstrip()) + 1)
    rules = [f.rule for f in result.findings]
    assert rules.index("signature-present") < rules.index("date-present")  # the order they are written in


def test_missing_signature_goes_before_the_date():
    text = seed_text("000")
    signature_line = text.split("\n")[-3]
    assert signature_line == "株洲市退役军人事务局"
    cut = text[: text.rindex(signature_line)] + text[text.rindex(signature_line) + len(signature_line) :]
    result = check_text(cut, today=TODAY)
    finding = _finding(result, "signature-present")
    date_line = _line_of(cut, "2025年1月23日")
    assert (finding.line, finding.column) == (date_line, 1)
    output = render([result], RenderContext(CheckOptions(), color=False))
    assert f"第{date_line}行之前 报告末尾没有发文机关署名" in output


def test_page_marker_follows_the_whole_line_not_inside_its_last_word():
    """The self-check page's highlighter, on the finding as the JSON carries it."""
    for text, rule in ((_without_problems(), "problems-present"), (seed_text("001"), "date-present")):
        result = result_to_dict(check_text(text, today=TODAY))
        lines = text.split("\n")
        starts = line_starts(lines)
        number, item = next((n, f) for n, f in enumerate(result["findings"], 1) if f["rule"] == rule)
        spot = place(item, number, lines, starts)
        assert spot is not None and spot.start == spot.end
        row = pieces(spot.line, lines[spot.line], starts[spot.line], [spot])
        assert "".join(p.text for p in row) == lines[spot.line]
        assert row[-1].markers == (number,) and row[-1].text == ""  # after the line's last character
        assert all(not p.markers for p in row[:-1])
