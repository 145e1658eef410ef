"""Layout hints from the readers: where each line of a laid-out PDF or docx sits."""

from __future__ import annotations

from pathlib import Path

from checker.read import read_path

LAYOUT = Path(__file__).resolve().parent.parent / "fixtures" / "layout"


def lines_and_hints(name: str):
    source = read_path(LAYOUT / name)
    assert source.layout is not None and len(source.layout) == len(source.text.split("\n"))
    return list(zip(source.text.split("\n"), source.layout, strict=True))


def test_pdf_title_is_centred_and_larger_signature_and_date_right_aligned():
    lines = [(text, hint) for text, hint in lines_and_hints("seed0.laid-out.pdf") if text.strip()]
    (name, name_hint), (title, title_hint), (_, opening_hint) = lines[:3]
    assert name == "株洲市退役军人事务局" and title.startswith("2024 年法治政府建设")
    for hint in (name_hint, title_hint):
        assert hint.align == "centre" and hint.size is not None and hint.size > 1.2
    assert opening_hint.align == "left" and opening_hint.size == 1.0
    assert opening_hint.indent is not None and 1.5 <= opening_hint.indent <= 2.5  # first-line indent
    assert opening_hint.gap is not None and opening_hint.gap > 0  # space under the title
    (signature, signature_hint), (date, date_hint) = lines[-2:]
    assert signature == "株洲市退役军人事务局" and date.startswith("2025")
    assert signature_hint.align == "right" and date_hint.align == "right"


def test_pdf_body_lines_run_to_the_margin_and_a_paragraph_end_stops_short():
    lines = lines_and_hints("seed0.laid-out.pdf")
    ends = [hint for text, hint in lines if text.endswith("。") and hint and hint.align == "left"]
    continued = [hint for text, hint in lines if hint and hint.indent is not None and hint.indent < 0.5]
    assert any(hint.full is False for hint in ends)
    assert sum(1 for hint in continued if hint.full) > 0.5 * len(continued)


def test_docx_alignment_and_heading_styles():
    lines = lines_and_hints("seed0.laid-out.docx")
    assert lines[0][1].align == "centre" and lines[1][1].align == "centre"
    headings = [text for text, hint in lines if hint and hint.style == "heading"]
    assert headings[:1] == ["一、主要举措及成效"] and all(hint.level == 1 for _, hint in lines if hint.style)
    assert lines[-1][1].align == "right" and lines[-2][1].align == "right"


def test_plain_text_has_no_layout(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("株洲市退役军人事务局\n2024年法治政府建设情况年度报告\n", encoding="utf-8")
    assert read_path(path).layout is None
