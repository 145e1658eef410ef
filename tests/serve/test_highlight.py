"""Findings placed in the report's text: spans across wrapped lines, markers, overlaps."""

from __future__ import annotations

from checker.api import check_file
from checker.formats.jsonout import result_to_dict
from checker.read import read_bytes
from checker.serve.highlight import Place, line_starts, pieces, place
from tests.conftest import ROOT, SEEDS


def finding(line, column, excerpt):
    return {"line": line, "column": column, "excerpt": excerpt}


def test_excerpt_is_found_at_its_line_and_column():
    lines = ["标题", "一、主要举措和成效", "正文"]
    starts = line_starts(lines)
    spot = place(finding(2, 3, "主要举措"), 1, lines, starts)
    assert spot == Place(1, starts[1] + 2, starts[1] + 6, 1)


def test_excerpt_over_wrapped_lines_runs_across_the_break():
    lines = ["我局深入推进法治", "  政府建设工作。"]
    starts = line_starts(lines)
    spot = place(finding(1, 5, "推进法治政府建设"), 1, lines, starts)
    assert spot is not None and "\n".join(lines)[spot.start : spot.end] == "推进法治\n  政府建设"
    first = pieces(0, lines[0], starts[0], [spot])
    second = pieces(1, lines[1], starts[1], [spot])
    assert [(p.text, p.numbers, p.starts) for p in first] == [("我局深入", (), ()), ("推进法治", (1,), (1,))]
    assert [(p.text, p.numbers) for p in second] == [("  政府建设", (1,)), ("工作。", ())]


def test_clipped_excerpt_and_a_wrong_column_still_find_the_passage():
    lines = ["abc 存在的不足和原因分析不够深入具体"]
    spot = place(finding(1, 1, "存在的不足…"), 7, lines, line_starts(lines))
    assert spot is not None and lines[0][spot.start : spot.end] == "存在的不足"


def test_finding_without_excerpt_is_a_marker_and_without_line_is_general():
    lines = ["正文。", "结尾"]
    starts = line_starts(lines)
    marker = place(finding(2, 3, ""), 4, lines, starts)
    assert marker == Place(4, starts[1] + 2, starts[1] + 2, 1)
    assert [(p.text, p.markers) for p in pieces(1, lines[1], starts[1], [marker])] == [
        ("结尾", ()),
        ("", (4,)),
    ]
    assert place(finding(None, None, "x"), 1, lines, starts) is None
    assert place(finding(99, 1, "x"), 1, lines, starts) is None


def test_overlapping_findings_split_into_runs_covered_by_both():
    line = "一二三四五六"
    spans = [Place(1, 0, 4, 0), Place(2, 2, 6, 0)]
    assert [(p.text, p.numbers) for p in pieces(0, line, 0, spans)] == [
        ("一二", (1,)),
        ("三四", (1, 2)),
        ("五六", (2,)),
    ]


def test_every_located_finding_of_the_seeds_is_placed_on_its_excerpt():
    """On the real seeds and a docx: each finding with an excerpt lands on that text."""
    paths = [*SEEDS.values(), ROOT / "tests" / "fixtures" / "formats" / "seed3.docx"]
    checked = 0
    for path in paths:
        text = read_bytes(path.read_bytes(), path.suffix).text
        lines = text.split("\n")
        starts = line_starts(lines)
        full = "\n".join(lines)
        for number, item in enumerate(result_to_dict(check_file(path))["findings"], 1):
            spot = place(item, number, lines, starts)
            if not item["excerpt"] or spot is None:
                continue
            covered = "".join(full[spot.start : spot.end].split())
            assert covered.startswith("".join(item["excerpt"].rstrip("…").split())[:10]), (path.name, item)
            checked += 1
    assert checked >= 10
